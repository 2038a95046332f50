import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceSettings } from '../../../../shared/api/invoiceTypes';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { readAsBase64 } from '../../fileBytes';

/** Number format, payment terms, VAT texts, BIC and logo. Route: invoice-settings. */
export function InvoiceSettingsScreen(_: ScreenProps) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const current = useApi('invoices.settings.get', {});
  const accounts = useAccounts();
  const [s, setS] = useState<InvoiceSettings | null>(null);
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (current.data) setS(current.data);
  }, [current.data]);

  if (!s) return <div className="screen"><FormError error={current.error} /></div>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!s) return;
    setBusy(true);
    try {
      const saved = (await call('invoices.settings.set', {
        numberFormat: s.numberFormat, paymentDays: s.paymentDays, reminderDays: s.reminderDays, vatStatements: s.vatStatements,
        defaultIncomeAccount: s.defaultIncomeAccount, bic: s.bic ?? '', ...(logo !== undefined ? { logo } : {}),
      })) as InvoiceSettings;
      setS(saved);
      setLogo(undefined);
      setErrors(NO_ERRORS);
      announce(t('invoices.settings.saved'));
    } catch (err) {
      setErrors(formErrorsFrom(err));
    } finally {
      setBusy(false);
    }
  }

  const num = (v: string) => (/^\d+$/.test(v) ? Number(v) : 0);
  return (
    <div className="screen" data-testid="screen-invoice-settings">
      <PageTitle intro={t('invoices.settings.intro')}>{t('invoices.settings.title')}</PageTitle>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={errors.general} />
        <Field id="set-numberFormat" label={t('invoices.settings.numberFormat')} hint={t('invoices.settings.numberFormatHint')} error={errors.fields.numberFormat}>
          {(a) => <input {...a} className="input input--medium" value={s.numberFormat} onChange={(e) => setS({ ...s, numberFormat: e.target.value })} spellCheck={false} />}
        </Field>
        {s.nextNumber ? <p className="muted">{t('invoices.settings.nextNumber', { number: s.nextNumber })}</p> : null}
        <div className="row">
          <Field id="set-paymentDays" label={t('invoices.settings.paymentDays')} error={errors.fields.paymentDays}>
            {(a) => <input {...a} className="input input--short" inputMode="numeric" value={String(s.paymentDays)} onChange={(e) => setS({ ...s, paymentDays: num(e.target.value) })} />}
          </Field>
          <Field id="set-reminderDays" label={t('invoices.settings.reminderDays')} error={errors.fields.reminderDays}>
            {(a) => <input {...a} className="input input--short" inputMode="numeric" value={String(s.reminderDays)} onChange={(e) => setS({ ...s, reminderDays: num(e.target.value) })} />}
          </Field>
        </div>
        <Field id="set-defaultIncomeAccount" label={t('invoices.settings.defaultIncomeAccount')} error={errors.fields.defaultIncomeAccount}>
          {(a) => (
            <select {...a} className="input" value={s.defaultIncomeAccount} onChange={(e) => setS({ ...s, defaultIncomeAccount: e.target.value })}>
              {(accounts.data ?? []).filter((x) => x.type === 'income').map((x) => <option key={x.code} value={x.code}>{x.code} {x.name}</option>)}
            </select>
          )}
        </Field>
        <Field id="set-bic" label={t('invoices.settings.bic')} error={errors.fields.bic} optional>
          {(a) => <input {...a} className="input input--medium" value={s.bic ?? ''} onChange={(e) => setS({ ...s, bic: e.target.value })} />}
        </Field>
        <fieldset className="fieldset">
          <legend className="field__label">{t('invoices.settings.vatStatements')}</legend>
          {(['none', 'exempt', 'kor'] as const).map((k) => (
            <Field key={k} id={`set-vat-${k}`} label={t(`invoices.settings.vat${k === 'none' ? 'None' : k === 'exempt' ? 'Exempt' : 'Kor'}`)}
              hint={t('invoices.settings.vatStatementHint', { text: s.defaultVatStatements[k] })} error={errors.fields[`vatStatements.${k}`]} optional>
              {(a) => <input {...a} className="input" value={s.vatStatements[k]} onChange={(e) => setS({ ...s, vatStatements: { ...s.vatStatements, [k]: e.target.value } })} />}
            </Field>
          ))}
        </fieldset>
        <Field id="set-logo" label={t('invoices.settings.logo')} error={errors.fields.logo} optional>
          {(a) => (
            <div>
              <input {...a} type="file" accept="image/png,image/jpeg" onChange={async (e) => {
                const f = e.target.files?.[0];
                setLogo(f ? await readAsBase64(f) : undefined);
              }} />
              {s.logo && logo === undefined ? (
                <p>
                  {t('invoices.settings.logoNow', { size: Math.ceil(s.logo.size / 1024) })}{' '}
                  <button type="button" className="button button--quiet button--small" onClick={() => setLogo(null)}>{t('invoices.settings.logoRemove')}</button>
                </p>
              ) : null}
            </div>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>{t('common.save')}</button>
        </div>
      </form>
    </div>
  );
}
