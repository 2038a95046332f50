/**
 * The statement screens (issue 7):
 * their chunk's screen table (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts.
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
