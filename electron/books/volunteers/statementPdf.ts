import Decimal from 'decimal.js';
import { formatDateNl } from '../../../shared/dates';
import { formatEuro, parseAmount } from '../../../shared/money';
import type { Benefit, VolunteerLimitsUsed, VolunteerPayment } from '../../../shared/api/volunteers';
import type { LimitsRow, YearSummary } from '../../../shared/rules/volunteerLimits';
import { formatIban } from '../../../shared/validation/iban';
import { createPdf, ensureSpace, FONT, FONT_BOLD, GREY, hr, labelContinuationPages, PAGE, pdfText } from '../invoices/pdfParts';

/**
 * The yearly statement (jaaroverzicht vrijwilligersvergoeding) for one volunteer: every payment,
 * fees and reimbursements apart, the totals against the year's limits (and whether those limits are
 * a fallback from another year), a reminder for people on a benefit, and a signature block.
 * Pure: takes the data, returns the PDF bytes.
 */

export interface StatementDocument {
  organisation: { name: string; street: string | null; postcode: string | null; city: string | null; kvk: string | null };
  person: { name: string; street: string | null; postcode: string | null; city: string | null; iban: string | null; benefit: Benefit };
  year: number;
  /** Not cancelled, in date order. */
  payments: VolunteerPayment[];
  summary: YearSummary;
  limits: LimitsRow;
  limitsUsed: VolunteerLimitsUsed;
  /** YYYY-MM-DD */
  printedOn: string;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const WIDTH = PAGE.right - PAGE.left;

interface Col {
  title: string;
  x: number;
  width: number;
  align: 'left' | 'right';
}

const euro = (amount: string) => formatEuro(parseAmount(amount));

function hoursNl(h: string | null): string {
  return h === null ? '' : new Decimal(h).toFixed().replace('.', ',');
}

function period(p: VolunteerPayment): string {
  if (p.periodFrom && p.periodTo) return `${formatDateNl(p.periodFrom)} t/m ${formatDateNl(p.periodTo)}`;
  if (p.periodFrom) return `vanaf ${formatDateNl(p.periodFrom)}`;
  if (p.periodTo) return `t/m ${formatDateNl(p.periodTo)}`;
  return '';
}

function heading(doc: PDFKit.PDFDocument, text: string, y: number): number {
  const yy = ensureSpace(doc, y, 60);
  doc.font(FONT_BOLD).fontSize(12).fillColor('black').text(pdfText(text), PAGE.left, yy, { width: WIDTH });
  return doc.y + 6;
}

function paragraph(doc: PDFKit.PDFDocument, text: string, y: number, opts: { color?: string; bold?: boolean; size?: number } = {}): number {
  const t = pdfText(text);
  doc.font(opts.bold ? FONT_BOLD : FONT).fontSize(opts.size ?? 10);
  const yy = ensureSpace(doc, y, doc.heightOfString(t, { width: WIDTH }) + 4);
  doc.fillColor(opts.color ?? 'black').text(t, PAGE.left, yy, { width: WIDTH });
  doc.fillColor('black');
  return doc.y + 6;
}

function tableHeader(doc: PDFKit.PDFDocument, cols: Col[], y: number): number {
  doc.font(FONT_BOLD).fontSize(9).fillColor('black');
  for (const c of cols) doc.text(c.title, c.x, y, { width: c.width, align: c.align, lineBreak: false });
  hr(doc, y + 13);
  return y + 18;
}

function table(doc: PDFKit.PDFDocument, cols: Col[], rows: string[][], y: number, totalRow?: string[]): number {
  let cy = tableHeader(doc, cols, ensureSpace(doc, y, 40));
  for (const row of rows) {
    doc.font(FONT).fontSize(9);
    const height = Math.max(...row.map((v, i) => doc.heightOfString(pdfText(v), { width: cols[i]!.width })), 11) + 4;
    const next = ensureSpace(doc, cy, height);
    if (next !== cy) cy = tableHeader(doc, cols, next);
    doc.font(FONT).fontSize(9).fillColor('black');
    row.forEach((v, i) => doc.text(pdfText(v), cols[i]!.x, cy, { width: cols[i]!.width, align: cols[i]!.align }));
    cy += height;
  }
  if (totalRow) {
    cy = ensureSpace(doc, cy, 20);
    hr(doc, cy - 1);
    doc.font(FONT_BOLD).fontSize(9);
    totalRow.forEach((v, i) => {
      if (v) doc.text(pdfText(v), cols[i]!.x, cy + 3, { width: cols[i]!.width, align: cols[i]!.align });
    });
    cy += 17;
  }
  return cy + 8;
}

function labelValues(doc: PDFKit.PDFDocument, rows: [string, string][], y: number, labelWidth = 260): number {
  let cy = ensureSpace(doc, y, rows.length * 14);
  for (const [label, value] of rows) {
    doc.font(FONT).fontSize(10).fillColor('black').text(pdfText(label), PAGE.left, cy, { width: labelWidth });
    const h = doc.y - cy;
    doc.text(pdfText(value), PAGE.left + labelWidth, cy, { width: WIDTH - labelWidth });
    cy = Math.max(cy + h, doc.y) + 2;
  }
  return cy + 6;
}

/** Where the amounts come from, in Dutch (the built-in table's own notes are for developers). */
export function limitsSourceNl(origin: 'builtin' | 'settings', source: string): string {
  return origin === 'settings'
    ? `Deze bedragen zijn ingevuld door de penningmeester (${source}).`
    : 'Deze bedragen kent de app uit openbare bronnen, zoals belastingdienst.nl. Kijk bij twijfel op belastingdienst.nl.';
}

function benefitReminder(b: Benefit): string {
  switch (b) {
    case 'bijstand':
      return 'Let op: u heeft een bijstandsuitkering. Geef alle vergoedingen op dit overzicht door aan de gemeente. Dat moet ook als de vergoeding onbelast is. Bent u jonger dan 27 jaar? Vraag dan eerst aan de gemeente wat de vergoeding voor uw uitkering betekent.';
    case 'uwv':
      return 'Let op: u heeft een uitkering van het UWV. Geef alle vergoedingen op dit overzicht door aan het UWV. Dat moet ook als de vergoeding onbelast is.';
    case 'other':
      return 'Let op: u heeft een uitkering. Geef alle vergoedingen op dit overzicht door aan de instantie die uw uitkering betaalt. Dat moet ook als de vergoeding onbelast is.';
    default:
      return 'Heeft u een uitkering of toeslag? Geef deze vergoedingen dan door aan de instantie die uw uitkering of toeslag betaalt.';
  }
}

function signatureBlock(doc: PDFKit.PDFDocument, orgName: string, y: number): number {
  let cy = ensureSpace(doc, y, 150);
  doc.font(FONT_BOLD).fontSize(11).fillColor('black').text('Ondertekening', PAGE.left, cy);
  cy = doc.y + 8;
  const colW = (WIDTH - 30) / 2;
  const xs = [PAGE.left, PAGE.left + colW + 30];
  const titles = [`Namens ${orgName}: de penningmeester`, 'Gezien door de vrijwilliger'];
  titles.forEach((t, i) => doc.font(FONT_BOLD).fontSize(9).text(pdfText(t), xs[i], cy, { width: colW }));
  cy += 26;
  for (const label of ['Naam', 'Datum', 'Handtekening']) {
    for (const x of xs) {
      doc.font(FONT).fontSize(9).fillColor(GREY).text(label, x, cy, { width: 70, lineBreak: false });
      hr(doc, cy + 10, x + 72, x + colW);
    }
    cy += label === 'Handtekening' ? 40 : 26;
  }
  doc.fillColor('black');
  return cy;
}

function footers(doc: PDFKit.PDFDocument, line: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    hr(doc, PAGE.bottom + 18);
    doc.font(FONT).fontSize(8).fillColor(GREY).text(pdfText(line), PAGE.left, PAGE.bottom + 24, { width: WIDTH, align: 'center', lineBreak: false });
    doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, PAGE.left, PAGE.bottom + 36, { width: WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.fillColor('black');
}

export function renderStatementPdf(s: StatementDocument): Promise<Buffer> {
  const title = `Jaaroverzicht vrijwilligersvergoeding ${s.year}`;
  const { doc, done } = createPdf(`${title} - ${s.person.name}`, s.organisation.name);
  labelContinuationPages(doc, `${title} - ${s.person.name} (vervolg)`);

  // Letterhead: the foundation on the right, the volunteer on the left (window envelope).
  const org = s.organisation;
  const orgLines = [org.street, [org.postcode, org.city].filter(Boolean).join('  '), org.kvk ? `KvK ${org.kvk}` : null].filter((l): l is string => !!l && l.trim() !== '');
  doc.font(FONT_BOLD).fontSize(11).text(pdfText(org.name), 345, PAGE.top, { width: PAGE.right - 345 });
  doc.font(FONT).fontSize(9).text(pdfText(orgLines.join('\n')), 345, doc.y + 2, { width: PAGE.right - 345 });
  const orgBottom = doc.y;

  const p = s.person;
  const personLines = [p.street, [p.postcode, p.city].filter(Boolean).join('  ')].filter((l): l is string => !!l && l.trim() !== '');
  doc.font(FONT_BOLD).fontSize(10).text(pdfText(p.name), PAGE.left, 130, { width: 260 });
  doc.font(FONT).fontSize(10).text(pdfText(personLines.join('\n')), PAGE.left, doc.y, { width: 260 });
  let y = Math.max(doc.y, orgBottom) + 30;

  doc.font(FONT_BOLD).fontSize(17).text(pdfText(title), PAGE.left, y, { width: WIDTH });
  y = doc.y + 6;
  const meta: [string, string][] = [
    ['Vrijwilliger', p.name],
    ['Jaar', `1 januari t/m 31 december ${s.year}`],
  ];
  if (p.iban) meta.push(['Betaald op rekening', formatIban(p.iban)]);
  meta.push(['Gemaakt op', formatDateNl(s.printedOn)]);
  y = labelValues(doc, meta, y, 140);

  const fees = s.payments.filter((x) => x.kind === 'fee' && !x.asWages);
  const reimbursements = s.payments.filter((x) => x.kind === 'reimbursement' && !x.asWages);
  const wages = s.payments.filter((x) => x.asWages);

  // --- fees ---
  y = heading(doc, 'Vergoedingen voor inzet', y);
  if (fees.length === 0) {
    y = paragraph(doc, `In ${s.year} kreeg u geen vergoeding voor inzet.`, y, { color: GREY });
  } else {
    const cols: Col[] = [
      { title: 'Datum', x: PAGE.left, width: 60, align: 'left' },
      { title: 'Periode', x: 112, width: 110, align: 'left' },
      { title: 'Omschrijving', x: 226, width: 190, align: 'left' },
      { title: 'Uren', x: 420, width: 40, align: 'right' },
      { title: 'Bedrag', x: 465, width: PAGE.right - 465, align: 'right' },
    ];
    const hours = fees.reduce((h, x) => (x.hours ? h.plus(x.hours) : h), new Decimal(0));
    y = table(
      doc,
      cols,
      fees.map((x) => [formatDateNl(x.date), period(x), x.description, hoursNl(x.hours), euro(x.amount)]),
      y,
      ['Totaal', '', '', hours.isZero() ? '' : hoursNl(hours.toString()), formatEuro(s.summary.feeCents)],
    );
  }

  // --- reimbursements ---
  y = heading(doc, 'Onkostenvergoedingen (vergoeding van echte kosten, met bon)', y);
  if (reimbursements.length === 0) {
    y = paragraph(doc, `In ${s.year} kreeg u geen onkostenvergoeding.`, y, { color: GREY });
  } else {
    const cols: Col[] = [
      { title: 'Datum', x: PAGE.left, width: 60, align: 'left' },
      { title: 'Omschrijving', x: 112, width: 300, align: 'left' },
      { title: 'Bon', x: 415, width: 45, align: 'left' },
      { title: 'Bedrag', x: 465, width: PAGE.right - 465, align: 'right' },
    ];
    y = table(
      doc,
      cols,
      reimbursements.map((x) => [formatDateNl(x.date), x.description, x.hasReceipt ? 'ja' : 'nee', euro(x.amount)]),
      y,
      ['Totaal', '', '', formatEuro(s.summary.reimbursementCents)],
    );
    y = paragraph(
      doc,
      s.summary.reimbursementsCount
        ? 'U kreeg dit jaar ook een vergoeding voor inzet. Daarom tellen de onkostenvergoedingen mee voor het maximum.'
        : 'U kreeg dit jaar geen vergoeding voor inzet. Daarom tellen de onkostenvergoedingen niet mee voor het maximum.',
      y,
      { color: GREY, size: 9 },
    );
  }

  // --- wages ---
  if (wages.length > 0) {
    y = heading(doc, 'Bewust als loon betaald (geen vrijwilligersvergoeding)', y);
    const cols: Col[] = [
      { title: 'Datum', x: PAGE.left, width: 60, align: 'left' },
      { title: 'Omschrijving', x: 112, width: 348, align: 'left' },
      { title: 'Bedrag', x: 465, width: PAGE.right - 465, align: 'right' },
    ];
    y = table(
      doc,
      cols,
      wages.map((x) => [formatDateNl(x.date), x.description, euro(x.amount)]),
      y,
      ['Totaal', '', formatEuro(s.summary.asWagesCents)],
    );
    y = paragraph(doc, 'Deze bedragen zijn loon. Ze tellen niet mee voor het maximum van de vrijwilligersvergoeding. Over loon betaalt de stichting loonbelasting.', y, { color: GREY, size: 9 });
  }

  // --- per month ---
  y = heading(doc, 'Per maand', y);
  const monthCols: Col[] = [
    { title: 'Maand', x: PAGE.left, width: 110, align: 'left' },
    { title: 'Inzet', x: 165, width: 85, align: 'right' },
    { title: 'Onkosten', x: 255, width: 85, align: 'right' },
    { title: 'Telt mee', x: 345, width: 90, align: 'right' },
    { title: 'Maximum', x: 440, width: PAGE.right - 440, align: 'right' },
  ];
  y = table(
    doc,
    monthCols,
    s.summary.months
      .filter((m) => m.feeCents !== 0 || m.reimbursementCents !== 0 || m.asWagesCents !== 0)
      .map((m) => [
        MONTHS[m.month - 1] ?? String(m.month),
        formatEuro(m.feeCents),
        formatEuro(m.reimbursementCents),
        formatEuro(m.countedCents) + (m.overCents > 0 ? ' (te hoog)' : ''),
        formatEuro(s.limits.perMonthCents),
      ]),
    y,
    ['Totaal', formatEuro(s.summary.feeCents), formatEuro(s.summary.reimbursementCents), formatEuro(s.summary.totalCents), formatEuro(s.limits.perYearCents)],
  );

  // --- totals against the limits ---
  y = heading(doc, `Totaal en maximum in ${s.year}`, y);
  y = labelValues(doc, [
    ['Telt mee voor het maximum', formatEuro(s.summary.totalCents)],
    ['Maximum per jaar', formatEuro(s.limits.perYearCents)],
    [s.summary.overCents > 0 ? 'Boven het maximum' : 'Nog ruimte in dit jaar', formatEuro(s.summary.overCents > 0 ? s.summary.overCents : s.summary.leftCents)],
  ], y);
  if (s.summary.overCents > 0) {
    y = paragraph(doc, 'Let op: het totaal is hoger dan het maximum. Dan is de hele vergoeding loon. Neem contact op met de penningmeester.', y, { bold: true });
  }

  y = heading(doc, `Bedragen voor ${s.year}`, y);
  const L = s.limits;
  y = labelValues(doc, [
    [`Maximum per uur, ${L.ageThreshold} jaar of ouder`, formatEuro(L.perHourAdultCents)],
    [`Maximum per uur, jonger dan ${L.ageThreshold} jaar`, formatEuro(L.perHourYoungCents)],
    ['Maximum per maand', formatEuro(L.perMonthCents)],
    ['Maximum per jaar', formatEuro(L.perYearCents)],
  ], y);
  const u = s.limitsUsed;
  y = paragraph(doc, limitsSourceNl(u.origin, L.source), y, { color: GREY, size: 9 });
  if (!u.exact && u.message) y = paragraph(doc, `Let op: ${u.message}`, y, { bold: true, size: 9 });

  // --- reminders ---
  y = heading(doc, 'Goed om te weten', y);
  y = paragraph(doc, benefitReminder(p.benefit), y, { bold: p.benefit !== 'none' });
  y = paragraph(doc, 'Werkt u ook als vrijwilliger bij een andere organisatie? Dan tellen de vergoedingen samen voor het maximum. Vertel dat aan de penningmeester.', y);
  y = paragraph(doc, 'Bewaar dit overzicht. U hebt het misschien nodig voor de Belastingdienst, de gemeente of het UWV.', y);

  signatureBlock(doc, org.name, y + 6);
  footers(doc, `${org.name} · ${title} · ${p.name}`);
  doc.end();
  return done;
}
