import type { Evidence, Outcome } from '../../../shared/api/review';
import { formatDateNl } from '../../../shared/dates';
import { formatEuro } from '../../../shared/money';
import type { Books } from '../../db/books';
import { said, type Said } from '../../../shared/phrase';
import { grantReport, cents } from '../grants/report';
import { yearEndProposal } from '../grants/yearEnd';
import { openItems } from '../invoices/queries';
import type { YearRow } from '../statements/balances';
import { volunteerOverview } from '../volunteers/overview';
import { evidenceLine, item, worst, type Item } from './checklist';

/** Checklist items about the people and the money of others: volunteers, grants, invoices. */

/** Parts said one after the other with a separator ("a; b; c"), as one phrase with the parts in it. */
function listed(parts: Said[], separator: ';' | ','): Said {
  return parts.slice(1).reduce((first, next) => separator === ';'
    ? said('review.ev.then', '{{first}}; {{next}}', { first, next })
    : said('review.ev.and', '{{first}}, {{next}}', { first, next }), parts[0]!);
}

export function volunteersItem(books: Books, fy: YearRow): Item {
  const o = volunteerOverview(books, fy.year);
  const paid = o.persons.filter((p) => cents(p.total) > 0n || cents(p.asWages) > 0n);
  if (paid.length === 0) {
    return item('volunteers', 'Vrijwilligersvergoedingen binnen de grenzen', 'na', said('review.sum.volunteersNa', 'In {{year}} zijn geen vrijwilligersvergoedingen betaald.', { year: fy.year }), [], 'volunteers');
  }
  const evidence: Evidence[] = paid.map((p) => {
    let value = said('review.ev.volunteerPaid', '{{paid}} van {{limit}} ({{percent}} %)', { paid: formatEuro(cents(p.total)), limit: formatEuro(cents(o.limits.perYear)), percent: p.percentOfYear });
    if (cents(p.over) > 0n) value = said('review.ev.tooMuch', '{{first}}, {{over}} te veel', { first: value, over: formatEuro(cents(p.over)) });
    if (p.level === 'blocked') value = said('review.ev.aboveLimit', '{{first}} · boven een grens', { first: value });
    return evidenceLine(p.person.name, value);
  });
  const over = paid.filter((p) => p.level === 'blocked' || cents(p.over) > 0n);
  evidence.push(evidenceLine(said('review.ev.annualStatements', 'Jaaropgaven'), paid.length === 1
    ? said('review.ev.annualStatementOne', 'Controleer of deze vrijwilliger een jaaropgave heeft gekregen.')
    : said('review.ev.annualStatementAll', 'Controleer of alle {{persons}} vrijwilligers een jaaropgave hebben gekregen.', { persons: paid.length })));
  const outcome: Outcome = over.length > 0 ? 'fail' : 'ok';
  const summary = over.length > 0
    ? over.length === 1
      ? said('review.sum.volunteersOverOne', '1 vrijwilliger kreeg meer dan de grens per maand of per jaar.')
      : said('review.sum.volunteersOver', '{{persons}} vrijwilligers kregen meer dan de grens per maand of per jaar.', { persons: over.length })
    : said('review.sum.volunteersOk', 'Alle {{persons}} vrijwilligers bleven binnen de grenzen van {{year}}. Vraag naar de jaaropgaven.', { persons: paid.length, year: fy.year });
  return item('volunteers', 'Vrijwilligersvergoedingen binnen de grenzen', outcome, summary, evidence, 'volunteer-overview');
}

export function grantsItem(books: Books, fy: YearRow): Item {
  const grants = books
    .raw(
      `SELECT g.id, g.project, g.status, g.end_date FROM grants g
       WHERE g.status IN ('awarded','settled') AND g.start_date <= ? AND g.end_date >= ? ORDER BY g.project COLLATE NOCASE, g.id`,
    )
    .all(fy.end, fy.start) as { id: number; project: string; status: string; end_date: string }[];
  if (grants.length === 0) {
    return item('grants', 'Subsidies: besteding, niet besteed geld en verantwoording', 'na', said('review.sum.grantsNa', 'In {{year}} liep er geen toegekende subsidie.', { year: fy.year }), [], 'grants');
  }
  const evidence: Evidence[] = [];
  const outcomes: Outcome[] = [];
  for (const g of grants) {
    const r = grantReport(books, { grant: g.id, to: fy.end });
    const overLines = r.lines.filter((l) => cents(l.actual) > cents(l.budget) && l.id !== null);
    const proposal = yearEndProposal(books, { grant: g.id, year: fy.year });
    const parts: Said[] = [said('review.ev.grantSpent', 'besteed {{spent}} van {{budget}}', { spent: formatEuro(cents(r.totals.actual)), budget: formatEuro(cents(r.totals.budget)) })];
    let o: Outcome = 'ok';
    if (overLines.length > 0) {
      o = 'fail';
      const lines = overLines.map((l) => said('review.ev.lineTooMuch', '{{line}} ({{over}} te veel)', { line: l.name, over: formatEuro(cents(l.actual) - cents(l.budget)) }));
      parts.push(said('review.ev.grantOverBudget', 'boven de begroting: {{lines}}', { lines: listed(lines, ',') }));
    }
    if (!proposal.nothingToDo) {
      o = 'fail';
      parts.push(said('review.ev.grantUnspentOpen', 'niet besteed {{amount}} staat nog niet als schuld of fonds op de balans', { amount: formatEuro(cents(proposal.unspent)) }));
    } else if (cents(proposal.unspent) > 0n) {
      parts.push(said('review.ev.grantUnspentBooked', 'niet besteed {{amount}} staat op de balans', { amount: formatEuro(cents(proposal.unspent)) }));
    }
    if (g.end_date <= fy.end && g.status !== 'settled') {
      if (o === 'ok') o = 'check';
      parts.push(said('review.ev.grantEnded', 'liep af op {{date}}: is de verantwoording gestuurd?', { date: formatDateNl(g.end_date) }));
    }
    outcomes.push(o);
    evidence.push(evidenceLine(g.project, listed(parts, ';')));
  }
  const outcome = worst(outcomes);
  const summary = outcome === 'ok'
    ? said('review.sum.grantsOk', 'Elke subsidie bleef binnen de begroting per regel en het niet bestede geld staat op de balans.')
    : outcome === 'check'
      ? said('review.sum.grantsCheck', 'De besteding klopt. Vraag of de verantwoording van afgelopen subsidies is gestuurd.')
      : said('review.sum.grantsFail', 'Bij een of meer subsidies is meer besteed dan begroot, of staat niet besteed geld nog niet op de balans.');
  return item('grants', 'Subsidies: besteding, niet besteed geld en verantwoording', outcome, summary, evidence, 'grants');
}

/** Gaps in the numbers of the sales invoices of the year's series (final invoices only). */
export function invoiceGaps(books: Books, fy: YearRow): { series: string; missing: number[] }[] {
  const series = books
    .raw(`SELECT DISTINCT series FROM invoices WHERE kind = 'sales' AND status = 'final' AND series IS NOT NULL AND issue_date BETWEEN ? AND ? ORDER BY series`)
    .all(fy.start, fy.end) as { series: string }[];
  const out: { series: string; missing: number[] }[] = [];
  for (const s of series) {
    const seqs = (books.raw(`SELECT seq FROM invoices WHERE kind = 'sales' AND status = 'final' AND series = ? AND seq IS NOT NULL ORDER BY seq`).all(s.series) as { seq: number }[]).map((r) => r.seq);
    const have = new Set(seqs);
    const max = seqs[seqs.length - 1] ?? 0;
    const missing: number[] = [];
    for (let i = 1; i <= max && missing.length < 50; i++) if (!have.has(i)) missing.push(i);
    if (missing.length > 0) out.push({ series: s.series, missing });
  }
  return out;
}

export function invoicesItem(books: Books, fy: YearRow): Item {
  const any = books.raw(`SELECT COUNT(*) FROM invoices WHERE status = 'final' AND issue_date <= ?`).pluck().get(fy.end) as number;
  if (any === 0) return item('invoices', 'Facturen: nummers zonder gaten, openstaande posten', 'na', said('review.sum.invoicesNa', 'Tot en met {{year}} zijn er geen facturen gemaakt.', { year: fy.year }), [], 'invoices');
  const gaps = invoiceGaps(books, fy);
  const open = openItems(books, { date: fy.end, kind: 'sales' });
  const openPurchase = openItems(books, { date: fy.end, kind: 'purchase' });
  const evidence: Evidence[] = gaps.map((g) => evidenceLine(said('review.ev.series', 'Reeks {{series}}', { series: g.series }), said('review.ev.missingNumbers', 'ontbrekende volgnummers: {{numbers}}', { numbers: g.missing.join(', ') })));
  for (const i of [...open.items, ...openPurchase.items]) {
    evidence.push(evidenceLine(openLabel(i.kind, i.number), openItemSaid(i.contact.name, formatEuro(cents(i.open)), i.ageDays), i.number ?? ''));
  }
  const old = [...open.items, ...openPurchase.items].filter((i) => i.daysOverdue > 90);
  const outcome: Outcome = gaps.length > 0 ? 'fail' : old.length > 0 ? 'check' : 'ok';
  const count = open.items.length + openPurchase.items.length;
  const summary = gaps.length > 0
    ? said('review.sum.invoicesGaps', 'Er ontbreken factuurnummers in de reeks. Vraag waarom.')
    : count === 0
      ? said('review.sum.invoicesNoneOpen', 'Alle factuurnummers zijn aanwezig. Op {{date}} stond geen factuur meer open.', { date: formatDateNl(fy.end) })
      : openSummary(formatDateNl(fy.end), count, old.length);
  return item('invoices', 'Facturen: nummers zonder gaten, openstaande posten', outcome, summary, evidence, 'open-items');
}

/** "Verkoop 2026-0001", "Inkoop F-1"; only the word when an item has no number. */
/** "292 dagen oud", but "1 dag oud": a separate phrase, since the Dutch text is built here, not by i18next's plurals. */
export function openItemSaid(name: string, amount: string, days: number): Said {
  return days === 1
    ? said('review.ev.openItemOneDay', '{{name}} · open {{amount}} · 1 dag oud', { name, amount })
    : said('review.ev.openItem', '{{name}} · open {{amount}} · {{days}} dagen oud', { name, amount, days });
}

function openLabel(kind: string, number: string | null): Said {
  if (kind === 'sales') return number ? said('review.ev.sales', 'Verkoop {{number}}', { number }) : said('review.ev.salesBare', 'Verkoop');
  return number ? said('review.ev.purchase', 'Inkoop {{number}}', { number }) : said('review.ev.purchaseBare', 'Inkoop');
}

/** "Op 31 december 2026 stond(en) … open[, waarvan … meer dan 90 dagen over de vervaldatum]." */
function openSummary(date: string, count: number, old: number) {
  if (count === 1) {
    return old > 0
      ? said('review.sum.invoicesOneOpenOld', 'Alle factuurnummers zijn aanwezig. Op {{date}} stond 1 factuur open, waarvan {{old}} meer dan 90 dagen over de vervaldatum.', { date, old })
      : said('review.sum.invoicesOneOpen', 'Alle factuurnummers zijn aanwezig. Op {{date}} stond 1 factuur open.', { date });
  }
  return old > 0
    ? said('review.sum.invoicesOpenOld', 'Alle factuurnummers zijn aanwezig. Op {{date}} stonden {{invoices}} facturen open, waarvan {{old}} meer dan 90 dagen over de vervaldatum.', { date, invoices: count, old })
    : said('review.sum.invoicesOpen', 'Alle factuurnummers zijn aanwezig. Op {{date}} stonden {{invoices}} facturen open.', { date, invoices: count });
}
