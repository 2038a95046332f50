import { useTranslation } from 'react-i18next';
import { EntryLinesTable, type EntryTableLine } from './EntryLinesTable';

export type PreviewLine = EntryTableLine;

/**
 * "Zo wordt het geboekt": the two-sided entry a guided form is about to write, as a small table
 * with debit and credit, so a treasurer learns the bookkeeping while using plain words.
 */
export function BookingPreview({ lines, explanation }: { lines: PreviewLine[]; explanation?: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="booking-preview">
      <h2 id="preview-title" className="preview__title">
        {t('preview.title')}
      </h2>
      <EntryLinesTable caption={t('preview.caption')} lines={lines} />
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
