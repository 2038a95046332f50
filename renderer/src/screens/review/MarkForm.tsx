import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review, Verdict } from '../../../../shared/api/review';
import { call } from '../../api';
import { Field, FieldSet, FormError } from '../../components/Field';
import { useApp } from '../../context';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../hooks';

export const VERDICTS: Verdict[] = ['akkoord', 'vraag', 'niet_akkoord'];

/** The committee's verdict on one checklist item or one sample entry, with a remark and who says it. */
export function MarkForm({ id, on, target, review, onChange }: { id: string; on: 'checklist' | 'sample'; target: string; review: Review; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const [verdict, setVerdict] = useState<Verdict>('akkoord');
  const [remark, setRemark] = useState('');
  const [author, setAuthor] = useState(review.reviewers[0] ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = await call('review.mark', { on, target, verdict, ...(remark.trim() ? { remark } : {}), ...(author ? { author } : {}) });
      setRemark('');
      announce(t('review.mark.saved'), 'success');
      onChange(r);
    } catch (e) {
      setErrors(formErrorsFrom(e, ['remark']));
    }
  }
  return (
    <form className="form review-mark" onSubmit={(e) => void submit(e)} noValidate data-testid={`mark-${id}`}>
      <FieldSet id={`${id}-verdict`} legend={t('review.verdict.legend')}>
        <div className="row">
          {VERDICTS.map((v) => (
            <label key={v} className="review-verdict">
              <input type="radio" name={`${id}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} /> {t(`review.verdict.${v}`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <Field id={`${id}-remark`} label={t('review.mark.remark')} hint={t('review.mark.remarkHint')} error={errors.fields.remark} optional={verdict === 'akkoord'}>
        {(a) => <textarea {...a} className="input" rows={2} value={remark} onChange={(e) => setRemark(e.target.value)} />}
      </Field>
      {review.reviewers.length > 1 ? (
        <Field id={`${id}-author`} label={t('review.mark.author')}>
          {(a) => (
            <select {...a} className="input input--auto" value={author} onChange={(e) => setAuthor(e.target.value)}>
              {review.reviewers.map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <FormError error={errors.general} />
      <button type="submit" className="button">{t('review.mark.save')}</button>
    </form>
  );
}
