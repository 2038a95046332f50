import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conclusion, Review } from '../../../../shared/api/review';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { SaveFileButton } from '../../components/SaveFile';
import { useApp } from '../../context';
import { dateNl, parseInputAmount, parseInputDate, todayNl } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, useYears, type FormErrors } from '../../hooks';
import { ChecklistSection } from './ChecklistSection';
import { QuestionsSection, SampleSection } from './SampleSection';

/**
 * "Controle door de kascommissie" (issue 19): start a review of a year, work through the checklist,
 * the sample and the questions while the books are read-only, finish with a conclusion and make
 * the report. Route: review.
 */
export function ReviewScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const active = useApi('review.get', {});
  const [review, setReview] = useState<Review | null>(null);
  const shown = review ?? active.data;
  return (
    <div className="screen" data-testid="screen-review">
      <PageTitle intro={t('review.intro')}>{t('review.title')}</PageTitle>
      <FormError error={active.error} />
      {active.loading && !shown ? <p className="muted">{t('review.loading')}</p> : null}
      {shown && shown.status === 'active' ? (
        <ActiveReview review={shown} onChange={setReview} />
      ) : !active.loading ? (
        <>
          {shown ? <FinishedReview review={shown} /> : null}
          <StartForm onStarted={setReview} />
          <PastReviews />
        </>
      ) : null}
    </div>
  );
}

function StartForm({ onStarted }: { onStarted: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce, setInfo } = useApp();
  const years = useYears();
  const list = years.data ?? [];
  const [year, setYear] = useState<number | null>(null);
  const [date, setDate] = useState(todayNl());
  const [names, setNames] = useState(['', '']);
  const [threshold, setThreshold] = useState('50,00');
  const [size, setSize] = useState('25');
  const [seed, setSeed] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const chosen = year ?? [...list].reverse().find((y) => y.status === 'closed')?.year ?? list[0]?.year ?? null;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = await call('review.start', {
        year: chosen ?? 0,
        reviewDate: parseInputDate(date) ?? date,
        reviewers: names.map((n) => n.trim()).filter(Boolean),
        threshold: parseInputAmount(threshold) ?? threshold,
        sampleSize: Number(size),
        ...(seed.trim() ? { seed: Number(seed) } : {}),
      });
      setInfo(await call('admin.info', {}));
      announce(t('review.start.started', { year: r.year }), 'success');
      onStarted(r);
    } catch (e) {
      setErrors(formErrorsFrom(e));
    }
  }

  return (
    <section className="section" aria-labelledby="review-start-title">
      <h2 id="review-start-title">{t('review.start.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="review-start">
        <Field id="review-year" label={t('review.start.year')} hint={t('review.start.yearHint')} error={errors.fields.year}>
          {(a) => (
            <select {...a} className="input input--auto" value={chosen ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
              {list.map((y) => (
                <option key={y.year} value={y.year}>{y.year}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="review-date" label={t('review.start.date')} error={errors.fields.reviewDate}>
          {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
        </Field>
        {names.map((n, i) => (
          <Field key={i} id={`review-reviewer-${i}`} label={t(i === 0 ? 'review.start.reviewer1' : 'review.start.reviewer2')} error={errors.fields[`reviewers.${i}`] ?? (i === 0 ? errors.fields.reviewers : undefined)}>
            {(a) => <input {...a} className="input" value={n} onChange={(e) => setNames(names.map((x, j) => (j === i ? e.target.value : x)))} autoComplete="name" />}
          </Field>
        ))}
        <Field id="review-threshold" label={t('review.start.threshold')} hint={t('review.start.thresholdHint')} error={errors.fields.threshold}>
          {(a) => <AmountInput a11y={a} value={threshold} onChange={setThreshold} />}
        </Field>
        <Field id="review-size" label={t('review.start.sampleSize')} hint={t('review.start.sampleHint')} error={errors.fields.sampleSize}>
          {(a) => <input {...a} className="input input--short" inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />}
        </Field>
        <Field id="review-seed" label={t('review.start.seed')} hint={t('review.start.seedHint')} error={errors.fields.seed} optional>
          {(a) => <input {...a} className="input input--medium" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />}
        </Field>
        <FormError error={errors.general} />
        <div className="actions">
          <button type="submit" className="button button--primary">{t('review.start.submit')}</button>
        </div>
      </form>
    </section>
  );
}

function PastReviews() {
  const { t } = useTranslation();
  const list = useApi('review.list', {});
  const rows = list.data ?? [];
  return (
    <section className="section" aria-labelledby="review-past-title">
      <h2 id="review-past-title">{t('review.past.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('review.past.none')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('review.past.code')}</th>
              <th scope="col">{t('review.past.date')}</th>
              <th scope="col">{t('review.past.reviewers')}</th>
              <th scope="col">{t('review.past.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.code}</td>
                <td>{dateNl(r.reviewDate)}</td>
                <td>{r.reviewers.join(', ')}</td>
                <td>{t(`review.past.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ActiveReview({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="notice" data-testid="review-banner">{t('review.banner', { year: review.year, code: review.code })}</p>
      <ChecklistSection review={review} onChange={onChange} />
      <SampleSection review={review} onChange={onChange} />
      <QuestionsSection review={review} onChange={onChange} />
      <FinishForm onFinished={onChange} />
    </>
  );
}

function FinishForm({ onFinished }: { onFinished: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce, setInfo, booksChanged } = useApp();
  const [conclusion, setConclusion] = useState<Conclusion>('discharge');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = await call('review.finish', { conclusion, ...(text.trim() ? { text } : {}) });
      setInfo(await call('admin.info', {}));
      booksChanged();
      announce(t('review.finish.done'), 'success');
      onFinished(r);
    } catch (e) {
      setErrors(formErrorsFrom(e, [], () => 'conclusion'));
    }
  }
  return (
    <section className="section" aria-labelledby="review-finish-title">
      <h2 id="review-finish-title">{t('review.finish.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="review-finish">
        <FieldSet id="review-conclusion" legend={t('review.finish.legend')} error={errors.fields.conclusion}>
          {(['discharge', 'discharge_with_remarks', 'no_discharge'] as const).map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="review-conclusion" value={c} checked={conclusion === c} onChange={() => setConclusion(c)} /> {t(`review.finish.${c}`)}
            </label>
          ))}
        </FieldSet>
        <Field id="review-conclusion-text" label={t('review.finish.text')} optional>
          {(a) => <textarea {...a} className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <FormError error={errors.general} />
        <div className="actions">
          <button type="submit" className="button button--primary">{t('review.finish.submit')}</button>
        </div>
      </form>
    </section>
  );
}

function FinishedReview({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { announce, info } = useApp();
  return (
    <section className="section" aria-labelledby="review-report-title" data-testid="review-report">
      <h2 id="review-report-title">{t('review.report.title')} {review.code}</h2>
      <div className="actions">
        <SaveFileButton
          method="review.reportPdf" input={() => ({ id: review.id })} primary testId="review-report-make"
          fileName={`Verslag kascommissie ${review.year} ${info?.organisation.name ?? ''}`.trim() + '.pdf'}
          filter={{ name: t('review.report.filter'), extensions: ['pdf'] }} label={t('review.report.make')}
          onDone={(_r, where) => announce(t('review.report.made', { path: where }), 'success')}
        />
      </div>
    </section>
  );
}
