/**
 * The kascommissie review and the coach's overview (issue 19) for the app's screen table and menu:
 *   App.tsx: `...reviewScreens` in SCREENS and `REVIEW_MENU` in MENU; the overview also opens
 *   without an administration (from the welcome screen).
 * Importing this module registers the screens' texts.
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';
import { OverviewScreen } from './OverviewScreen';
import { ReviewScreen } from './ReviewScreen';
import './review.css';

i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export { OverviewScreen };

export const reviewScreens: Record<string, ComponentType<ScreenProps>> = {
  review: ReviewScreen,
  overview: OverviewScreen,
};

export const REVIEW_MENU = { group: 'review', items: ['review', 'overview'] };
