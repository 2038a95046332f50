import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry } from '../../../shared/api/types';
import { call } from '../api';
import { useApp } from '../context';
import { dateNl, euro, euroCents, parseInputDate, toCents } from '../format';
import { focusById, formErrorsFrom, NO_ERRORS, type FormErrors } from '../hooks';
import { navigate } from '../router';
import { Dialog } from './Dialog';
import { Field, FormError } from './Field';
import { DateInput } from './Inputs';
import { ReceiptsSection } from '../screens/receipts/EntryReceipts';

/** The lines of one entry, and the way to reverse it ("tegenboeken") with a clear explanation. */
export function EntryDialog({ id, onClose, onOpen }: { id: number | null; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { announce, booksChanged, booksVersion } = useApp();
  const [entry, setEntry] = useState<Entry | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEntry(null);
    setLoadError(null);
    setConfirming(false);
    setErrors(NO_ERRORS);
    if (id === null) return;
    let live = true;
    call('entries.get', { id })
      .then((e) => {
        if (!live) return;
        setEntry(e);
        setDate(dateNl(e.date));
      })
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id, booksVersion]);

  async function reverse(ev: FormEvent) {
    ev.preventDefault();
    if (!entry) return;
    const iso = parseInputDate(date);
    if (!iso) {
      setErrors({ fields: { date: t('errors.date') }, general: null });
      focusById('rev-date');
      return;
    }
    setBusy(true);
    try {
      const r = await call('entries.reverse', { id: entry.id, date: iso });
      announce(t('entry.reversed', { ref: entry.ref ?? '', newRef: r.ref }));
      booksChanged();
      onClose();
    } catch (e) {
      const fe = formErrorsFrom(e, ['date']);
      setErrors(fe);
      if (fe.fields.date) focusById('rev-date');
    } finally {
      setBusy(false);
    }
  }

  const title = confirming ? t('entry.confirmTitle') : entry ? (entry.ref ?? t('entry.draftTitle')) : t('entry.title');
  const canReverse = entry && entry.status === 'posted' && entry.reversedBy === null && entry.reversalOf === null;
  const debit = (entry?.lines ?? []).reduce((s, l) => s + (toCents(l.debit) ?? 0n), 0n);
  const credit = (entry?.lines ?? []).reduce((s, l) => s + (toCents(l.credit) ?? 0n), 0n);

  return (
    <Dialog open={id !== null} title={title} onClose={onClose} className="dialog--wide" testId="entry-dialog">
      {loadError ? <FormError error={loadError} /> : null}
      {!entry && !loadError ? <p className="muted">{t('common.loading')}</p> : null}
      {entry && !confirming ? (
        <div className="entry-with-receipts">
          <div className="entry-with-receipts__entry">
          <dl className="summary__list">
            <dt>{t('entry.date')}</dt>
            <dd>{dateNl(entry.date)}</dd>
            <dt>{t('entry.description')}</dt>
            <dd>
              {entry.description}
              {entry.source === 'opening' ? <> <span className="badge">{t('opening.badge')}</span></> : null}
            </dd>
            <dt>{t('entry.journal')}</dt>
            <dd>{entry.journal}</dd>
            <dt>{t('entry.status')}</dt>
            <dd>{entry.status === 'draft' ? t('journal.status.draft') : t('entry.posted')}</dd>
          </dl>
          {entry.reversedBy !== null ? (
            <p className="notice">
              {t('entry.isReversed')}{' '}
              <button type="button" className="button button--link" onClick={() => onOpen(entry.reversedBy!)}>
                {t('entry.showReversal')}
              </button>
            </p>
          ) : null}
          {entry.reversalOf !== null ? (
            <p className="notice">
              {t('entry.isReversal')}{' '}
              <button type="button" className="button button--link" onClick={() => onOpen(entry.reversalOf!)}>
                {t('entry.showOriginal')}
              </button>
            </p>
          ) : null}
          <table className="table" data-testid="entry-lines">
            <caption className="visually-hidden">{t('entry.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.account')}</th>
                <th scope="col">{t('entry.lineDescription')}</th>
                <th scope="col" className="num">
                  {t('common.debit')}
                </th>
                <th scope="col" className="num">
                  {t('common.credit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entry.lines.map((l, i) => (
                <tr key={i}>
                  <td>
                    <span className="code">{l.account}</span> {l.accountName}
                  </td>
                  <td>{l.description ?? ''}</td>
                  <td className="num">{euro(l.debit)}</td>
                  <td className="num">{euro(l.credit)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('common.total')}
                </th>
                <td className="num">{euroCents(debit)}</td>
                <td className="num">{euroCents(credit)}</td>
              </tr>
            </tfoot>
          </table>
          </div>
          {entry.status === 'posted' ? (
            <div className="entry-with-receipts__receipts">
              <ReceiptsSection target={{ entry: entry.id }} canAdd where={entry.ref ?? ''} />
            </div>
          ) : null}
          <div className="actions entry-with-receipts__actions">
            {canReverse ? (
              <button type="button" className="button button--primary" onClick={() => { setConfirming(true); focusById('rev-date'); }}>
                {t('entry.reverse')}
              </button>
            ) : null}
            {entry.status === 'draft' ? (
              <button type="button" className="button button--primary" onClick={() => { onClose(); navigate('manual-entry', { draft: entry.id }); }}>
                {t('entry.editDraft')}
              </button>
            ) : null}
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
      {entry && confirming ? (
        <form onSubmit={(e) => void reverse(e)} noValidate>
          <p>{t('entry.confirmText1', { ref: entry.ref ?? '' })}</p>
          <p>{t('entry.confirmText2')}</p>
          <p>{t('entry.confirmText3')}</p>
          <FormError error={errors.general} />
          <Field id="rev-date" label={t('entry.reverseDate')} hint={t('entry.reverseDateHint')} error={errors.fields.date}>
            {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
          </Field>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('entry.confirmYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('entry.confirmNo')}
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
