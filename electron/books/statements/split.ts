import { centsToString } from '../../../shared/money';
import { STATEMENT_LINES, type StatementLine } from '../../../shared/chart';
import type { Objective } from '../../../shared/api/allocation';
import type { CostAllocationColumn, CostAllocationRow, CostAllocationStatement } from '../../../shared/api/allocation';
import type { AccountInfo, Balances } from './balances';
import { costLineOf, TARGET_LINE, type StoredShare } from './allocation';
import { incomeLayout, lineFor, objectiveLine, OBJECTIVES_UNDIVIDED } from './layout';
import type { Columns } from './rows';

/**
 * The cost allocation keys applied to the RJ 650 statement. Pure: accounts and balances in,
 * accounts and balances out. A cost account with a key becomes one part per share (same code, its
 * own line: an objective, fundraising, or management and administration); its balance is split in
 * whole cents by the largest remainder, so the parts add up to the account exactly. With exactly
 * one objective, costs on "Besteed aan doelstellingen" without a key go to that objective.
 */

export interface SplitResult {
  accounts: AccountInfo[];
  balances: Columns<Balances>;
  /** The objectives' line keys, for the row builder. */
  extraLines: Set<string>;
}

/** Split `v` cents in proportion to `bp` (basis points adding up to 10000), exactly. */
export function splitCents(v: bigint, bp: number[]): bigint[] {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const raw = bp.map((b) => abs * BigInt(b));
  const parts = raw.map((r) => r / 10000n);
  let rest = abs - parts.reduce((t, p) => t + p, 0n);
  const order = raw.map((r, i) => ({ i, rem: r % 10000n })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const o of order) {
    if (rest === 0n) break;
    parts[o.i]! += 1n;
    rest -= 1n;
  }
  return neg ? parts.map((p) => -p) : parts;
}

export function splitCosts(accounts: AccountInfo[], balances: Columns<Balances>, keys: Map<number, StoredShare[]>, objectives: Objective[]): SplitResult {
  const extraLines = new Set(objectives.map((o) => objectiveLine(o.id)));
  const out: AccountInfo[] = [];
  const cols = {
    current: new Map(balances.current),
    budget: balances.budget ? new Map(balances.budget) : null,
    previous: balances.previous ? new Map(balances.previous) : null,
  };
  let nextId = -1;
  for (const a of accounts) {
    const line = costLineOf(a);
    let shares = line ? (keys.get(a.id) ?? []) : [];
    if (line === 'besteed_doelstellingen' && shares.length === 0 && objectives.length === 1) {
      shares = [{ target: 'doelstelling', objectiveId: objectives[0]!.id, bp: 10000 }];
    }
    if (shares.length === 0) {
      out.push(a);
      continue;
    }
    const bps = shares.map((s) => s.bp);
    const parts = shares.map((s) => ({
      ...a,
      id: nextId--,
      name: shares.length > 1 ? `${a.name} (${(s.bp / 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })} %)` : a.name,
      lineRj650: s.target === 'doelstelling' ? objectiveLine(s.objectiveId!) : TARGET_LINE[s.target],
    }));
    out.push(...parts);
    for (const m of [cols.current, cols.budget, cols.previous]) {
      if (!m) continue;
      const v = m.get(a.id);
      m.delete(a.id);
      if (v === undefined) continue;
      splitCents(v, bps).forEach((p, i) => {
        if (p !== 0n) m.set(parts[i]!.id, p);
      });
    }
  }
  return { accounts: out, balances: cols, extraLines };
}

/**
 * Lastenverdeelstaat (RJ 650 / RJk C2): the costs by kind (rows: the accounts' RJ 640 expense line)
 * over the objectives, fundraising and management and administration (columns), with the year's
 * total, the budget and last year. Its total equals "Som van de lasten".
 */
export function costAllocationStatement(split: SplitResult, objectives: Objective[]): CostAllocationStatement {
  const columns: CostAllocationColumn[] = objectives.map((o) => ({ key: objectiveLine(o.id), label: o.name }));
  const undivided = objectives.length > 0 ? OBJECTIVES_UNDIVIDED : 'besteed_doelstellingen';
  const columnOf = (a: AccountInfo): string | null => {
    if (split.extraLines.has(a.lineRj650)) return a.lineRj650;
    const l = costLineOf(a);
    if (l === null) return null;
    return l === 'besteed_doelstellingen' ? undivided : l;
  };
  const kindOrder = incomeLayout('rj640').flatMap((n) => (n.kind === 'line' ? n.lines : []));
  const rows = new Map<string, { amounts: Map<string, bigint>; budget: bigint; previous: bigint }>();
  const totals = new Map<string, bigint>();
  let budget = 0n;
  let previous = 0n;
  for (const a of split.accounts) {
    if (a.type !== 'expense') continue;
    const col = columnOf(a);
    if (col === null) continue;
    const kind = lineFor('rj640', a.type, a.lineRj640);
    const r = rows.get(kind) ?? { amounts: new Map<string, bigint>(), budget: 0n, previous: 0n };
    rows.set(kind, r);
    const cur = split.balances.current.get(a.id) ?? 0n;
    r.amounts.set(col, (r.amounts.get(col) ?? 0n) + cur);
    totals.set(col, (totals.get(col) ?? 0n) + cur);
    const b = split.balances.budget?.get(a.id) ?? 0n;
    const p = split.balances.previous?.get(a.id) ?? 0n;
    r.budget += b;
    r.previous += p;
    budget += b;
    previous += p;
  }
  if (objectives.length === 0 || (totals.get(undivided) ?? 0n) !== 0n) {
    columns.push({ key: undivided, label: objectives.length > 0 ? 'Niet verdeeld over de doelstellingen' : STATEMENT_LINES.besteed_doelstellingen });
  }
  columns.push({ key: 'wervingskosten', label: STATEMENT_LINES.wervingskosten }, { key: 'beheer_administratie', label: STATEMENT_LINES.beheer_administratie });
  const hasBudget = split.balances.budget !== null;
  const hasPrevious = split.balances.previous !== null;
  const amounts = (m: Map<string, bigint>): Record<string, string> => Object.fromEntries(columns.map((c) => [c.key, centsToString(m.get(c.key) ?? 0n)]));
  const sum = (m: Map<string, bigint>): bigint => [...m.values()].reduce((t, v) => t + v, 0n);
  const outRows: CostAllocationRow[] = [...rows.entries()]
    .filter(([, r]) => sum(r.amounts) !== 0n || r.budget !== 0n || r.previous !== 0n || [...r.amounts.values()].some((v) => v !== 0n))
    .sort((x, y) => kindOrder.indexOf(x[0]) - kindOrder.indexOf(y[0]))
    .map(([kind, r]) => ({
      key: kind,
      label: STATEMENT_LINES[kind as StatementLine] ?? kind,
      amounts: amounts(r.amounts),
      total: centsToString(sum(r.amounts)),
      budget: hasBudget ? centsToString(r.budget) : null,
      previous: hasPrevious ? centsToString(r.previous) : null,
    }));
  return {
    columns,
    rows: outRows,
    totals: { amounts: amounts(totals), total: centsToString(sum(totals)), budget: hasBudget ? centsToString(budget) : null, previous: hasPrevious ? centsToString(previous) : null },
  };
}
