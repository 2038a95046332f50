import path from 'node:path';
import type { ElectronModule, MenuItemConstructorOptions } from './types';
import type { Windows } from './windows';

/** The Dutch application menu: Bestand (new, open, recent, backup), Bewerken, Beeld, Help. */
export function buildMenuTemplate(electron: ElectronModule, windows: Windows, isMac: boolean): MenuItemConstructorOptions[] {
  const files = windows.recentFiles();
  const recent: MenuItemConstructorOptions[] =
    files.length === 0
      ? [{ label: 'Nog geen administraties geopend', enabled: false }]
      : files.map((p) => ({ label: path.basename(p), toolTip: p, click: () => void windows.openFile(p) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Nieuw…', accelerator: 'CmdOrCtrl+N', click: () => void windows.sendToFocused({ command: 'new' }, true) },
        { label: 'Openen…', accelerator: 'CmdOrCtrl+O', click: () => void windows.openWithDialog() },
        { label: 'Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Back-up maken', accelerator: 'CmdOrCtrl+B', click: () => void windows.sendToFocused({ command: 'backup' }) },
        { type: 'separator' },
        { label: 'Afsluiten', accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Groter', role: 'zoomIn' },
        { label: 'Kleiner', role: 'zoomOut' },
        { label: 'Normale grootte', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        ...(electron.app.isPackaged ? [] : [{ type: 'separator' as const }, { label: 'Ontwikkelaarshulpmiddelen', role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'Lessen', accelerator: 'F1', click: () => void windows.sendToFocused({ command: 'lessons' }) }],
    },
  ];
}
