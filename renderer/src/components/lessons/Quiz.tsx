import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradeQuiz, type QuizExercise, type QuizResult } from '../../../../shared/lessons';
import { saveProgress } from './progress';

/** The quiz at the end of a lesson: one group of choices per question, feedback per chosen option. */
export function Quiz({ lessonId, quiz, level }: { lessonId: string; quiz: QuizExercise; level: number }) {
  const { t } = useTranslation();
  const base = useId();
  const [answers, setAnswers] = useState<(number | null)[]>(() => quiz.questions.map(() => null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const H = `h${Math.min(6, level + 1)}` as 'h3';

  async function check() {
    const r = gradeQuiz(quiz, answers);
    setResult(r);
    setSaveError(null);
    try {
      await saveProgress(lessonId, { done: r.passed, score: r.score });
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    }
  }

  function again() {
    setResult(null);
    setAnswers(quiz.questions.map(() => null));
  }

  const unanswered = answers.some((a) => a === null);
  return (
    <div className="quiz" data-testid="quiz">
      {quiz.intro ? <p>{quiz.intro}</p> : null}
      {quiz.questions.map((q, qi) => {
        const answer = result?.answers[qi];
        return (
          <fieldset key={q.id} className="quiz__question">
            <legend>
              <H className="quiz__q">{t('lessons.quiz.question', { n: qi + 1, total: quiz.questions.length })}</H>
              <span className="quiz__text">{q.question}</span>
            </legend>
            {q.options.map((o, oi) => {
              const id = `${base}-${q.id}-${oi}`;
              return (
                <div className="check quiz__option" key={oi}>
                  <input
                    id={id}
                    type="radio"
                    name={`${base}-${q.id}`}
                    checked={answers[qi] === oi}
                    disabled={result !== null}
                    onChange={() => setAnswers((a) => a.map((x, i) => (i === qi ? oi : x)))}
                  />
                  <label htmlFor={id}>{o.text}</label>
                </div>
              );
            })}
            {answer && answer.chosen !== null ? (
              <p className={`quiz__feedback ${answer.correct ? 'lesson-ok' : 'lesson-not-ok'}`} data-testid={`quiz-feedback-${q.id}`}>
                <strong>{answer.correct ? t('lessons.quiz.right') : t('lessons.quiz.wrong')}</strong> {answer.feedback}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <div role="status" aria-live="polite" className="quiz__result" data-testid="quiz-result">
        {result ? (
          <p className={result.passed ? 'lesson-ok' : 'lesson-not-ok'}>
            {t(result.passed ? 'lessons.quiz.passed' : 'lessons.quiz.notPassed', { score: result.score, total: result.total })}
          </p>
        ) : null}
        {saveError ? <p className="lesson-not-ok">{t('lessons.saveError', { message: saveError })}</p> : null}
      </div>
      <div className="actions">
        {result === null ? (
          <button type="button" className="button button--primary" onClick={() => void check()} disabled={unanswered}>
            {t('lessons.quiz.check')}
          </button>
        ) : (
          <button type="button" className="button" onClick={again}>
            {t('lessons.quiz.again')}
          </button>
        )}
        {result === null && unanswered ? <p className="muted">{t('lessons.quiz.answerAll')}</p> : null}
      </div>
    </div>
  );
}
