import { centsToString } from '../../../shared/money';
import type { Layout, StatementLine } from '../../../shared/chart';
import type { StatementAccount, StatementRow } from '../../../shared/api/statements';
import type { AccountInfo, Balances } from './balances';
import { mappedLine } from './balances';
import { debitLineOf, isProfitAndLoss, lineFor, type LayoutNode } from './layout';

/**
 * Turn a layout (layout.ts) and per-account balances into statement rows. Pure: the same function
 * makes the balance sheet and the income statement, for every column.
 */

export interface Columns<T> {
  current: T;
  budget: T | null;
  previous: T | null;
}

export interface RowsInput {
  nodes: LayoutNode[];
  layout: Layout;
  accounts: AccountInfo[];
  /** Which accounts belong to this statement (P&L accounts for the income statement, the rest for the balance sheet). */
  profitAndLoss: boolean;
  balances: Columns<Balances>;
  /** Line keys made at run time (the objectives' lines) that accounts may be mapped to directly. */
  extraLines?: ReadonlySet<string>;
  /** Values of 'special' rows as signed balances (debit positive). */
  specials?: Record<string, Columns<bigint>>;
}

export interface BuiltRows {
  rows: StatementRow[];
  /** Row values by key, in the row's own sign: what subtotals and checks use. */
  values: Map<string, Columns<bigint>>;
}

const str = (v: bigint | null): string | null => (v === null ? null : centsToString(v));

export function buildRows(input: RowsInput): BuiltRows {
  const { nodes, layout, accounts, balances } = input;
  const hasBudget = balances.budget !== null;
  const hasPrevious = balances.previous !== null;
  const mine = accounts.filter((a) => isProfitAndLoss(a.type) === input.profitAndLoss);
  // Per line, per account, the signed balance in each column that lands on that line. An account
  // sits on one line, except a liability that turns into a receivable (debitLineOf): in a column
  // where its balance is a debit it moves to the asset side, so each column still balances.
  const byLine = new Map<string, Map<AccountInfo, Columns<bigint>>>();
  const add = (l: string, a: AccountInfo, col: keyof Columns<bigint>, v: bigint) => {
    const m = byLine.get(l) ?? new Map<AccountInfo, Columns<bigint>>();
    byLine.set(l, m);
    const c = m.get(a) ?? { current: 0n, budget: 0n, previous: 0n };
    m.set(a, c);
    c[col] = v;
  };
  for (const a of mine) {
    const mapped = mappedLine(a, layout);
    const base = input.extraLines?.has(mapped) ? mapped : lineFor(layout, a.type, mapped);
    const alt = input.profitAndLoss ? undefined : debitLineOf(a, base as StatementLine);
    for (const col of ['current', 'budget', 'previous'] as const) {
      const v = balances[col]?.get(a.id) ?? 0n;
      add(alt && v > 0n ? alt : base, a, col, v);
    }
  }

  const values = new Map<string, Columns<bigint>>();
  const rows: StatementRow[] = [];
  const col = (v: bigint, present: boolean): bigint | null => (present ? v : null);

  for (const n of nodes) {
    if (n.kind === 'heading') {
      rows.push({ key: n.key, label: n.label, kind: 'heading', level: n.level, current: null, budget: null, previous: null, accounts: [] });
      continue;
    }
    if (n.kind === 'line') {
      const sign = n.nature === 'debit' ? 1n : -1n;
      let cur = 0n;
      let bud = 0n;
      let prev = 0n;
      const accs: StatementAccount[] = [];
      for (const l of n.lines) {
        for (const [a, raw] of byLine.get(l) ?? []) {
          const c = raw.current * sign;
          const b = (raw.budget ?? 0n) * sign;
          const p = (raw.previous ?? 0n) * sign;
          cur += c;
          bud += b;
          prev += p;
          if (c !== 0n || b !== 0n || p !== 0n) {
            accs.push({ code: a.code, name: a.name, current: centsToString(c), budget: hasBudget ? centsToString(b) : null, previous: hasPrevious ? centsToString(p) : null });
          }
        }
      }
      if (n.optional && accs.length === 0 && cur === 0n && bud === 0n && prev === 0n) continue;
      const v = { current: cur, budget: col(bud, hasBudget), previous: col(prev, hasPrevious) };
      values.set(n.key, v);
      rows.push({ key: n.key, label: n.label, kind: 'line', level: n.level, current: str(v.current), budget: str(v.budget), previous: str(v.previous), accounts: accs });
      continue;
    }
    if (n.kind === 'special') {
      const sign = n.nature === 'debit' ? 1n : -1n;
      const s = input.specials?.[n.key] ?? { current: 0n, budget: null, previous: null };
      const v = {
        current: s.current * sign,
        budget: hasBudget ? (s.budget ?? 0n) * sign : null,
        previous: hasPrevious ? (s.previous ?? 0n) * sign : null,
      };
      if (n.hideWhenZero && v.current === 0n && (v.budget ?? 0n) === 0n && (v.previous ?? 0n) === 0n) continue;
      values.set(n.key, v);
      rows.push({ key: n.key, label: n.label, kind: 'line', level: n.level, current: str(v.current), budget: str(v.budget), previous: str(v.previous), accounts: [] });
      continue;
    }
    // subtotal / total: only over rows that are there (hidden special rows count as zero)
    const plus = n.plus.filter((k) => values.has(k));
    const minus = n.minus.filter((k) => values.has(k));
    const sum = (pick: (c: Columns<bigint>) => bigint | null): bigint => {
      let t = 0n;
      for (const k of plus) t += pick(values.get(k)!) ?? 0n;
      for (const k of minus) t -= pick(values.get(k)!) ?? 0n;
      return t;
    };
    const v = {
      current: sum((c) => c.current),
      budget: hasBudget ? sum((c) => c.budget) : null,
      previous: hasPrevious ? sum((c) => c.previous) : null,
    };
    values.set(n.key, v);
    rows.push({ key: n.key, label: n.label, kind: n.kind, level: n.level, current: str(v.current), budget: str(v.budget), previous: str(v.previous), plus, minus, accounts: [] });
  }
  return { rows, values };
}
