/**
 * The bank screens (issue 8) for the app's screen table and menu:
 *   App.tsx: `...bankScreens` in SCREENS and `BANK_MENU` in MENU.
 * Importing this module also registers the screens' texts (see common.tsx).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { BankImportScreen } from './BankImportScreen';
import { BankInboxScreen } from './BankInboxScreen';
import { BankReconcileScreen } from './BankReconcileScreen';
import { BankRulesScreen } from './BankRulesScreen';

export const bankScreens: Record<string, ComponentType<ScreenProps>> = {
  'bank-import': BankImportScreen,
  'bank-inbox': BankInboxScreen,
  'bank-reconcile': BankReconcileScreen,
  'bank-rules': BankRulesScreen,
};

export const BANK_MENU = {
  group: 'bank',
  items: ['bank-import', 'bank-inbox', 'bank-reconcile', 'bank-rules'],
};
