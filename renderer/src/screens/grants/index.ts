/**
 * The grant screens (issue 6):
 * their chunk's screen table (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts.
 * Importing this module also registers the screens' texts (see common.tsx).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { BudgetScreen } from './BudgetScreen';
import { CoverageScreen } from './CoverageScreen';
import { GrantFormScreen } from './GrantForm';
import { GrantScreen } from './GrantScreen';
import { GrantsScreen } from './GrantsList';

export const grantScreens: Record<string, ComponentType<ScreenProps>> = {
  grants: GrantsScreen,
  grant: GrantScreen,
  'grant-edit': GrantFormScreen,
  budget: BudgetScreen,
  coverage: CoverageScreen,
};
