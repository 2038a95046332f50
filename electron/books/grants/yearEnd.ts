import { centsToString, formatEuro } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import type { YearEndLine, YearEndProposal } from '../../../shared/api/grants';
import { incomeAccountFor, yearEndDeltas, yearEndTargets, type GrantPositions, type PositionKind } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { exactAll } from '../../db/exact';
import { appendAudit } from '../audit';
import { postEntry, type LineInput, type Posted } from '../entries';
import { grantRow } from './grants';
import { grantFlows } from './report';
import { said } from '../../../shared/phrase';

/**
 * Year end of a grant: the unspent part (received minus spent) is moved to where it belongs.
 * - may be kept for the project: 0520 Bestemmingsfondsen, against 0590 Overige reserves (an
 *   appropriation inside equity; the income statement stays as it is);
 * - must be returned and the grant still runs: 1410 Vooruitontvangen subsidies, against the grant's
 *   income account (not income yet);
 * - must be returned and the grant has ended: 1420 Terug te betalen subsidies, against the income account.
 * The positions are tracked by the lines of earlier year-end entries that carry the grant, so each
 * year only the difference is booked (and money released from the fund when it was spent later).
 */

export const YEAR_END_SOURCE = 'grant.yearEnd';
const POSITION_ACCOUNT: Record<PositionKind, string> = { reserve: '0520', deferred: '1410', payable: '1420' };
const RESERVE_COUNTER = '0590';

function accountName(books: Books, code: string): string {
  const a = books.raw('SELECT name FROM accounts WHERE code = ?').get(code) as { name: string } | undefined;
  if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.createFirst', 'Rekening {{code}} bestaat niet in het rekeningschema. Maak hem eerst aan.', { code }), { field: 'grant' });
  return a.name;
}

/** Credit balances of the grant's earlier year-end moves (and their reversals) per position account. */
function currentPositions(books: Books, grantId: number, to: string): GrantPositions {
  const rows = exactAll<{ code: string; s: bigint }>(books
    .raw(
      `SELECT a.code, SUM(l.amount_cents) AS s FROM lines l JOIN accounts a ON a.id = l.account_id JOIN entries e ON e.id = l.entry_id
       WHERE l.grant_id = ? AND l.posted = 1 AND l.date <= ? AND a.code IN ('0520','1410','1420')
         AND (e.source = ? OR (e.source = 'reversal' AND EXISTS (SELECT 1 FROM entries o WHERE o.id = e.reversal_of AND o.source = ?)))
       GROUP BY a.code`,
    ), grantId, to, YEAR_END_SOURCE, YEAR_END_SOURCE);
  const by = new Map(rows.map((r) => [r.code, -r.s]));
  return { reserve: by.get('0520') ?? 0n, deferred: by.get('1410') ?? 0n, payable: by.get('1420') ?? 0n };
}

const str = (p: GrantPositions) => ({ reserve: centsToString(p.reserve), deferred: centsToString(p.deferred), payable: centsToString(p.payable) });

export function yearEndProposal(books: Books, input: { grant: number; year: number }): YearEndProposal {
  const g = grantRow(books, input.grant);
  const fy = books.raw('SELECT end_date FROM fiscal_years WHERE year = ?').get(input.year) as { end_date: string } | undefined;
  if (!fy) throw new KassaError('NOT_FOUND', said('err.year.notInAdministration', 'Boekjaar {{year}} bestaat niet in deze administratie.', { year: input.year }), { field: 'year' });
  const date = fy.end_date;
  const flows = grantFlows(books, g.id, date);
  const unspent = flows.received - flows.spent;
  const mustReturn = g.must_return_unspent === 1;
  const periodEnded = g.end_date <= date || g.status === 'settled';
  const wanted = yearEndTargets(unspent, mustReturn, periodEnded);
  const current = currentPositions(books, g.id, date);
  const deltas = yearEndDeltas(wanted, current);
  const income = flows.incomeAccount ?? incomeAccountFor(g.fund_type);

  // Tagged lines on the position accounts; their counter lines (untagged) summed per account.
  const tagged = new Map<string, bigint>();
  const counter = new Map<string, bigint>();
  for (const kind of ['reserve', 'deferred', 'payable'] as PositionKind[]) {
    const d = deltas[kind];
    if (d === 0n) continue;
    const acc = POSITION_ACCOUNT[kind];
    const other = kind === 'reserve' ? RESERVE_COUNTER : income;
    tagged.set(acc, (tagged.get(acc) ?? 0n) - d); // credit d
    counter.set(other, (counter.get(other) ?? 0n) + d); // debit d
  }
  const lines: YearEndLine[] = [];
  const push = (code: string, signed: bigint, grant: boolean) => {
    if (signed === 0n) return;
    lines.push({
      account: code, accountName: accountName(books, code),
      debit: signed > 0n ? centsToString(signed) : null, credit: signed < 0n ? centsToString(-signed) : null, grant,
    });
  };
  for (const [code, v] of counter) push(code, v, false);
  for (const [code, v] of tagged) push(code, v, true);
  lines.sort((a, b) => Number(a.debit === null) - Number(b.debit === null));

  const target: YearEndProposal['target'] = !mustReturn ? 'reserve' : periodEnded ? 'payable' : 'deferred';
  const u = unspent > 0n ? unspent : 0n;
  const parts = [`Van de subsidie voor "${g.project}" is tot en met ${formatDateNl(date)} ${formatEuro(flows.received)} ontvangen en ${formatEuro(flows.spent)} besteed.`];
  if (unspent <= 0n) parts.push('Er is niets over.');
  else if (target === 'reserve') parts.push(`Er is ${formatEuro(u)} niet besteed. Dat geld mag de stichting voor het project houden: het hoort in het bestemmingsfonds (0520).`);
  else if (target === 'deferred') parts.push(`Er is ${formatEuro(u)} niet besteed. Het project loopt nog en wat niet wordt besteed moet terug: het is vooruitontvangen (1410) en telt nog niet als opbrengst.`);
  else parts.push(`Er is ${formatEuro(u)} niet besteed. De subsidieperiode is voorbij en dit geld moet terug naar het fonds: het is een schuld (1420).`);
  if (lines.length === 0) parts.push('Dit staat al goed in de boeken. Er hoeft niets te worden geboekt.');
  else parts.push('Controleer de boeking hieronder en bevestig haar als die klopt.');

  return {
    grant: g.id,
    year: input.year,
    date,
    received: centsToString(flows.received),
    spent: centsToString(flows.spent),
    unspent: centsToString(unspent),
    mustReturnUnspent: mustReturn,
    periodEnded,
    target,
    current: str(current),
    wanted: str(wanted),
    lines,
    nothingToDo: lines.length === 0,
    explanation: parts.join(' '),
  };
}

/** Post the proposal as it stands now (recomputed inside the transaction), through postEntry. */
export function yearEndConfirm(books: Books, input: { grant: number; year: number }): Posted & { proposal: YearEndProposal } {
  return books.tx(() => {
    const p = yearEndProposal(books, input);
    if (p.nothingToDo) {
      throw new KassaError('INVALID_INPUT', said('err.grant.nothingAtYearEnd', 'Voor deze subsidie hoeft aan het eind van dit jaar niets te worden geboekt. Alles staat al goed.'), { field: 'grant' });
    }
    const g = grantRow(books, input.grant);
    const lines: LineInput[] = p.lines.map((l) => ({
      account: l.account,
      ...(l.debit !== null ? { debit: l.debit } : { credit: l.credit! }),
      description: `Niet besteed deel subsidie ${g.project}`.slice(0, 500),
      ...(l.grant ? { grant: g.id } : {}),
    }));
    const posted = postEntry(
      books,
      { date: p.date, description: `Jaareinde ${input.year}: niet besteed deel van de subsidie voor ${g.project}`.slice(0, 500), journal: 'MEM', lines },
      { source: YEAR_END_SOURCE, sourceRef: `${g.id}:${input.year}` },
    );
    appendAudit(books, 'grants.yearEndConfirm', 'grant', g.id, { year: input.year, ref: posted.ref, lines: p.lines });
    return { ...posted, proposal: p };
  });
}
