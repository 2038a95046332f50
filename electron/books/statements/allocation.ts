import { KassaError } from '../../../shared/errors';
import type { Allocation, AllocationShare, AllocationTarget, Objective } from '../../../shared/api/allocation';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { accountsInfo, hasTable, type AccountInfo } from './balances';
import { lineFor } from './layout';
import { said } from '../../../shared/phrase';

/**
 * Objectives (doelstellingen) and cost allocation keys (verdeelsleutels), stored in the file
 * (migration 0010). The keys are read by the RJ 650 statement (split.ts) and edited here.
 */

/** The RJ 650 expense lines a key spreads over: objectives, fundraising, management and administration. */
export const COST_LINES = ['besteed_doelstellingen', 'wervingskosten', 'beheer_administratie'] as const;
export const TARGET_LINE: Record<Exclude<AllocationTarget, 'doelstelling'>, string> = { werving: 'wervingskosten', beheer: 'beheer_administratie' };

export interface StoredShare {
  target: AllocationTarget;
  objectiveId: number | null;
  /** Basis points: 10000 = 100 %. */
  bp: number;
}

export function listObjectives(books: Books): Objective[] {
  if (!hasTable(books, 'objectives')) return [];
  return books.raw('SELECT id, name FROM objectives ORDER BY position, id').all() as Objective[];
}

/** Per year (migration 0014) a key holds from its year until a later year's key; older files have one key per account. */
const perYear = (books: Books): boolean => hasTable(books, 'allocation_key_years');

/**
 * The keys that hold in `year` per account id: for each account the version with the latest
 * from_year on or before it. Without a year: the keys of every year (from_year 0).
 */
export function storedKeys(books: Books, year = 0): Map<number, StoredShare[]> {
  const out = new Map<number, StoredShare[]>();
  if (!hasTable(books, 'allocation_keys')) return out;
  const version = perYear(books)
    ? `WHERE k.from_year = (SELECT max(v.from_year) FROM allocation_key_years v WHERE v.account_id = k.account_id AND v.from_year <= ?)`
    : '';
  const rows = books
    .raw(`SELECT k.account_id, k.target, k.objective_id, k.share_bp FROM allocation_keys k LEFT JOIN objectives o ON o.id = k.objective_id ${version}
          ORDER BY k.account_id, CASE k.target WHEN 'doelstelling' THEN 0 WHEN 'werving' THEN 1 ELSE 2 END, o.position, k.id`)
    .all(...(version ? [year] : [])) as { account_id: number; target: AllocationTarget; objective_id: number | null; share_bp: number }[];
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ target: r.target, objectiveId: r.objective_id, bp: r.share_bp });
    out.set(r.account_id, list);
  }
  return out;
}

/** The RJ 650 cost line of an account, or null when it is not a cost on one of the three lines. */
export function costLineOf(a: AccountInfo): string | null {
  if (a.type !== 'expense') return null;
  const l = lineFor('rj650', a.type, a.lineRj650);
  return (COST_LINES as readonly string[]).includes(l) ? l : null;
}

const percentOf = (bp: number): string => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

/** The year each account's key that holds in `year` was set for (0: every year), when it has one. */
function keyYears(books: Books, year: number): Map<number, number> {
  if (!perYear(books)) return new Map();
  const rows = books.raw('SELECT account_id, max(from_year) AS y FROM allocation_key_years WHERE from_year <= ? GROUP BY account_id').all(year) as { account_id: number; y: number }[];
  return new Map(rows.map((r) => [r.account_id, r.y]));
}

export function getAllocation(books: Books, year?: number): Allocation {
  const keys = storedKeys(books, year ?? 0);
  const from = keyYears(books, year ?? 0);
  return {
    year: year ?? null,
    objectives: listObjectives(books),
    accounts: accountsInfo(books)
      .filter((a) => !a.archived || keys.has(a.id))
      .flatMap((a) => {
        const line = costLineOf(a);
        if (!line) return [];
        const shares: AllocationShare[] = (keys.get(a.id) ?? []).map((s) => ({ target: s.target, objectiveId: s.objectiveId, percent: percentOf(s.bp) }));
        const since = from.get(a.id);
        return [{ code: a.code, name: a.name, line, shares, fromYear: since === undefined || since === 0 ? null : since }];
      }),
  };
}

function requireTables(books: Books): void {
  if (!hasTable(books, 'objectives')) throw new KassaError('INVALID_INPUT', said('err.allocation.fileTooOld', 'Dit bestand is te oud voor doelstellingen. Open het opnieuw in deze versie van het programma.'));
}

/**
 * Replace the list of objectives: kept ids are renamed and reordered, new ones added, missing ones
 * removed. An objective still used in a key is not removed (the key would no longer add up to 100 %).
 */
export function setObjectives(books: Books, input: { objectives: { id?: number | undefined; name: string }[] }): Allocation {
  return books.tx(() => {
    requireTables(books);
    const existing = listObjectives(books);
    const known = new Set(existing.map((o) => o.id));
    const seen = new Set<string>();
    input.objectives.forEach((o, i) => {
      const name = o.name.trim().toLowerCase();
      if (seen.has(name)) throw new KassaError('INVALID_INPUT', said('err.allocation.objectiveTwice', 'De doelstelling "{{name}}" staat er twee keer in. Geef elke doelstelling een eigen naam.', { name: o.name.trim() }), { field: `objectives.${i}.name` });
      seen.add(name);
      if (o.id !== undefined && !known.has(o.id)) throw new KassaError('NOT_FOUND', said('err.allocation.objectiveGone', 'Deze doelstelling bestaat niet (meer). Laad het scherm opnieuw.'), { field: `objectives.${i}.id` });
    });
    const keep = new Set(input.objectives.flatMap((o) => (o.id === undefined ? [] : [o.id])));
    const used = books.raw(`SELECT DISTINCT o.id, o.name, a.code FROM allocation_keys k JOIN objectives o ON o.id = k.objective_id JOIN accounts a ON a.id = k.account_id ORDER BY a.code`);
    for (const u of used.all() as { id: number; name: string; code: string }[]) {
      if (!keep.has(u.id)) {
        throw new KassaError('INVALID_INPUT', said('err.allocation.objectiveInKey', 'De doelstelling "{{name}}" staat nog in de verdeelsleutel van rekening {{code}}. Pas eerst die verdeelsleutel aan.', { name: u.name, code: u.code }), { field: 'objectives' });
      }
    }
    // Park the kept names first so a swap of two names does not trip the unique index.
    books.raw(`UPDATE objectives SET name = '~' || id WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...keep]));
    books.raw(`DELETE FROM objectives WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...keep]));
    input.objectives.forEach((o, i) => {
      if (o.id === undefined) books.raw('INSERT INTO objectives (name, position) VALUES (?, ?)').run(o.name.trim(), i);
      else books.raw('UPDATE objectives SET name = ?, position = ? WHERE id = ?').run(o.name.trim(), i, o.id);
    });
    appendAudit(books, 'allocation.setObjectives', 'objectives', null, { objectives: input.objectives.map((o) => o.name.trim()) });
    return getAllocation(books);
  });
}

/**
 * Set (or, with no shares, remove) the key of one cost account from `year` on (without a year: for
 * every year that has no key of its own). The shares add up to exactly 100 %. A closed year's key
 * is fixed: its statements were final with it.
 */
export function setKeys(
  books: Books,
  input: { account: string; year?: number | undefined; shares: { target: AllocationTarget; objectiveId?: number | null | undefined; percent: string }[] },
): Allocation {
  return books.tx(() => {
    requireTables(books);
    const year = input.year ?? 0;
    if (input.year !== undefined) {
      const fy = books.raw('SELECT status FROM fiscal_years WHERE year = ?').get(input.year) as { status: string } | undefined;
      if (!fy) throw new KassaError('NOT_FOUND', said('err.year.notFound', 'Boekjaar {{year}} bestaat niet.', { year: input.year }), { field: 'year' });
      if (fy.status === 'closed') {
        throw new KassaError('YEAR_CLOSED', said('err.allocation.yearClosed', 'Boekjaar {{year}} is afgesloten. De verdeelsleutel van dat jaar ligt vast. Kies een open jaar; de nieuwe sleutel geldt vanaf dat jaar.', { year: input.year }), { field: 'year' });
      }
    }
    const a = accountsInfo(books).find((x) => x.code === input.account);
    if (!a) throw new KassaError('UNKNOWN_ACCOUNT', said('err.account.unknown', 'Rekening {{code}} bestaat niet.', { code: input.account }), { field: 'account' });
    if (!costLineOf(a)) {
      throw new KassaError('INVALID_INPUT', said('err.allocation.notAllocatable', 'Rekening {{code}} ({{name}}) is geen kostenrekening voor doelstellingen, werving of beheer. Alleen die kosten kunt u verdelen.', { code: a.code, name: a.name }), { field: 'account' });
    }
    const objectives = new Set(listObjectives(books).map((o) => o.id));
    const seen = new Set<string>();
    let total = 0;
    const rows = input.shares.map((s, i) => {
      const field = `shares.${i}`;
      const [whole, frac = ''] = s.percent.split('.');
      const bp = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
      if (bp <= 0) throw new KassaError('INVALID_INPUT', said('err.allocation.shareAboveZero', 'Een deel moet meer dan 0 % zijn. Laat een regel weg als er niets naartoe gaat.'), { field: `${field}.percent` });
      const objectiveId = s.target === 'doelstelling' ? (s.objectiveId ?? null) : null;
      if (s.target === 'doelstelling' && (objectiveId === null || !objectives.has(objectiveId))) {
        throw new KassaError('INVALID_INPUT', said('err.allocation.objectiveMustExist', 'Kies een doelstelling die bestaat. Maak hem eerst aan bij de doelstellingen.'), { field: `${field}.objectiveId` });
      }
      const id = `${s.target}:${objectiveId ?? ''}`;
      if (seen.has(id)) throw new KassaError('INVALID_INPUT', said('err.allocation.onceEach', 'Elke doelstelling, werving en beheer mag maar één keer in de verdeelsleutel staan.'), { field });
      seen.add(id);
      total += bp;
      return { target: s.target, objectiveId, bp };
    });
    if (rows.length > 0 && total !== 10000) {
      throw new KassaError('INVALID_INPUT', said('err.allocation.not100', 'De delen tellen op tot {{total}} %. Samen moeten ze precies 100 % zijn.', { total: percentOf(total).replace('.', ',') }), { field: 'shares' });
    }
    books.raw('DELETE FROM allocation_keys WHERE account_id = ? AND from_year = ?').run(a.id, year);
    const insert = books.raw('INSERT INTO allocation_keys (account_id, target, objective_id, share_bp, from_year) VALUES (?, ?, ?, ?, ?)');
    for (const r of rows) insert.run(a.id, r.target, r.objectiveId, r.bp, year);
    // An empty key from a year on is a choice too (100 % on the own line), unless it is the base.
    if (rows.length > 0 || year > 0) books.raw('INSERT OR IGNORE INTO allocation_key_years (account_id, from_year) VALUES (?, ?)').run(a.id, year);
    else books.raw('DELETE FROM allocation_key_years WHERE account_id = ? AND from_year = 0').run(a.id);
    appendAudit(books, 'allocation.setKeys', 'account', a.code, {
      account: a.code, year: input.year ?? null, shares: rows.map((r) => ({ target: r.target, objectiveId: r.objectiveId, percent: percentOf(r.bp) })),
    });
    return getAllocation(books, input.year);
  });
}
