import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceKind } from '../../../../shared/api/invoiceTypes';
import type { ScreenProps } from '../../screenProps';
import { Field, FormError } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { dateNl, euro } from '../../format';
import { useApi } from '../../hooks';
import { hrefFor } from '../../router';
import { StateBadge } from './common';

const PAGE = 50;
type Status = '' | 'draft' | 'open' | 'overdue' | 'paid';

/** The invoices of one kind with filters and paging. Routes: invoices (sales), purchases. */
function InvoicesList({ kind, params }: { kind: InvoiceKind; params: URLSearchParams }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>((params.get('status') as Status) ?? '');
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(0);

  // Search after a short pause in typing, not on every key.
  useEffect(() => {
    const h = window.setTimeout(() => {
      setSearch(typed.trim());
      setPage(0);
    }, 250);
    return () => window.clearTimeout(h);
  }, [typed]);

  const list = useApi('invoices.list', { kind, ...(status ? { status } : {}), ...(search ? { search } : {}), limit: PAGE, offset: page * PAGE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;
  const sales = kind === 'sales';

  return (
    <div className="screen" data-testid={`screen-${sales ? 'invoices' : 'purchases'}`}>
      <PageTitle intro={t(sales ? 'invoices.list.salesIntro' : 'invoices.list.purchaseIntro')}>{t(sales ? 'invoices.list.salesTitle' : 'invoices.list.purchaseTitle')}</PageTitle>
      <div className="toolbar">
        <a className="button button--primary" href={hrefFor(sales ? 'invoice-edit' : 'purchase-edit')} data-testid="new-invoice">
          {t(sales ? 'invoices.list.newSales' : 'invoices.list.newPurchase')}
        </a>
      </div>
      <form className="filters" role="search" aria-label={t('invoices.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field id="inv-status" label={t('invoices.list.status')}>
          {(a) => (
            <select {...a} className="input input--auto" value={status} onChange={(e) => { setStatus(e.target.value as Status); setPage(0); }} data-testid="invoice-status-filter">
              <option value="">{t('invoices.list.statusAll')}</option>
              <option value="draft">{t('invoices.list.statusDraft')}</option>
              <option value="open">{t('invoices.list.statusOpen')}</option>
              <option value="overdue">{t('invoices.list.statusOverdue')}</option>
              <option value="paid">{t('invoices.list.statusPaid')}</option>
            </select>
          )}
        </Field>
        <Field id="inv-search" label={t('invoices.list.search')} className="grow">
          {(a) => <input {...a} type="search" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('invoices.list.searchPlaceholder')} autoComplete="off" />}
        </Field>
      </form>
      <FormError error={list.error} />
      {list.data ? (
        <p className="result-count" aria-live="polite" data-testid="invoice-count">
          {t('invoices.list.count', { count: list.data.total, gross: euro(list.data.totals.gross), open: euro(list.data.totals.open) })}
        </p>
      ) : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('invoices.list.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="invoice-table">
            <caption className="visually-hidden">{t(sales ? 'invoices.list.salesTitle' : 'invoices.list.purchaseTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.list.number')}</th>
                <th scope="col">{t('invoices.list.date')}</th>
                <th scope="col">{t(sales ? 'invoices.list.customer' : 'invoices.list.supplier')}</th>
                <th scope="col" className="num">{t('invoices.list.amount')}</th>
                <th scope="col" className="num">{t('invoices.list.open')}</th>
                <th scope="col">{t('invoices.list.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id} data-testid={`invoice-row-${i.id}`}>
                  <th scope="row" className="th-plain">
                    <a href={hrefFor('invoice', { id: i.id })}>{i.number ?? `${t('invoices.list.concept')} ${i.id}`}</a>
                  </th>
                  <td>{dateNl(i.issueDate)}</td>
                  <td>{i.contact.name}</td>
                  <td className="num">{euro(i.gross)}</td>
                  <td className="num">{i.status === 'final' && !i.credit ? euro(i.open) : ''}</td>
                  <td><StateBadge state={i.state} overdue={i.overdue} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav className="inv-pager" aria-label={t('invoices.list.page', { page: page + 1, pages })}>
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>{t('invoices.list.previousPage')}</button>
          <span>{t('invoices.list.page', { page: page + 1, pages })}</span>
          <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>{t('invoices.list.nextPage')}</button>
        </nav>
      ) : null}
    </div>
  );
}

export function SalesInvoicesScreen({ params }: ScreenProps) {
  return <InvoicesList kind="sales" params={params} />;
}

export function PurchaseInvoicesScreen({ params }: ScreenProps) {
  return <InvoicesList kind="purchase" params={params} />;
}
