import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskExercise } from '../../../../shared/lessons';
import { call } from '../../api';
import { useApp } from '../../context';
import { navigate } from '../../router';
import { openHelp } from './help';
import { checkPracticeTask, startTask } from './practiceTask';
import { lessonLang } from './lessonData';
import { saveProgress } from './progress';

type Feedback = { kind: 'ok' | 'not-ok' | 'info'; text: string };

/**
 * A task done in the practice administration: open it (and the screen the task is about, with the
 * lesson beside it), then "Controleer" checks the entries posted since the task started.
 */
export function PracticeTask({ lessonId, task, screens }: { lessonId: string; task: TaskExercise; screens: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const { info, setInfo, booksChanged } = useApp();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const inPractice = info?.practice === true;

  async function begin() {
    setBusy(true);
    setFeedback(null);
    try {
      let path = info?.path ?? '';
      if (!inPractice) {
        const opened = await call('app.practice.open', {});
        setInfo(opened);
        booksChanged();
        path = opened.path;
      }
      await startTask(lessonId, path);
      openHelp(lessonId);
      navigate(task.screen ?? screens[0] ?? 'dashboard');
    } catch (e) {
      setFeedback({ kind: 'not-ok', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    if (!info) return;
    setBusy(true);
    try {
      const r = await checkPracticeTask(lessonId, info.path, task.check, lessonLang(i18n.language));
      if (r.restarted) {
        setFeedback({ kind: 'info', text: t('lessons.task.restarted') });
      } else if (r.ok) {
        setFeedback({ kind: 'ok', text: r.feedback });
        await saveProgress(lessonId, { done: true });
      } else {
        setFeedback({ kind: 'not-ok', text: r.feedback });
      }
    } catch (e) {
      setFeedback({ kind: 'not-ok', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="task" data-testid="practice-task">
      <p className="task__instructions">{task.instructions}</p>
      {task.hint ? (
        <details className="task__hint">
          <summary>{t('lessons.task.hint')}</summary>
          <p>{task.hint}</p>
        </details>
      ) : null}
      <p className="muted">{inPractice ? t('lessons.task.inPractice') : t('lessons.task.notInPractice')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void begin()} disabled={busy} data-testid="task-start">
          {t('lessons.task.start')}
        </button>
        <button type="button" className="button" onClick={() => void check()} disabled={busy || !inPractice} data-testid="task-check">
          {t('lessons.task.check')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="task-feedback">
        {feedback ? <p className={`task__feedback lesson-${feedback.kind}`}>{feedback.text}</p> : null}
      </div>
    </div>
  );
}
