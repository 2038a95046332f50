import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryFigure, TAccountFigure } from '../../../../shared/lessons';
import { formatDateNl } from '../../../../shared/dates';
import { euroCents, toCents } from '../../format';
import { EntryLinesTable } from '../EntryLinesTable';

const cents = (s: string | undefined): bigint => (s === undefined ? 0n : (toCents(s) ?? 0n));
const sum = (xs: { amount: string }[]) => xs.reduce((s, x) => s + cents(x.amount), 0n);

/**
 * A ledger account drawn as a T: debit on the left, credit on the right, totals and the balance
 * computed here (integer cents) from the lines, so the figure can never add up wrongly.
 */
export function TAccount({ figure }: { figure: TAccountFigure }) {
  const { t } = useTranslation();
  const captionId = useId();
  const debit = sum(figure.debit);
  const credit = sum(figure.credit);
  const balance = debit - credit;
  const rows = Math.max(figure.debit.length, figure.credit.length);
  return (
    <figure className="t-account" aria-labelledby={captionId} data-testid="t-account">
      <figcaption id={captionId} className="t-account__title">
        <span className="code">{figure.account}</span> {figure.name}
      </figcaption>
      <table className="t-account__table">
        <caption className="visually-hidden">{t('lessons.figure.tCaption', { name: figure.name })}</caption>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {t('common.debit')}
            </th>
            <th scope="col" colSpan={2} className="t-account__right">
              {t('common.credit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const d = figure.debit[i];
            const c = figure.credit[i];
            return (
              <tr key={i}>
                <td>{d?.text ?? ''}</td>
                <td className="num">{d ? euroCents(cents(d.amount)) : ''}</td>
                <td className="t-account__right">{c?.text ?? ''}</td>
                <td className="num">{c ? euroCents(cents(c.amount)) : ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('common.total')}</th>
            <td className="num">{euroCents(debit)}</td>
            <th scope="row" className="t-account__right">
              {t('common.total')}
            </th>
            <td className="num">{euroCents(credit)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="t-account__balance">
        {balance === 0n
          ? t('lessons.figure.balanceZero')
          : t(balance > 0n ? 'lessons.figure.balanceDebit' : 'lessons.figure.balanceCredit', {
              amount: euroCents(balance < 0n ? -balance : balance),
            })}
      </p>
    </figure>
  );
}

/** One journal entry as the app shows it: account, debit, credit, with totals. */
export function EntryTable({ figure }: { figure: EntryFigure }) {
  const { t } = useTranslation();
  const captionId = useId();
  const lines = figure.lines.map((l) => ({
    code: l.account,
    name: l.name ?? '',
    debit: l.debit !== undefined ? cents(l.debit) : null,
    credit: l.credit !== undefined ? cents(l.credit) : null,
  }));
  return (
    <figure className="lesson-entry" aria-labelledby={captionId} data-testid="entry-figure">
      <figcaption id={captionId} className="lesson-entry__title">
        {figure.date ? `${formatDateNl(figure.date)} · ` : ''}
        {figure.description}
      </figcaption>
      <EntryLinesTable caption={t('lessons.figure.entryCaption', { description: figure.description })} lines={lines} />
    </figure>
  );
}
