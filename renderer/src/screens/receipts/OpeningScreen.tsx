import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningBalance } from '../../../../shared/api/opening';
import { formatIban } from '../../../../shared/validation/iban';
import { call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { Field, FieldSet, FormError, Hint } from '../../components/Field';
import { AmountInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, euroCents, parseInputCents, toCents } from '../../format';
import { focusById, formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { navigate } from '../../router';
import './common';

interface Item {
  contact: string;
  description: string;
  amount: string;
}

const asInput = (amount: string) => {
  const c = toCents(amount) ?? 0n;
  return c === 0n ? '' : amountForInput(c);
};
const cents = (s: string): bigint | null => (s.trim() ? parseInputCents(s) : 0n);
const toApi = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

function ItemsEditor({ id, legend, items, onChange, contacts, errors }: {
  id: string;
  legend: string;
  items: Item[];
  onChange: (items: Item[]) => void;
  contacts: { id: number; name: string }[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Item>) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  return (
    <FieldSet id={id} legend={legend}>
      {items.map((it, i) => (
        <div className="row opening-item" key={i}>
          <Field id={`${id}-${i}-contact`} label={t('opening.contact')} optional>
            {(a) => (
              <select {...a} className="input input--auto" value={it.contact} onChange={(e) => set(i, { contact: e.target.value })}>
                <option value="">{t('opening.noContact')}</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-${i}-description`} label={t('opening.item')} optional>
            {(a) => <input {...a} className="input" value={it.description} onChange={(e) => set(i, { description: e.target.value })} maxLength={200} autoComplete="off" />}
          </Field>
          <Field id={`${id}-${i}-amount`} label={t('opening.itemAmount')} error={errors[`${id}.${i}.amount`]}>
            {(a) => <AmountInput a11y={a} value={it.amount} onChange={(v) => set(i, { amount: v })} />}
          </Field>
          <div className="opening-item__remove">
            <button type="button" className="button button--quiet button--small" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('opening.removeItem', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <p>
        <button type="button" className="button button--small" onClick={() => onChange([...items, { contact: '', description: '', amount: '' }])} data-testid={`${id}-add`}>
          {t('opening.addItem')}
        </button>
      </p>
    </FieldSet>
  );
}

/**
 * The opening balance (beginbalans): per bank and cash account what was on it on the first day,
 * optional amounts still to receive and to pay, and the reserve that takes the difference. Reached
 * from the new-administration wizard (?new=1) and from the dashboard while the first year is open.
 */
export function OpeningScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged, booksVersion } = useApp();
  const isNew = params.get('new') === '1';
  const [data, setData] = useState<OpeningBalance | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const contacts = useApi('contacts.list', { limit: 1000 });
  const [money, setMoney] = useState<Record<string, string>>({});
  const [receivables, setReceivables] = useState<Item[]>([]);
  const [payables, setPayables] = useState<Item[]>([]);
  const [equity, setEquity] = useState('0590');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // In the wizard: once booked, the way on is to the dashboard (a message is cleared by navigating).
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    call('opening.get', {})
      .then((o) => {
        if (!live) return;
        setData(o);
        setMoney(Object.fromEntries(o.money.map((m) => [m.account, asInput(m.amount)])));
        const items = (l: OpeningBalance['receivables']) => l.map((it) => ({ contact: it.contact ? String(it.contact) : '', description: it.description ?? '', amount: asInput(it.amount) }));
        setReceivables(items(o.receivables));
        setPayables(items(o.payables));
        setEquity(o.equity);
      })
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [booksVersion]);

  const sum = (list: Item[]) => list.reduce((s, it) => s + (cents(it.amount) ?? 0n), 0n);
  const moneyTotal = Object.values(money).reduce((s, v) => s + (cents(v) ?? 0n), 0n);
  const toEquity = moneyTotal + sum(receivables) - sum(payables);

  function validate(): Record<string, string> {
    const f: Record<string, string> = {};
    for (const [code, v] of Object.entries(money)) if (cents(v) === null) f[`money-${code}`] = t('opening.badAmount');
    const check = (list: Item[], key: string) =>
      list.forEach((it, i) => {
        const c = cents(it.amount);
        if (c === null || c <= 0n) f[`${key}.${i}.amount`] = t('opening.badAmount');
      });
    check(receivables, 'op-receivables');
    check(payables, 'op-payables');
    return f;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const f = validate();
    const first = Object.keys(f)[0];
    if (first) {
      setErrors({ fields: f, general: null });
      focusById(first.includes('.') ? first.replace(/\./g, '-') : `op-${first}`);
      announce(f[first] ?? '', 'error', { visible: false });
      return;
    }
    const items = (list: Item[]) =>
      list.map((it) => ({ ...(it.contact ? { contact: Number(it.contact) } : {}), ...(it.description.trim() ? { description: it.description.trim() } : {}), amount: toApi(cents(it.amount) ?? 0n) }));
    setBusy(true);
    try {
      const r = await call('opening.set', {
        money: Object.entries(money).map(([account, v]) => ({ account, amount: toApi(cents(v) ?? 0n) })),
        receivables: items(receivables),
        payables: items(payables),
        equity,
      });
      setErrors(NO_ERRORS);
      announce(
        r.entry && r.reversed
          ? t('opening.changed', { old: r.reversed, ref: r.entry.ref })
          : r.entry
            ? t('opening.saved', { ref: r.entry.ref })
            : t('opening.removed', { old: r.reversed ?? '' }),
      );
      booksChanged();
      if (isNew) {
        setSaved(true);
        focusById('opening-next');
      }
    } catch (err) {
      const fe = formErrorsFrom(err);
      setErrors({ fields: {}, general: fe.general ?? Object.values(fe.fields)[0] ?? null });
      focusById('op-general');
    } finally {
      setBusy(false);
    }
  }

  const err = errors.fields;
  return (
    <div className="screen" data-testid="screen-opening">
      <PageTitle intro={isNew ? t('opening.introNew') : t('opening.intro')}>{t('opening.title')}</PageTitle>
      <FormError error={loadError} />
      {data ? (
        <form className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
          <div id="op-general" tabIndex={-1}>
            <FormError error={errors.general} />
          </div>
          {data.entry ? <p className="notice">{data.canChange ? t('opening.current', { ref: data.entry.ref }) : t('opening.locked')}</p> : null}
          {!data.entry && !data.canChange ? <p className="notice">{t('opening.locked')}</p> : null}
          <fieldset className="fieldset" disabled={!data.canChange}>
            <legend className="field__label">
              {t('opening.moneyTitle')} — {t('opening.date', { date: dateNl(data.date) })}
            </legend>
            <details className="help-details">
              <summary>{t('opening.where')}</summary>
              <p>{t('opening.whereText')}</p>
            </details>
            <Hint>{t('opening.moneyHint')}</Hint>
            {data.money.map((m) => (
              <Field key={m.account} id={`op-money-${m.account}`} label={`${m.name} (${m.account}${m.iban ? `, ${formatIban(m.iban)}` : ''})`} error={err[`money-${m.account}`]}>
                {(a) => <AmountInput a11y={a} value={money[m.account] ?? ''} onChange={(v) => setMoney((x) => ({ ...x, [m.account]: v }))} />}
              </Field>
            ))}
          </fieldset>
          <fieldset className="fieldset" disabled={!data.canChange}>
            <legend className="field__label">{t('opening.openTitle')}</legend>
            <Hint>{t('opening.openHelp')}</Hint>
            <ItemsEditor id="op-receivables" legend={t('opening.receivables')} items={receivables} onChange={setReceivables} contacts={contacts.data?.items ?? []} errors={err} />
            <ItemsEditor id="op-payables" legend={t('opening.payables')} items={payables} onChange={setPayables} contacts={contacts.data?.items ?? []} errors={err} />
          </fieldset>
          <fieldset className="fieldset" disabled={!data.canChange}>
            <legend className="field__label">{t('opening.equityTitle')}</legend>
            <p className="field__hint">{t('opening.equityHelp')}</p>
            <Field id="op-equity" label={t('opening.equityAccount')}>
              {(a) => (
                <select {...a} className="input input--auto" value={equity} onChange={(e) => setEquity(e.target.value)}>
                  {data.equityChoices.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <p className="opening-total" data-testid="opening-equity-amount">
              {t('opening.equityAmount', { amount: euroCents(toEquity) })}
            </p>
          </fieldset>
          <div className="actions">
            {data.canChange ? (
              <button type="submit" className="button button--primary" disabled={busy} data-testid="opening-save">
                {data.entry ? t('opening.saveChange') : t('opening.save')}
              </button>
            ) : null}
            {isNew ? (
              <button type="button" id="opening-next" className={`button${saved ? ' button--primary' : ' button--quiet'}`} onClick={() => navigate('dashboard')}>
                {saved ? t('opening.toDashboard') : t('opening.skip')}
              </button>
            ) : null}
          </div>
        </form>
      ) : !loadError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </div>
  );
}
