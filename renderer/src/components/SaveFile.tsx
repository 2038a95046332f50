import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOWNLOADS, type DownloadInput, type DownloadMethod } from '../../../shared/api/downloads';
import { call, download, type InputFor, type OutputFor } from '../api';
import { useApp } from '../context';
import { dirOf, joinPath } from '../paths';
import { FormError } from './Field';

/**
 * Save a file the app makes (an export, a PDF) the way the treasurer's computer does it:
 * - desktop app: the native save dialog, starting at the suggested name in the last folder used;
 * - browser mode: the browser's own download (the server sends the bytes; see electron/download.ts).
 * The treasurer never types a path. A `folder` export (several files) is a folder in the desktop
 * app and one .zip in the browser.
 */
export interface SaveFileButtonProps<M extends DownloadMethod> {
  method: M;
  /** The method's input without its target; null keeps the click from doing anything (the screen shows why). */
  input: () => DownloadInput<M> | null;
  /** The suggested file name (for a folder export: the name of the .zip in the browser). */
  fileName: string;
  filter: { name: string; extensions: string[] };
  /** The button's text. */
  label: string;
  folder?: boolean;
  primary?: boolean;
  disabled?: boolean;
  testId?: string;
  onDone?: (result: OutputFor<M>, where: string) => void;
  /** Errors go here when given (e.g. to a form's fields); else they show under the button. */
  onError?: (e: unknown) => void;
}

/** The folder of the last file saved through a dialog, for the next dialog (this window only). */
let lastDir: string | undefined;

export function SaveFileButton<M extends DownloadMethod>({ method, input, fileName, filter, label, folder = false, primary = false, disabled = false, testId, onDone, onError }: SaveFileButtonProps<M>) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<void> {
    const given = input();
    if (!given) return;
    setError(null);
    setBusy(true);
    try {
      if (capabilities.dialogs) {
        const chosen = await call('app.dialog.save', { title: label, defaultPath: joinPath(lastDir ?? capabilities.defaultDir, fileName), filters: [filter] });
        if (!chosen) return;
        lastDir = dirOf(chosen);
        const target = folder ? dirOf(chosen) : chosen;
        const result = await call(method, { ...given, [DOWNLOADS[method]]: target } as unknown as InputFor<M>);
        announce(t('files.saved', { path: target }), 'success');
        onDone?.(result, target);
      } else {
        const name = folder && !/\.zip$/i.test(fileName) ? `${fileName}.zip` : fileName;
        const result = await download(method, given, name);
        announce(t('files.downloaded', { name }), 'success');
        onDone?.(result, name);
      }
    } catch (e) {
      if (onError) onError(e);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="save-file">
      <button type="button" className={`button${primary ? ' button--primary' : ''}`} disabled={busy || disabled} onClick={() => void save()} data-testid={testId}>
        {label}
      </button>
      <p className="muted save-file__where">{t(capabilities.dialogs ? 'files.whereDialog' : 'files.whereDownload')}</p>
      {onError ? null : <FormError error={error} />}
    </div>
  );
}
