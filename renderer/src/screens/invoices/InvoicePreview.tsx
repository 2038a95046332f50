import { useTranslation } from 'react-i18next';
import type { Contact, InvoiceSettings } from '../../../../shared/api/invoiceTypes';
import type { Organisation } from '../../../../shared/api/types';
import { formatEuro } from '../../../../shared/money';
import { addDays } from '../../../../shared/rules/invoiceDates';
import type { VatRate } from '../../../../shared/rules/invoiceModel';
import { vatStatement } from '../../../../shared/rules/invoiceText';
import { calculateInvoice, vatRateLabel, type InvoiceCalculation } from '../../../../shared/rules/invoiceVat';
import { KassaError } from '../../../../shared/errors';
import { serverText } from '../../serverText';
import { formatIban } from '../../../../shared/validation/iban';
import { dateNl } from '../../format';
import { quantityNl } from './common';

/**
 * Live preview of a sales invoice while it is typed, drawn in HTML from the same pure rules the PDF
 * uses (shared/rules: VAT per rate, the VAT statement, due date). It is the readable, accessible
 * summary; the real PDF is shown beside it by InvoicePdfPreview.
 */

export interface PreviewLine {
  description: string;
  /** API quantity ("1.5") or null when not (yet) valid. */
  quantity: string | null;
  /** Cents or null when not (yet) valid. */
  unitPriceCents: number | null;
  vatRate: VatRate;
}

export interface PreviewData {
  number: string | null;
  credit: boolean;
  originalNumber?: string | null;
  issueDate: string | null;
  supplyDate: string | null;
  dueDate: string | null;
  buyerReference: string;
  orderReference: string;
  note: string;
  lines: PreviewLine[];
}

export function previewCalculation(lines: PreviewLine[], vatStatus: Organisation['vatStatus'], credit: boolean): InvoiceCalculation | string {
  const usable = lines.filter((l) => l.quantity !== null && l.unitPriceCents !== null && l.description.trim() !== '');
  if (usable.length === 0) return '';
  try {
    return calculateInvoice(
      usable.map((l) => ({ description: l.description, quantity: l.quantity!, unitPriceCents: l.unitPriceCents!, vatRate: l.vatRate })),
      vatStatus,
      { credit },
    );
  } catch (e) {
    // The check runs here too: its text in the UI language, like the app's own errors.
    return e instanceof KassaError ? serverText(e.said) : e instanceof Error ? e.message : String(e);
  }
}

export function InvoicePreview({ org, settings, buyer, data }: { org: Organisation; settings: InvoiceSettings | null; buyer: Contact | null; data: PreviewData }) {
  const { t } = useTranslation();
  const liable = org.vatStatus === 'liable';
  const calc = previewCalculation(data.lines, org.vatStatus, data.credit);
  const due = data.dueDate ?? (data.issueDate ? addDays(data.issueDate, settings?.paymentDays ?? 30) : null);
  const statement = vatStatement(org.vatStatus, settings ? Object.fromEntries(Object.entries(settings.vatStatements).filter(([, v]) => v.trim() !== '')) : null);
  const sellerLines = [
    org.name,
    [org.street, [org.postcode, org.city].filter(Boolean).join('  ')].filter(Boolean).join('\n'),
    org.kvk ? t('invoices.preview.kvk', { kvk: org.kvk }) : '',
    liable && org.vatNumber ? t('invoices.preview.vatNumber', { vat: org.vatNumber }) : '',
    org.iban ? `IBAN ${formatIban(org.iban)}` : '',
  ].filter(Boolean);
  const buyerLines = buyer
    ? [buyer.name, buyer.contactName ? `t.a.v. ${buyer.contactName}` : '', buyer.street ?? '', [buyer.postcode, buyer.city].filter(Boolean).join('  ')].filter(Boolean)
    : [t('invoices.preview.noCustomer')];

  return (
    <aside className="inv-preview" aria-labelledby="inv-preview-title" data-testid="invoice-preview">
      <h2 id="inv-preview-title" className="visually-hidden">{t('invoices.preview.title')}</h2>
      <div className="inv-preview__head">
        <div />
        <div className="inv-preview__seller">{sellerLines.join('\n')}</div>
      </div>
      <div className="inv-preview__buyer">{buyerLines.join('\n')}</div>
      <h3>
        {t(data.credit ? 'invoices.preview.creditNote' : 'invoices.preview.invoice')}
        {data.number ? '' : ` (${t('invoices.preview.concept')})`}
      </h3>
      <dl className="inv-meta">
        <dt>{t('invoices.preview.number')}</dt>
        <dd>{data.number ?? <span className="muted">{t('invoices.preview.numberLater')}</span>}</dd>
        <dt>{t('invoices.preview.date')}</dt>
        <dd>{dateNl(data.issueDate)}</dd>
        {data.supplyDate && data.supplyDate !== data.issueDate ? (
          <>
            <dt>{t('invoices.preview.supplyDate')}</dt>
            <dd>{dateNl(data.supplyDate)}</dd>
          </>
        ) : null}
        {!data.credit && due ? (
          <>
            <dt>{t('invoices.preview.dueDate')}</dt>
            <dd>{dateNl(due)}</dd>
          </>
        ) : null}
        {data.buyerReference ? (
          <>
            <dt>{t('invoices.edit.buyerReference')}</dt>
            <dd>{data.buyerReference}</dd>
          </>
        ) : null}
        {data.orderReference ? (
          <>
            <dt>{t('invoices.edit.orderReference')}</dt>
            <dd>{data.orderReference}</dd>
          </>
        ) : null}
      </dl>
      {typeof calc === 'string' ? (
        calc ? <p className="field__error">{calc}</p> : null
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('invoices.edit.description')}</th>
                <th scope="col" className="num">{t('invoices.edit.quantity')}</th>
                <th scope="col" className="num">{t('invoices.edit.price')}</th>
                {liable ? <th scope="col" className="num">{t('invoices.edit.vatRate')}</th> : null}
                <th scope="col" className="num">{t('invoices.edit.lineTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {calc.lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.description}</td>
                  <td className="num">{quantityNl(l.quantity)}</td>
                  <td className="num">{formatEuro(l.unitPriceCents)}</td>
                  {liable ? <td className="num">{vatRateLabel(l.vatRate)}</td> : null}
                  <td className="num">{formatEuro(l.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {liable ? (
            <table>
              <tbody>
                <tr>
                  <td>{t('invoices.edit.totalExcl')}</td>
                  <td className="num">{formatEuro(calc.totals.netCents)}</td>
                </tr>
                {calc.breakdown.map((b) => (
                  <tr key={b.rate}>
                    <td>{`${vatRateLabel(b.rate)} (${formatEuro(b.netCents)})`}</td>
                    <td className="num">{formatEuro(b.vatCents)}</td>
                  </tr>
                ))}
                <tr className="inv-preview__total">
                  <td>{t('invoices.edit.totalIncl')}</td>
                  <td className="num" data-testid="preview-total">{formatEuro(calc.totals.grossCents)}</td>
                </tr>
              </tbody>
            </table>
          ) : (
            <p className="inv-preview__total">
              {t('invoices.edit.total')}: <span data-testid="preview-total">{formatEuro(calc.totals.grossCents)}</span>
            </p>
          )}
          {statement ? <p>{statement}</p> : null}
          {data.note ? <p className="inv-preview__note">{data.note}</p> : null}
          {!data.credit && calc.totals.grossCents > 0 && due && org.iban ? (
            <p>{t('invoices.preview.pay', { amount: formatEuro(calc.totals.grossCents), date: dateNl(due), iban: formatIban(org.iban), name: org.name })}</p>
          ) : null}
        </>
      )}
    </aside>
  );
}
