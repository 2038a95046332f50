/**
 * Shared pieces of the volunteer screens: their texts (merged into the app's i18n under
 * "volunteers" and "nav"), labels, the warning-level badge and the file-path chooser.
 */
import { useTranslation } from 'react-i18next';
import type { Benefit, VolunteerLevel } from '../../../../shared/api/volunteers';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { useApp } from '../../context';
import i18n from '../../i18n';
import en from './en.json';
import nl from './nl.json';
import './volunteers.css';
import { dirOf, joinPath } from '../../paths';

// Deep merge into the one "translation" namespace without overwriting keys of other features.
i18n.addResourceBundle('nl', 'translation', nl, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export const BENEFITS: Benefit[] = ['none', 'bijstand', 'uwv', 'other'];

export function LevelBadge({ level }: { level: VolunteerLevel }) {
  const { t } = useTranslation();
  return <span className={`badge vol-badge vol-badge--${level}`}>{t(`volunteers.level.${level}`)}</span>;
}

/**
 * Where to save a file: a text field (browser mode has no dialogs) plus, in the desktop app, a
 * "Choose…" button with the native save dialog. `folder` picks a folder through the same dialog.
 */
export function PathField({
  id,
  value,
  onChange,
  error,
  suggestedName,
  extension,
  filterName,
  folder = false,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  suggestedName: string;
  extension: string;
  filterName: string;
  folder?: boolean;
}) {
  const { t } = useTranslation();
  const { capabilities, announce } = useApp();
  async function choose() {
    try {
      const p = await call('app.dialog.save', {
        title: t(folder ? 'volunteers.path.dirLabel' : 'volunteers.path.label'),
        defaultPath: joinPath(folder ? value || capabilities.defaultDir : dirOf(value) || capabilities.defaultDir, suggestedName),
        filters: [{ name: filterName, extensions: [extension] }],
      });
      if (p) onChange(folder ? dirOf(p) : p);
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e), 'error');
    }
  }
  return (
    <Field
      id={id}
      label={t(folder ? 'volunteers.path.dirLabel' : 'volunteers.path.label')}
      hint={t(folder ? 'volunteers.path.dirHint' : 'volunteers.path.hint')}
      error={error}
    >
      {(a) => (
        <div className="row vol-path">
          <input {...a} className="input grow" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
          {capabilities.dialogs ? (
            <button type="button" className="button" onClick={() => void choose()}>
              {t('volunteers.path.choose')}
            </button>
          ) : null}
        </div>
      )}
    </Field>
  );
}

/** "2,5" or "2.5" -> "2.5"; null when it is no number of hours. */
export function parseHours(input: string): string | null {
  const s = input.trim().replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,4})?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}
