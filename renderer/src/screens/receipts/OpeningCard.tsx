import { useTranslation } from 'react-i18next';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import './common';

/** On the dashboard while the first year is open: a way to enter or change the opening balance. */
export function OpeningCard() {
  const { t } = useTranslation();
  const { data } = useApi('opening.get', {});
  if (!data || !data.canChange) return null;
  return (
    <section aria-labelledby="dash-opening" className="section" data-testid="dashboard-opening">
      <h2 id="dash-opening">{t('opening.dashboardTitle')}</h2>
      <p>{data.entry ? t('opening.dashboardSet', { ref: data.entry.ref }) : t('opening.dashboardNone')}</p>
      <a className={`button${data.entry ? '' : ' button--primary'}`} href={hrefFor('opening')}>
        {data.entry ? t('opening.dashboardLinkChange') : t('opening.dashboardLink')}
      </a>
    </section>
  );
}
