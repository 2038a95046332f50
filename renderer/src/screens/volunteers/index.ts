/**
 * The volunteer screens (issue 5):
 * their chunk's screen table (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts.
 * Importing this module also registers the screens' texts (see common.tsx).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { LimitsScreen } from './LimitsScreen';
import { OverviewScreen } from './OverviewScreen';
import { PayoutScreen } from './PayoutScreen';
import { PayScreen } from './PayScreen';
import { PersonFormScreen } from './PersonForm';
import { StatementsScreen } from './StatementsScreen';
import { VolunteersScreen } from './VolunteersList';

export const volunteerScreens: Record<string, ComponentType<ScreenProps>> = {
  volunteers: VolunteersScreen,
  'volunteer-person': PersonFormScreen,
  'volunteer-pay': PayScreen,
  'volunteer-overview': OverviewScreen,
  'volunteer-payout': PayoutScreen,
  'volunteer-statements': StatementsScreen,
  'volunteer-limits': LimitsScreen,
};
