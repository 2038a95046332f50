import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../../screenProps';
import { openHelp } from '../../components/lessons/help';
import { lessonsFor } from '../../components/lessons/lessonData';
import { LessonView } from '../../components/lessons/LessonView';
import { PageTitle } from '../../components/PageTitle';
import { hrefFor, navigate } from '../../router';

/** One lesson on its own page (#/lesson?id=bank-statement). A screen link opens that screen with the lesson beside it. */
export function LessonScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const list = lessonsFor(i18n.language);
  const id = params.get('id') ?? '';
  const index = list.findIndex((l) => l.id === id);
  const lesson = list[index];
  if (!lesson) {
    return (
      <div className="screen">
        <PageTitle>{t('lessons.view.notFound')}</PageTitle>
        <p>
          <a href={hrefFor('lessons')}>{t('lessons.view.back')}</a>
        </p>
      </div>
    );
  }
  const prev = list[index - 1];
  const next = list[index + 1];
  return (
    <div className="screen lesson-screen" data-testid="screen-lesson">
      <p className="lesson-screen__back">
        <a href={hrefFor('lessons')}>{t('lessons.view.back')}</a>
      </p>
      <PageTitle>{lesson.title}</PageTitle>
      <LessonView
        key={lesson.id}
        lesson={lesson}
        level={2}
        onNavigate={(screen) => {
          openHelp(lesson.id);
          navigate(screen);
        }}
      />
      <nav className="lesson-screen__pager" aria-label={t('lessons.view.pager')}>
        {prev ? <a href={hrefFor('lesson', { id: prev.id })}>← {t('lessons.view.prev', { title: prev.title })}</a> : <span />}
        {next ? <a href={hrefFor('lesson', { id: next.id })}>{t('lessons.view.next', { title: next.title })} →</a> : null}
      </nav>
    </div>
  );
}
