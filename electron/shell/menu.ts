import path from 'node:path';
import type { ElectronModule, MenuItemConstructorOptions } from './types';
import type { Windows } from './windows';

/** The application menu in the app's language: File (new, open, recent, backup), Edit, View, Help. */
export function buildMenuTemplate(electron: ElectronModule, windows: Windows, isMac: boolean): MenuItemConstructorOptions[] {
  const t = windows.texts().menu;
  const files = windows.recentFiles();
  const recent: MenuItemConstructorOptions[] =
    files.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : files.map((p) => ({ label: path.basename(p), toolTip: p, click: () => void windows.openFile(p) }));
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.new, accelerator: 'CmdOrCtrl+N', click: () => void windows.sendToFocused({ command: 'new' }, true) },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => void windows.openWithDialog() },
        { label: t.recent, submenu: recent },
        { type: 'separator' },
        { label: t.backup, accelerator: 'CmdOrCtrl+B', click: () => void windows.sendToFocused({ command: 'backup' }) },
        { type: 'separator' },
        { label: t.quit, accelerator: 'CmdOrCtrl+Q', role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
        ...(electron.app.isPackaged ? [] : [{ type: 'separator' as const }, { label: t.devTools, role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: t.help,
      submenu: [{ label: t.lessons, accelerator: 'F1', click: () => void windows.sendToFocused({ command: 'lessons' }) }],
    },
  ];
}
