/**
 * Shared pieces of the grant screens: their texts (merged into the app's i18n under "grants"; the menu
 * labels are in the core i18n), status and spend badges, the budget-vs-spent bar chart (plain SVG) and the file field.
 */
import { useTranslation } from 'react-i18next';
import type { GrantReportLine } from '../../../../shared/api/grants';
import type { GrantStatus, SpendLevel } from '../../../../shared/rules/grants';
import { euro, toCents } from '../../format';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export function StatusBadge({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <span className={`badge grant-status grant-status--${status}`}>{t(`grants.status.${status}`)}</span>;
}

/** Never colour alone: the badge always says in words how far the budget is used. */
export function LevelBadge({ level, percent }: { level: SpendLevel; percent?: string | null }) {
  const { t } = useTranslation();
  return (
    <span className={`badge grant-level grant-level--${level}`} data-level={level}>
      {percent !== undefined && percent !== null ? `${percent.replace('.', ',')} % · ` : ''}
      {t(`grants.level.${level}`)}
    </span>
  );
}

export function percentNl(p: string | null | undefined): string {
  return p === null || p === undefined ? '–' : `${p.replace('.', ',')} %`;
}

/**
 * Budget and spent per budget line as horizontal bars: a light bar for the budget, a darker bar
 * for what is spent (orange from 90 %, red above 100 %), with the amounts written beside them.
 */
export function BudgetChart({ lines }: { lines: GrantReportLine[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  const max = lines.reduce((m, l) => {
    const b = toCents(l.budget) ?? 0n;
    const a = toCents(l.actual) ?? 0n;
    return [b, a, m].reduce((x, y) => (y > x ? y : x), 0n);
  }, 1n);
  const labelW = 220;
  const barW = 420;
  const rowH = 56;
  const width = labelW + barW + 20;
  const height = lines.length * rowH + 10;
  const scale = (c: bigint) => Number(((c < 0n ? 0n : c) * BigInt(barW * 100)) / max) / 100;
  return (
    <figure className="grant-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="grant-chart-title grant-chart-desc"
        data-testid="grant-chart"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="grant-chart-title">{t('grants.detail.chartTitle')}</title>
        <desc id="grant-chart-desc">
          {t('grants.detail.chartDesc')}{' '}
          {lines.map((l) => `${l.name}: ${t('grants.detail.chartBudget')} ${euro(l.budget)}, ${t('grants.detail.chartSpent')} ${euro(l.actual)}.`).join(' ')}
        </desc>
        {lines.map((l, i) => {
          const y = 8 + i * rowH;
          const b = toCents(l.budget) ?? 0n;
          const a = toCents(l.actual) ?? 0n;
          return (
            <g key={l.id ?? 'none'} data-line={l.name} data-level={l.level}>
              <text x={0} y={y + 16} className="grant-chart__label">
                {l.name.length > 28 ? `${l.name.slice(0, 27)}…` : l.name}
              </text>
              <text x={0} y={y + 36} className="grant-chart__small">
                {percentNl(l.percent)}
              </text>
              <rect x={labelW} y={y + 2} width={Math.max(scale(b), 1)} height={18} className="grant-chart__budget" rx={3} />
              <rect x={labelW} y={y + 24} width={Math.max(scale(a), a > 0n ? 2 : 0)} height={18} className={`grant-chart__spent grant-chart__spent--${l.level}`} rx={3} />
              <text x={labelW + 6} y={y + 16} className="grant-chart__value">
                {t('grants.detail.chartBudget')} {euro(l.budget)}
              </text>
              <text x={labelW + Math.min(Math.max(scale(a), 0) + 6, barW - 150)} y={y + 38} className="grant-chart__value grant-chart__value--spent">
                {t('grants.detail.chartSpent')} {euro(l.actual)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

