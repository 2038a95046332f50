import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/api/types';
import { call } from '../api';
import { AccountChoice, splitCategories } from '../components/AccountPickers';
import { BookingPreview, type PreviewLine } from '../components/BookingPreview';
import { Field, FormError } from '../components/Field';
import { grantFields, GrantSelect, isGrantField, useGrantChoices } from '../components/GrantSelect';
import { AmountInput, DateInput } from '../components/Inputs';
import { PageTitle } from '../components/PageTitle';
import { useApp } from '../context';
import { euroCents, parseInputAmount, parseInputCents, parseInputDate, todayNl } from '../format';
import { dropErrors, focusById, formErrorsFrom, NO_ERRORS, useAccounts, useMoneyAccounts, type FormErrors } from '../hooks';
import { hrefFor } from '../router';
import { fileInputOf, type PickedFile } from './receipts/files';
import { FormReceipts } from './receipts/FormReceipts';
import { useReceiptPicker } from './receipts/ReceiptDrop';

type Kind = 'in' | 'out' | 'transfer';

interface State {
  date: string;
  description: string;
  amount: string;
  money: string;
  other: string;
  /** '' (no grant), "<grant>" or "<grant>:<budget line>". */
  grant: string;
}

/** API field name -> id of the control that shows its error. */
function fieldIds(kind: Kind): Record<string, string> {
  const p = `mf-${kind}`;
  const base = { date: `${p}-date`, description: `${p}-description`, amount: `${p}-amount` };
  if (kind === 'in') return { ...base, into: `${p}-money`, category: `${p}-other`, grant: `${p}-grant`, receipts: `${p}-receipt` };
  if (kind === 'out') return { ...base, from: `${p}-money`, category: `${p}-other`, grant: `${p}-grant`, receipts: `${p}-receipt` };
  return { ...base, from: `${p}-money`, to: `${p}-other` };
}

function firstPick(list: Account[], prefer: string): string {
  return list.find((a) => a.code === prefer)?.code ?? list[0]?.code ?? '';
}

function MoneyForm({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const accounts = useAccounts();
  const moneyAccounts = useMoneyAccounts(accounts.data);
  // The same plain-language categories as the bank inbox (splitCategories); money.received and
  // money.spent only book on these, so "more accounts" is the inbox's own.
  const categories = useMemo(
    () => (kind === 'transfer' ? moneyAccounts : splitCategories(accounts.data ?? [], kind).main),
    [accounts.data, kind, moneyAccounts],
  );
  const [s, setS] = useState<State>({ date: todayNl(), description: '', amount: '', money: '', other: '', grant: '' });
  // The server checks the grant rules again when it books.
  const grantChoices = useGrantChoices({ cost: kind === 'out', date: parseInputDate(s.date), account: s.other, enabled: kind !== 'transfer' });
  const grants = grantChoices.choices;
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [lastRef, setLastRef] = useState<string | null>(null);
  // Photos or PDFs of the receipt, read in the browser; sent with the form and kept with the entry.
  const [receipts, setReceipts] = useState<PickedFile[]>([]);
  const picker = useReceiptPicker((files) => {
    setReceipts((r) => [...r, ...files]);
    setErrors((e) => dropErrors(e, ['receipts']));
  });
  const ids = fieldIds(kind);
  const moneyField = kind === 'in' ? 'into' : 'from';
  const otherField = kind === 'transfer' ? 'to' : 'category';

  // Preselect the bank account (and for a transfer, the cash box as destination).
  useEffect(() => {
    if (moneyAccounts.length === 0) return;
    setS((x) => ({
      ...x,
      money: x.money || firstPick(moneyAccounts, '1100'),
      other: x.other || (kind === 'transfer' ? firstPick(moneyAccounts.filter((a) => a.code !== (x.money || '1100')), '1000') : ''),
    }));
  }, [moneyAccounts, kind]);

  const set = (patch: Partial<State>) => {
    setS((x) => ({ ...x, ...patch }));
    const api: Record<keyof State, string> = { date: 'date', description: 'description', amount: 'amount', money: moneyField, other: otherField, grant: 'grant' };
    setErrors((e) => dropErrors(e, Object.keys(patch).map((k) => api[k as keyof State])));
  };
  const name = (code: string) => (accounts.data ?? []).find((a) => a.code === code)?.name ?? '';
  const cents = parseInputCents(s.amount);
  const amountCents = cents !== null && cents > 0n ? cents : null;

  const preview: PreviewLine[] = useMemo(() => {
    const pick = t('preview.choose');
    const money = { code: s.money, name: s.money ? name(s.money) : pick };
    const other = { code: s.other, name: s.other ? name(s.other) : pick };
    const amt = amountCents ?? 0n;
    if (kind === 'in') return [{ ...money, debit: amt, credit: null }, { ...other, debit: null, credit: amt }];
    if (kind === 'out') return [{ ...other, debit: amt, credit: null }, { ...money, debit: null, credit: amt }];
    return [{ ...other, debit: amt, credit: null }, { ...money, debit: null, credit: amt }];
  }, [s.money, s.other, amountCents, kind, accounts.data, t]);

  const explanation = useMemo(() => {
    const money = s.money ? name(s.money) : t('preview.theAccount');
    const other = s.other ? name(s.other) : t('preview.theCategory');
    const amount = euroCents(amountCents ?? 0n);
    const chosen = grants.find((g) => g.value === s.grant);
    return [
      t(`preview.${kind}.line1`, { money, other, amount }),
      t(`preview.${kind}.line2`, { money, other, amount }),
      ...(chosen ? [t(chosen.label === chosen.group ? 'money.grant.preview' : 'money.grant.previewLine', { grant: chosen.group, line: chosen.label })] : []),
    ];
  }, [s.money, s.other, s.grant, grants, amountCents, kind, accounts.data, t]);

  function validate(): Record<string, string> {
    const f: Record<string, string> = {};
    if (!parseInputDate(s.date)) f.date = t('errors.date');
    if (!s.description.trim()) f.description = t('errors.description');
    const amount = parseInputAmount(s.amount);
    if (amount === null) f.amount = s.amount.trim() ? t('errors.amount') : t('errors.amountMissing');
    else if (amount.startsWith('-') || amountCents === null) f.amount = t('errors.amountPositive');
    if (!s.money) f[moneyField] = t(`money.${kind}.moneyMissing`);
    if (!s.other) f[otherField] = t(`money.${kind}.otherMissing`);
    if (kind === 'transfer' && s.money && s.money === s.other) f.to = t('money.transfer.same');
    return f;
  }

  function show(fe: FormErrors) {
    setErrors(fe);
    const first = Object.keys(fe.fields)[0];
    if (first) {
      focusById(ids[first] ?? `mf-${kind}-date`);
      announce(fe.fields[first] ?? '', 'error', { visible: false });
    } else if (fe.general) {
      announce(fe.general, 'error');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const f = validate();
    if (Object.keys(f).length > 0) return show({ fields: f, general: null });
    const base = { date: parseInputDate(s.date)!, description: s.description.trim(), amount: parseInputAmount(s.amount)!, ...grantFields(s.grant) };
    const files = receipts.length > 0 ? { receipts: receipts.map(fileInputOf) } : {};
    setBusy(true);
    try {
      const r =
        kind === 'in'
          ? await call('money.received', { ...base, ...files, into: s.money, category: s.other })
          : kind === 'out'
            ? await call('money.spent', { ...base, ...files, from: s.money, category: s.other })
            : await call('money.transfer', { ...base, from: s.money, to: s.other });
      setErrors(NO_ERRORS);
      setLastRef(r.ref);
      announce(t(`money.${kind}.done`, { ref: r.ref, amount: euroCents(amountCents ?? 0n) }));
      booksChanged();
      setS((x) => ({ ...x, description: '', amount: '', grant: '', ...(kind === 'transfer' ? {} : { other: '' }) }));
      setReceipts([]);
      focusById(ids.description ?? '');
    } catch (err) {
      const fe = formErrorsFrom(err);
      const [field, msg] = Object.entries(fe.fields)[0] ?? [];
      // The grant is checked on the booking's line (lines.0.grant, lines.0.budgetLine): shown beside the grant choice.
      const mapped = isGrantField(field) ? 'grant' : field?.startsWith('receipts') ? 'receipts' : field;
      show(mapped && msg && mapped in ids ? { fields: { [mapped]: msg }, general: null } : { fields: {}, general: fe.general ?? msg ?? null });
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => errors.fields[f];
  const otherList = kind === 'transfer' ? moneyAccounts.filter((a) => a.code !== s.money) : categories;

  return (
    <div className="screen" data-testid={`screen-${kind === 'in' ? 'money-in' : kind === 'out' ? 'money-out' : 'transfer'}`}>
      <PageTitle intro={t(`money.${kind}.intro`)}>{t(`money.${kind}.title`)}</PageTitle>
      <div className="form-with-preview">
        <form
          id={`money-${kind}`}
          className="form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-describedby={errors.general ? `mf-${kind}-general` : undefined}
          {...(kind !== 'transfer' ? picker.dropProps : {})}
        >
          <FormError id={`mf-${kind}-general`} error={errors.general ?? accounts.error} />
          <Field id={ids.description!} label={t(`money.${kind}.what`)} hint={t(`money.${kind}.whatHint`)} error={err('description')}>
            {(a) => <input {...a} className="input" value={s.description} onChange={(e) => set({ description: e.target.value })} autoComplete="off" maxLength={500} />}
          </Field>
          <div className="row">
            <Field id={ids.date!} label={t('money.date')} hint={t('common.dateHint')} error={err('date')}>
              {(a) => <DateInput a11y={a} value={s.date} onChange={(v) => set({ date: v })} />}
            </Field>
            <Field id={ids.amount!} label={t('money.amount')} hint={t('common.amountHint')} error={err('amount')}>
              {(a) => <AmountInput a11y={a} value={s.amount} onChange={(v) => set({ amount: v })} />}
            </Field>
          </div>
          <AccountChoice
            id={ids[moneyField]!}
            name={`${kind}-money`}
            legend={t(`money.${kind}.moneyLegend`)}
            error={err(moneyField)}
            accounts={moneyAccounts}
            value={s.money}
            onChange={(code) => set({ money: code, ...(kind === 'transfer' && code === s.other ? { other: '' } : {}) })}
            showHelp={false}
            columns={3}
          />
          <AccountChoice
            id={ids[otherField]!}
            name={`${kind}-other`}
            legend={t(`money.${kind}.otherLegend`)}
            hint={t(`money.${kind}.otherHint`)}
            error={err(otherField)}
            accounts={otherList}
            value={s.other}
            onChange={(code) => set({ other: code })}
            showHelp={kind !== 'transfer'}
            columns={kind === 'transfer' ? 3 : 2}
          />
          {kind !== 'transfer' ? (
            <GrantSelect
              id={ids.grant!}
              hint={t(`money.grant.${kind}Hint`)}
              error={err('grant')}
              choices={grants}
              options={grantChoices.options}
              value={s.grant}
              onChange={(grant) => set({ grant })}
            />
          ) : null}
          {kind !== 'transfer' ? (
            <FormReceipts id={ids.receipts!} files={receipts} picker={picker} onRemove={(i) => setReceipts((r) => r.filter((_, j) => j !== i))} error={err('receipts')} />
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(`money.${kind}.submit`)}
            </button>
            {lastRef ? (
              <a className="button button--quiet" href={hrefFor('journal', { search: lastRef })}>
                {t('money.seeEntry', { ref: lastRef })}
              </a>
            ) : null}
          </div>
        </form>
        <div className="form-with-preview__aside">
          <BookingPreview lines={preview} explanation={explanation} />
        </div>
      </div>
    </div>
  );
}

export function MoneyInScreen() {
  return <MoneyForm kind="in" />;
}
export function MoneyOutScreen() {
  return <MoneyForm kind="out" />;
}
export function TransferScreen() {
  return <MoneyForm kind="transfer" />;
}
