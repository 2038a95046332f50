import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context';
import { openHelp } from './help';
import { lessonHeadingForScreen, placeholderValues } from './lessonIndex';
import { helpFor } from './screenHelp';

const KEY = 'kassa-hints-seen';

function readSeen(): string[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeSeen(seen: string[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(seen));
  } catch {
    // The tip comes back next time; not harmful.
  }
}

/** Show every first-time tip again (from the lessons page). */
export function resetHints(): void {
  writeSeen([]);
}

/**
 * A short first-time tip for a screen. Dismissed per screen ("Begrepen"); switched off for every
 * screen with the hintsEnabled setting.
 */
export function ScreenHint({ screen }: { screen: string }) {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings } = useApp();
  const [seen, setSeen] = useState(readSeen);
  const tip = helpFor(screen).tip;
  if (tip === null) return null;
  const id: string = tip; // a const the dismiss closure below can use without the null
  const key = `lessons.hint.${id}`;
  if (!settings.hints || seen.includes(id) || !i18n.exists(key)) return null;
  const lesson = lessonHeadingForScreen(screen, i18n.language);

  function dismiss() {
    const next = [...seen, id];
    writeSeen(next);
    setSeen(next);
  }

  return (
    <aside className="screen-hint" aria-label={t('lessons.hint.label')} data-testid="screen-hint">
      <p className="screen-hint__text">
        <strong>{t('lessons.hint.label')}:</strong> {t(key, { limit: placeholderValues(new Date().getFullYear())['limit.perMonth'] })}
      </p>
      <div className="actions">
        <button type="button" className="button button--small" onClick={dismiss}>
          {t('lessons.hint.dismiss')}
        </button>
        {lesson ? (
          <button type="button" className="button button--small button--quiet" onClick={(e) => openHelp(lesson.id, e.currentTarget)}>
            {t('lessons.hint.more', { title: lesson.title })}
          </button>
        ) : null}
        <button type="button" className="button button--small button--quiet" onClick={() => void updateSettings({ hints: false })}>
          {t('lessons.hint.allOff')}
        </button>
      </div>
    </aside>
  );
}
