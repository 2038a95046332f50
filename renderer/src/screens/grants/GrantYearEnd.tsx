import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantReport, YearEndProposal } from '../../../../shared/api/grants';
import { call } from '../../api';
import { Field, FormError, Hint } from '../../components/Field';
import { useApp } from '../../context';
import { euro } from '../../format';
import { useYears } from '../../hooks';

/** The grant's year end: what is left, returned, carried over or released, and booking it. */
export function YearEnd({ report: r }: { report: GrantReport }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const years = useYears();
  const open = (years.data ?? []).filter((y) => y.status === 'open');
  const [year, setYear] = useState('');
  const [proposal, setProposal] = useState<YearEndProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = year || (open[0] ? String(open[0].year) : '');

  async function propose() {
    setError(null);
    try {
      setProposal(await call('grants.yearEndProposal', { grant: r.grant.id, year: Number(chosen) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  async function confirm() {
    setError(null);
    try {
      const res = await call('grants.yearEndConfirm', { grant: r.grant.id, year: Number(chosen) });
      announce(t('grants.detail.yearEndDone', { ref: res.ref }));
      setProposal(null);
      booksChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  if (open.length === 0) return null;
  return (
    <section className="grant-section" aria-labelledby="gy-title">
      <h2 id="gy-title">{t('grants.detail.yearEndTitle')}</h2>
      <Hint>{t('grants.detail.yearEndHint')}</Hint>
      <div className="row">
        <Field id="gy-year" label={t('grants.detail.yearEndYear')}>
          {(a) => (
            <select {...a} className="input input--auto" value={chosen} onChange={(e) => { setYear(e.target.value); setProposal(null); }}>
              {open.map((y) => (
                <option key={y.year} value={y.year}>{y.year}</option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="button" className="button" onClick={() => void propose()}>{t('grants.detail.yearEndShow')}</button>
        </div>
      </div>
      <FormError error={error} />
      {proposal ? (
        <div className="grant-proposal" data-testid="year-end-proposal">
          <p>{proposal.explanation}</p>
          {proposal.lines.length > 0 ? (
            <>
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t('common.account')}</th>
                    <th scope="col" className="num">{t('common.debit')}</th>
                    <th scope="col" className="num">{t('common.credit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.lines.map((l) => (
                    <tr key={l.account}>
                      <td><span className="code">{l.account}</span> {l.accountName}</td>
                      <td className="num">{euro(l.debit)}</td>
                      <td className="num">{euro(l.credit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="button button--primary" onClick={() => void confirm()}>{t('grants.detail.yearEndConfirm')}</button>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
