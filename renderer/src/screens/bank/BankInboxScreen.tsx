import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BankTransaction } from '../../../../shared/api/bank';
import { call } from '../../api';
import type { ScreenProps } from '../../screenProps';
import { Dialog } from '../../components/Dialog';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useApp } from '../../context';
import { dateNl, euro } from '../../format';
import { useApi } from '../../hooks';
import { serverText } from '../../serverText';
import { AssignDialog } from './AssignDialog';
import { useStagedRows } from '../../useStagedRows';
import { BankAccountSelect, errorText, ibanText, signedAmount, useBankAccounts } from './common';

const PAGE = 50;
/** Rows drawn before the first paint: more than a 768-pixel-high window shows (useStagedRows). */
const FIRST_ROWS = 12;
const NO_ROWS: BankTransaction[] = [];
type Status = 'inbox' | 'booked' | 'ignored';

/**
 * The inbox: imported bank lines that are not in the books yet. Per line the suggestion (and why),
 * the choice, and the actions; above the list "accept all suggestions" and "book the chosen
 * lines". Also the booked lines (with their entry, and "put back") and the ignored ones.
 */
export function BankInboxScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const { announce, booksChanged } = useApp();
  const { accounts, all } = useBankAccounts();
  const [account, setAccount] = useState(params.get('account') ?? '');
  const [status, setStatus] = useState<Status>((params.get('status') as Status | null) ?? 'inbox');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<BankTransaction | null>(null);
  const [reopening, setReopening] = useState<BankTransaction | null>(null);

  useEffect(() => {
    const id = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(id);
  }, [search]);
  useEffect(() => setOffset(0), [account, status, query]);

  const inbox = useApi('bank.inbox', {
    status,
    limit: PAGE,
    offset,
    ...(account ? { account } : {}),
    ...(query ? { search: query } : {}),
  });
  const data = inbox.data;
  const counts = data?.counts ?? { inbox: 0, assigned: 0, suggested: 0, booked: 0, ignored: 0 };

  async function run<T>(fn: () => Promise<T>, done: (r: T) => string) {
    setBusy(true);
    setError(null);
    try {
      const r = await fn();
      announce(done(r), 'success');
      booksChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const acceptAll = () =>
    run(
      () => call('bank.acceptSuggestions', account ? { account } : {}),
      (r) => (r.skipped > 0 ? t('bank.inbox.acceptedSkipped', { count: r.accepted, skipped: r.skipped }) : t('bank.inbox.acceptedAll', { count: r.accepted })),
    );
  const confirmAll = () =>
    run(
      () => call('bank.confirm', { transactions: 'all-assigned', ...(account ? { account } : {}) }),
      (r) => t('bank.inbox.confirmed', { count: r.count }),
    );
  const acceptOne = (tx: BankTransaction) => run(() => call('bank.acceptSuggestions', { ids: [tx.id] }), (r) => t('bank.inbox.acceptedAll', { count: r.accepted }));
  const ignore = (tx: BankTransaction, ignored: boolean) =>
    run(() => call('bank.ignore', { transactions: [tx.id], ignored }), () => (ignored ? t('bank.inbox.ignored') : t('bank.inbox.unignored')));
  // Already booked by hand: link the line to that entry instead of booking it twice.
  const link = (tx: BankTransaction) =>
    tx.match ? run(() => call('bank.link', { transaction: tx.id, entry: tx.match!.entry }), () => t('bank.inbox.linkedDone', { ref: tx.match?.ref ?? '' })) : undefined;

  const tabs: Status[] = ['inbox', 'booked', 'ignored'];
  const items = data?.items ?? NO_ROWS;
  const { shown } = useStagedRows(items, FIRST_ROWS);
  return (
    <div className="screen" data-testid="screen-bank-inbox">
      <PageTitle intro={t('bank.inbox.intro')}>{t('bank.inbox.title')}</PageTitle>
      <div className="filters">
        <Field id="inbox-account" label={t('bank.account')}>
          {(a) => <BankAccountSelect accounts={accounts} value={account} onChange={setAccount} a11y={a} emptyLabel={t('bank.allAccounts')} />}
        </Field>
        <Field id="inbox-search" label={t('bank.inbox.search')} hint={t('bank.inbox.searchHint')} className="grow">
          {(a) => <input {...a} type="search" className="input" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
      </div>
      <nav aria-label={t('bank.inbox.tabs')}>
        <ul className="bank-tabs">
          {tabs.map((s) => (
            <li key={s}>
              <button type="button" className="button button--small" aria-current={status === s ? 'page' : undefined} onClick={() => setStatus(s)} data-testid={`bank-tab-${s}`}>
                {t(`bank.inbox.tab.${s}`, { count: counts[s] })}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {status === 'inbox' ? (
        <div className="toolbar">
          <button type="button" className="button" disabled={busy || counts.suggested === 0} onClick={() => void acceptAll()} data-testid="bank-accept-all">
            {t('bank.inbox.acceptAll', { count: counts.suggested })}
          </button>
          <button type="button" className="button button--primary" disabled={busy || counts.assigned === 0} onClick={() => void confirmAll()} data-testid="bank-confirm-all">
            {t('bank.inbox.confirmAll', { count: counts.assigned })}
          </button>
          {data ? <span className="result-count">{t('bank.inbox.total', { amount: euro(data.inboxTotal) })}</span> : null}
        </div>
      ) : null}
      <FormError error={error ?? inbox.error} />
      {data && items.length === 0 ? <p>{status === 'inbox' && !query ? t('bank.inbox.empty') : t('bank.inbox.emptyOther')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="bank-inbox-table">
            <thead>
              <tr>
                <th scope="col">{t('bank.inbox.date')}</th>
                <th scope="col">{t('bank.inbox.what')}</th>
                <th scope="col" className="num">{t('bank.inbox.amount')}</th>
                <th scope="col">{t('bank.inbox.choice')}</th>
                <th scope="col">{t('bank.inbox.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((tx) => (
                <Row
                  key={tx.id}
                  t={t}
                  tx={tx}
                  busy={busy}
                  onChoose={() => setAssigning(tx)}
                  onAccept={() => void acceptOne(tx)}
                  onIgnore={(v) => void ignore(tx, v)}
                  onLink={() => void link(tx)}
                  onReopen={() => setReopening(tx)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.total > PAGE ? (
        <div className="bank-pager">
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('common.previous')}
          </button>
          <span>{t('bank.inbox.pageInfo', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}</span>
          <button type="button" className="button button--small" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('common.next')}
          </button>
        </div>
      ) : null}
      {assigning ? (
        <AssignDialog
          tx={assigning}
          accounts={all}
          onClose={() => setAssigning(null)}
          onDone={() => {
            setAssigning(null);
            inbox.reload();
          }}
        />
      ) : null}
      {reopening ? (
        <ReopenDialog
          tx={reopening}
          onClose={() => setReopening(null)}
          onDone={(ref) => {
            setReopening(null);
            announce(t('bank.inbox.reopened', { ref }), 'success');
            booksChanged();
          }}
        />
      ) : null}
    </div>
  );
}

/** One line; `t` comes from the screen (one useTranslation per row made up a tenth of its render). */
function Row({ t, tx, busy, onChoose, onAccept, onIgnore, onLink, onReopen }: {
  t: TFunction;
  tx: BankTransaction;
  busy: boolean;
  onChoose: () => void;
  onAccept: () => void;
  onIgnore: (ignored: boolean) => void;
  onLink: () => void;
  onReopen: () => void;
}) {
  const choice = tx.assigned;
  const suggestion = !choice && tx.suggestion ? tx.suggestion : null;
  return (
    <tr data-testid="bank-row" data-id={tx.id} className={tx.status === 'inbox' && !choice ? 'bank-row--todo' : undefined}>
      <td>{dateNl(tx.date)}</td>
      <td>
        {tx.counterpartyName ? <span className="bank-who">{tx.counterpartyName}</span> : null}
        {tx.counterpartyIban ? <span className="bank-reason mono">{ibanText(tx.counterpartyIban)}</span> : null}
        <span className="bank-desc">{tx.description}</span>
        {tx.reference ? <span className="bank-reason" data-testid="bank-reference">{t('bank.inbox.reference', { reference: tx.reference })}</span> : null}
      </td>
      <td className="num">
        {signedAmount(tx.amount, t)}
      </td>
      <td data-testid="bank-choice">
        {choice ? (
          <>
            <span className="badge badge--open">{t('bank.inbox.chosen')}</span> {choice.account} · {choice.accountName}
            {choice.invoiceNumber ? <span className="bank-reason">{t('bank.inbox.invoice', { number: choice.invoiceNumber })}</span> : null}
            {tx.suggestion && tx.suggestion.account === choice.account ? <span className="bank-reason">{serverText({ message: tx.suggestion.reason, says: tx.suggestion.says })}</span> : null}
          </>
        ) : suggestion ? (
          <span className="bank-choice--suggested">
            {t('bank.inbox.suggestion')}: {suggestion.account} · {suggestion.accountName}
            <span className="bank-reason" data-testid="bank-suggest-reason">{serverText({ message: suggestion.reason, says: suggestion.says })}</span>
          </span>
        ) : tx.status === 'inbox' ? (
          <span>{t('bank.inbox.notChosen')}</span>
        ) : null}
        {tx.entry ? <span className="bank-reason">{t(tx.linked ? 'bank.inbox.linkedTo' : 'bank.inbox.booked', { ref: tx.entry.ref ?? '' })}</span> : null}
        {tx.match ? (
          <span className="bank-match" data-testid="bank-match">
            {t('bank.inbox.match', { ref: tx.match.ref, date: dateNl(tx.match.date), description: tx.match.description })}
          </span>
        ) : null}
      </td>
      <td>
        <div className="bank-actions">
          {tx.status === 'inbox' ? (
            <>
              {tx.match ? (
                <button type="button" className="button button--small button--primary" disabled={busy} onClick={onLink} data-testid="bank-link">
                  {t('bank.inbox.link')}
                </button>
              ) : null}
              {suggestion ? (
                <button type="button" className="button button--small" disabled={busy} onClick={onAccept} data-testid="bank-accept">
                  {t('bank.inbox.accept')}
                </button>
              ) : null}
              <button type="button" className="button button--small" disabled={busy} onClick={onChoose} data-testid="bank-choose">
                {choice ? t('bank.inbox.change') : t('bank.inbox.choose')}
              </button>
              <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => onIgnore(true)}>
                {t('bank.inbox.ignore')}
              </button>
            </>
          ) : null}
          {tx.status === 'ignored' ? (
            <button type="button" className="button button--small" disabled={busy} onClick={() => onIgnore(false)}>
              {t('bank.inbox.unignore')}
            </button>
          ) : null}
          {tx.status === 'booked' ? (
            <button type="button" className="button button--small button--quiet" disabled={busy} onClick={onReopen}>
              {t('bank.inbox.reopen')}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function ReopenDialog({ tx, onClose, onDone }: { tx: BankTransaction; onClose: () => void; onDone: (ref: string) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function yes() {
    setBusy(true);
    try {
      const r = await call('bank.reopen', { transaction: tx.id });
      onDone(r.reversal?.ref ?? '');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open title={t('bank.inbox.reopenTitle')} onClose={onClose}>
      <p>{t(tx.linked ? 'bank.inbox.reopenLinkedText' : 'bank.inbox.reopenText', { ref: tx.entry?.ref ?? '' })}</p>
      <FormError error={error} />
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void yes()}>
          {t('bank.inbox.reopenYes')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
