import { useTranslation } from 'react-i18next';
import { amountForInput, parseInputCents, parseInputDate, dateNl } from '../format';
import type { A11yProps } from './Field';

/** A text field for Dutch amounts ("1.234,56"); tidies the number when the user leaves the field. */
export function AmountInput({
  a11y,
  value,
  onChange,
  className,
  label,
}: {
  a11y: A11yProps;
  value: string;
  onChange: (v: string) => void;
  className?: string;
  /** Accessible name when there is no visible <label>. */
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <input
      {...a11y}
      {...(label ? { 'aria-label': label } : {})}
      className={className ?? 'input input--amount'}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      placeholder={t('common.amountPlaceholder')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const c = parseInputCents(value);
        if (c !== null && c >= 0n && amountForInput(c) !== value) onChange(amountForInput(c));
      }}
    />
  );
}

/** A text field for Dutch dates (dd-mm-jjjj); tidies "1-2-26" to "01-02-2026" on leaving. */
export function DateInput({
  a11y,
  value,
  onChange,
  className,
}: {
  a11y: A11yProps;
  value: string;
  onChange: (v: string) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <input
      {...a11y}
      className={className ?? 'input input--date'}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('common.datePlaceholder')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const iso = parseInputDate(value);
        if (iso && dateNl(iso) !== value) onChange(dateNl(iso));
      }}
    />
  );
}
