import { useTranslation } from 'react-i18next';
import './common';
import type { PickedFile } from './files';
import { ReceiptDrop, type ReceiptPicker } from './ReceiptDrop';

/**
 * Receipts chosen in a form before it is sent (Geld uitgeven / Geld ontvangen): listed with a way to
 * take one off again; they are kept with the entry when the form books it.
 */
export function FormReceipts({ id, files, picker, onRemove, error }: {
  id: string;
  files: readonly PickedFile[];
  picker: ReceiptPicker;
  onRemove: (index: number) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset receipts-field" aria-describedby={`${id}-help`}>
      <legend className="field__label">
        {t('receipts.formLabel')} <span className="field__optional">{t('common.optional')}</span>
      </legend>
      <p id={`${id}-help`} className="field__hint">{t('receipts.formHint')}</p>
      {files.length > 0 ? (
        <ul className="plain-list" aria-label={t('receipts.chosen')} data-testid={`${id}-chosen`}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span aria-hidden="true">📎</span> {f.name}{' '}
              <button type="button" className="button button--quiet button--small" onClick={() => onRemove(i)}>
                {t('receipts.unchoose', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ReceiptDrop id={id} picker={picker} error={error} />
    </fieldset>
  );
}
