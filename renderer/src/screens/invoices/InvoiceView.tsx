import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditResult, FinaliseResult, Invoice, PaymentResult, Warning } from '../../../../shared/api/invoiceTypes';
import type { ScreenProps } from '../../screenProps';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field, FormError } from '../../components/Field';
import { AmountInput, DateInput } from '../../components/Inputs';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { amountForInput, dateNl, euro, parseInputAmount, parseInputDate, toCents, todayNl } from '../../format';
import { formErrorsFrom, NO_ERRORS, useAccounts, useApi, type FormErrors } from '../../hooks';
import { hrefFor, navigate } from '../../router';
import { fileSafe, quantityNl, StateBadge } from './common';
import { SaveFileButton } from '../../components/SaveFile';

function Warnings({ warnings }: { warnings: Warning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="inv-problems" role="status" data-testid="invoice-warnings">
      <p><strong>{t('invoices.view.warnings')}</strong></p>
      <ul>{warnings.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
    </div>
  );
}

function PaymentDialog({ inv, open, onClose, onDone }: { inv: Invoice; open: boolean; onClose: () => void; onDone: (r: PaymentResult) => void }) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const money = useMemo(() => (accounts.data ?? []).filter((a) => a.kind !== null && !a.archived), [accounts.data]);
  const openCents = toCents(inv.open) ?? 0n;
  const [date, setDate] = useState(todayNl());
  const [amount, setAmount] = useState(amountForInput(openCents < 0n ? -openCents : openCents));
  const [account, setAccount] = useState('1100');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const iso = parseInputDate(date);
    const a = parseInputAmount(amount);
    if (!iso) return setErrors({ fields: { date: t('invoices.edit.dateInvalid') }, general: null });
    if (!a) return setErrors({ fields: { amount: t('invoices.edit.priceInvalid') }, general: null });
    setBusy(true);
    try {
      const r = (await call('invoices.registerPayment', { invoice: inv.id, date: iso, amount: a, account })) as PaymentResult;
      onDone(r);
    } catch (err) {
      setErrors(formErrorsFrom(err, ['date', 'amount', 'account']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} title={t('invoices.pay.title')} onClose={onClose} testId="payment-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p>{t('invoices.pay.intro')}</p>
        <FormError error={errors.general} />
        <Field id="pay-date" label={t('invoices.pay.date')} error={errors.fields.date}>
          {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
        </Field>
        <Field id="pay-amount" label={t('invoices.pay.amount')} hint={t('invoices.pay.amountHint', { open: euro(inv.open) })} error={errors.fields.amount}>
          {(a) => <AmountInput a11y={a} value={amount} onChange={setAmount} />}
        </Field>
        <Field id="pay-account" label={t('invoices.pay.account')} error={errors.fields.account}>
          {(a) => (
            <select {...a} className="input" value={account} onChange={(e) => setAccount(e.target.value)}>
              {money.map((m) => <option key={m.code} value={m.code}>{m.code} {m.name}</option>)}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="payment-submit">{t('invoices.pay.submit')}</button>
          <button type="button" className="button button--quiet" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function CreditDialog({ inv, open, onClose, onDone }: { inv: Invoice; open: boolean; onClose: () => void; onDone: (r: CreditResult) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayNl());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const iso = parseInputDate(date);
    if (!iso) return setErrors({ fields: { date: t('invoices.edit.dateInvalid') }, general: null });
    setBusy(true);
    try {
      onDone((await call('invoices.credit', { id: inv.id, date: iso })) as CreditResult);
    } catch (err) {
      setErrors(formErrorsFrom(err, ['date']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} title={t('invoices.credit.title')} onClose={onClose} testId="credit-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p>{t('invoices.credit.intro')}</p>
        <FormError error={errors.general} />
        <Field id="credit-date" label={t('invoices.credit.date')} error={errors.fields.date}>
          {(a) => <DateInput a11y={a} value={date} onChange={setDate} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>{t('invoices.credit.whole')}</button>
          <button type="button" className="button button--quiet" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

/** One invoice: what it says, where it stands, its payments, and what can be done with it. Route: invoice?id=. */
export function InvoiceViewScreen({ params }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const { announce, booksChanged } = useApp();
  const id = Number(params.get('id'));
  const inv = useApi('invoices.get', Number.isInteger(id) && id > 0 ? { id } : null);
  const [dialog, setDialog] = useState<'pay' | 'credit' | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [confirm, setConfirm] = useState<'finalise' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const d = inv.data;

  async function act(fn: () => Promise<void>) {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (!d) {
    return (
      <div className="screen" data-testid="screen-invoice">
        <FormError error={inv.error} />
        {inv.loading ? <p className="muted">{t('common.loading')}</p> : null}
      </div>
    );
  }
  const sales = d.kind === 'sales';
  const title =
    d.status === 'draft'
      ? t('invoices.view.draftTitle')
      : !sales
        ? t('invoices.view.purchaseTitle', { number: d.number })
        : d.credit
          ? t('invoices.view.creditTitle', { number: d.number })
          : t('invoices.view.title', { number: d.number });
  const baseName = fileSafe(`${d.credit ? 'creditfactuur' : 'factuur'}-${d.number ?? `concept-${d.id}`}`);
  const openCents = toCents(d.open) ?? 0n;

  return (
    <div className="screen" data-testid="screen-invoice">
      <PageTitle>
        {title} <StateBadge state={d.state} overdue={d.overdue} />
      </PageTitle>
      <p>
        <a href={hrefFor(sales ? 'invoices' : 'purchases')}>{t(sales ? 'nav.invoices' : 'nav.purchases')}</a>
      </p>
      <FormError error={error} />
      <Warnings warnings={warnings} />
      {d.problems.length > 0 ? (
        <div className="inv-problems" role="status">
          <p>{t('invoices.view.problems')}</p>
          <ul>{d.problems.map((p) => <li key={p.field}>{i18n.language.startsWith('en') ? p.messageEn : p.message}</li>)}</ul>
        </div>
      ) : null}

      <dl className="inv-meta" data-testid="invoice-meta">
        <dt>{t(sales ? 'invoices.view.to' : 'invoices.view.from')}</dt>
        <dd>{d.contact.name}</dd>
        <dt>{t('invoices.view.issueDate')}</dt>
        <dd>{dateNl(d.issueDate)}</dd>
        {d.supplyDate ? (<><dt>{t('invoices.view.supplyDate')}</dt><dd>{dateNl(d.supplyDate)}</dd></>) : null}
        {d.dueDate && !d.credit ? (<><dt>{t('invoices.view.dueDate')}</dt><dd>{dateNl(d.dueDate)}</dd></>) : null}
        {!d.dueDate && !sales && (d.status === 'final' || d.paidFrom !== null) ? (<><dt>{t('invoices.view.dueDate')}</dt><dd data-testid="invoice-paid-on-the-spot">{t('invoices.view.paidOnTheSpot')}</dd></>) : null}
        {d.creditOf ? (<><dt>{t('invoices.view.creditOf')}</dt><dd><a href={hrefFor('invoice', { id: d.creditOf })}>{d.creditOfNumber}</a></dd></>) : null}
        {d.entry ? (<><dt>{t('invoices.view.entry')}</dt><dd>{d.entry.ref}</dd></>) : null}
        <dt>{t('invoices.view.gross')}</dt>
        <dd data-testid="invoice-gross">{euro(d.gross)}</dd>
        {d.status === 'final' && !d.credit ? (
          <>
            <dt>{t('invoices.view.paid')}</dt>
            <dd>{euro(d.paid)}</dd>
            {d.credited !== '0.00' ? (<><dt>{t('invoices.view.credited')}</dt><dd>{euro(d.credited)}</dd></>) : null}
            <dt>{t('invoices.view.open')}</dt>
            <dd data-testid="invoice-open">{euro(d.open)}</dd>
          </>
        ) : null}
      </dl>

      <table className="table table--compact">
        <caption className="visually-hidden">{t('invoices.edit.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('invoices.edit.description')}</th>
            {sales ? <th scope="col" className="num">{t('invoices.edit.quantity')}</th> : null}
            {sales ? <th scope="col" className="num">{t('invoices.edit.price')}</th> : null}
            <th scope="col">{t(sales ? 'invoices.edit.account' : 'invoices.purchase.account')}</th>
            <th scope="col" className="num">{t('invoices.edit.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((l) => (
            <tr key={l.position}>
              <td>{l.description}</td>
              {sales ? <td className="num">{quantityNl(l.quantity)}</td> : null}
              {sales ? <td className="num">{euro(l.unitPrice)}</td> : null}
              <td>{l.account} {l.accountName}</td>
              <td className="num">{euro(l.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.breakdown.filter((b) => b.vat !== '0.00').map((b) => (
        <p key={b.rate} className="muted">{t('invoices.edit.vatRate')} {b.label}: {euro(b.vat)}</p>
      ))}
      {d.vatStatement ? <p>{d.vatStatement}</p> : null}

      <div className="inv-actions">
        {d.status === 'draft' ? (
          <>
            <a className="button" href={hrefFor(sales ? 'invoice-edit' : 'purchase-edit', { id: d.id })}>{t('invoices.view.edit')}</a>
            <button type="button" className="button button--primary" data-testid="view-finalise" onClick={() => setConfirm('finalise')}>{t('invoices.view.finalise')}</button>
            <button type="button" className="button button--danger-quiet" onClick={() => setConfirm('delete')}>{t('invoices.view.delete')}</button>
            <ConfirmDialog
              open={confirm === 'finalise'}
              title={t('invoices.edit.finaliseConfirmTitle')}
              text={t('invoices.edit.finaliseConfirm')}
              confirmLabel={t('invoices.view.finalise')}
              onConfirm={() => {
                setConfirm(null);
                void act(async () => {
                  const f = (await call('invoices.finalise', { id: d.id })) as FinaliseResult;
                  setWarnings(f.warnings);
                  announce(t('invoices.edit.finalised', { number: f.number }));
                  booksChanged();
                });
              }}
              onCancel={() => setConfirm(null)}
              testId="finalise-confirm"
            />
            <ConfirmDialog
              open={confirm === 'delete'}
              title={t('invoices.view.deleteConfirm')}
              text={t('invoices.view.deleteConfirmText')}
              confirmLabel={t('invoices.view.delete')}
              danger
              onConfirm={() => {
                setConfirm(null);
                void act(async () => {
                  await call('invoices.deleteDraft', { id: d.id });
                  announce(t('invoices.view.deleted'));
                  booksChanged();
                  navigate(sales ? 'invoices' : 'purchases');
                });
              }}
              onCancel={() => setConfirm(null)}
              testId="delete-confirm"
            />
          </>
        ) : null}
        {d.status === 'final' && !d.credit && openCents !== 0n ? (
          <button type="button" className="button button--primary" onClick={() => setDialog('pay')} data-testid="register-payment">{t('invoices.view.registerPayment')}</button>
        ) : null}
        {d.status === 'final' && sales && !d.credit ? (
          <button type="button" className="button" onClick={() => setDialog('credit')} data-testid="credit-invoice">{t('invoices.view.credit')}</button>
        ) : null}
      </div>

      {sales ? (
        <SaveFileButton method="invoices.pdf" input={() => ({ id: d.id })} label={t('invoices.view.savePdf')} fileName={`${baseName}.pdf`} filter={{ name: 'PDF', extensions: ['pdf'] }} testId="save-pdf" />
      ) : null}
      {sales && d.status === 'final' ? (
        <SaveFileButton method="invoices.ubl" input={() => ({ id: d.id })} label={t('invoices.view.saveUbl')} fileName={`${baseName}.xml`} filter={{ name: 'XML', extensions: ['xml'] }} testId="save-ubl" />
      ) : null}
      {!sales ? (
        d.attachment ? (
          <SaveFileButton method="invoices.attachment" input={() => ({ id: d.id })} label={t('invoices.view.saveAttachment')} fileName={d.attachment.name}
            filter={attachmentFilter(d.attachment.mime)} testId="save-attachment" />
        ) : (
          <p className="muted">{t('invoices.view.noAttachment')}</p>
        )
      ) : null}

      {d.status === 'final' && !d.credit ? (
        <section aria-labelledby="inv-payments">
          <h2 id="inv-payments">{t('invoices.view.payments')}</h2>
          {d.payments.length === 0 ? <p className="muted">{t('invoices.view.noPayments')}</p> : (
            <table className="table table--compact" data-testid="payments-table">
              <tbody>
                {d.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{dateNl(p.date)}</td>
                    <td>{p.entry.ref}</td>
                    <td className="num">{euro(p.amount)}</td>
                    <td>
                      {p.method !== 'reversal' && p.reversedBy === null ? (
                        <button type="button" className="button button--quiet button--small" onClick={() => void act(async () => {
                          await call('invoices.reversePayment', { payment: p.id });
                          announce(t('invoices.view.reversed'));
                          booksChanged();
                        })}>{t('invoices.view.reversePayment')}</button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {d.creditNotes.length > 0 ? (
        <section aria-labelledby="inv-credits">
          <h2 id="inv-credits">{t('invoices.view.creditNotes')}</h2>
          <ul>
            {d.creditNotes.map((c) => (
              <li key={c.id}><a href={hrefFor('invoice', { id: c.id })}>{c.number ?? t('invoices.list.concept')}</a> · {dateNl(c.issueDate)} · {euro(c.gross)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {dialog === 'pay' ? (
        <PaymentDialog inv={d} open onClose={() => setDialog(null)} onDone={(r) => {
          setDialog(null);
          setWarnings(r.warnings);
          announce(t('invoices.pay.done', { ref: r.entry.ref, open: euro(r.open) }));
          booksChanged();
        }} />
      ) : null}
      {dialog === 'credit' ? (
        <CreditDialog inv={d} open onClose={() => setDialog(null)} onDone={(r) => {
          setDialog(null);
          announce(t('invoices.credit.done', { number: r.number ?? '' }));
          booksChanged();
          navigate('invoice', { id: r.id });
        }} />
      ) : null}
    </div>
  );
}

function attachmentFilter(mime: string): { name: string; extensions: string[] } {
  if (mime === 'application/pdf') return { name: 'PDF', extensions: ['pdf'] };
  return mime === 'image/png' ? { name: 'PNG', extensions: ['png'] } : { name: 'JPEG', extensions: ['jpg', 'jpeg'] };
}
