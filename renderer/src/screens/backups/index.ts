/**
 * The backup screen (issue 10): its chunk's screen table (renderer/src/screenTable.ts); the menu
 * item is in renderer/src/menu.ts and the native menu's "Back-up maken" in renderer/src/menuRoutes.ts.
 * Importing this module registers the screen's texts.
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import i18n from '../../i18n';
import { BackupsScreen } from './BackupsScreen';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const backupScreens: Record<string, ComponentType<ScreenProps>> = {
  backups: BackupsScreen,
};
