import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankRule } from '../../../../shared/api/bank';
import { call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { AccountSelect } from '../../components/AccountPickers';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { errorText, ibanText } from './common';

const FIELDS = ['iban', 'text', 'direction', 'account'] as const;

/** The treasurer's standing choices: make a rule (IBAN and/or text, direction, account), see and delete rules. */
export function BankRulesScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const accounts = useAccounts(false);
  const rules = useApi('bank.rules.list', {});
  const [iban, setIban] = useState('');
  const [text, setText] = useState('');
  const [direction, setDirection] = useState('');
  const [account, setAccount] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [listError, setListError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const r = await call('bank.rules.create', {
        account,
        ...(iban.trim() ? { iban: iban.trim() } : {}),
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(direction === 'in' || direction === 'out' ? { direction } : {}),
      });
      announce(t('bank.rules.saved', { count: r.matches }), 'success');
      setIban('');
      setText('');
      setDirection('');
      booksChanged();
    } catch (err) {
      setErrors(formErrorsFrom(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  async function remove(rule: BankRule) {
    setListError(null);
    try {
      await call('bank.rules.delete', { id: rule.id });
      announce(t('bank.rules.deleted'), 'success');
      booksChanged();
    } catch (e) {
      setListError(errorText(e));
    }
  }

  const describe = (r: BankRule) =>
    [
      r.iban ? t('bank.rules.ibanIs', { iban: ibanText(r.iban) }) : null,
      r.text ? t('bank.rules.textIs', { text: r.text }) : null,
      r.direction ? t(`bank.rules.${r.direction}`) : null,
    ].filter(Boolean).join(', ');

  return (
    <div className="screen" data-testid="screen-bank-rules">
      <PageTitle intro={t('bank.rules.intro')}>{t('bank.rules.title')}</PageTitle>
      <form className="form section card" onSubmit={(e) => void save(e)} noValidate aria-labelledby="rule-new">
        <h2 id="rule-new">{t('bank.rules.newTitle')}</h2>
        <Field id="rule-iban" label={t('bank.rules.iban')} hint={t('bank.rules.ibanHint')} error={errors.fields.iban} optional>
          {(a) => <input {...a} className="input input--medium" value={iban} onChange={(e) => setIban(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="rule-text" label={t('bank.rules.text')} hint={t('bank.rules.textHint')} error={errors.fields.text} optional>
          {(a) => <input {...a} className="input input--medium" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field id="rule-direction" label={t('bank.rules.direction')} error={errors.fields.direction}>
          {(a) => (
            <select {...a} className="input input--auto" value={direction} onChange={(e) => setDirection(e.target.value)}>
              <option value="">{t('bank.rules.directionAny')}</option>
              <option value="in">{t('bank.rules.directionIn')}</option>
              <option value="out">{t('bank.rules.directionOut')}</option>
            </select>
          )}
        </Field>
        <Field id="rule-account" label={t('bank.rules.account')} error={errors.fields.account}>
          {(a) => <AccountSelect accounts={accounts.data ?? []} value={account} onChange={setAccount} a11y={a} />}
        </Field>
        <FormError error={errors.general} />
        <button type="submit" className="button button--primary" disabled={busy || !account} data-testid="rule-save">
          {t('bank.rules.save')}
        </button>
      </form>

      <section className="section" aria-labelledby="rule-list">
        <h2 id="rule-list">{t('bank.rules.list')}</h2>
        <FormError error={listError ?? rules.error} />
        {rules.data && rules.data.length === 0 ? <p>{t('bank.rules.empty')}</p> : null}
        {rules.data && rules.data.length > 0 ? (
          <div className="table-scroll">
            <table className="table table--compact" data-testid="bank-rules-table">
              <thead>
                <tr>
                  <th scope="col">{t('bank.rules.if')}</th>
                  <th scope="col">{t('bank.rules.then')}</th>
                  <th scope="col" className="num">{t('bank.rules.matches')}</th>
                  <th scope="col"><span className="visually-hidden">{t('bank.rules.delete')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((r) => (
                  <tr key={r.id}>
                    <td>{describe(r)}</td>
                    <td>{r.account} · {r.accountName}</td>
                    <td className="num">{r.matches}</td>
                    <td>
                      <button type="button" className="button button--small button--danger-quiet" onClick={() => void remove(r)}>
                        {t('bank.rules.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
