import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import type { Coverage, ExportResult, Grant } from '../../../shared/api/grants';
import { FUND_TYPE_NL, GRANT_STATUS_NL } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { getOrganisation } from '../organisation';
import { getCoverage } from './coverage';
import { getGrant } from './grants';
import { allGrantFlowPostings, cents, grantReport } from './report';
import {
  DATE, EURO, PERCENT, addTableSheet, dateValue, euroCell, euroValue, formulaCell, newWorkbook, styleTotalRow, sumCell,
  writeWorkbookAtomic, type SheetHeader,
} from './workbook';
import { said } from '../../../shared/phrase';

/**
 * The spreadsheets a funder receives: a (project) budget with its coverage plan, and the
 * verantwoording of a grant (budget vs actual per budget line, every posting on a second sheet).
 * Data is read in one go first; the file is written atomically afterwards.
 */

const period = (from: string | null, to: string | null) => (from && to ? `${formatDateNl(from)} t/m ${formatDateNl(to)}` : 'nog niet bekend');

function grantInfo(g: Grant): string[] {
  const info = [`Fonds: ${g.fund.name}${g.fund.fundType ? ` (${FUND_TYPE_NL[g.fund.fundType]})` : ''}`, `Project: ${g.project}`];
  if (g.reference) info.push(`Kenmerk: ${g.reference}`);
  info.push(`Stand: ${GRANT_STATUS_NL[g.status]}`);
  return info;
}

interface BudgetRow { name: string; cents: bigint }

/** Begroting + Dekkingsplan, for one grant or for a whole project. */
export async function exportBudgetXlsx(books: Books, input: { grant?: number | undefined; project?: string | undefined; path: string }): Promise<ExportResult> {
  const org = getOrganisation(books);
  let rows: BudgetRow[];
  let coverage: Coverage;
  let title: string;
  let info: string[];
  let from: string | null;
  let to: string | null;
  if (input.grant !== undefined) {
    const g = getGrant(books, input.grant, 'grant');
    rows = g.budgetLines.map((b) => ({ name: b.name, cents: cents(b.amount) }));
    coverage = getCoverage(books, g.project);
    title = `Begroting en dekkingsplan: ${g.project}`;
    info = grantInfo(g);
    from = g.startDate;
    to = g.endDate;
  } else {
    const project = input.project!.trim();
    coverage = getCoverage(books, project);
    if (!coverage.exists) throw new KassaError('NOT_FOUND', said('err.grant.noProject', 'Er is geen project "{{project}}". Kies een project uit de lijst.', { project }), { field: 'project' });
    const span = books.raw('SELECT MIN(start_date) AS f, MAX(end_date) AS t FROM grants WHERE project = ? COLLATE NOCASE').get(project) as { f: string | null; t: string | null };
    from = span.f;
    to = span.t;
    title = `Projectbegroting en dekkingsplan: ${coverage.project}`;
    info = [`Project: ${coverage.project}`];
    if (coverage.note) info.push(coverage.note);
    if (coverage.costs.length > 0) {
      rows = coverage.costs.map((c) => ({ name: c.name, cents: cents(c.amount) }));
    } else {
      // No project budget of its own yet: the budgets of the project's grants together.
      rows = [];
      for (const s of coverage.sources) {
        if (s.grant === null || s.status === 'rejected') continue;
        const g = getGrant(books, s.grant, 'project');
        for (const b of g.budgetLines) rows.push({ name: `${b.name} (${g.fund.name})`, cents: cents(b.amount) });
      }
    }
  }

  const wb = newWorkbook();
  const head = (t: string): SheetHeader => ({ organisation: org.name, kvk: org.kvk, period: period(from, to), title: t, info });

  // Sheet 1: the budget.
  const b = addTableSheet(wb, 'Begroting', head(title), [
    { header: 'Kostenpost', width: 48 },
    { header: 'Bedrag', width: 18, numFmt: EURO },
  ]);
  let r = b.headerRow + 1;
  const first = r;
  let costTotal = 0n;
  for (const row of rows) {
    b.ws.getCell(r, 1).value = row.name;
    euroCell(b.ws, r, 2, row.cents);
    costTotal += row.cents;
    r++;
  }
  const budgetTotalRow = r;
  b.ws.getCell(r, 1).value = 'Totaal begroting';
  sumCell(b.ws, r, 2, first, r - 1, costTotal);
  styleTotalRow(b.ws, r, 2);

  // Sheet 2: the coverage plan.
  const d = addTableSheet(wb, 'Dekkingsplan', head(`Dekkingsplan: ${coverage.project}`), [
    { header: 'Bron', width: 36 },
    { header: 'Fonds of soort', width: 28 },
    { header: 'Stand', width: 14 },
    { header: 'Aangevraagd', width: 16, numFmt: EURO },
    { header: 'Toegezegd', width: 16, numFmt: EURO },
    { header: 'Nog onzeker', width: 16, numFmt: EURO },
  ]);
  r = d.headerRow + 1;
  const sFirst = r;
  let applied = 0n;
  let confirmed = 0n;
  let pending = 0n;
  for (const s of coverage.sources) {
    d.ws.getCell(r, 1).value = s.kind === 'grant' ? `Subsidie ${s.name}` : s.name;
    d.ws.getCell(r, 2).value = s.kind === 'grant' ? (s.fund ?? '') : 'Andere bron';
    d.ws.getCell(r, 3).value = s.status ? GRANT_STATUS_NL[s.status] : cents(s.confirmed) > 0n ? 'zeker' : 'onzeker';
    euroCell(d.ws, r, 4, cents(s.applied));
    euroCell(d.ws, r, 5, cents(s.confirmed));
    euroCell(d.ws, r, 6, cents(s.pending));
    applied += cents(s.applied);
    confirmed += cents(s.confirmed);
    pending += cents(s.pending);
    r++;
  }
  const sTotal = r;
  d.ws.getCell(r, 1).value = 'Totaal dekking';
  sumCell(d.ws, r, 4, sFirst, r - 1, applied);
  sumCell(d.ws, r, 5, sFirst, r - 1, confirmed);
  sumCell(d.ws, r, 6, sFirst, r - 1, pending);
  styleTotalRow(d.ws, r, 6);
  r += 2;
  const costRow = r;
  d.ws.getCell(r, 1).value = 'Totale kosten (uit de begroting)';
  formulaCell(d.ws, r, 5, `Begroting!B${budgetTotalRow}`, euroValue(costTotal));
  r++;
  d.ws.getCell(r, 1).value = 'Nog te vinden (kosten min toegezegd)';
  formulaCell(d.ws, r, 5, `E${costRow}-E${sTotal}`, euroValue(costTotal - confirmed));
  r++;
  d.ws.getCell(r, 1).value = 'Nog te vinden als alles wordt toegekend';
  formulaCell(d.ws, r, 5, `E${costRow}-E${sTotal}-F${sTotal}`, euroValue(costTotal - confirmed - pending));
  for (let i = costRow; i <= r; i++) d.ws.getCell(i, 1).font = { bold: i === costRow + 1 };

  const written = await writeWorkbookAtomic(wb, input.path);
  return { path: written, sheets: ['Begroting', 'Dekkingsplan'] };
}

/** Verantwoording: budget vs actual per budget line, and every posting behind it on sheet 2. */
export async function exportVerantwoordingXlsx(books: Books, input: { grant: number; path: string; to?: string | undefined }): Promise<ExportResult> {
  const org = getOrganisation(books);
  const rep = grantReport(books, { grant: input.grant, to: input.to });
  const g = rep.grant;
  const postings = allGrantFlowPostings(books, g.id, rep.to);
  const to = rep.to && rep.to < g.endDate ? rep.to : g.endDate;
  const head = (t: string): SheetHeader => ({ organisation: org.name, kvk: org.kvk, period: period(g.startDate, to), title: t, info: grantInfo(g) });

  const wb = newWorkbook();
  const v = addTableSheet(wb, 'Verantwoording', head(`Verantwoording subsidie: ${g.project}`), [
    { header: 'Begrotingsregel', width: 42 },
    { header: 'Begroot', width: 16, numFmt: EURO },
    { header: 'Besteed', width: 16, numFmt: EURO },
    { header: 'Restant', width: 16, numFmt: EURO },
    { header: '% besteed', width: 12, numFmt: PERCENT },
  ]);
  let r = v.headerRow + 1;
  const first = r;
  const pct = (row: number, budget: bigint, actual: bigint) =>
    formulaCell(v.ws, row, 5, `IF(B${row}=0,"",C${row}/B${row})`, budget === 0n ? '' : Number(actual) / Number(budget), PERCENT);
  for (const l of rep.lines) {
    const budget = cents(l.budget);
    const actual = cents(l.actual);
    v.ws.getCell(r, 1).value = l.name;
    euroCell(v.ws, r, 2, budget);
    euroCell(v.ws, r, 3, actual);
    formulaCell(v.ws, r, 4, `B${r}-C${r}`, euroValue(budget - actual));
    pct(r, budget, actual);
    if (l.level === 'near' || l.level === 'full' || l.level === 'over') {
      v.ws.getCell(r, 5).font = { bold: true, color: { argb: l.level === 'over' ? 'FFB00020' : 'FF8A5A00' } };
    }
    r++;
  }
  const totalRow = r;
  const tb = cents(rep.totals.budget);
  const ta = cents(rep.totals.actual);
  v.ws.getCell(r, 1).value = 'Totaal';
  sumCell(v.ws, r, 2, first, r - 1, tb);
  sumCell(v.ws, r, 3, first, r - 1, ta);
  sumCell(v.ws, r, 4, first, r - 1, tb - ta);
  pct(r, tb, ta);
  styleTotalRow(v.ws, r, 5);

  r += 2;
  const received = cents(rep.received);
  const awarded = rep.awarded === null ? null : cents(rep.awarded);
  const label = (text: string, bold = false) => {
    v.ws.getCell(r, 1).value = text;
    if (bold) v.ws.getCell(r, 1).font = { bold: true };
  };
  label('Geld van het fonds', true);
  r++;
  const awardedRow = r;
  label('Toegekend');
  if (awarded !== null) euroCell(v.ws, r, 2, awarded);
  else v.ws.getCell(r, 2).value = 'nog niet toegekend';
  r++;
  const receivedRow = r;
  label('Ontvangen');
  euroCell(v.ws, r, 2, received);
  r++;
  label('Nog te ontvangen');
  if (awarded !== null) formulaCell(v.ws, r, 2, `MAX(0,B${awardedRow}-B${receivedRow})`, euroValue(awarded > received ? awarded - received : 0n));
  else euroCell(v.ws, r, 2, 0n);
  r++;
  const spentRow = r;
  label('Besteed');
  formulaCell(v.ws, r, 2, `C${totalRow}`, euroValue(ta));
  r++;
  label('Niet besteed (ontvangen min besteed)', true);
  formulaCell(v.ws, r, 2, `B${receivedRow}-B${spentRow}`, euroValue(received - ta));
  v.ws.getCell(r, 2).font = { bold: true };
  r++;
  if (rep.warnings.length) {
    r++;
    label('Signalen', true);
    r++;
    for (const w of rep.warnings) {
      label(w.message);
      r++;
    }
  }
  if (g.conditions) {
    r++;
    label('Voorwaarden van het fonds', true);
    r++;
    label(g.conditions);
    v.ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
  }

  const p = addTableSheet(wb, 'Boekingen', head(`Boekingen bij de subsidie: ${g.project}`), [
    { header: 'Datum', width: 12, numFmt: DATE },
    { header: 'Boeking', width: 16 },
    { header: 'Omschrijving', width: 44 },
    { header: 'Rekening', width: 30 },
    { header: 'Begrotingsregel', width: 28 },
    { header: 'Kosten', width: 16, numFmt: EURO },
    { header: 'Ontvangsten', width: 16, numFmt: EURO },
  ]);
  r = p.headerRow + 1;
  const pFirst = r;
  let costs = 0n;
  let income = 0n;
  for (const x of postings) {
    const amount = cents(x.amount);
    const dateCell = p.ws.getCell(r, 1);
    dateCell.value = dateValue(x.date);
    dateCell.numFmt = DATE;
    p.ws.getCell(r, 2).value = x.ref;
    p.ws.getCell(r, 3).value = x.description;
    p.ws.getCell(r, 4).value = `${x.account} ${x.accountName}`;
    p.ws.getCell(r, 5).value = x.kind === 'expense' ? (x.budgetLineName ?? 'Zonder begrotingsregel') : '';
    if (x.kind === 'expense') {
      euroCell(p.ws, r, 6, amount);
      costs += amount;
    } else {
      euroCell(p.ws, r, 7, -amount);
      income -= amount;
    }
    r++;
  }
  p.ws.getCell(r, 1).value = 'Totaal';
  sumCell(p.ws, r, 6, pFirst, r - 1, costs);
  sumCell(p.ws, r, 7, pFirst, r - 1, income);
  styleTotalRow(p.ws, r, 7);
  p.ws.autoFilter = { from: { row: p.headerRow, column: 1 }, to: { row: Math.max(p.headerRow, r - 1), column: 7 } };

  const written = await writeWorkbookAtomic(wb, input.path);
  return { path: written, sheets: ['Verantwoording', 'Boekingen'] };
}
