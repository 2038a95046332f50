import { formatAmountNl } from '../../../shared/money';
import { chainHead, formatHead } from '../history/facts';
import { formatDateNl } from '../../../shared/dates';
import type { CashFlow, ExportWritten, IncomeStatement, StatementRow } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { getYear } from './balances';
import { reviewSummary } from '../review/summary';
import { cashFlow } from './cashFlow';
import { writeFileGuarded } from '../../files/write';
import { LAYOUT_NAMES } from './layout';
import { balanceSheet, incomeStatement } from './statements';
import { createPdf, FONT, FONT_BOLD, GREY, LINE_GREY, PAGE, pdfText } from '../invoices/pdfParts';

/**
 * The annual report pack for the audit committee (kascommissie) and the board: cover, balance sheet,
 * income statement with the appropriation, cash flow, notes per line (the accounts behind it) and a
 * signature block for the board and the audit committee. Standard PDF font only (text stays
 * extractable), built in memory and written atomically.
 */

const AMOUNT_W = 78;
type Doc = PDFKit.PDFDocument;

interface Col {
  title: string;
  pick: (r: { key?: string; current: string | null; budget: string | null; previous: string | null }) => string | null;
}

function amount(v: string | null): string {
  if (v === null) return '';
  return formatAmountNl(BigInt(v.replace('.', '')));
}

export class Pack {
  y: number = PAGE.top;
  constructor(readonly doc: Doc, readonly footer: string) {}

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  space(needed: number): boolean {
    if (this.y + needed <= PAGE.bottom) return false;
    this.newPage();
    return true;
  }

  title(text: string, sub?: string): void {
    this.doc.font(FONT_BOLD).fontSize(16).fillColor('black').text(pdfText(text), PAGE.left, this.y, { width: PAGE.right - PAGE.left });
    this.y = this.doc.y + 2;
    if (sub) {
      this.doc.font(FONT).fontSize(9).fillColor(GREY).text(pdfText(sub), PAGE.left, this.y, { width: PAGE.right - PAGE.left });
      this.y = this.doc.y;
      this.doc.fillColor('black');
    }
    this.y += 12;
  }

  heading(text: string): void {
    this.space(40);
    this.doc.font(FONT_BOLD).fontSize(12).fillColor('black').text(pdfText(text), PAGE.left, this.y, { width: PAGE.right - PAGE.left });
    this.y = this.doc.y + 6;
  }

  paragraph(text: string, opts: { size?: number; grey?: boolean } = {}): void {
    const size = opts.size ?? 10;
    this.doc.font(FONT).fontSize(size);
    const h = this.doc.heightOfString(pdfText(text), { width: PAGE.right - PAGE.left });
    this.space(h + 4);
    this.doc.fillColor(opts.grey ? GREY : 'black').text(pdfText(text), PAGE.left, this.y, { width: PAGE.right - PAGE.left });
    this.doc.fillColor('black');
    this.y = this.doc.y + 6;
  }

  hr(y: number, x1: number = PAGE.left, x2: number = PAGE.right): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(LINE_GREY).stroke().restore();
  }

  /** A label that fits its column on one line: the font shrinks (down to 7 pt) before it wraps. */
  private fitLabel(text: string, width: number, bold: boolean, size: number): { size: number; height: number } {
    this.doc.font(bold ? FONT_BOLD : FONT);
    let s = size;
    while (s > 7 && this.doc.fontSize(s).widthOfString(text) > width) s -= 0.5;
    this.doc.fontSize(s);
    return { size: s, height: Math.max(this.doc.heightOfString(text, { width }), s + 3) };
  }

  /** Column titles, right-aligned; a title wider than its column wraps (the lastenverdeelstaat's objectives). */
  tableHeader(cols: Col[], w: number = AMOUNT_W): void {
    const x0 = PAGE.right - cols.length * w;
    this.doc.font(FONT_BOLD).fontSize(w < AMOUNT_W ? 7 : 9).fillColor('black');
    let h = 0;
    cols.forEach((c, i) => {
      const t = pdfText(c.title);
      h = Math.max(h, this.doc.heightOfString(t, { width: w - 4 }));
      this.doc.text(t, x0 + i * w, this.y, { width: w - 4, align: 'right' });
    });
    this.y += Math.max(13, h + 3);
    this.hr(this.y - 2);
    this.y += 2;
  }

  /** Rows of a statement; line rows may list their accounts below (notes). */
  table(rows: StatementRow[], cols: Col[], opts: { accounts?: boolean; amountWidth?: number } = {}): void {
    const W = opts.amountWidth ?? AMOUNT_W;
    const x0 = PAGE.right - cols.length * W;
    this.space(40);
    this.tableHeader(cols, W);
    for (const r of rows) {
      const bold = r.kind !== 'line';
      const indent = r.level * 12;
      const labelW = x0 - PAGE.left - indent - 6;
      const text = pdfText(r.label);
      const fit = this.fitLabel(text, labelW, bold, r.kind === 'heading' ? 10 : 9.5);
      const extra = r.kind === 'heading' ? 4 : r.kind === 'total' ? 4 : 0;
      if (this.space(fit.height + extra + 4)) this.tableHeader(cols, W);
      if (r.kind === 'heading') this.y += 4;
      if (r.kind === 'total' || r.kind === 'subtotal') this.hr(this.y - 1, x0, PAGE.right);
      this.doc.font(bold ? FONT_BOLD : FONT).fontSize(fit.size).fillColor('black').text(text, PAGE.left + indent, this.y, { width: labelW });
      this.doc.fontSize(9.5);
      cols.forEach((c, i) => {
        const v = c.pick(r);
        if (v !== null) this.doc.text(amount(v), x0 + i * W, this.y, { width: W - 4, align: 'right', lineBreak: false });
      });
      this.y += fit.height + extra + 1;
      if (opts.accounts && r.kind === 'line') {
        for (const a of r.accounts) {
          const t = pdfText(`${a.code} ${a.name}`);
          const f = this.fitLabel(t, labelW - 12, false, 8.5);
          if (this.space(f.height + 2)) this.tableHeader(cols, W);
          this.doc.fillColor(GREY).text(t, PAGE.left + indent + 12, this.y, { width: labelW - 12 });
          this.doc.fontSize(8.5);
          cols.forEach((c, i) => {
            const v = c.pick(a);
            if (v !== null) this.doc.text(amount(v), x0 + i * W, this.y, { width: W - 4, align: 'right', lineBreak: false });
          });
          this.doc.fillColor('black');
          this.y += f.height + 1;
        }
      }
    }
    this.y += 10;
  }

  signatureLine(role: string, x: number, width: number): void {
    this.doc.font(FONT).fontSize(9).fillColor('black');
    this.doc.text(pdfText(role), x, this.y, { width, lineBreak: false });
    this.hr(this.y + 40, x, x + width - 12);
    this.doc.fontSize(8).fillColor(GREY).text('Naam en handtekening', x, this.y + 43, { width, lineBreak: false });
    this.doc.fillColor('black');
  }

  footers(): number {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.hr(PAGE.bottom + 18);
      this.doc.font(FONT).fontSize(8).fillColor(GREY);
      this.doc.text(pdfText(this.footer), PAGE.left, PAGE.bottom + 24, { width: 380, lineBreak: false });
      this.doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, PAGE.left, PAGE.bottom + 24, { width: PAGE.right - PAGE.left, align: 'right', lineBreak: false });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.fillColor('black');
    return range.count;
  }
}

function cashFlowRows(cf: CashFlow): StatementRow[] {
  const row = (key: string, label: string, kind: StatementRow['kind'], level: number, current: string | null): StatementRow => ({
    key, label, kind, level, current, budget: null, previous: null, accounts: [],
  });
  const out: StatementRow[] = [row('begin', 'Liquide middelen begin boekjaar', 'subtotal', 0, cf.opening)];
  for (const s of cf.sections) {
    if (s.rows.length === 0) continue;
    out.push(row(s.key, s.label, 'heading', 0, null));
    const receipts = s.rows.filter((r) => r.receipts !== '0.00');
    const payments = s.rows.filter((r) => r.payments !== '0.00');
    if (receipts.length > 0) {
      out.push(row(`${s.key}-in`, 'Ontvangsten', 'heading', 1, null));
      for (const r of receipts) out.push(row(`${s.key}-${r.key}-in`, r.label, 'line', 2, r.receipts));
    }
    if (payments.length > 0) {
      out.push(row(`${s.key}-uit`, 'Betalingen', 'heading', 1, null));
      for (const r of payments) out.push(row(`${s.key}-${r.key}-uit`, r.label, 'line', 2, `-${r.payments}`));
    }
    out.push(row(`${s.key}-net`, `Totaal ${s.label.charAt(0).toLowerCase()}${s.label.slice(1)}`, 'subtotal', 0, s.net));
  }
  out.push(row('mutatie', 'Mutatie liquide middelen', 'subtotal', 0, cf.netChange));
  out.push(row('eind', 'Liquide middelen einde boekjaar', 'total', 0, cf.closing));
  return out;
}

/** Lastenverdeelstaat (RJ 650): costs by kind in rows, objectives, fundraising and management in columns. */
function costAllocationSection(p: Pack, is: IncomeStatement): void {
  const ca = is.costAllocation!;
  p.newPage();
  p.title(`Lastenverdeelstaat ${is.year}`);
  p.paragraph('De kosten per soort, verdeeld over de doelstellingen, de werving en het beheer en de administratie.', { size: 9, grey: true });
  const amounts = new Map<string, Record<string, string>>(ca.rows.map((r) => [r.key, r.amounts]));
  amounts.set('totaal', ca.totals.amounts);
  const cols: Col[] = ca.columns.map((c) => ({ title: c.label, pick: (r) => (r.key ? (amounts.get(r.key)?.[c.key] ?? null) : null) }));
  cols.push({ title: `Totaal ${is.year}`, pick: (r) => r.current });
  if (is.columns.budget) cols.push({ title: is.columns.budget, pick: (r) => r.budget });
  if (is.columns.previous) cols.push({ title: is.columns.previous, pick: (r) => r.previous });
  const rows: StatementRow[] = [
    ...ca.rows.map((r) => ({ key: r.key, label: r.label, kind: 'line' as const, level: 0, current: r.total, budget: r.budget, previous: r.previous, accounts: [] })),
    { key: 'totaal', label: 'Totaal', kind: 'total', level: 0, current: ca.totals.total, budget: ca.totals.budget, previous: ca.totals.previous, accounts: [] },
  ];
  const room = PAGE.right - PAGE.left - 120;
  p.table(rows, cols, { amountWidth: Math.min(AMOUNT_W, Math.floor(room / cols.length)) });
}

export async function exportStatementsPdf(books: Books, input: { year: number; path: string }): Promise<ExportWritten & { pages: number }> {
  const fy = getYear(books, input.year);
  const org = books.raw('SELECT name, kvk, rsin, street, postcode, city FROM organisation WHERE id = 1').get() as {
    name: string; kvk: string | null; rsin: string | null; street: string | null; postcode: string | null; city: string | null;
  };
  const bs = balanceSheet(books, { year: fy.year });
  const is = incomeStatement(books, { year: fy.year });
  const cf = cashFlow(books, { year: fy.year });
  const closed = fy.status === 'closed';

  const { doc, done } = createPdf(`Jaarrekening ${fy.year} ${org.name}`, org.name);
  const p = new Pack(doc, `${org.name} · Jaarrekening ${fy.year}${closed ? '' : ' (concept)'}`);

  // --- cover ---
  p.y = 200;
  doc.font(FONT_BOLD).fontSize(26).text(pdfText(org.name), PAGE.left, p.y, { width: PAGE.right - PAGE.left });
  p.y = doc.y + 10;
  doc.font(FONT).fontSize(18).text(`Jaarrekening ${fy.year}`, PAGE.left, p.y);
  p.y = doc.y + 6;
  doc.fontSize(11).fillColor(GREY).text(`Boekjaar ${formatDateNl(fy.start)} t/m ${formatDateNl(fy.end)}`, PAGE.left, p.y);
  p.y = doc.y + 4;
  doc.text(pdfText(`Indeling volgens ${LAYOUT_NAMES[bs.layout]}`), PAGE.left, p.y);
  doc.fillColor('black');
  p.y = doc.y + 24;
  if (!closed) {
    doc.font(FONT_BOLD).fontSize(12).text('CONCEPT: het boekjaar is nog niet afgesloten.', PAGE.left, p.y);
    p.y = doc.y + 12;
  }
  const facts = [
    org.kvk ? `KvK-nummer: ${org.kvk}` : null,
    org.rsin ? `RSIN: ${org.rsin}` : null,
    org.street || org.city ? `Adres: ${[org.street, [org.postcode, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}` : null,
    `Gemaakt op ${formatDateNl(new Date().toISOString().slice(0, 10))} met Kijk op de Kassa`,
    // Kept on paper, the head proves later that the books were not rewritten (kassa verify --since).
    `Kop van de geschiedenis: ${formatHead(chainHead(books))}`,
  ].filter((x): x is string => x !== null);
  doc.font(FONT).fontSize(10);
  for (const f of facts) {
    doc.text(pdfText(f), PAGE.left, p.y);
    p.y = doc.y + 2;
  }
  p.y += 30;
  doc.font(FONT_BOLD).fontSize(11).text('Inhoud', PAGE.left, p.y);
  p.y = doc.y + 4;
  doc.font(FONT).fontSize(10);
  const third = is.costAllocation ? '3. Bestemming van het saldo en lastenverdeelstaat' : '3. Bestemming van het saldo';
  for (const item of ['1. Balans', '2. Staat van baten en lasten', third, '4. Kasstroomoverzicht', '5. Toelichting', '6. Ondertekening']) {
    doc.text(item, PAGE.left, p.y);
    p.y = doc.y + 2;
  }

  // --- balance sheet ---
  p.newPage();
  p.title(`1. Balans per ${formatDateNl(bs.date)}`, `${org.name} · bedragen in euro's`);
  const bsCols: Col[] = [{ title: bs.columns.current, pick: (r) => r.current }];
  if (bs.columns.previous) bsCols.push({ title: bs.columns.previous, pick: (r) => r.previous });
  p.heading('Activa');
  p.table(bs.activa, bsCols);
  p.heading('Passiva');
  p.table(bs.passiva, bsCols);
  for (const n of bs.notes) p.paragraph(n, { size: 9, grey: true });

  // --- income statement ---
  p.newPage();
  p.title(`2. Staat van baten en lasten ${fy.year}`, `${org.name} · ${formatDateNl(is.from)} t/m ${formatDateNl(is.to)} · bedragen in euro's`);
  const isCols: Col[] = [{ title: is.columns.current, pick: (r) => r.current }];
  if (is.columns.budget) isCols.push({ title: is.columns.budget, pick: (r) => r.budget });
  if (is.columns.previous) isCols.push({ title: is.columns.previous, pick: (r) => r.previous });
  p.table(is.rows, isCols);
  p.heading(`3. Bestemming van het saldo${is.appropriation.proposed ? ' (voorstel)' : ''}`);
  const apCols: Col[] = [{ title: is.columns.current, pick: (r) => r.current }];
  if (is.columns.previous) apCols.push({ title: is.columns.previous, pick: (r) => r.previous });
  p.table(is.appropriation.rows, apCols);
  for (const n of is.notes) p.paragraph(n, { size: 9, grey: true });
  if (is.costAllocation) costAllocationSection(p, is);

  // --- cash flow ---
  p.newPage();
  p.title(`4. Kasstroomoverzicht ${fy.year}`, 'Directe methode: ontvangsten en betalingen op de bank- en kasrekeningen');
  p.table(cashFlowRows(cf), [{ title: String(fy.year), pick: (r) => r.current }]);

  // --- notes ---
  p.newPage();
  p.title('5. Toelichting', 'Per post de rekeningen waaruit het bedrag bestaat');
  p.paragraph(
    'Grondslagen: bezittingen en schulden staan tegen de nominale waarde. Baten en lasten horen bij het jaar waarop ze betrekking hebben. ' +
      'De indeling volgt de Richtlijn voor de Jaarverslaggeving die de stichting heeft gekozen.',
    { size: 9 },
  );
  p.heading('Balans');
  p.table(
    [...bs.activa, ...bs.passiva].filter((r) => r.kind === 'line' && r.accounts.length > 0),
    bsCols,
    { accounts: true },
  );
  p.heading('Staat van baten en lasten');
  p.table(is.rows.filter((r) => r.kind === 'line' && r.accounts.length > 0), isCols, { accounts: true });

  // --- signatures ---
  p.newPage();
  p.title('6. Ondertekening');
  p.paragraph(`Het bestuur van ${org.name} heeft deze jaarrekening over ${fy.year} vastgesteld.`);
  p.paragraph('Plaats: ______________________________        Datum: ____________________');
  p.y += 10;
  const w = (PAGE.right - PAGE.left) / 3;
  p.space(70);
  ['Voorzitter', 'Secretaris', 'Penningmeester'].forEach((role, i) => p.signatureLine(role, PAGE.left + i * w, w));
  p.y += 70;
  p.heading('Verklaring van de kascommissie');
  p.paragraph(
    `De kascommissie heeft de boeken, de bankafschriften en de bonnen over ${fy.year} gecontroleerd. ` +
      'Zij heeft de jaarrekening vergeleken met de administratie en adviseert het bestuur de penningmeester décharge te verlenen.',
  );
  const review = reviewSummary(books, fy.year);
  if (review) p.paragraph(review, { size: 9 });
  p.paragraph('Plaats: ______________________________        Datum: ____________________');
  p.y += 10;
  p.space(70);
  ['Lid kascommissie', 'Lid kascommissie'].forEach((role, i) => p.signatureLine(role, PAGE.left + i * w * 1.5, w * 1.4));
  p.y += 70;

  const pages = p.footers();
  doc.end();
  const pdf = await done;
  return { ...writeFileGuarded(input.path, pdf), pages };
}
