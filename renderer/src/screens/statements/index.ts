/**
 * The statement screens (issue 7) for the app's screen table and menu:
 *   App.tsx: `...statementScreens` in SCREENS and `STATEMENTS_MENU` in MENU.
 * Importing this module also registers the screens' texts (see common.tsx).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { AllocationScreen } from './AllocationScreen';
import { AnbiScreen } from './AnbiScreen';
import { CashFlowScreen } from './CashFlowScreen';
import { StatementsScreen } from './StatementsScreen';
import { YearEndScreen } from './YearEndScreen';

export const statementScreens: Record<string, ComponentType<ScreenProps>> = {
  statements: StatementsScreen,
  'cash-flow': CashFlowScreen,
  anbi: AnbiScreen,
  'year-end': YearEndScreen,
  allocation: AllocationScreen,
};

export const STATEMENTS_MENU = {
  group: 'statements',
  items: ['statements', 'cash-flow', 'anbi', 'year-end', 'allocation'],
};
