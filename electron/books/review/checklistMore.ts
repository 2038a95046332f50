import type { Evidence, Outcome } from '../../../shared/api/review';
import { formatDateNl } from '../../../shared/dates';
import { formatEuro } from '../../../shared/money';
import type { Books } from '../../db/books';
import { said } from '../../../shared/phrase';
import { grantReport, cents } from '../grants/report';
import { yearEndProposal } from '../grants/yearEnd';
import { openItems } from '../invoices/queries';
import type { YearRow } from '../statements/balances';
import { volunteerOverview } from '../volunteers/overview';
import { item, worst, type Item } from './checklist';

/** Checklist items about the people and the money of others: volunteers, grants, invoices. */

export function volunteersItem(books: Books, fy: YearRow): Item {
  const o = volunteerOverview(books, fy.year);
  const paid = o.persons.filter((p) => cents(p.total) > 0n || cents(p.asWages) > 0n);
  if (paid.length === 0) {
    return item('volunteers', 'Vrijwilligersvergoedingen binnen de grenzen', 'na', said('review.sum.volunteersNa', 'In {{year}} zijn geen vrijwilligersvergoedingen betaald.', { year: fy.year }), [], 'volunteers');
  }
  const evidence: Evidence[] = paid.map((p) => ({
    label: p.person.name,
    value: `${formatEuro(cents(p.total))} van ${formatEuro(cents(o.limits.perYear))} (${p.percentOfYear} %)${cents(p.over) > 0n ? `, ${formatEuro(cents(p.over))} te veel` : ''}${p.level === 'blocked' ? ' · boven een grens' : ''}`,
  }));
  const over = paid.filter((p) => p.level === 'blocked' || cents(p.over) > 0n);
  evidence.push({ label: 'Jaaropgaven', value: `Controleer of ${paid.length === 1 ? 'deze vrijwilliger' : `alle ${paid.length} vrijwilligers`} een jaaropgave ${paid.length === 1 ? 'heeft' : 'hebben'} gekregen.` });
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
    const parts: string[] = [`besteed ${formatEuro(cents(r.totals.actual))} van ${formatEuro(cents(r.totals.budget))}`];
    let o: Outcome = 'ok';
    if (overLines.length > 0) {
      o = 'fail';
      parts.push(`boven de begroting: ${overLines.map((l) => `${l.name} (${formatEuro(cents(l.actual) - cents(l.budget))} te veel)`).join(', ')}`);
    }
    if (!proposal.nothingToDo) {
      o = 'fail';
      parts.push(`niet besteed ${formatEuro(cents(proposal.unspent))} staat nog niet als schuld of fonds op de balans`);
    } else if (cents(proposal.unspent) > 0n) {
      parts.push(`niet besteed ${formatEuro(cents(proposal.unspent))} staat op de balans`);
    }
    if (g.end_date <= fy.end && g.status !== 'settled') {
      if (o === 'ok') o = 'check';
      parts.push(`liep af op ${formatDateNl(g.end_date)}: is de verantwoording gestuurd?`);
    }
    outcomes.push(o);
    evidence.push({ label: g.project, value: parts.join('; ') });
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
  const evidence: Evidence[] = gaps.map((g) => ({ label: `Reeks ${g.series}`, value: `ontbrekende volgnummers: ${g.missing.join(', ')}` }));
  for (const i of [...open.items, ...openPurchase.items]) {
    evidence.push({ label: `${i.kind === 'sales' ? 'Verkoop' : 'Inkoop'} ${i.number ?? ''}`.trim(), value: `${i.contact.name} · open ${formatEuro(cents(i.open))} · ${i.ageDays} dagen oud`, ref: i.number ?? '' });
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
