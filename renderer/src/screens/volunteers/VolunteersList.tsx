import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../../shared/validation/iban';
import { FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { dateNl } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import './common';

/** The list of volunteers, with "pay" and "change" per person. */
export function VolunteersScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const persons = useApi('persons.list', { includeArchived: archived, ...(search.trim() ? { search: search.trim() } : {}) });
  const list = persons.data ?? [];

  return (
    <div className="screen" data-testid="screen-volunteers">
      <PageTitle intro={t('volunteers.list.intro')}>{t('volunteers.list.title')}</PageTitle>
      <div className="toolbar">
        <a className="button button--primary" href={hrefFor('volunteer-person')} data-testid="new-volunteer">
          {t('volunteers.list.new')}
        </a>
      </div>
      <div className="filters">
        <div className="field grow">
          <label className="field__label" htmlFor="vol-search">
            {t('volunteers.list.search')}
          </label>
          <input id="vol-search" className="input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          {t('volunteers.list.showArchived')}
        </label>
      </div>
      <FormError error={persons.error} />
      {persons.data && list.length === 0 ? <p className="notice">{t('volunteers.list.empty')}</p> : null}
      {list.length > 0 ? (
        <>
          <p className="result-count" aria-live="polite">
            {t('volunteers.list.count', { count: list.length })}
          </p>
          <div className="vol-scroll">
          <table className="table" data-testid="volunteer-table">
            <thead>
              <tr>
                <th scope="col">{t('volunteers.list.name')}</th>
                <th scope="col">{t('volunteers.list.benefit')}</th>
                <th scope="col">{t('volunteers.list.birthDate')}</th>
                <th scope="col">{t('volunteers.list.iban')}</th>
                <th scope="col">{t('volunteers.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} className={p.archived ? 'row--muted' : undefined}>
                  <th scope="row" className="th-plain">
                    {p.name}
                    {p.archived ? <span className="badge badge--closed"> {t('volunteers.list.archived')}</span> : null}
                  </th>
                  <td>{p.benefit === 'none' ? '' : t(`volunteers.benefit.${p.benefit}`)}</td>
                  <td>{dateNl(p.birthDate)}</td>
                  <td className="mono">{p.iban ? formatIban(p.iban) : ''}</td>
                  <td className="cell-actions">
                    {!p.archived ? (
                      <a className="button button--small" href={hrefFor('volunteer-pay', { person: p.id })} aria-label={`${t('volunteers.list.pay')}: ${p.name}`}>
                        {t('volunteers.list.pay')}
                      </a>
                    ) : null}{' '}
                    <a className="button button--quiet button--small" href={hrefFor('volunteer-person', { id: p.id })} aria-label={`${t('volunteers.list.edit')}: ${p.name}`}>
                      {t('volunteers.list.edit')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
