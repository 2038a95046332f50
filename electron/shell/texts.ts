import type { Language } from '../../shared/api/app';
import { readSettings } from '../app/settings';

/**
 * The few texts the Electron main process shows itself (menu, title bar while closing, native
 * dialogs), in the app's language. A small table rather than the renderer's i18n, which would pull
 * React and i18next into the main process. The language is the app setting the renderer uses too
 * (Dutch when unset, as the screens), read each time the menu is built or a dialog opens, so a
 * change in Settings reaches the menu at once (app.settings.set rebuilds it).
 */
export interface ShellTexts {
  menu: {
    file: string; new: string; open: string; recent: string; noRecent: string; backup: string; quit: string;
    edit: string; undo: string; redo: string; cut: string; copy: string; paste: string; selectAll: string;
    view: string; zoomIn: string; zoomOut: string; resetZoom: string; fullScreen: string; devTools: string;
    help: string; lessons: string;
  };
  closing: { backup: string; work: string };
  dialog: { openTitle: string; saveTitle: string; kassaFiles: string; allFiles: string };
}

const NL: ShellTexts = {
  menu: {
    file: 'Bestand', new: 'Nieuw…', open: 'Openen…', recent: 'Recent', noRecent: 'Nog geen administraties geopend', backup: 'Back-up maken', quit: 'Afsluiten',
    edit: 'Bewerken', undo: 'Ongedaan maken', redo: 'Opnieuw', cut: 'Knippen', copy: 'Kopiëren', paste: 'Plakken', selectAll: 'Alles selecteren',
    view: 'Beeld', zoomIn: 'Groter', zoomOut: 'Kleiner', resetZoom: 'Normale grootte', fullScreen: 'Volledig scherm', devTools: 'Ontwikkelaarshulpmiddelen',
    help: 'Help', lessons: 'Lessen',
  },
  closing: { backup: 'Back-up wordt gemaakt…', work: 'Uw werk wordt opgeslagen…' },
  dialog: { openTitle: 'Administratie openen', saveTitle: 'Opslaan als', kassaFiles: 'Kijk op de Kassa administratie', allFiles: 'Alle bestanden' },
};

const EN: ShellTexts = {
  menu: {
    file: 'File', new: 'New…', open: 'Open…', recent: 'Recent', noRecent: 'No administrations opened yet', backup: 'Make a backup', quit: 'Quit',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all',
    view: 'View', zoomIn: 'Larger', zoomOut: 'Smaller', resetZoom: 'Normal size', fullScreen: 'Full screen', devTools: 'Developer tools',
    help: 'Help', lessons: 'Lessons',
  },
  closing: { backup: 'Making a backup…', work: 'Saving your work…' },
  dialog: { openTitle: 'Open administration', saveTitle: 'Save as', kassaFiles: 'Kijk op de Kassa administration', allFiles: 'All files' },
};

export const SHELL_TEXTS: Record<Language, ShellTexts> = { nl: NL, en: EN };

/** The app's language as set (Dutch when unset or unreadable). */
export function shellLanguage(settingsDir: string): Language {
  try {
    return readSettings(settingsDir).language;
  } catch {
    return 'nl';
  }
}

export function shellTexts(settingsDir: string): ShellTexts {
  return SHELL_TEXTS[shellLanguage(settingsDir)];
}

/** The file filters of the open dialog for an administration. */
export function kassaFilters(t: ShellTexts): { name: string; extensions: string[] }[] {
  return [
    { name: t.dialog.kassaFiles, extensions: ['kassa'] },
    { name: t.dialog.allFiles, extensions: ['*'] },
  ];
}
