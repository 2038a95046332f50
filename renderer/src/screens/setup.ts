/** Settings and the opening balance as one lazily loaded chunk: see renderer/src/screenTable.ts. */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../screenProps';
import { OpeningScreen } from './receipts/OpeningScreen';
import { SettingsScreen } from './Settings';

export const setupScreens: Record<string, ComponentType<ScreenProps>> = {
  settings: SettingsScreen,
  opening: OpeningScreen,
};
