/**
 * The invoice screens (issue 4) for the app's screen table and menu:
 *   App.tsx: `...invoiceScreens` in SCREENS and `INVOICES_MENU` in MENU.
 * Importing this module also registers the screens' texts (see common.tsx).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { CustomersScreen, SuppliersScreen } from './Contacts';
import { InvoiceEditorScreen } from './InvoiceEditor';
import { InvoiceSettingsScreen } from './InvoiceSettings';
import { PurchaseInvoicesScreen, SalesInvoicesScreen } from './InvoicesList';
import { InvoiceViewScreen } from './InvoiceView';
import { OpenItemsScreen } from './OpenItems';
import { PurchaseEditorScreen } from './PurchaseEditor';

export const invoiceScreens: Record<string, ComponentType<ScreenProps>> = {
  invoices: SalesInvoicesScreen,
  purchases: PurchaseInvoicesScreen,
  invoice: InvoiceViewScreen,
  'invoice-edit': InvoiceEditorScreen,
  'purchase-edit': PurchaseEditorScreen,
  customers: CustomersScreen,
  suppliers: SuppliersScreen,
  'open-items': OpenItemsScreen,
  'invoice-settings': InvoiceSettingsScreen,
};

export const INVOICES_MENU = {
  group: 'invoices',
  items: ['invoices', 'purchases', 'open-items', 'customers', 'suppliers', 'invoice-settings'],
};
