import { KassaError } from '../../../shared/errors';
import { formatEuro } from '../../../shared/money';
import { buildEpcPayload, EPC_MAX_REMITTANCE } from '../../../shared/rules/epcQr';
import { addDays, daysBetween, dueDateOf, formatDateNl, isIsoDate } from '../../../shared/rules/invoiceDates';
import type { BuyerParty, SellerParty } from '../../../shared/rules/invoiceModel';
import { paymentInstruction } from '../../../shared/rules/invoiceText';
import { createPdf, drawBuyerBlock, drawFooters, drawLetterhead, drawMetaRows, drawQr, ensureSpace, FONT, FONT_BOLD, hr, keepIbanTogether, labelContinuationPages, PAGE, pdfText, QR_SIZE } from './pdfParts';
import { epcQrPng } from './qr';

/** One open invoice on a payment reminder. */
export interface ReminderInvoice {
  number: string;
  issueDate: string;
  /** Default: issue date + 30 days. */
  dueDate?: string | null;
  /** What is still open, integer cents (> 0). */
  openCents: number;
}

export interface ReminderDocument {
  seller: SellerParty;
  buyer: BuyerParty;
  /** Date of the letter; ages are counted up to this day. */
  date: string;
  invoices: ReminderInvoice[];
  /** Days the customer gets to pay from the letter date (default 14). */
  payWithinDays?: number;
  /** 1 = herinnering (default), 2 or more = tweede herinnering. */
  level?: number;
  logo?: Buffer | null;
  /** Opening line; default "Geachte heer, mevrouw,". */
  salutation?: string | null;
  /** Extra sentence, e.g. about a payment plan. */
  note?: string | null;
}

export const DEFAULT_REMINDER_DAYS = 14;

function invalid(message: string, field: string): KassaError {
  return new KassaError('INVALID_INPUT', message, { field });
}

function checkReminder(r: ReminderDocument): void {
  if (!isIsoDate(r.date)) throw invalid('De datum van de herinnering is geen geldige datum.', 'date');
  if (!Array.isArray(r.invoices) || r.invoices.length === 0) throw invalid('Kies minstens één openstaande factuur voor de herinnering.', 'invoices');
  r.invoices.forEach((inv, i) => {
    if (!inv.number?.trim()) throw invalid(`Factuur ${i + 1}: het factuurnummer ontbreekt.`, `invoices.${i}.number`);
    if (!isIsoDate(inv.issueDate)) throw invalid(`Factuur ${inv.number}: de factuurdatum is geen geldige datum.`, `invoices.${i}.issueDate`);
    if (inv.dueDate && !isIsoDate(inv.dueDate)) throw invalid(`Factuur ${inv.number}: de vervaldatum is geen geldige datum.`, `invoices.${i}.dueDate`);
    if (!Number.isSafeInteger(inv.openCents) || inv.openCents <= 0) {
      throw invalid(`Factuur ${inv.number}: het openstaande bedrag moet groter dan nul zijn.`, `invoices.${i}.openCents`);
    }
  });
  const days = r.payWithinDays ?? DEFAULT_REMINDER_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 365) throw invalid('De betaaltermijn moet tussen 1 en 365 dagen liggen.', 'payWithinDays');
  if (!r.seller?.name?.trim() || !r.buyer?.name?.trim()) throw invalid('De naam van de stichting en van de klant zijn nodig voor een herinnering.', 'buyer.name');
}

/** Remittance for the QR code: "Factuur 2025-0001, 2025-0007", shortened to fit 140 characters. */
function reminderRemittance(numbers: string[]): string {
  const full = `${numbers.length === 1 ? 'Factuur' : 'Facturen'} ${numbers.join(', ')}`;
  return full.length <= EPC_MAX_REMITTANCE ? full : `${full.slice(0, EPC_MAX_REMITTANCE - 3)}...`;
}

interface Col {
  title: string;
  x: number;
  width: number;
  align: 'left' | 'right';
}

const COLS: Col[] = [
  { title: 'Factuurnummer', x: PAGE.left, width: 110, align: 'left' },
  { title: 'Factuurdatum', x: 165, width: 75, align: 'left' },
  { title: 'Vervaldatum', x: 245, width: 75, align: 'left' },
  { title: 'Dagen oud', x: 320, width: 55, align: 'right' },
  { title: 'Dagen te laat', x: 380, width: 70, align: 'right' },
  { title: 'Openstaand', x: 455, width: PAGE.right - 455, align: 'right' },
];

function header(doc: PDFKit.PDFDocument, y: number): number {
  doc.font(FONT_BOLD).fontSize(9);
  for (const c of COLS) doc.text(c.title, c.x, y, { width: c.width, align: c.align, lineBreak: false });
  hr(doc, y + 14);
  return y + 20;
}

/**
 * A payment reminder letter (herinnering) listing the open invoices with their age in days (since
 * the invoice date) and the days past the due date, the total, the payment instruction and the EPC
 * QR code for the total.
 */
export async function renderReminderPdf(r: ReminderDocument): Promise<Buffer> {
  checkReminder(r);
  const { seller, buyer } = r;
  const totalCents = r.invoices.reduce((s, inv) => s + inv.openCents, 0);
  if (!Number.isSafeInteger(totalCents)) throw invalid('Het totaal is te groot.', 'invoices');
  const payBefore = addDays(r.date, r.payWithinDays ?? DEFAULT_REMINDER_DAYS);
  const numbers = r.invoices.map((i) => i.number.trim());
  const qrPng = await epcQrPng(buildEpcPayload({ name: seller.name, iban: seller.iban, bic: seller.bic, amountCents: totalCents, remittance: reminderRemittance(numbers) }));

  const title = (r.level ?? 1) >= 2 ? 'Tweede betalingsherinnering' : 'Betalingsherinnering';
  const { doc, done } = createPdf(`${title} ${numbers.join(', ')}`, seller.name);
  labelContinuationPages(doc, `${title} (vervolg)`);
  const letterheadBottom = drawLetterhead(doc, seller, r.logo);
  const buyerBottom = drawBuyerBlock(doc, buyer, 150);
  let y = Math.max(letterheadBottom, buyerBottom) + 5;

  doc.font(FONT_BOLD).fontSize(18).text(title, PAGE.left, y);
  y = drawMetaRows(doc, [['Datum', formatDateNl(r.date)]], doc.y + 6) + 14;

  const several = r.invoices.length > 1;
  const body = [
    r.salutation?.trim() || 'Geachte heer, mevrouw,',
    '',
    several
      ? 'Volgens onze administratie zijn de facturen hieronder nog niet (helemaal) betaald. Misschien is dat aan uw aandacht ontsnapt.'
      : 'Volgens onze administratie is de factuur hieronder nog niet (helemaal) betaald. Misschien is dat aan uw aandacht ontsnapt.',
  ].join('\n');
  doc.font(FONT).fontSize(10).text(pdfText(body), PAGE.left, y, { width: PAGE.right - PAGE.left });
  y = header(doc, doc.y + 12);

  doc.font(FONT).fontSize(10);
  for (const inv of r.invoices) {
    const next = ensureSpace(doc, y, 16);
    if (next !== y) y = header(doc, next);
    doc.font(FONT).fontSize(10);
    const due = dueDateOf(inv);
    const cells = [
      inv.number,
      formatDateNl(inv.issueDate),
      formatDateNl(due),
      String(Math.max(0, daysBetween(inv.issueDate, r.date))),
      String(Math.max(0, daysBetween(due, r.date))),
      formatEuro(inv.openCents),
    ];
    COLS.forEach((c, i) => doc.text(pdfText(cells[i] ?? ''), c.x, y, { width: c.width, align: c.align, lineBreak: false }));
    y += 16;
  }
  hr(doc, y - 2);
  doc.font(FONT_BOLD).text('Totaal openstaand', 280, y + 4, { width: 175 });
  doc.text(pdfText(formatEuro(totalCents)), 460, y + 4, { width: PAGE.right - 460, align: 'right' });
  y = doc.y + 18;

  y = ensureSpace(doc, y, QR_SIZE + 110);
  const pay = keepIbanTogether(
    paymentInstruction({ amountCents: totalCents, dueDate: payBefore, iban: seller.iban, payee: seller.name, invoiceNumbers: numbers }),
    seller.iban,
  );
  drawQr(doc, qrPng, PAGE.right - QR_SIZE, y);
  const closing = [
    pay,
    '',
    'Heeft u de laatste dagen al betaald? Dan hoeft u niets te doen.',
    ...(r.note?.trim() ? ['', r.note.trim()] : []),
    '',
    `Heeft u vragen? Neem dan contact met ons op${seller.email ? ` via ${seller.email}` : ''}${seller.phone ? ` of ${seller.phone}` : ''}.`,
    '',
    'Met vriendelijke groet,',
    '',
    seller.name,
  ].join('\n');
  doc.font(FONT).fontSize(10).text(pdfText(closing), PAGE.left, y, { width: 330 });

  drawFooters(doc, seller);
  doc.end();
  return done;
}
