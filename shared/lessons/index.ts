/**
 * The Kijk op de Kassa curriculum: lesson parsing, readability, quizzes and practice-task checks.
 * Pure code, safe for the renderer. Lesson files live in renderer/lessons/<lang>/NN-<id>.md; the
 * format is described in schema.ts (front matter, exercise) and parse.ts (body, figures).
 *
 * Renderer use:
 *   const modules = import.meta.glob('../lessons/*\/*.md', { query: '?raw', import: 'default', eager: true });
 *   const lessons = parseLessonModules(modules);          // { nl: Lesson[], en: Lesson[] }
 *   const lesson = fillLessonPlaceholders(lessons.nl[0], limitValues); // values from shared/rules,
 *                                      // keyed by PLACEHOLDER_KEYS and formatted ("€ 220")
 *   // pass screenLabel (id => menu label) as the third argument to turn {{screen:<id>}} into names
 *   lesson.blocks: render 'markdown' with a Markdown component, 't-account' / 'entry' with the app's
 *   figure components; links `screen:<id>` route to that screen.
 *   Quiz: gradeQuiz(lesson.exercise, answers). Task: checkTask(lesson.exercise.check, entries).
 *
 * Node use (tests, CLI): loadLessonsFromDir() from './node'.
 */
export * from './schema';
export * from './placeholders';
export * from './screenRefs';
export * from './parse';
export * from './readability';
export * from './quiz';
export * from './checkTask';
export * from './lint';
