import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/api/types';
import type { VatRate, VatReason } from '../../../../shared/rules/invoiceModel';
import { AmountInput } from '../../components/Inputs';

export interface LineForm {
  description: string;
  quantity: string;
  price: string;
  vatRate: VatRate;
  vatReason?: VatReason | '';
  account: string;
  grant?: number | null;
  budgetLine?: number | null;
}

const RATES: VatRate[] = ['21', '9', '0', 'exempt'];
const REASONS = ['intraCommunity', 'export', 'zeroRated'] as const;
/** The line fields whose errors show in the row (the API's field names). */
export const LINE_FIELDS = ['description', 'quantity', 'unitPrice', 'vatRate', 'vatReason', 'account'] as const;

/** The lines of a sales invoice as a table; a 0 % line asks for its reason beside the rate. */
export function InvoiceLines({ lines, liable, incomeAccounts, defaultAccount, fieldError, setLine, removeLine }: {
  lines: LineForm[];
  liable: boolean;
  incomeAccounts: Account[];
  defaultAccount: string;
  fieldError: (field: string) => string | undefined;
  setLine: (i: number, patch: Partial<LineForm>) => void;
  removeLine: (i: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="inv-lines">
        <thead>
          <tr>
            <th scope="col">{t('invoices.edit.description')}</th>
            <th scope="col" className="num">{t('invoices.edit.quantity')}</th>
            <th scope="col" className="num">{t('invoices.edit.price')}</th>
            {liable ? <th scope="col">{t('invoices.edit.vatRate')}</th> : null}
            <th scope="col">{t('invoices.edit.account')}</th>
            <th scope="col"><span className="visually-hidden">{t('invoices.edit.removeLine', { n: '' })}</span></th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const n = i + 1;
            const label = (what: string) => `${t('invoices.edit.lineLabel', { n })}: ${what}`;
            const err = (k: string) => fieldError(`lines.${i}.${k}`);
            const invalid = (k: string, describedBy = `inv-lines-${i}-errors`) => (err(k) ? { 'aria-invalid': true as const, 'aria-describedby': describedBy } : {});
            const rowErrors = LINE_FIELDS.filter((k) => k !== 'vatReason').map(err).filter(Boolean);
            const askReason = liable && l.vatRate === '0';
            return (
              <Fragment key={i}>
              <tr data-testid={`invoice-line-${i}`} className={askReason ? 'inv-lines__with-reason' : undefined}>
                <td className="inv-lines__desc">
                  <input id={`inv-lines-${i}-description`} className="input" aria-label={label(t('invoices.edit.description'))} {...invalid('description')}
                    value={l.description} onChange={(e) => setLine(i, { description: e.target.value })} data-testid={`line-${i}-description`} />
                  {rowErrors.length > 0 ? (
                    <div id={`inv-lines-${i}-errors`} data-testid={`line-${i}-errors`}>
                      {rowErrors.map((m, k) => <p key={k} className="field__error">{m}</p>)}
                    </div>
                  ) : null}
                </td>
                <td className="inv-lines__qty">
                  <input id={`inv-lines-${i}-quantity`} className="input num" inputMode="decimal" aria-label={label(t('invoices.edit.quantity'))} {...invalid('quantity')}
                    value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} data-testid={`line-${i}-quantity`} />
                </td>
                <td className="inv-lines__price">
                  <AmountInput a11y={{ id: `inv-lines-${i}-unitPrice`, ...invalid('unitPrice') }} label={label(t('invoices.edit.price'))}
                    value={l.price} onChange={(v) => setLine(i, { price: v })} className="input input--amount" />
                </td>
                {liable ? (
                  <td>
                    <select id={`inv-lines-${i}-vatRate`} className="input" aria-label={label(t('invoices.edit.vatRate'))} {...invalid('vatRate')} value={l.vatRate}
                      onChange={(e) => setLine(i, { vatRate: e.target.value as VatRate })} data-testid={`line-${i}-vatRate`}>
                      {RATES.map((r) => <option key={r} value={r}>{t(`invoices.edit.rate.${r}`)}</option>)}
                    </select>
                  </td>
                ) : null}
                <td>
                  <select id={`inv-lines-${i}-account`} className="input" aria-label={label(t('invoices.edit.account'))} {...invalid('account')} value={l.account || defaultAccount}
                    onChange={(e) => setLine(i, { account: e.target.value })}>
                    {incomeAccounts.map((a) => <option key={a.code} value={a.code}>{a.code} {a.name}</option>)}
                  </select>
                </td>
                <td>
                  {lines.length > 1 ? (
                    <button type="button" className="button button--quiet button--small" onClick={() => removeLine(i)}>
                      {t('invoices.edit.removeLine', { n })}
                    </button>
                  ) : null}
                </td>
              </tr>
              {askReason ? (
                // A row of its own: the reasons are too long for the rate's column, and a wrong one costs the buyer's VAT.
                <tr className="inv-lines__reason" data-testid={`line-${i}-reason-row`}>
                  <td colSpan={6}>
                    <label htmlFor={`inv-lines-${i}-vatReason`} className="field__label">{label(t('invoices.edit.vatReason'))}</label>
                    <select id={`inv-lines-${i}-vatReason`} className="input" {...invalid('vatReason', `inv-lines-${i}-vatReason-error`)} value={l.vatReason ?? ''}
                      onChange={(e) => setLine(i, { vatReason: e.target.value as VatReason | '' })} data-testid={`line-${i}-vatReason`}>
                      <option value="">{t('invoices.edit.reason.choose')}</option>
                      {REASONS.map((r) => <option key={r} value={r}>{t(`invoices.edit.reason.${r}`)}</option>)}
                    </select>
                    {err('vatReason') ? <p id={`inv-lines-${i}-vatReason-error`} className="field__error" data-testid={`line-${i}-vatReason-error`}>{err('vatReason')}</p> : null}
                  </td>
                </tr>
              ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
