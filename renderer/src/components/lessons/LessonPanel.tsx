import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../router';
import { closeHelp, openHelp, useHelp } from './help';
import { lessonById, lessonsFor } from './lessonData';
import { LessonView } from './LessonView';
import { useLessonProgress } from './progress';

/**
 * The lesson beside the work: a side panel (not a modal) so the screen stays usable. It takes
 * focus when it opens; Escape or "Sluiten" closes it and focus goes back to where it came from.
 */
export function LessonPanel() {
  const { t, i18n } = useTranslation();
  const help = useHelp();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const progress = useLessonProgress();
  const lesson = help.lessonId ? lessonById(help.lessonId, i18n.language) : undefined;

  useEffect(() => {
    if (help.lessonId !== null) titleRef.current?.focus();
  }, [help.lessonId]);

  if (help.lessonId === null) return null;
  return (
    <aside
      id="lesson-panel"
      className="lesson-panel"
      aria-labelledby="lesson-panel-title"
      data-testid="lesson-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeHelp();
        }
      }}
    >
      <div className="lesson-panel__head">
        <h2 id="lesson-panel-title" ref={titleRef} tabIndex={-1}>
          {lesson ? lesson.title : t('lessons.help.allTitle')}
        </h2>
        <button type="button" className="button button--quiet button--small" onClick={closeHelp} data-testid="lesson-panel-close">
          {t('common.close')}
        </button>
      </div>
      {lesson ? (
        <>
          <LessonView lesson={lesson} level={3} onNavigate={(s) => navigate(s)} />
          <p>
            <a href={hrefFor('lessons')} onClick={() => closeHelp()}>
              {t('lessons.help.toPath')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t('lessons.help.noLesson')}</p>
          <ul className="lesson-panel__list">
            {lessonsFor(i18n.language).map((l) => (
              <li key={l.id}>
                <button type="button" className="button button--link" onClick={() => openHelp(l.id, help.returnTo)}>
                  {l.order}. {l.title}
                </button>
                {progress[l.id]?.done ? <span className="lesson-done"> — {t('lessons.status.done')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
