/**
 * The kascommissie review and the coach's overview (issue 19): their chunk's screen table
 * (renderer/src/screenTable.ts); the menu items are in renderer/src/menu.ts. The overview also
 * opens without an administration (from the welcome screen).
 * Importing this module registers the screens' texts.
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';
import { OverviewScreen } from './OverviewScreen';
import { ReviewScreen } from './ReviewScreen';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const reviewScreens: Record<string, ComponentType<ScreenProps>> = {
  review: ReviewScreen,
  overview: OverviewScreen,
};
