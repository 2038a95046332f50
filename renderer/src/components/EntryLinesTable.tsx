import { useTranslation } from 'react-i18next';
import { euroCents } from '../format';

export interface EntryTableLine {
  code: string;
  name: string;
  debit: bigint | null;
  credit: bigint | null;
}

/**
 * One entry as the app shows it everywhere: account, debit, credit and the totals. Used by the
 * booking preview beside the guided forms and by the entry figures in the lessons, so a treasurer
 * sees the same table when learning and when booking. A line without an account yet shows its
 * placeholder name, greyed.
 */
export function EntryLinesTable({ caption, lines }: { caption: string; lines: EntryTableLine[] }) {
  const { t } = useTranslation();
  const debit = lines.reduce((s, l) => s + (l.debit ?? 0n), 0n);
  const credit = lines.reduce((s, l) => s + (l.credit ?? 0n), 0n);
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.account')}</th>
          <th scope="col" className="num">
            {t('common.debit')}
          </th>
          <th scope="col" className="num">
            {t('common.credit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={`${l.code}-${i}`}>
            <td>
              {l.code ? (
                <>
                  <span className="code">{l.code}</span> {l.name}
                </>
              ) : (
                <span className="muted">{l.name}</span>
              )}
            </td>
            <td className="num">{l.debit !== null ? euroCents(l.debit) : ''}</td>
            <td className="num">{l.credit !== null ? euroCents(l.credit) : ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('common.total')}</th>
          <td className="num">{euroCents(debit)}</td>
          <td className="num">{euroCents(credit)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
