import { KassaError } from '../../../shared/errors';
import { formatIban } from '../../../shared/validation/iban';
import type { BuyerParty, PostalAddress, SellerParty } from '../../../shared/rules/invoiceModel';
import { said } from '../../../shared/phrase';

/**
 * Building blocks of every PDF the app makes (invoice, reminder, volunteer statement, annual
 * report): page setup, text the font can print, letterhead, address block, QR code, footer. Only the PDF standard font Helvetica is used, so text stays extractable
 * and nothing has to be embedded; it covers WinAnsi (Latin-1 plus €, ‘ ’ “ ” – — …), which holds
 * every Dutch letter (ë, é, ï, ó, …).
 */

export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 50,
  right: 545.28,
  top: 50,
  /** Content stops here; the footer lives below. */
  bottom: 770,
} as const;

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const GREY = '#555555';
export const LINE_GREY = '#bbbbbb';

// Characters WinAnsiEncoding holds above Latin-1's 0x00-0xFF range (pdfkit maps them).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function winAnsiChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\n') return true;
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return WIN_ANSI_EXTRA.has(ch);
}

/**
 * Make text printable with a standard PDF font: letters outside WinAnsi lose their accent when
 * they have one (ł -> l is not possible, ĳ -> ij is), anything else becomes "?". Tabs become spaces.
 */
export function pdfText(value: string | null | undefined): string {
  if (!value) return '';
  let out = '';
  for (const ch of value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (winAnsiChar(ch)) {
      out += ch;
      continue;
    }
    const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...plain].every(winAnsiChar) && plain !== '' ? plain : '?';
  }
  return out;
}

/** Non-breaking spaces inside the printed IBAN, so a line never breaks in the middle of it. */
export function keepIbanTogether(text: string, iban: string): string {
  const printed = formatIban(iban);
  return text.split(printed).join(printed.replace(/ /g, '\u00a0'));
}

export interface PdfHandle {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
}

/** A4 document whose pages stay buffered (so the footer can number them at the end). */
export function createPdf(title: string, author: string): PdfHandle {
  // pdfkit is loaded on first use: every `kassa` call and window start would otherwise pay for it.
  const PDFDocument = require('pdfkit') as typeof import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.width - PAGE.right, bottom: PAGE.height - PAGE.bottom },
    bufferPages: true,
    info: { Title: pdfText(title), Author: pdfText(author), Creator: 'Kijk op de Kassa' },
    lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(10).fillColor('black');
  return { doc, done };
}

export function imageKind(buf: Buffer): 'png' | 'jpeg' | null {
  if (buf.length >= 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  return null;
}

function addressLines(a: PostalAddress): string[] {
  const lines = [a.street, `${a.postalCode}  ${a.city}`.trim()];
  const cc = a.countryCode?.trim().toUpperCase();
  if (cc && cc !== 'NL') lines.push(cc);
  return lines.map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * Logo (top left, optional) and the seller's block (top right): name, address, KvK, VAT number when
 * liable, RSIN when known, IBAN and contact details. Returns the y below both.
 */
export function drawLetterhead(doc: PDFKit.PDFDocument, seller: SellerParty, logo?: Buffer | null): number {
  let logoBottom = PAGE.top;
  if (logo && logo.length > 0) {
    if (!imageKind(logo)) throw new KassaError('INVALID_INPUT', said('err.invoice.logoKind', 'Het logo moet een PNG- of JPEG-afbeelding zijn.'), { field: 'logo' });
    doc.image(logo, PAGE.left, PAGE.top, { fit: [180, 70] });
    logoBottom = PAGE.top + 70;
  }

  const x = 345;
  const width = PAGE.right - x;
  let y = PAGE.top;
  doc.font(FONT_BOLD).fontSize(11).fillColor('black').text(pdfText(seller.name), x, y, { width });
  y = doc.y + 2;
  doc.font(FONT).fontSize(9);
  const details: string[] = [...addressLines(seller.address), ''];
  details.push(`KvK ${seller.kvk}`);
  if (seller.vatStatus === 'liable' && seller.vatNumber) details.push(`Btw-nummer ${seller.vatNumber}`);
  if (seller.rsin) details.push(`RSIN ${seller.rsin}`);
  details.push(`IBAN ${formatIban(seller.iban)}`);
  if (seller.bic) details.push(`BIC ${seller.bic}`);
  if (seller.email) details.push(seller.email);
  if (seller.phone) details.push(seller.phone);
  if (seller.website) details.push(seller.website);
  doc.text(pdfText(details.join('\n')), x, y, { width, lineGap: 1 });
  return Math.max(doc.y, logoBottom) + 20;
}

/** The customer's address block (fits a window envelope on the left). Returns the y below it. */
export function drawBuyerBlock(doc: PDFKit.PDFDocument, buyer: BuyerParty, y: number): number {
  const x = PAGE.left;
  const width = 260;
  doc.font(FONT_BOLD).fontSize(10).fillColor('black').text(pdfText(buyer.name), x, y, { width });
  doc.font(FONT).fontSize(10);
  const lines: string[] = [];
  if (buyer.contactName) lines.push(`t.a.v. ${buyer.contactName}`);
  lines.push(...addressLines(buyer.address));
  doc.text(pdfText(lines.join('\n')), x, doc.y, { width });
  return doc.y + 20;
}

/** Two columns of label/value rows (invoice number, dates, references). Returns the y below. */
export function drawMetaRows(doc: PDFKit.PDFDocument, rows: [string, string][], y: number, x = PAGE.left, labelWidth = 120, valueWidth = 250): number {
  let cy = y;
  for (const [label, value] of rows) {
    doc.font(FONT).fontSize(10).fillColor(GREY).text(pdfText(label), x, cy, { width: labelWidth });
    const h1 = doc.y - cy;
    doc.fillColor('black').text(pdfText(value), x + labelWidth, cy, { width: valueWidth });
    cy = Math.max(cy + h1, doc.y) + 1;
  }
  doc.fillColor('black');
  return cy;
}

export function hr(doc: PDFKit.PDFDocument, y: number, x1: number = PAGE.left, x2: number = PAGE.right): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(LINE_GREY).stroke().restore();
}

export const QR_SIZE = 110;

/** The EPC QR code with its caption. */
export function drawQr(doc: PDFKit.PDFDocument, png: Buffer, x: number, y: number): void {
  doc.image(png, x, y, { width: QR_SIZE, height: QR_SIZE });
  doc.font(FONT).fontSize(8).fillColor(GREY).text('Scan met uw bankapp', x, y + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  doc.fillColor('black');
}

/** Footer on every page: the seller's key data and, with more than one page, "Pagina i van n". */
export function drawFooters(doc: PDFKit.PDFDocument, seller: SellerParty): void {
  const range = doc.bufferedPageRange();
  const line = pdfText([seller.name, `KvK ${seller.kvk}`, `IBAN ${formatIban(seller.iban)}`].join('  ·  '));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the content area must not open a new page
    hr(doc, PAGE.bottom + 18);
    doc.font(FONT).fontSize(8).fillColor(GREY).text(line, PAGE.left, PAGE.bottom + 24, { width: PAGE.right - PAGE.left, align: 'center', lineBreak: false });
    if (range.count > 1) {
      doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, PAGE.left, PAGE.bottom + 36, { width: PAGE.right - PAGE.left, align: 'right', lineBreak: false });
    }
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
}

/** A small grey line at the top of every following page ("Factuur 2025-0008 (vervolg)"). */
export function labelContinuationPages(doc: PDFKit.PDFDocument, label: string): void {
  doc.on('pageAdded', () => {
    doc.font(FONT).fontSize(8).fillColor(GREY).text(pdfText(label), PAGE.left, PAGE.top - 22, { width: PAGE.right - PAGE.left, lineBreak: false });
    doc.fillColor('black');
  });
}

/** Start a new page when `needed` points do not fit below y. Returns the y to continue at. */
export function ensureSpace(doc: PDFKit.PDFDocument, y: number, needed: number): number {
  if (y + needed <= PAGE.bottom) return y;
  doc.addPage();
  return PAGE.top;
}
