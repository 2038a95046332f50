import { useTranslation } from 'react-i18next';
import { euroCents } from '../format';

export interface PreviewLine {
  code: string;
  name: string;
  debit: bigint | null;
  credit: bigint | null;
}

/**
 * "Zo wordt het geboekt": the two-sided entry a guided form is about to write, as a small table
 * with debit and credit, so a treasurer learns the bookkeeping while using plain words.
 */
export function BookingPreview({ lines, explanation }: { lines: PreviewLine[]; explanation?: string[] }) {
  const { t } = useTranslation();
  const debit = lines.reduce((s, l) => s + (l.debit ?? 0n), 0n);
  const credit = lines.reduce((s, l) => s + (l.credit ?? 0n), 0n);
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="booking-preview">
      <h2 id="preview-title" className="preview__title">
        {t('preview.title')}
      </h2>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('preview.caption')}</caption>
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
      {explanation && explanation.length > 0 ? (
        <ul className="preview__explain">
          {explanation.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
