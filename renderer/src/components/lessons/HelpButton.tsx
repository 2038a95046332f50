import { useTranslation } from 'react-i18next';
import { closeHelp, openHelp, useHelp } from './help';
import { lessonHeadingForScreen } from './lessonIndex';

/** The "?" in the header: opens the lesson about the current screen beside it (toggle). */
export function HelpButton({ screen }: { screen: string }) {
  const { t, i18n } = useTranslation();
  const help = useHelp();
  const lesson = lessonHeadingForScreen(screen, i18n.language);
  const open = help.lessonId !== null;
  return (
    <button
      type="button"
      className="button button--quiet help-button"
      aria-expanded={open}
      aria-controls="lesson-panel"
      data-testid="help-button"
      title={lesson ? t('lessons.help.buttonFor', { title: lesson.title }) : t('lessons.help.button')}
      onClick={(e) => (open ? closeHelp() : openHelp(lesson?.id ?? '', e.currentTarget))}
    >
      <span aria-hidden="true" className="help-button__mark">
        ?
      </span>
      <span className="visually-hidden">{lesson ? t('lessons.help.buttonFor', { title: lesson.title }) : t('lessons.help.button')}</span>
    </button>
  );
}
