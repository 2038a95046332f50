import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankTransaction } from '../../../../shared/api/bank';
import type { Account } from '../../../../shared/api/types';
import { ApiError, call } from '../../api';
import { CategoryChoice } from '../../components/AccountPickers';
import { Dialog } from '../../components/Dialog';
import { Field, FormError } from '../../components/Field';
import { grantFields, GrantSelect, grantValue, isGrantField, useGrantChoices } from '../../components/GrantSelect';
import { useApp } from '../../context';
import { dateNl, euro } from '../../format';
import { formErrorsFrom, NO_ERRORS, useApi, type FormErrors } from '../../hooks';
import { serverText } from '../../serverText';
import { ReceiptsSection } from '../receipts/EntryReceipts';
import { ibanText, SignedAmount } from './common';

const FIELDS = ['account', 'invoice', 'person', 'grant', 'description', 'remember'] as const;
/** The volunteer fee account (DESIGN.md section 6), as volunteers.pay books it. */
const FEE_ACCOUNT = '4000';

/**
 * Choose the other side of one bank line: the account, and when it applies the invoice it pays,
 * the volunteer or the grant, an own description, and "remember" (a rule for this counterparty
 * IBAN). "Save and book" assigns and confirms this one line.
 */
export function AssignDialog({ tx, accounts, onClose, onDone }: { tx: BankTransaction; accounts: Account[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const start = tx.assigned ?? tx.suggestion;
  const [account, setAccount] = useState(start?.account ?? '');
  const [invoice, setInvoice] = useState(start?.invoice ? String(start.invoice) : '');
  const [person, setPerson] = useState(start?.person ? String(start.person) : '');
  const [grant, setGrant] = useState(grantValue(start?.grant, start?.budgetLine));
  const [description, setDescription] = useState(tx.assigned?.description ?? '');
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const incoming = !tx.amount.startsWith('-');
  const open = useApi('invoices.openItems', { kind: incoming ? 'sales' : 'purchase', date: '2999-12-31' });
  const persons = useApi('persons.list', {});
  // The fee account books a volunteer payment: the volunteer is required and the limits apply.
  const fee = account === FEE_ACCOUNT && !incoming;
  // A payment goes to a budget line of a grant running on that date; money in to the grant itself.
  const grantChoices = useGrantChoices({ cost: !incoming, date: tx.date, ...(account ? { account } : {}) });

  async function save(book: boolean, e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await call('bank.assign', {
        transaction: tx.id,
        account,
        ...(invoice ? { invoice: Number(invoice) } : {}),
        ...(person ? { person: Number(person) } : {}),
        ...grantFields(grant),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(remember && !invoice ? { remember: true } : {}),
      });
      if (book) {
        const r = await call('bank.confirm', { transactions: [tx.id] });
        announce(t('bank.assign.bookedOne', { ref: r.entries[0]?.ref ?? '' }), 'success');
      } else {
        announce(t('bank.assign.saved'), 'success');
      }
      booksChanged();
      onDone();
    } catch (err) {
      // bank.confirm names "transactions"; show that as a general message
      // The grant is checked on the booking line (line.grant, line.budgetLine): shown beside the grant choice.
      const onGrant = err instanceof ApiError && isGrantField(err.field);
      setErrors(onGrant ? { fields: { grant: (err as ApiError).message }, general: null } : formErrorsFrom(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const openItems = (open.data?.items ?? []).filter((i) => i.number !== null);
  return (
    <Dialog open title={t('bank.assign.title')} onClose={onClose} className="dialog--wide" testId="bank-assign-dialog">
      <div className="summary">
        <p>
          <strong>{dateNl(tx.date)}</strong> · <SignedAmount value={tx.amount} />
        </p>
        <p>
          {tx.counterpartyName ? <span className="bank-who">{tx.counterpartyName} </span> : null}
          {tx.counterpartyIban ? <span className="mono">{ibanText(tx.counterpartyIban)}</span> : null}
          <span className="bank-desc">{tx.description}</span>
          {tx.reference ? <span className="bank-reason">{t('bank.inbox.reference', { reference: tx.reference })}</span> : null}
        </p>
        {tx.suggestion ? <p className="bank-reason">{serverText({ message: tx.suggestion.reason, says: tx.suggestion.says })}</p> : null}
      </div>
      <form className="form" onSubmit={(e) => void save(false, e)} noValidate>
        {openItems.length > 0 ? (
          <Field id="assign-invoice" label={t('bank.assign.invoice')} hint={t('bank.assign.invoiceHint')} error={errors.fields.invoice} optional>
            {(a) => (
              <select
                {...a}
                className="input input--auto"
                value={invoice}
                onChange={(e) => {
                  setInvoice(e.target.value);
                  if (e.target.value) setAccount(incoming ? '1300' : '1400');
                }}
              >
                <option value="">{t('bank.assign.noInvoice')}</option>
                {openItems.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number} · {i.contact.name} · {euro(i.open)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <CategoryChoice
          id="assign-account"
          legend={t('bank.assign.account')}
          hint={t('bank.assign.accountHint')}
          error={errors.fields.account}
          accounts={accounts}
          direction={incoming ? 'in' : 'out'}
          exclude={[tx.account]}
          value={account}
          onChange={setAccount}
        />
        {fee && persons.data && persons.data.length === 0 ? <p className="notice">{t('bank.assign.noVolunteers')}</p> : null}
        {persons.data && persons.data.length > 0 ? (
          <Field id="assign-person" label={t('bank.assign.person')} hint={fee ? t('bank.assign.personFeeHint') : undefined} error={errors.fields.person} optional={!fee}>
            {(a) => (
              <select {...a} className="input input--auto" value={person} onChange={(e) => setPerson(e.target.value)}>
                <option value="">{t('bank.assign.noPerson')}</option>
                {persons.data!.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <GrantSelect
          id="assign-grant"
          hint={t(incoming ? 'money.grant.inHint' : 'money.grant.outHint')}
          error={errors.fields.grant}
          choices={grantChoices.choices}
          options={grantChoices.options}
          value={grant}
          onChange={setGrant}
        />
        <Field id="assign-description" label={t('bank.assign.description')} hint={t('bank.assign.descriptionHint')} error={errors.fields.description} optional>
          {(a) => <input {...a} className="input" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        {tx.counterpartyIban && !invoice ? (
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="assign-remember" /> {t('bank.assign.remember')}
            </label>
          </div>
        ) : null}
        <ReceiptsSection target={{ transaction: tx.id }} canAdd where={t('receipts.lineTitle')} />
        <FormError error={errors.general} />
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !account} data-testid="assign-save">
            {t('bank.assign.save')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !account} onClick={() => void save(true)} data-testid="assign-save-book">
            {t('bank.assign.saveAndBook')}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
