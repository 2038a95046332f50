/**
 * The bank screens (issue 8):
 * their chunk's screen table (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts.
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
