import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, Review } from '../../../../shared/api/review';
import { call } from '../../api';
import { Field, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { useApp } from '../../context';
import { euro, parseInputAmount, parseInputDate, todayNl } from '../../format';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../hooks';
import { hrefFor } from '../../router';
import { serverText } from '../../serverText';
import { MarkForm } from './MarkForm';

/** The checklist: per item what the app found, the evidence one click away, and the committee's verdict. */
export function ChecklistSection({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="review-checklist-title">
      <h2 id="review-checklist-title">{t('review.checklist.title')}</h2>
      {review.checklist.items.map((i) => (
        <article key={i.key} className="card review-item" data-testid={`check-${i.key}`} data-outcome={i.outcome}>
          <h3>
            {t(`review.items.${i.key}`, { amount: euro(review.checklist.threshold), defaultValue: i.title })} <span className={`review-outcome review-outcome--${i.outcome}`}>{t(`review.outcome.${i.outcome}`)}</span>
          </h3>
          <p>{serverText({ message: i.summary, says: i.summarySays })}</p>
          <Evidence item={i} />
          {i.key === 'cash' ? <AmountForm kind="cash" review={review} item={i} onChange={onChange} /> : null}
          {i.key === 'bank' && i.outcome !== 'ok' && i.outcome !== 'na' ? <AmountForm kind="paper" review={review} item={i} onChange={onChange} /> : null}
          {i.mark ? (
            <p className="review-marked" data-testid={`marked-${i.key}`}>
              {t('review.checklist.marked', { verdict: t(`review.verdict.${i.mark.verdict}`), author: i.mark.author })}
              {i.mark.remark ? `: ${i.mark.remark}` : ''}
            </p>
          ) : null}
          <MarkForm id={`check-${i.key}`} on="checklist" target={i.key} review={review} onChange={onChange} />
        </article>
      ))}
    </section>
  );
}

function Evidence({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation();
  return (
    <details className="review-evidence">
      <summary>{t('review.checklist.evidence', { count: item.evidence.length })}</summary>
      {item.evidence.length === 0 ? <p className="muted">{t('review.checklist.noEvidence')}</p> : null}
      <ul>
        {item.evidence.map((e, n) => (
          <li key={n}>
            <strong>{serverText({ message: e.label, says: e.labelSays })}</strong>: {serverText({ message: e.value, says: e.valueSays })}
          </li>
        ))}
      </ul>
      {item.screen ? <a href={hrefFor(item.screen)}>{t('review.checklist.open')}</a> : null}
    </details>
  );
}

/** The cash counted (by the treasurer, with its date) or a bank balance typed from a paper statement. */
function AmountForm({ kind, review, item, onChange }: { kind: 'cash' | 'paper'; review: Review; item: ChecklistItem; onChange: (r: Review) => void }) {
  const { t } = useTranslation();
  const { announce } = useApp();
  const accounts = [...new Set(item.evidence.map((e) => e.ref).filter((r): r is string => Boolean(r)))];
  const [account, setAccount] = useState(accounts[0] ?? '');
  const [date, setDate] = useState(todayNl());
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  if (accounts.length === 0) return null;
  const id = `review-${kind}`;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const value = parseInputAmount(amount) ?? amount;
      const r = kind === 'cash'
        ? await call('review.cashCount', { account, date: parseInputDate(date) ?? date, amount: value })
        : await call('review.paperBalance', { account, amount: value });
      announce(t(`review.${kind}.saved`), 'success');
      setAmount('');
      onChange(r);
    } catch (e) {
      setErrors(formErrorsFrom(e, ['account', 'date', 'amount']));
    }
  }
  return (
    <form className="form review-amount" onSubmit={(e) => void submit(e)} noValidate data-testid={`${id}-form`}>
      <h4>{t(`review.${kind}.title`)}</h4>
      <div className="row">
        <Field id={`${id}-account`} label={t(`review.${kind}.account`)} error={errors.fields.account}>
          {(a) => (
            <select {...a} className="input input--auto" value={account} onChange={(e) => setAccount(e.target.value)}>
              {accounts.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'cash' ? (
          <Field id={`${id}-date`} label={t('review.cash.date')} error={errors.fields.date}>
            {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
          </Field>
        ) : null}
        <Field id={`${id}-amount`} label={t(`review.${kind}.amount`)} error={errors.fields.amount}>
          {(a) => <AmountInput a11y={a} value={amount} onChange={setAmount} />}
        </Field>
      </div>
      <FormError error={errors.general} />
      <button type="submit" className="button">{t(`review.${kind}.save`)}</button>
      <span className="visually-hidden">{review.code}</span>
    </form>
  );
}
