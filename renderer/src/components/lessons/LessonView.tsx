import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../../../shared/lessons';
import { EntryTable, TAccount } from './Figures';
import { LessonMarkdown } from './LessonMarkdown';
import { dropLeadingTitle } from './markdownTables';
import { useLessonProgress } from './progress';
import { PracticeTask } from './PracticeTask';
import { Quiz } from './Quiz';

/**
 * A lesson: its text, the figures drawn by the app's own components, and the exercise. `level` is
 * the heading level of the lesson's sections ("##"): 2 on the lesson page, 3 in the side panel.
 */
export function LessonView({ lesson, level = 2, onNavigate }: { lesson: Lesson; level?: number; onNavigate?: (screen: string) => void }) {
  const { t } = useTranslation();
  const progress = useLessonProgress()[lesson.id];
  const H = `h${Math.min(6, level)}` as 'h2';
  return (
    <article className="lesson" data-lesson={lesson.id}>
      <p className="lesson__meta muted">
        {t(`lessons.floor.${lesson.floor}.name`)} · {t('lessons.minutes', { count: lesson.minutes })}
        {progress?.done ? <> · <span className="lesson-done">{t('lessons.status.done')}</span></> : null}
      </p>
      {lesson.blocks.map((b, i) => {
        if (b.type === 'markdown') {
          const md = i === 0 ? dropLeadingTitle(b.markdown) : b.markdown;
          return <LessonMarkdown key={i} markdown={md} level={level} {...(onNavigate ? { onNavigate } : {})} />;
        }
        if (b.type === 't-account') return <TAccount key={i} figure={b.figure} />;
        return <EntryTable key={i} figure={b.figure} />;
      })}
      <section className="lesson__exercise card" aria-label={t(lesson.exercise.type === 'quiz' ? 'lessons.quiz.title' : 'lessons.task.title')}>
        <H>{t(lesson.exercise.type === 'quiz' ? 'lessons.quiz.title' : 'lessons.task.title')}</H>
        {lesson.exercise.type === 'quiz' ? (
          <Quiz lessonId={lesson.id} quiz={lesson.exercise} level={level} />
        ) : (
          <PracticeTask lessonId={lesson.id} task={lesson.exercise} screens={lesson.screens} />
        )}
      </section>
    </article>
  );
}
