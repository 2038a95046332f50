/**
 * The statement layouts as data (electron/books/statements/layout.ts) and the pure row builder:
 * every account lands on exactly one line, and whatever the balances and the mapping, the balance
 * sheet balances (property-based).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CHART, STATEMENT_LINES, type AccountType, type Layout } from '../../../shared/chart';
import type { AccountInfo } from '../../../electron/books/statements/balances';
import {
  APPROPRIATION_LINES, BALANCE_ACTIVA, BALANCE_PASSIVA, incomeLayout, lineFor, RESULT_CURRENT, RESULT_EARLIER, type LayoutNode,
} from '../../../electron/books/statements/layout';
import { splitCents } from '../../../electron/books/statements/split';
import { buildRows } from '../../../electron/books/statements/rows';
import { sixMonthsAfter } from '../../../electron/books/statements/anbi';

const LAYOUTS: Layout[] = ['rj640', 'rj650'];
const TYPES: AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

function lineKeys(nodes: LayoutNode[]): string[] {
  return nodes.flatMap((n) => (n.kind === 'line' ? n.lines : []));
}

describe('layouts', () => {
  test('every account of the default chart keeps its own line in both layouts', () => {
    for (const layout of LAYOUTS) {
      for (const a of DEFAULT_CHART) expect(lineFor(layout, a.type, a[layout]), `${layout} ${a.code}`).toBe(a[layout]);
    }
  });

  test('each statement line of a layout is named once and exists in STATEMENT_LINES', () => {
    for (const layout of LAYOUTS) {
      const keys = [...lineKeys(BALANCE_ACTIVA), ...lineKeys(BALANCE_PASSIVA), ...lineKeys(incomeLayout(layout))];
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(STATEMENT_LINES).toHaveProperty(k);
    }
  });

  test('a line of the wrong statement falls back to the default line of the type', () => {
    expect(lineFor('rj640', 'income', 'liquide')).toBe('overige_baten');
    expect(lineFor('rj640', 'expense', 'besteed_doelstellingen')).toBe('lasten_overige');
    expect(lineFor('rj650', 'expense', 'lasten_huisvesting')).toBe('beheer_administratie');
    expect(lineFor('rj650', 'asset', 'subsidiebaten')).toBe('vorderingen');
    expect(lineFor('rj640', 'equity', 'nonsense')).toBe('overige_reserves');
    expect(lineFor('rj640', 'liability', 'kortlopende_schulden')).toBe('kortlopende_schulden');
  });

  test('subtotals only refer to rows above them', () => {
    for (const nodes of [BALANCE_ACTIVA, BALANCE_PASSIVA, incomeLayout('rj640'), incomeLayout('rj650')]) {
      const seen = new Set<string>();
      for (const n of nodes) {
        if (n.kind === 'subtotal' || n.kind === 'total') for (const k of [...n.plus, ...n.minus]) expect(seen.has(k), `${n.key} -> ${k}`).toBe(true);
        seen.add(n.key);
      }
    }
  });
});

describe('the balance sheet always balances', () => {
  const allLines = Object.keys(STATEMENT_LINES);
  const account = fc.record({
    type: fc.constantFrom(...TYPES),
    line640: fc.constantFrom(...allLines, 'nonsense'),
    line650: fc.constantFrom(...allLines, 'nonsense'),
    balance: fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }),
    previous: fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }),
    earlier: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
  });

  test('for any accounts, mappings and balances that sum to zero', () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 40 }), fc.constantFrom(...LAYOUTS), (raw, layout) => {
        // Make the books balance: the last account takes the rest.
        const sumCur = raw.slice(0, -1).reduce((t, a) => t + a.balance, 0n);
        const sumPrev = raw.slice(0, -1).reduce((t, a) => t + a.previous, 0n);
        raw[raw.length - 1]!.balance = -sumCur;
        raw[raw.length - 1]!.previous = -sumPrev;
        const accounts: AccountInfo[] = raw.map((a, i) => ({
          id: i + 1, code: String(1000 + i), name: `R${i}`, type: a.type, lineRj640: a.line640, lineRj650: a.line650,
          kind: null, iban: null, rgsCode: null, archived: false,
        }));
        const current = new Map(raw.map((a, i) => [i + 1, a.balance]));
        const previous = new Map(raw.map((a, i) => [i + 1, a.previous]));
        const pl = (m: Map<number, bigint>) => accounts.filter((a) => a.type === 'income' || a.type === 'expense').reduce((t, a) => t + (m.get(a.id) ?? 0n), 0n);
        // Split the P&L into "this year" and "earlier years" arbitrarily: only the sum matters.
        const earlier = raw.reduce((t, a) => t + a.earlier, 0n);
        const specials = {
          [RESULT_CURRENT]: { current: pl(current) - earlier, budget: null, previous: pl(previous) },
          [RESULT_EARLIER]: { current: earlier, budget: null, previous: 0n },
        };
        const input = { layout, accounts, profitAndLoss: false, balances: { current, budget: null, previous }, specials };
        const a = buildRows({ ...input, nodes: BALANCE_ACTIVA });
        const p = buildRows({ ...input, nodes: BALANCE_PASSIVA });
        const ta = a.values.get('totaal_activa')!;
        const tp = p.values.get('totaal_passiva')!;
        expect(ta.current).toBe(tp.current);
        expect(ta.previous).toBe(tp.previous);
        // Every balance-sheet account appears under exactly one line.
        const listed = [...a.rows, ...p.rows].flatMap((r) => r.accounts.map((x) => x.code));
        expect(new Set(listed).size).toBe(listed.length);
        // And the income statement's saldo is minus the P&L sum.
        const is = buildRows({ nodes: incomeLayout(layout), layout, accounts, profitAndLoss: true, balances: { current, budget: null, previous } });
        expect(is.values.get('saldo')!.current).toBe(-pl(current));
      }),
      { numRuns: 300 },
    );
  });
});

describe('VAT to receive', () => {
  test('1700 sits under vorderingen in a column where it is a debit, under kortlopende schulden where it is a credit; each column balances', () => {
    const acc = (id: number, code: string, type: AccountType, line: string): AccountInfo => ({
      id, code, name: code, type, lineRj640: line, lineRj650: line, kind: null, iban: null, rgsCode: null, archived: false,
    });
    const accounts = [acc(1, '1700', 'liability', 'kortlopende_schulden'), acc(2, '1100', 'asset', 'liquide'), acc(3, '0590', 'equity', 'overige_reserves')];
    fc.assert(
      fc.property(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 5_000_000n }), (vat, vatPrev, bank) => {
        const current = new Map([[1, vat], [2, bank], [3, -bank - vat]]);
        const previous = new Map([[1, vatPrev], [2, bank], [3, -bank - vatPrev]]);
        const input = { layout: 'rj640' as const, accounts, profitAndLoss: false, balances: { current, budget: null, previous } };
        const a = buildRows({ ...input, nodes: BALANCE_ACTIVA });
        const p = buildRows({ ...input, nodes: BALANCE_PASSIVA });
        expect(a.values.get('totaal_activa')).toEqual(p.values.get('totaal_passiva'));
        const vord = a.values.get('vorderingen')!;
        const kort = p.values.get('kortlopende_schulden')!;
        expect([vord.current, kort.current]).toEqual(vat > 0n ? [vat, 0n] : [0n, -vat]);
        expect([vord.previous, kort.previous]).toEqual(vatPrev > 0n ? [vatPrev, 0n] : [0n, -vatPrev]);
        // Never a negative debt or a negative receivable.
        expect(vord.current >= 0n && kort.current >= 0n && vord.previous! >= 0n && kort.previous! >= 0n).toBe(true);
      }),
    );
  });
});

describe('statement line names in the renderer', () => {
  // The screens show a line by its key (= the CSV key) through i18n, so English users get English
  // names. The Dutch texts there must stay what the books (PDF, Excel, CSV) call the line.
  const nl = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../renderer/src/screens/statements/nl.json'), 'utf8')).statements.lines as Record<string, string>;
  const en = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../renderer/src/screens/statements/en.json'), 'utf8')).statements.lines as Record<string, string>;
  test('every row of every layout has its Dutch name in nl.json and an English one in en.json', () => {
    const nodes = [...BALANCE_ACTIVA, ...BALANCE_PASSIVA, ...incomeLayout('rj640'), ...incomeLayout('rj650'), ...incomeLayout('rj650', [{ id: 1, name: 'Doel' }])];
    for (const n of nodes) {
      if (n.key.startsWith('doelstelling_')) continue; // an objective's own name
      expect(nl[n.key], n.key).toBe(n.label);
      expect(en[n.key], n.key).toBeTruthy();
    }
    for (const a of APPROPRIATION_LINES) expect(nl[`bestemming_${a.line}`]).toBe(a.label);
    for (const k of Object.keys(STATEMENT_LINES)) expect(en[k], k).toBeTruthy();
  });
});

describe('splitting a cost by its allocation key', () => {
  test('parts add up to the amount exactly, whatever the shares', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (v, weights) => {
        // Turn the weights into basis points adding up to 10000.
        const total = weights.reduce((t, w) => t + w, 0);
        const bp = weights.map((w) => Math.floor((w * 10000) / total));
        bp[0]! += 10000 - bp.reduce((t, b) => t + b, 0);
        if (bp.some((b) => b <= 0)) return;
        const parts = splitCents(v, bp);
        expect(parts.reduce((t, p) => t + p, 0n)).toBe(v);
        parts.forEach((p, i) => {
          const exact = (v * BigInt(bp[i]!)) / 10000n;
          expect(p - exact <= 1n && exact - p <= 1n).toBe(true);
        });
      }),
    );
    expect(splitCents(100n, [3333, 3333, 3334])).toEqual([33n, 33n, 34n]);
    expect(splitCents(-1000n, [6000, 4000])).toEqual([-600n, -400n]);
  });
});

describe('ANBI deadline', () => {
  test('six months after the end of the fiscal year', () => {
    expect(sixMonthsAfter('2024-12-31')).toBe('2025-06-30');
    expect(sixMonthsAfter('2025-06-30')).toBe('2025-12-31');
    expect(sixMonthsAfter('2025-08-31')).toBe('2026-02-28');
    expect(sixMonthsAfter('2027-08-31')).toBe('2028-02-29');
  });
});
