/**
 * The backup screen (issue 10) for the app's screen table and menu:
 *   App.tsx: `...backupScreens` in SCREENS and 'backups' in the 'setup' menu group.
 * Importing this module registers the screen's texts and answers the native menu's
 * "Back-up maken" (the 'backup' command App.tsx re-sends as a 'kassa:menu' window event) by
 * opening the screen with ?maak=1, which makes the backup and shows the result.
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import i18n from '../../i18n';
import { navigate } from '../../router';
import { BackupsScreen } from './BackupsScreen';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const backupScreens: Record<string, ComponentType<ScreenProps>> = {
  backups: BackupsScreen,
};

export const BACKUPS_MENU_ITEM = 'backups';

if (typeof window !== 'undefined') {
  window.addEventListener('kassa:menu', (event) => {
    const detail = (event as CustomEvent<unknown>).detail as { command?: unknown } | null;
    if (detail?.command === 'backup') navigate('backups', { maak: 1 });
  });
}
