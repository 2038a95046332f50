/**
 * Shared pieces of the invoice screens: their texts (merged into the app's i18n under "invoices"
 * and "nav"), the state badge, the save-to-file field (native dialog in the desktop app, a path in
 * the browser mode), contacts for pickers and reading a chosen file as base64.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactKind, InvoiceState } from '../../../../shared/api/invoiceTypes';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { useApp } from '../../context';
import { useApi } from '../../hooks';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';
import './invoices.css';
import { joinPath } from '../../paths';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export function StateBadge({ state, overdue }: { state: InvoiceState; overdue?: boolean }) {
  const { t } = useTranslation();
  const shown = overdue && (state === 'open' || state === 'partial') ? 'overdue' : state;
  return (
    <span className={`badge inv-state inv-state--${shown}`} data-state={shown}>
      {t(`invoices.state.${shown}`)}
    </span>
  );
}

export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'bestand';
}

/** Contacts of some kinds for a picker (archived ones left out). */
export function useContacts(kind: ContactKind | ContactKind[]) {
  return useApi('contacts.list', { kind, limit: 1000 });
}

/**
 * Save a file the API writes: a path field (with the native save dialog in the desktop app) and a
 * Save button. `write` gets the chosen path and does the API call.
 */
export function SaveFile({
  id,
  label,
  suggestedName,
  extension,
  write,
  testId,
}: {
  id: string;
  label: string;
  suggestedName: string;
  extension: 'pdf' | 'xml' | 'png' | 'jpg';
  write: (path: string) => Promise<unknown>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  const [path, setPath] = useState(() => joinPath(capabilities.defaultDir, suggestedName));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose() {
    try {
      const p = await call('app.dialog.save', { title: label, defaultPath: path, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
      if (p) setPath(p);
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await write(path.trim());
      announce(t('invoices.save.saved', { path: path.trim() }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="inv-save" data-testid={testId}>
      <Field id={id} label={`${t('invoices.save.path')} (${extension.toUpperCase()})`} hint={t('invoices.save.pathHint')}>
        {(a) => (
          <div className="row">
            <input {...a} className="input grow" value={path} onChange={(e) => setPath(e.target.value)} autoComplete="off" spellCheck={false} />
            {capabilities.dialogs ? (
              <button type="button" className="button" onClick={() => void choose()}>
                {t('invoices.save.choose')}
              </button>
            ) : null}
            <button type="button" className="button button--primary" disabled={busy || path.trim() === ''} onClick={() => void save()} data-testid={testId ? `${testId}-button` : undefined}>
              {label}
            </button>
          </div>
        )}
      </Field>
      <FormError error={error} />
    </div>
  );
}

/** Read a file chosen in an <input type=file> as base64 (without the data: prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = String(r.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** "1,5" or "1.5" -> "1.5"; null when it is no quantity. */
export function parseQuantity(input: string): string | null {
  const s = input.trim().replace(',', '.');
  return /^-?\d{1,9}(\.\d{1,4})?$/.test(s) ? s : null;
}

export function quantityNl(q: string): string {
  return q.replace('.', ',');
}
