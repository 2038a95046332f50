import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt, ReceiptAdded } from '../../../../shared/api/receipts';
import { call } from '../../api';
import { useApp } from '../../context';
import './common';
import { fileInputOf, type PickedFile } from './files';
import { ReceiptDrop, useReceiptPicker } from './ReceiptDrop';
import { ReceiptGallery } from './ReceiptGallery';

/** What the app says after a receipt was kept: where, and whether the same one is on other entries. */
export function addedMessage(t: (k: string, o?: Record<string, unknown>) => string, added: ReceiptAdded, where: string): string {
  const parts = [t('receipts.added', { name: added.receipt.name, where })];
  if (added.converted) parts.push(t('receipts.converted'));
  if (added.alsoOn.length > 0) parts.push(t('receipts.alsoOn', { refs: added.alsoOn.join(', ') }));
  return parts.join(' ');
}

/**
 * The receipts of one entry, or of one bank line in the inbox, with a way to add one. Adding a
 * receipt to a posted entry never changes the entry: it is kept beside it.
 */
export function ReceiptsSection({ target, canAdd, where }: { target: { entry: number } | { transaction: number }; canAdd: boolean; where: string }) {
  const { t } = useTranslation();
  const { announce, booksChanged, booksVersion } = useApp();
  const [list, setList] = useState<Receipt[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const isEntry = 'entry' in target;
  const key = isEntry ? `e${target.entry}` : `t${target.transaction}`;

  useEffect(() => {
    let live = true;
    const load = isEntry ? call('receipts.list', { entry: target.entry }) : call('bank.receipts.list', { transaction: target.transaction });
    load.then((r) => live && setList(r)).catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [key, booksVersion, reload]);

  async function add(files: PickedFile[]) {
    setBusy(true);
    setError(null);
    try {
      for (const f of files) {
        const file = fileInputOf(f);
        const added = isEntry ? await call('receipts.add', { entry: target.entry, file }) : await call('bank.receipts.add', { transaction: target.transaction, file });
        announce(addedMessage(t, added, where));
      }
      setReload((n) => n + 1);
      booksChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: number) {
    if (isEntry) return;
    setBusy(true);
    try {
      await call('bank.receipts.remove', { transaction: target.transaction, id });
      setReload((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const picker = useReceiptPicker((f) => void add(f));
  const id = `receipt-add-${key}`;
  return (
    <section className="receipts" aria-labelledby={`${id}-title`} data-testid="receipts-section">
      <h3 id={`${id}-title`}>{t('receipts.title')}</h3>
      <ReceiptGallery receipts={list} testId="receipt-list" />
      {!isEntry && list.length > 0 ? (
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id}>
              <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void remove(r.id)}>
                {t('receipts.remove', { name: r.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {canAdd ? (
        <>
          <p className="muted">{isEntry ? t('receipts.addToEntryHelp') : t('receipts.addToLineHelp')}</p>
          <ReceiptDrop id={id} picker={picker} error={error} busy={busy} />
        </>
      ) : error ? (
        <p className="field__error">{error}</p>
      ) : null}
    </section>
  );
}
