import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../shared/api/review';
import { call } from '../../api';
import { EntryLinesTable } from '../../components/EntryLinesTable';
import { Field, FormError } from '../../components/Field';
import { useApp } from '../../context';
import { dateNl, euro, toCents } from '../../format';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../hooks';
import { MarkForm } from './MarkForm';

/** The sample, one entry at a time with its lines and receipt, each marked by the committee. */
export function SampleSection({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  const entries = review.sample.entries;
  const [at, setAt] = useState(0);
  const n = Math.min(at, Math.max(0, entries.length - 1));
  const e = entries[n];
  return (
    <section className="section" aria-labelledby="review-sample-title" data-testid="review-sample">
      <h2 id="review-sample-title">{t('review.sample.title')}</h2>
      <p>{t('review.sample.intro', { large: euro(review.sample.large), size: review.sample.size, seed: review.sample.seed })}</p>
      {e ? (
        <article className="card review-item" data-testid="sample-entry" data-ref={e.ref}>
          <div className="toolbar">
            <button type="button" className="button button--small" onClick={() => setAt(n - 1)} disabled={n === 0}>{t('review.sample.previous')}</button>
            <span data-testid="sample-position">{t('review.sample.position', { n: n + 1, total: entries.length })}</span>
            <button type="button" className="button button--small" onClick={() => setAt(n + 1)} disabled={n >= entries.length - 1}>{t('review.sample.next')}</button>
          </div>
          <h3>
            <span className="code">{e.ref}</span> {e.description}
          </h3>
          <p>
            {dateNl(e.date)} · {t('review.sample.amount')} {euro(e.amount)} · {t(`review.sample.${e.reason}`)}
          </p>
          <EntryLinesTable caption={e.ref} lines={e.lines.map((l) => ({ code: l.account, name: l.accountName, debit: l.debit ? toCents(l.debit) : null, credit: l.credit ? toCents(l.credit) : null }))} />
          <p>{e.receipt ? t('review.sample.receipt', { name: e.receipt.name }) : t('review.sample.noReceipt')}</p>
          {e.mark ? (
            <p className="review-marked">
              {t('review.checklist.marked', { verdict: t(`review.verdict.${e.mark.verdict}`), author: e.mark.author })}
              {e.mark.remark ? `: ${e.mark.remark}` : ''}
            </p>
          ) : null}
          <MarkForm key={e.ref} id="sample" on="sample" target={e.ref} review={review} onChange={onChange} />
        </article>
      ) : null}
      <details className="review-evidence">
        <summary>{t('review.sample.list')}</summary>
        <ol>
          {entries.map((x, i) => (
            <li key={x.ref}>
              <button type="button" className="button button--link" onClick={() => setAt(i)}>{x.ref}</button> {x.description} · {euro(x.amount)} ·{' '}
              {x.mark ? t(`review.verdict.${x.mark.verdict}`) : t('review.sample.unmarked')}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** Questions for the treasurer, asked by the committee and answered in the app. */
export function QuestionsSection({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function ask(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = await call('review.ask', { text });
      setText('');
      announce(t('review.questions.asked'), 'success');
      onChange(r);
    } catch (e) {
      setErrors(formErrorsFrom(e, ['text']));
    }
  }
  return (
    <section className="section" aria-labelledby="review-questions-title" data-testid="review-questions">
      <h2 id="review-questions-title">{t('review.questions.title')}</h2>
      {review.questions.length === 0 ? <p className="muted">{t('review.questions.none')}</p> : null}
      {review.questions.map((q) => (
        <article key={q.seq} className="card review-item" data-testid={`question-${q.seq}`}>
          {q.about ? <p className="muted">{t('review.questions.about', { about: q.about })}</p> : null}
          <p><strong>{q.text}</strong> ({q.author})</p>
          {q.answer ? <p data-testid="answer">{q.answer.text} ({q.answer.author})</p> : <AnswerForm seq={q.seq} onChange={onChange} />}
        </article>
      ))}
      <form className="form" onSubmit={(e) => void ask(e)} noValidate>
        <Field id="review-ask" label={t('review.questions.ask')} error={errors.fields.text}>
          {(a) => <textarea {...a} className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <FormError error={errors.general} />
        <button type="submit" className="button">{t('review.questions.askButton')}</button>
      </form>
    </section>
  );
}

function AnswerForm({ seq, onChange }: { seq: number; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = await call('review.answer', { question: seq, text });
      announce(t('review.questions.answered'), 'success');
      onChange(r);
    } catch (e) {
      setErrors(formErrorsFrom(e, ['text']));
    }
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={`review-answer-${seq}`} label={t('review.questions.answer')} error={errors.fields.text}>
        {(a) => <textarea {...a} className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <FormError error={errors.general} />
      <button type="submit" className="button">{t('review.questions.answerButton')}</button>
    </form>
  );
}
