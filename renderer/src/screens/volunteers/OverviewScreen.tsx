import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerLevel } from '../../../../shared/api/volunteers';
import { FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import type { ScreenProps } from '../../screenProps';
import { useApp } from '../../context';
import { currentYear, euro } from '../../format';
import { useApi } from '../../hooks';
import { serverText } from '../../serverText';
import { hrefFor } from '../../router';
import { LevelBadge } from './common';
import { SaveFileButton } from '../../components/SaveFile';
import { fileSafe } from '../../paths';

const LEVELS: VolunteerLevel[] = ['ok', 'warn80', 'blocked'];

export function YearPicker({ id, year, onChange }: { id: string; year: number; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  const years = useApi('years.list', {});
  const options = new Set<number>([currentYear(), year, ...(years.data ?? []).map((y) => y.year)]);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('volunteers.year')}
      </label>
      <select id={id} className="input input--short" value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {[...options].sort((a, b) => b - a).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Per person per month what counts toward the maximum, coloured by warning level. Route: volunteer-overview[?year=]. */
export function OverviewScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { info } = useApp();
  const [year, setYear] = useState(() => Number(params.get('year')) || currentYear());
  const ov = useApi('volunteers.overview', { year });
  const months = t('volunteers.month', { returnObjects: true }) as string[];
  const suggested = fileSafe(`Vrijwilligersvergoedingen ${year} ${info?.organisation.name ?? ''}.xlsx`);

  const data = ov.data;
  return (
    <div className="screen" data-testid="screen-volunteer-overview">
      <PageTitle intro={t('volunteers.overview.intro')}>{t('volunteers.overview.title')}</PageTitle>
      <div className="filters">
        <YearPicker id="vov-year" year={year} onChange={setYear} />
      </div>
      <FormError error={ov.error} />
      {data && !data.limits.exact && data.limits.message ? (
        <p className="notice">
          <strong>{t('volunteers.overview.fallback')}:</strong> {serverText({ message: data.limits.message, says: data.limits.says })}
        </p>
      ) : null}
      {data ? (
        <p>
          {t('volunteers.pay.limits', { year, perMonth: euro(data.limits.perMonth), perYear: euro(data.limits.perYear) })}
        </p>
      ) : null}
      <div className="vol-legend" aria-hidden="false">
        <span>{t('volunteers.overview.legend')}</span>
        {LEVELS.map((l) => (
          <LevelBadge key={l} level={l} />
        ))}
      </div>
      {data && data.persons.length === 0 ? <p className="notice">{t('volunteers.overview.empty')}</p> : null}
      {data && data.persons.length > 0 ? (
        <div className="vol-grid" role="region" aria-labelledby="vov-caption" tabIndex={0}>
          <table className="table table--compact" data-testid="volunteer-overview-table">
            <caption id="vov-caption" className="visually-hidden">
              {t('volunteers.overview.title')} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.overview.person')}</th>
                <th scope="col" className="num">
                  {t('volunteers.overview.total')}
                </th>
                <th scope="col" className="num">
                  {t('volunteers.overview.left')}
                </th>
                <th scope="col">{t('volunteers.overview.status')}</th>
                {months.map((m) => (
                  <th key={m} scope="col" className="num">
                    {m}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.persons.map((p) => (
                <tr key={p.person.id}>
                  <th scope="row" className="th-plain">
                    <a href={hrefFor('volunteer-statements', { person: p.person.id, year })}>{p.person.name}</a>
                    {p.person.benefit !== 'none' ? <span className="muted"> ({t(`volunteers.benefitShort.${p.person.benefit}`)})</span> : null}
                  </th>
                  <td className={`num${p.level !== 'ok' ? ` vol-cell--${p.level}` : ''}`}>{euro(p.total)}</td>
                  <td className="num">{euro(p.left)}</td>
                  <td>
                    <LevelBadge level={p.level} />
                    {p.asWages !== '0.00' ? <span className="muted"> + {euro(p.asWages)} {t('volunteers.overview.wages')}</span> : null}
                  </td>
                  {p.months.map((m) => (
                    <td
                      key={m.month}
                      className={`num${m.level !== 'ok' ? ` vol-cell--${m.level}` : ''}`}
                      title={m.level !== 'ok' ? t(`volunteers.level.${m.level}`) : undefined}
                    >
                      {m.counted === '0.00' ? '' : euro(m.counted)}
                      {m.level !== 'ok' ? <span className="visually-hidden"> ({t(`volunteers.level.${m.level}`)})</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('volunteers.overview.totals')}</th>
                <td className="num">{euro(data.totals.total)}</td>
                <td colSpan={2} className="muted">
                  {data.totals.unpaid !== '0.00' ? `${t('volunteers.overview.unpaid')}: ${euro(data.totals.unpaid)}` : ''}
                </td>
                <td colSpan={12} />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <section className="section" aria-labelledby="vov-excel">
        <h2 id="vov-excel">{t('volunteers.overview.excel')}</h2>
        <SaveFileButton method="volunteers.overviewXlsx" input={() => ({ year })} fileName={suggested} filter={{ name: 'Excel', extensions: ['xlsx'] }} label={t('volunteers.overview.excelMake')} />
      </section>
    </div>
  );
}
