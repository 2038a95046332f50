/**
 * The invoice screens (issue 4):
 * their chunk's screen table (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts.
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
