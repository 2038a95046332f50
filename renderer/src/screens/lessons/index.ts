/**
 * The lessons (issue 9) for the app's screen table and menu:
 *   App.tsx: `...lessonScreens` in SCREENS and `LESSONS_MENU` in MENU; the shell also renders
 *   HelpButton, ScreenHint and LessonPanel from components/lessons.
 * Importing this module also registers the texts (see common.ts).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import { navigate } from '../../router';
import './common';
import { LessonScreen } from './LessonScreen';
import { LessonsScreen } from './LessonsScreen';

export const lessonScreens: Record<string, ComponentType<ScreenProps>> = {
  lessons: LessonsScreen,
  lesson: LessonScreen,
};

export const LESSONS_MENU = { group: 'learn', items: ['lessons'] };

// The native menu's "Lessen" command.
if (typeof window !== 'undefined') {
  window.addEventListener('kassa:menu', (event) => {
    const detail = (event as CustomEvent<unknown>).detail as { command?: unknown } | null;
    if (detail?.command === 'lessons') navigate('lessons');
  });
}

export { HelpButton } from '../../components/lessons/HelpButton';
export { LessonPanel } from '../../components/lessons/LessonPanel';
export { ScreenHint } from '../../components/lessons/ScreenHint';
