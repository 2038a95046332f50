/**
 * Shared pieces of the volunteer screens: their texts (merged into the app's i18n under
 * "volunteers"; the menu labels are in the core i18n), labels and the warning-level badge.
 */
import { useTranslation } from 'react-i18next';
import type { Benefit, VolunteerLevel } from '../../../../shared/api/volunteers';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const BENEFITS: Benefit[] = ['none', 'bijstand', 'uwv', 'other'];

export function LevelBadge({ level }: { level: VolunteerLevel }) {
  const { t } = useTranslation();
  return <span className={`badge vol-badge vol-badge--${level}`}>{t(`volunteers.level.${level}`)}</span>;
}

/** "2,5" or "2.5" -> "2.5"; null when it is no number of hours. */
export function parseHours(input: string): string | null {
  const s = input.trim().replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,4})?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}
