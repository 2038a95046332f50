import Decimal from 'decimal.js';
import { formatEuro } from '../../../shared/money';
import { buildEpcPayload } from '../../../shared/rules/epcQr';
import { dueDateOf, formatDateNl } from '../../../shared/rules/invoiceDates';
import type { InvoiceDocument } from '../../../shared/rules/invoiceModel';
import {
  assertNoProblems,
  creditNoteReference,
  creditNoteSettlement,
  paymentInstruction,
  requiredFieldsCheck,
} from '../../../shared/rules/invoiceText';
import { vatTexts } from '../../../shared/rules/invoiceVatText';
import { calculateInvoice, vatRateLabel, type CalculatedLine, type InvoiceCalculation } from '../../../shared/rules/invoiceVat';
import {
  createPdf,
  drawBuyerBlock,
  drawFooters,
  drawLetterhead,
  drawMetaRows,
  drawQr,
  ensureSpace,
  FONT,
  FONT_BOLD,
  GREY,
  hr,
  PAGE,
  keepIbanTogether,
  labelContinuationPages,
  pdfText,
  QR_SIZE,
} from './pdfParts';
import { epcQrPng } from './qr';

export { renderReminderPdf, type ReminderDocument, type ReminderInvoice } from './reminderPdf';

/** What the invoice PDF needs: the invoice, both parties and optionally the foundation's logo. */
export interface InvoicePdfDocument extends InvoiceDocument {
  /** PNG or JPEG. */
  logo?: Buffer | null;
  /**
   * A draft preview: printed as "Concept" and rendered even when legally required fields are
   * missing. A real invoice (the default) is refused until requiredFieldsCheck() is empty.
   */
  draft?: boolean;
}

/** Remittance text in the payment QR code. */
export function qrRemittance(invoiceNumber: string): string {
  return `Factuur ${invoiceNumber.trim()}`;
}


/** "1.5" -> "1,5" (quantities are plain decimals, no thousands separator). */
function quantityNl(q: string): string {
  return new Decimal(q).toFixed().replace('.', ',');
}

interface Column {
  title: string;
  x: number;
  width: number;
  align: 'left' | 'right';
  value: (line: CalculatedLine) => string;
}

function columns(liable: boolean): Column[] {
  const desc = (w: number): Column => ({ title: 'Omschrijving', x: PAGE.left, width: w, align: 'left', value: (l) => l.description });
  const qty = (x: number): Column => ({ title: 'Aantal', x, width: 50, align: 'right', value: (l) => quantityNl(l.quantity) });
  const price = (x: number): Column => ({ title: 'Prijs', x, width: 75, align: 'right', value: (l) => formatEuro(l.unitPriceCents) });
  const amount: Column = { title: 'Bedrag', x: 460, width: PAGE.right - 460, align: 'right', value: (l) => formatEuro(l.netCents) };
  if (liable) {
    return [desc(200), qty(255), price(305), { title: 'Btw', x: 385, width: 65, align: 'right', value: (l) => vatRateLabel(l.vatRate, l.vatReason) }, amount];
  }
  return [desc(265), qty(320), price(380), amount];
}

function drawTableHeader(doc: PDFKit.PDFDocument, cols: Column[], y: number): number {
  doc.font(FONT_BOLD).fontSize(9).fillColor('black');
  for (const c of cols) doc.text(c.title, c.x, y, { width: c.width, align: c.align, lineBreak: false });
  hr(doc, y + 14);
  return y + 20;
}

function drawLines(doc: PDFKit.PDFDocument, calc: InvoiceCalculation, liable: boolean, startY: number): number {
  const cols = columns(liable);
  const descCol = cols[0] as Column;
  let y = drawTableHeader(doc, cols, startY);
  doc.font(FONT).fontSize(10);
  for (const line of calc.lines) {
    const desc = pdfText(line.description);
    const height = Math.max(doc.heightOfString(desc, { width: descCol.width }), 12) + 5;
    const next = ensureSpace(doc, y, height);
    if (next !== y) {
      y = drawTableHeader(doc, cols, next);
      doc.font(FONT).fontSize(10);
    }
    for (const c of cols) {
      doc.text(pdfText(c.value(line)), c.x, y, { width: c.width, align: c.align });
    }
    y += height;
  }
  hr(doc, y - 2);
  return y + 6;
}

/** Label on the left of the totals block, amount right-aligned. */
function totalRow(doc: PDFKit.PDFDocument, label: string, amount: string, y: number, bold = false): number {
  doc.font(bold ? FONT_BOLD : FONT).fontSize(10).fillColor('black');
  doc.text(pdfText(label), 280, y, { width: 175, align: 'left' });
  doc.text(pdfText(amount), 460, y, { width: PAGE.right - 460, align: 'right' });
  return y + 15;
}

function drawTotals(doc: PDFKit.PDFDocument, calc: InvoiceCalculation, liable: boolean, startY: number): number {
  let y = ensureSpace(doc, startY, 20 + 15 * (calc.breakdown.length + 2));
  if (!liable) return totalRow(doc, 'Totaal', formatEuro(calc.totals.grossCents), y, true);
  y = totalRow(doc, 'Totaal excl. btw', formatEuro(calc.totals.netCents), y);
  for (const row of calc.breakdown) {
    const label = row.rate === 'exempt' ? `Vrijgesteld van btw over ${formatEuro(row.netCents)}` : `Btw ${vatRateLabel(row.rate, row.reason)} over ${formatEuro(row.netCents)}`;
    y = totalRow(doc, label, formatEuro(row.vatCents), y);
  }
  hr(doc, y, 280, PAGE.right);
  return totalRow(doc, 'Totaal incl. btw', formatEuro(calc.totals.grossCents), y + 4, true);
}

/** Paragraph across the content width. Returns the y below it. */
function paragraph(doc: PDFKit.PDFDocument, text: string, y: number, opts: { width?: number; color?: string; size?: number } = {}): number {
  const width = opts.width ?? PAGE.right - PAGE.left;
  const t = pdfText(text);
  doc.font(FONT).fontSize(opts.size ?? 10);
  const yy = ensureSpace(doc, y, doc.heightOfString(t, { width }));
  doc.fillColor(opts.color ?? 'black').text(t, PAGE.left, yy, { width });
  doc.fillColor('black');
  return doc.y + 8;
}

/**
 * Render an invoice or credit note as an A4 PDF: letterhead, customer, title, number and dates,
 * references, the lines, VAT per rate (or the exemption statement), the total, the payment
 * instruction with the EPC QR code, or for a credit note the invoice it corrects.
 * Throws KassaError('INVALID_INPUT') when a legally required field is missing (unless draft).
 */
export async function renderInvoicePdf(input: InvoicePdfDocument): Promise<Buffer> {
  const { invoice, seller, buyer } = input;
  if (!input.draft) {
    const problems = requiredFieldsCheck(input);
    assertNoProblems(problems);
  }
  const credit = invoice.credit === true;
  const liable = seller.vatStatus === 'liable';
  const calc = calculateInvoice(invoice.lines, seller.vatStatus, { credit });
  const dueDate = dueDateOf(invoice);

  const payable = !credit && calc.totals.grossCents > 0;
  const qrPng = payable
    ? await epcQrPng(
        buildEpcPayload({ name: seller.name, iban: seller.iban, bic: seller.bic, amountCents: calc.totals.grossCents, remittance: qrRemittance(invoice.number) }),
      )
    : null;

  const title = `${credit ? 'Creditfactuur' : 'Factuur'}${input.draft ? ' (concept)' : ''}`;
  const { doc, done } = createPdf(`${title} ${invoice.number}`, seller.name);
  labelContinuationPages(doc, `${credit ? 'Creditfactuur' : 'Factuur'} ${invoice.number} (vervolg)`);

  const letterheadBottom = drawLetterhead(doc, seller, input.logo);
  const buyerBottom = drawBuyerBlock(doc, buyer, 150);
  let y = Math.max(letterheadBottom, buyerBottom) + 5;

  doc.font(FONT_BOLD).fontSize(20).fillColor('black').text(title, PAGE.left, y);
  y = doc.y + 8;

  const meta: [string, string][] = [
    [credit ? 'Creditfactuurnummer' : 'Factuurnummer', invoice.number],
    [credit ? 'Datum' : 'Factuurdatum', formatDateNl(invoice.issueDate)],
  ];
  if (invoice.supplyDate && invoice.supplyDate !== invoice.issueDate) meta.push(['Leverdatum', formatDateNl(invoice.supplyDate)]);
  if (!credit) meta.push(['Vervaldatum', formatDateNl(dueDate)]);
  if (invoice.buyerReference) meta.push(['Uw referentie', invoice.buyerReference]);
  if (invoice.orderReference) meta.push(['Inkoopordernummer', invoice.orderReference]);
  if (!credit && liable && buyer.vatNumber) meta.push(['Uw btw-nummer', buyer.vatNumber]);
  y = drawMetaRows(doc, meta, y) + 14;

  if (credit && invoice.originalInvoiceNumber) {
    y = paragraph(doc, creditNoteReference(invoice.originalInvoiceNumber, invoice.originalInvoiceDate), y);
  }

  y = drawLines(doc, calc, liable, y);
  y = drawTotals(doc, calc, liable, y) + 10;

  for (const text of vatTexts(seller, calc)) y = paragraph(doc, text, y);

  if (invoice.note?.trim()) y = paragraph(doc, invoice.note.trim(), y + 4, { color: GREY });

  y += 6;
  if (qrPng) {
    y = ensureSpace(doc, y, QR_SIZE + 16);
    const text = keepIbanTogether(
      paymentInstruction({ amountCents: calc.totals.grossCents, dueDate, iban: seller.iban, payee: seller.name, invoiceNumbers: [invoice.number] }),
      seller.iban,
    );
    doc.font(FONT_BOLD).fontSize(11).text('Betalen', PAGE.left, y);
    doc.font(FONT).fontSize(10).text(pdfText(text), PAGE.left, doc.y + 4, { width: 330 });
    drawQr(doc, qrPng, PAGE.right - QR_SIZE, y);
  } else if (credit) {
    paragraph(doc, creditNoteSettlement(calc.totals.grossCents), y);
  }

  drawFooters(doc, seller);
  doc.end();
  return done;
}
