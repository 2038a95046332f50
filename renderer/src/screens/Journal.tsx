import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenProps } from '../screenProps';
import { AccountSelect } from '../components/AccountPickers';
import { EntryDialog } from '../components/EntryDialog';
import { Field } from '../components/Field';
import { DateInput } from '../components/Inputs';
import { PageTitle } from '../components/PageTitle';
import { dateNl, euro, parseInputAmount, parseInputDate } from '../format';
import './receipts/common';
import { useAccounts, useYears } from '../hooks';
import { useFillHeight } from '../useFillHeight';
import { useFixedRows } from '../useFixedRows';
import { usePagedApi } from '../usePagedApi';

const PAGE_SIZE = 100;
const ROW_HEIGHT = 56;

interface Filter {
  year?: number;
  from?: string;
  to?: string;
  account?: string;
  search?: string;
  withoutReceiptAbove?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function JournalScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const accounts = useAccounts(true);
  const years = useYears();

  // What the user typed; applied to the list when valid.
  const [year, setYear] = useState(params.get('year') ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [account, setAccount] = useState(params.get('account') ?? '');
  const [search, setSearch] = useState(params.get('search') ?? '');
  const debouncedSearch = useDebounced(search, 250);
  // "Zonder bonnetje": entries that should have a receipt and have none, above an amount (default € 0).
  const [noReceipt, setNoReceipt] = useState(params.get('receipt') === 'missing');
  const [above, setAbove] = useState('0,00');
  const aboveAmount = above.trim() ? parseInputAmount(above) : '0.00';
  const aboveError = noReceipt && (aboveAmount === null || aboveAmount.startsWith('-')) ? t('errors.amount') : undefined;

  const fromIso = from.trim() ? parseInputDate(from) : null;
  const toIso = to.trim() ? parseInputDate(to) : null;
  const fromError = from.trim() && !fromIso ? t('errors.date') : undefined;
  const toError = to.trim() && !toIso ? t('errors.date') : undefined;

  const filter: Filter = useMemo(() => {
    const f: Filter = {};
    if (year) f.year = Number(year);
    if (fromIso) f.from = fromIso;
    if (toIso) f.to = toIso;
    if (account) f.account = account;
    if (debouncedSearch.trim()) f.search = debouncedSearch.trim();
    if (noReceipt && aboveAmount !== null && !aboveAmount.startsWith('-')) f.withoutReceiptAbove = aboveAmount;
    return f;
  }, [year, fromIso, toIso, account, debouncedSearch, noReceipt, aboveAmount]);
  const filterKey = JSON.stringify(filter);

  // The list, page by page as it scrolls into view; its first page is kept between visits like any
  // screen's figures (usePagedApi.ts).
  const list = usePagedApi('entries.list', filter, PAGE_SIZE);
  const { total, error, ready, itemAt: entryAt } = list;
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  // Another filter starts at the top of its list.
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setActive(0);
  }

  const listRef = useRef<HTMLDivElement>(null);
  const keysRef = useRef<HTMLParagraphElement>(null);
  useFillHeight(listRef, keysRef);
  const count = total ?? 0;
  const { items, totalSize, scrollToIndex } = useFixedRows(listRef, count, ROW_HEIGHT, 12);
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Fetch the pages that the visible rows need, as they come into view.
  const { need } = list;
  useEffect(() => {
    if (total) need(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, need]);

  // Keyboard: the list is one tab stop; arrows move the active row, Enter opens it.
  const move = (to: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    scrollToIndex(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const e2 = entryAt(active);
        if (e2) setOpenId(e2.id);
      },
      ' ': () => {
        const e2 = entryAt(active);
        if (e2) setOpenId(e2.id);
      },
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };
  const activeRendered = items.some((v) => v.index === active);

  const clear = () => {
    setYear('');
    setFrom('');
    setTo('');
    setAccount('');
    setSearch('');
    setNoReceipt(false);
  };

  return (
    <div className="screen screen--journal" data-testid="screen-journal">
      <PageTitle intro={t('journal.intro')}>{t('journal.title')}</PageTitle>
      <form className="filters" role="search" aria-label={t('journal.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field id="jf-year" label={t('journal.year')}>
          {(a) => (
            <select {...a} className="input input--auto" value={year} onChange={(e) => setYear(e.target.value)}>
              <option value="">{t('journal.allYears')}</option>
              {(years.data ?? []).map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="jf-from" label={t('journal.from')} error={fromError}>
          {(a) => <DateInput a11y={a} value={from} onChange={setFrom} />}
        </Field>
        <Field id="jf-to" label={t('journal.to')} error={toError}>
          {(a) => <DateInput a11y={a} value={to} onChange={setTo} />}
        </Field>
        <Field id="jf-account" label={t('journal.account')}>
          {(a) => <AccountSelect a11y={a} accounts={accounts.data ?? []} value={account} onChange={setAccount} placeholder={t('journal.allAccounts')} includeArchived className="input input--auto" />}
        </Field>
        <Field id="jf-search" label={t('journal.search')} className="grow">
          {(a) => <input {...a} type="search" className="input" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" placeholder={t('journal.searchPlaceholder')} />}
        </Field>
        <div className="field filters__check">
          <input type="checkbox" id="jf-no-receipt" checked={noReceipt} onChange={(e) => setNoReceipt(e.target.checked)} />{' '}
          <label htmlFor="jf-no-receipt">{t('receipts.missingFilter')}</label>
        </div>
        {noReceipt ? (
          <Field id="jf-above" label={t('receipts.missingAbove')} hint={t('receipts.missingAboveHint')} error={aboveError}>
            {(a) => <input {...a} className="input input--short" inputMode="decimal" value={above} onChange={(e) => setAbove(e.target.value)} autoComplete="off" />}
          </Field>
        ) : null}
        <div className="filters__clear">
          <button type="button" className="button button--quiet" onClick={clear}>
            {t('journal.clear')}
          </button>
        </div>
      </form>

      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {noReceipt ? <p className="hint">{t('receipts.missingIntro')}</p> : null}
      <p className="result-count" aria-live="polite" data-testid="journal-count">
        {total === null ? t('common.loading') : t('journal.count', { count: total, formatted: total.toLocaleString('nl-NL') })}
      </p>

      <div className="vlist">
        <div className="vlist__header" aria-hidden="true">
          <span>{t('journal.col.date')}</span>
          <span>{t('journal.col.ref')}</span>
          <span>{t('journal.col.description')}</span>
          <span className="num">{t('journal.col.amount')}</span>
          <span>{t('journal.col.status')}</span>
        </div>
        <div
          ref={listRef}
          className="vlist__scroll"
          role={count > 0 ? 'listbox' : undefined}
          tabIndex={0}
          aria-label={count > 0 ? t('journal.listLabel') : undefined}
          aria-describedby="journal-keys"
          aria-activedescendant={activeRendered && count > 0 ? `jr-${active}` : undefined}
          aria-busy={!ready}
          onKeyDown={onKeyDown}
          data-testid="journal-list"
          data-ready={ready ? 'true' : 'false'}
          data-total={total ?? ''}
        >
          {count === 0 && ready ? <p className="vlist__empty">{t('journal.empty')}</p> : null}
          <div className="vlist__inner" style={{ height: `${totalSize}px` }}>
            {items.map((v) => {
              const e = entryAt(v.index);
              const isActive = v.index === active;
              return (
                <div
                  key={v.index}
                  id={`jr-${v.index}`}
                  role="option"
                  aria-selected={isActive}
                  aria-setsize={count}
                  aria-posinset={v.index + 1}
                  className={`vrow${isActive ? ' vrow--active' : ''}${e ? '' : ' vrow--loading'}`}
                  style={{ transform: `translateY(${v.start}px)`, height: `${ROW_HEIGHT}px` }}
                  data-testid={e ? 'journal-row' : 'journal-row-loading'}
                  data-entry-id={e?.id}
                  onClick={() => {
                    setActive(v.index);
                    if (e) setOpenId(e.id);
                  }}
                >
                  {e ? (
                    <>
                      <span className="vrow__date">{dateNl(e.date)}</span>
                      <span className="vrow__ref">{e.ref ?? t('journal.draft')}</span>
                      <span className="vrow__desc">
                        {e.description}
                        {e.source === 'opening' ? <> <span className="badge">{t('opening.badge')}</span></> : null}
                        {e.receipts > 0 ? (
                          <>
                            {' '}
                            <span className="receipt-clip" title={t('receipts.paperclipCount', { count: e.receipts })}>
                              <span aria-hidden="true">📎</span>
                              <span className="visually-hidden">{t('receipts.paperclipCount', { count: e.receipts })}</span>
                            </span>
                          </>
                        ) : null}
                      </span>
                      <span className="vrow__amount num">{euro(e.total)}</span>
                      <span className="vrow__status">
                        {e.status === 'draft' ? (
                          <span className="badge badge--draft">{t('journal.status.draft')}</span>
                        ) : e.reversedBy !== null ? (
                          <span className="badge badge--reversed">{t('journal.status.reversed')}</span>
                        ) : e.reversalOf !== null ? (
                          <span className="badge badge--reversal">{t('journal.status.reversal')}</span>
                        ) : null}
                      </span>
                    </>
                  ) : (
                    <span className="vrow__loading">{t('common.loading')}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <p id="journal-keys" className="vlist__keys" ref={keysRef}>
          {t('journal.keys')}
        </p>
      </div>

      <EntryDialog id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
    </div>
  );
}
