import { lazy, Suspense } from 'react';
import { useHelp } from './help';

/**
 * Where the shell puts the lesson panel. The panel (with the lessons, their Markdown renderer and
 * parser) is a chunk of its own, loaded when the "?" or a tip first opens it, or ahead in idle time
 * (loadLessonPanel, from the shell's prefetch).
 */
export const loadLessonPanel = () => import('./LessonPanel');

const LessonPanel = lazy(() => loadLessonPanel().then((m) => ({ default: m.LessonPanel })));

export function LessonPanelSlot() {
  const help = useHelp();
  if (help.lessonId === null) return null;
  return (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  );
}
