import type { QuizExercise, QuizQuestion } from './schema';

/** Quiz rules: a quiz has MIN..MAX questions; every question has exactly one correct option. */
export const QUIZ_MIN_QUESTIONS = 3;
export const QUIZ_MAX_QUESTIONS = 5;

export interface AnswerResult {
  questionId: string;
  /** The option the learner chose (index into options), or null when not answered. */
  chosen: number | null;
  correct: boolean;
  /** The feedback written for the chosen option (empty when not answered). */
  feedback: string;
}

export interface QuizResult {
  score: number;
  total: number;
  /** All questions answered correctly. The UI lets the learner try again until then. */
  passed: boolean;
  answers: AnswerResult[];
}

/** Index of the correct option; -1 when there is none or more than one (lintLesson reports that). */
export function correctOptionIndex(question: QuizQuestion): number {
  const idx = question.options.flatMap((o, i) => (o.correct === true ? [i] : []));
  return idx.length === 1 ? (idx[0] ?? -1) : -1;
}

export function answerQuestion(question: QuizQuestion, chosen: number | null | undefined): AnswerResult {
  const option = chosen === null || chosen === undefined ? undefined : question.options[chosen];
  if (!option) return { questionId: question.id, chosen: null, correct: false, feedback: '' };
  return { questionId: question.id, chosen: chosen ?? null, correct: option.correct === true, feedback: option.feedback };
}

/** Grade a quiz. answers[i] is the chosen option index for question i (or null). */
export function gradeQuiz(quiz: QuizExercise, answers: ReadonlyArray<number | null | undefined>): QuizResult {
  const results = quiz.questions.map((q, i) => answerQuestion(q, answers[i]));
  const score = results.filter((r) => r.correct).length;
  return { score, total: quiz.questions.length, passed: score === quiz.questions.length, answers: results };
}
