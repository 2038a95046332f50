import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FUND_TYPES, type FundType } from '../../../../shared/rules/grants';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl, euro } from '../../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { hrefFor } from '../../router';
import { LevelBadge, StatusBadge } from './common';

/** Funds and grants: the list of grants with how far each is spent, and the funds with a quick add. Route: grants. */
export function GrantsScreen(_: ScreenProps) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const grants = useApi('grants.list', showArchived ? { includeArchived: true } : {});
  const funds = useApi('funds.list', {});

  return (
    <div className="screen" data-testid="screen-grants">
      <PageTitle intro={t('grants.list.intro')}>{t('grants.list.title')}</PageTitle>
      <Hint>{t('grants.list.hint')}</Hint>

      <section aria-labelledby="grants-title">
        <div className="toolbar">
          <h2 id="grants-title">{t('grants.list.grantsTitle')}</h2>
          <a className="button button--primary" href={hrefFor('grant-edit')} data-testid="new-grant">
            {t('grants.list.newGrant')}
          </a>
        </div>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('grants.list.showArchived')}
        </label>
        <FormError error={grants.error} />
        {grants.data && grants.data.length === 0 ? <p className="muted">{t('grants.list.empty')}</p> : null}
        {grants.data && grants.data.length > 0 ? (
          <table className="table" data-testid="grants-table">
            <caption className="visually-hidden">{t('grants.list.grantsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grants.list.project')}</th>
                <th scope="col">{t('grants.list.fund')}</th>
                <th scope="col">{t('grants.list.status')}</th>
                <th scope="col">{t('grants.list.period')}</th>
                <th scope="col" className="num">{t('grants.list.awarded')}</th>
                <th scope="col" className="num">{t('grants.list.received')}</th>
                <th scope="col" className="num">{t('grants.list.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row" className="th-plain">
                    <a href={hrefFor('grant', { id: g.id })}>{g.project}</a>
                    {g.archived ? <span className="muted"> ({t('grants.list.archived')})</span> : null}
                  </th>
                  <td>{g.fund.name}</td>
                  <td><StatusBadge status={g.status} /></td>
                  <td>{dateNl(g.startDate)} – {dateNl(g.endDate)}</td>
                  <td className="num">{g.awarded ? euro(g.awarded) : '–'}</td>
                  <td className="num">{euro(g.received)}</td>
                  <td className="num">
                    {euro(g.spent)} <LevelBadge level={g.level} percent={g.percent} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="funds-title" className="grant-section">
        <h2 id="funds-title">{t('grants.list.fundsTitle')}</h2>
        <FormError error={funds.error} />
        {funds.data && funds.data.length === 0 ? <p className="muted">{t('grants.list.fundsEmpty')}</p> : null}
        {funds.data && funds.data.length > 0 ? (
          <ul className="summary__list" data-testid="funds-list">
            {funds.data.map((f) => (
              <li key={f.id}>
                <strong>{f.name}</strong> · {f.fundType ? t(`grants.fundType.${f.fundType}`) : ''} · {t('grants.list.grantsCount', { count: f.grants })}
              </li>
            ))}
          </ul>
        ) : null}
        <NewFundForm onAdded={() => { funds.reload(); }} />
      </section>
    </div>
  );
}

function NewFundForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const [name, setName] = useState('');
  const [fundType, setFundType] = useState<FundType>('fund');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!name.trim()) {
      setErrors({ fields: { name: t('grants.list.fundNameMissing') }, general: null });
      focusById('fund-name');
      return;
    }
    setBusy(true);
    try {
      const f = await call('funds.create', { name: name.trim(), fundType, ...(email.trim() ? { email: email.trim() } : {}) });
      announce(t('grants.list.fundAdded', { name: f.name }));
      setName('');
      setEmail('');
      booksChanged();
      onAdded();
    } catch (e) {
      const fe = formErrorsFrom(e, ['name', 'fundType', 'email']);
      setErrors(fe);
      if (fe.fields.name) focusById('fund-name');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-fund-title" data-testid="new-fund-form">
      <h3 id="new-fund-title">{t('grants.list.newFund')}</h3>
      <FormError error={errors.general} />
      <Field id="fund-name" label={t('grants.list.fundName')} hint={t('grants.list.fundNameHint')} error={errors.fields.name}>
        {(a) => <input {...a} className="input" value={name} onChange={(e) => { setName(e.target.value); setErrors((x) => dropErrors(x, ['name'])); }} autoComplete="off" maxLength={200} />}
      </Field>
      <Field id="fund-type" label={t('grants.list.fundTypeLabel')} error={errors.fields.fundType}>
        {(a) => (
          <select {...a} className="input input--auto" value={fundType} onChange={(e) => setFundType(e.target.value as FundType)}>
            {FUND_TYPES.map((ft) => (
              <option key={ft} value={ft}>{t(`grants.fundType.${ft}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="fund-email" label={t('grants.list.fundEmail')} error={errors.fields.email} optional>
        {(a) => <input {...a} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>{t('grants.list.addFund')}</button>
      </div>
    </form>
  );
}
