import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { lessonsByFloor, lessonsFor } from '../../components/lessons/lessonData';
import { clearTaskBaselines } from '../../components/lessons/practiceTask';
import { useLessonProgress } from '../../components/lessons/progress';
import { resetHints } from '../../components/lessons/ScreenHint';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { hrefFor } from '../../router';

/** The learning path: the three floors of the learning path, each lesson with its progress. */
export function LessonsScreen() {
  const { t, i18n } = useTranslation();
  const progress = useLessonProgress();
  const floors = lessonsByFloor(i18n.language);
  const total = lessonsFor(i18n.language).length;
  const done = lessonsFor(i18n.language).filter((l) => progress[l.id]?.done).length;

  return (
    <div className="screen lessons" data-testid="screen-lessons">
      <PageTitle intro={t('lessons.page.intro')}>{t('lessons.page.title')}</PageTitle>
      <p className="lessons__progress" data-testid="lessons-progress">
        {t('lessons.page.progress', { done, total })}
      </p>
      <progress className="lessons__bar" max={total} value={done} aria-label={t('lessons.page.progressLabel')}>
        {done}/{total}
      </progress>
      {floors.map(({ floor, lessons }) => (
        <section key={floor} className="section lessons__floor" aria-labelledby={`floor-${floor}`}>
          <h2 id={`floor-${floor}`}>{t(`lessons.floor.${floor}.name`)}</h2>
          <p className="muted">{t(`lessons.floor.${floor}.text`)}</p>
          <ol className="lessons__list">
            {lessons.map((l) => {
              const p = progress[l.id];
              const quizTotal = l.exercise.type === 'quiz' ? l.exercise.questions.length : null;
              return (
                <li key={l.id} className={`lessons__item${p?.done ? ' lessons__item--done' : ''}`} value={l.order}>
                  <a href={hrefFor('lesson', { id: l.id })} className="lessons__link" data-lesson-link={l.id}>
                    {l.title}
                  </a>
                  {l.summary ? <p className="lessons__summary">{l.summary}</p> : null}
                  <p className="lessons__meta muted">
                    {t('lessons.minutes', { count: l.minutes })} ·{' '}
                    {t(l.exercise.type === 'quiz' ? 'lessons.kind.quiz' : 'lessons.kind.task')} ·{' '}
                    <span className={p?.done ? 'lesson-done' : ''} data-testid={`lesson-status-${l.id}`}>
                      {p?.done ? t('lessons.status.done') : t('lessons.status.todo')}
                    </span>
                    {quizTotal !== null && p?.score !== undefined ? <> · {t('lessons.status.score', { score: p.score, total: quizTotal })}</> : null}
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <HintSettings />
      <PracticeCard />
    </div>
  );
}

function HintSettings() {
  const { t } = useTranslation();
  const { settings, updateSettings, announce } = useApp();
  return (
    <section className="section card" aria-labelledby="lessons-hints">
      <h2 id="lessons-hints">{t('lessons.hints.title')}</h2>
      <p>{t('lessons.hints.text')}</p>
      <div className="check">
        <input
          id="lessons-hints-on"
          type="checkbox"
          checked={settings.hints}
          onChange={(e) => void updateSettings({ hints: e.target.checked })}
          data-testid="hints-toggle"
        />
        <label htmlFor="lessons-hints-on">{t('lessons.hints.toggle')}</label>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            resetHints();
            announce(t('lessons.hints.resetDone'));
          }}
        >
          {t('lessons.hints.reset')}
        </button>
      </div>
    </section>
  );
}

function PracticeCard() {
  const { t } = useTranslation();
  const { info, setInfo, announce, booksChanged } = useApp();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(method: 'app.practice.open' | 'app.practice.reset') {
    setBusy(true);
    setError(null);
    try {
      const r = await call(method, {});
      setInfo(r);
      booksChanged();
      if (method === 'app.practice.reset') {
        clearTaskBaselines();
        setConfirm(false);
        announce(t('practice.resetDone'));
      } else {
        announce(t('welcome.done.practice'));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section card" aria-labelledby="lessons-practice">
      <h2 id="lessons-practice">{t('practice.title')}</h2>
      <p>{info?.practice ? t('lessons.practice.inside') : t('lessons.practice.outside')}</p>
      {error && !confirm ? (
        <p className="lesson-not-ok" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        {!info?.practice ? (
          <button type="button" className="button" disabled={busy} onClick={() => void run('app.practice.open')} data-testid="practice-open">
            {t('lessons.practice.open')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setError(null);
            setConfirm(true);
          }}
          data-testid="practice-reset"
        >
          {t('practice.reset')}
        </button>
      </div>
      <Dialog open={confirm} title={t('practice.resetConfirmTitle')} onClose={() => setConfirm(false)}>
        <p>{t('practice.resetConfirmText')}</p>
        {!info?.practice ? <p>{t('lessons.practice.afterReset')}</p> : null}
        {error ? (
          <p className="lesson-not-ok" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('app.practice.reset')}>
            {t('practice.resetYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
