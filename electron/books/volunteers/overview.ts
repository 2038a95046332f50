import { centsToString } from '../../../shared/money';
import type {
  Benefit,
  VolunteerLevel,
  VolunteerOverview,
  VolunteerOverviewMonth,
  VolunteerOverviewPerson,
} from '../../../shared/api/volunteers';
import { personCents, summariseYear, type LimitsRow, type PastVolunteerPayment, type YearSummary } from '../../../shared/rules/volunteerLimits';
import type { Books } from '../../db/books';
import { exactAll } from '../../db/exact';
import { limitsFor } from './limits';

/**
 * The yearly overview: per person per month, straight from ONE SQL aggregate over the running
 * totals in volunteer_month_totals (kept by triggers, see migration 0003), never a loop over
 * payments in JS. The per-person sums are then fed to the tested pure rules (summariseYear) as one
 * pseudo-payment per person, month and kind, which gives the same totals because those rules only
 * add amounts up. The sums are read as BigInt (db/exact.ts): a person's figures are exact or
 * refused (personCents), the totals over all persons are added up in BigInt.
 */

/** Read with safeIntegers: every integer is a BigInt. */
interface AggRow {
  id: bigint;
  name: string;
  benefit: Benefit;
  archived: bigint;
  iban: string | null;
  m: bigint | null;
  fee: bigint | null;
  reimb: bigint | null;
  wages_fee: bigint | null;
  wages_reimb: bigint | null;
  unpaid: bigint | null;
}

const OVERVIEW_SQL = `
  SELECT p.id, p.name, p.benefit, p.archived, p.iban, a.m, a.fee, a.reimb, a.wages_fee, a.wages_reimb, a.unpaid
  FROM persons p
  LEFT JOIN (
    SELECT person_id, CAST(substr(month, 6, 2) AS INTEGER) AS m,
      SUM(CASE WHEN as_wages = 0 AND kind = 'fee' THEN amount_cents ELSE 0 END) AS fee,
      SUM(CASE WHEN as_wages = 0 AND kind = 'reimbursement' THEN amount_cents ELSE 0 END) AS reimb,
      SUM(CASE WHEN as_wages = 1 AND kind = 'fee' THEN amount_cents ELSE 0 END) AS wages_fee,
      SUM(CASE WHEN as_wages = 1 AND kind = 'reimbursement' THEN amount_cents ELSE 0 END) AS wages_reimb,
      SUM(CASE WHEN status = 'approved' THEN amount_cents ELSE 0 END) AS unpaid
    FROM volunteer_month_totals
    WHERE month >= ? AND month <= ? AND status <> 'cancelled' AND count > 0
    GROUP BY person_id, m
  ) a ON a.person_id = p.id
  WHERE p.archived = 0 OR a.person_id IS NOT NULL
  ORDER BY p.name COLLATE NOCASE, p.id, a.m`;

/** The same figures straight from the payments: for checking the running totals (tests, verify). */
export const OVERVIEW_CHECK_SQL = `
  SELECT substr(date, 1, 7) AS month, person_id, kind, as_wages, status, SUM(amount_cents) AS amount_cents, COUNT(*) AS count
  FROM volunteer_payments GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

/** Problems in the running totals (empty when they equal the payments). */
export function monthTotalsProblems(books: Books): string[] {
  const fresh = books.raw(OVERVIEW_CHECK_SQL).all() as { month: string; person_id: number; kind: string; as_wages: number; status: string; amount_cents: number; count: number }[];
  const kept = books
    .raw('SELECT month, person_id, kind, as_wages, status, amount_cents, count FROM volunteer_month_totals WHERE count > 0 ORDER BY 1, 2, 3, 4, 5')
    .all() as typeof fresh;
  const key = (r: (typeof fresh)[number]) => `${r.month}|${r.person_id}|${r.kind}|${r.as_wages}|${r.status}|${r.amount_cents}|${r.count}`;
  const a = new Set(fresh.map(key));
  const b = new Set(kept.map(key));
  return [...[...a].filter((k) => !b.has(k)).map((k) => `missing ${k}`), ...[...b].filter((k) => !a.has(k)).map((k) => `extra ${k}`)];
}

export function levelOf(countedCents: number, maxCents: number): VolunteerLevel {
  if (countedCents >= maxCents) return 'blocked';
  // 80 % in exact integers: counted / max >= 4 / 5 (counted * 5 may pass 2^53)
  if (BigInt(countedCents) * 5n >= BigInt(maxCents) * 4n) return 'warn80';
  return 'ok';
}

export interface PersonYear {
  person: VolunteerOverviewPerson['person'];
  summary: YearSummary;
  unpaidCents: number;
}

/** Per person: the year's summary from the SQL aggregate. Used by the overview, the Excel file and the statements. */
export function personYears(books: Books, year: number, limits: LimitsRow, onlyPerson?: number): PersonYear[] {
  const rows = exactAll<AggRow>(books.raw(OVERVIEW_SQL), `${year}-01`, `${year}-12`);
  const out: PersonYear[] = [];
  let current: { person: PersonYear['person']; pseudo: PastVolunteerPayment[]; unpaid: bigint } | null = null;
  const flush = () => {
    if (current) out.push({ person: current.person, summary: summariseYear(current.pseudo, limits, year), unpaidCents: personCents(current.unpaid, year) });
  };
  for (const r of rows) {
    const id = Number(r.id);
    if (onlyPerson !== undefined && id !== onlyPerson) continue;
    if (!current || current.person.id !== id) {
      flush();
      current = { person: { id, name: r.name, benefit: r.benefit, archived: r.archived === 1n, iban: r.iban }, pseudo: [], unpaid: 0n };
    }
    if (r.m === null) continue;
    const date = `${year}-${String(r.m).padStart(2, '0')}-01`;
    const push = (kind: 'fee' | 'reimbursement', cents: bigint | null, asWages: boolean) => {
      if (cents) current!.pseudo.push({ date, kind, amountCents: personCents(cents, year), asWages });
    };
    push('fee', r.fee, false);
    push('reimbursement', r.reimb, false);
    push('fee', r.wages_fee, true);
    push('reimbursement', r.wages_reimb, true);
    current.unpaid += r.unpaid ?? 0n;
  }
  flush();
  return out;
}

function toOverviewPerson(py: PersonYear, limits: LimitsRow): VolunteerOverviewPerson {
  const s = py.summary;
  let level = levelOf(s.totalCents, limits.perYearCents);
  const months: VolunteerOverviewMonth[] = s.months.map((m) => {
    const ml = m.countedCents === 0 ? 'ok' : levelOf(m.countedCents, limits.perMonthCents);
    // A month over its maximum (possible after the limits were changed) makes the whole year a problem.
    if (m.overCents > 0) level = 'blocked';
    return {
      month: m.month,
      fee: centsToString(m.feeCents),
      reimbursement: centsToString(m.reimbursementCents),
      counted: centsToString(m.countedCents),
      asWages: centsToString(m.asWagesCents),
      left: centsToString(m.leftCents),
      over: centsToString(m.overCents),
      level: ml,
    };
  });
  return {
    person: py.person,
    months,
    fee: centsToString(s.feeCents),
    reimbursement: centsToString(s.reimbursementCents),
    total: centsToString(s.totalCents),
    asWages: centsToString(s.asWagesCents),
    left: centsToString(s.leftCents),
    over: centsToString(s.overCents),
    percentOfYear: s.percentOfYear,
    reimbursementsCount: s.reimbursementsCount,
    unpaid: centsToString(py.unpaidCents),
    level,
  };
}

export function volunteerOverview(books: Books, year: number): VolunteerOverview {
  const { row, used } = limitsFor(books, year);
  const years = personYears(books, year, row);
  // Over all persons in BigInt: each person's figures are exact numbers, their sum may not be.
  const t = { fee: 0n, reimbursement: 0n, total: 0n, asWages: 0n, unpaid: 0n };
  for (const py of years) {
    t.fee += BigInt(py.summary.feeCents);
    t.reimbursement += BigInt(py.summary.reimbursementCents);
    t.total += BigInt(py.summary.totalCents);
    t.asWages += BigInt(py.summary.asWagesCents);
    t.unpaid += BigInt(py.unpaidCents);
  }
  return {
    year,
    limits: used,
    persons: years.map((py) => toOverviewPerson(py, row)),
    totals: {
      fee: centsToString(t.fee),
      reimbursement: centsToString(t.reimbursement),
      total: centsToString(t.total),
      asWages: centsToString(t.asWages),
      unpaid: centsToString(t.unpaid),
    },
  };
}
