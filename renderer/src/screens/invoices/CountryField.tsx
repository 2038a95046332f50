import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

/**
 * The country of a contact as a list of names (in the language of the app, from the browser's own
 * locale data) instead of a two-letter code to type: the codes are what the invoice rules need (an
 * intra-community supply goes to another EU country, the UBL names the buyer's country), the names
 * are what a treasurer knows. The Netherlands first, then the EU, then other countries.
 */
const EU = ['BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'AT'];
const OTHER = ['AU', 'BR', 'CA', 'CH', 'CN', 'CW', 'GB', 'GH', 'ID', 'IN', 'IS', 'MA', 'NG', 'NO', 'SR', 'TR', 'UA', 'US', 'ZA'];

export function CountryField({ value, error, onChange }: { value: string; error?: string | undefined; onChange: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const named = (codes: string[]) => codes.map((c) => ({ code: c, name: names.of(c) ?? c })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
    const known = new Set(['NL', ...EU, ...OTHER]);
    return { nl: names.of('NL') ?? 'NL', eu: named(EU), other: named(known.has(value) || !value ? OTHER : [...OTHER, value]) };
  }, [i18n.language, value]);
  return (
    <Field id="contact-country" label={t('invoices.contacts.country')} error={error}>
      {(a) => (
        <select {...a} className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid="contact-country">
          <option value="NL">{groups.nl}</option>
          <optgroup label={t('invoices.contacts.countryEu')}>
            {groups.eu.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </optgroup>
          <optgroup label={t('invoices.contacts.countryOther')}>
            {groups.other.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </optgroup>
        </select>
      )}
    </Field>
  );
}
