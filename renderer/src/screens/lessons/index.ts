/**
 * The lesson screens (issue 9): their chunk's screen table (renderer/src/screenTable.ts); the menu
 * item is in renderer/src/menu.ts, the native menu's "Lessen" in renderer/src/menuRoutes.ts. The
 * shell itself renders HelpButton, ScreenHint and LessonPanel from components/lessons.
 * Importing this module also registers the texts (see common.ts).
 */
import type { ComponentType } from 'react';
import type { ScreenProps } from '../../screenProps';
import './common';
import { LessonScreen } from './LessonScreen';
import { LessonsScreen } from './LessonsScreen';

export const lessonScreens: Record<string, ComponentType<ScreenProps>> = {
  lessons: LessonsScreen,
  lesson: LessonScreen,
};
