/**
 * A small evaluator for the formulas the statements workbook uses (SUM(range), cell refs, +, -), so
 * tests check that Excel would compute the app's figures from the formulas themselves.
 */
import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';

// --- a small evaluator for the formulas the workbook uses: SUM(range), cell refs, +, - ------------

type Sheet = ExcelJS.Worksheet;

const memo = new WeakMap<Sheet, Map<string, Decimal>>();

function cellValue(ws: Sheet, ref: string, seen = new Set<string>()): Decimal {
  const cache = memo.get(ws) ?? new Map<string, Decimal>();
  memo.set(ws, cache);
  const hit = cache.get(ref);
  if (hit) return hit;
  if (seen.has(ref)) throw new Error(`circular ${ref}`);
  seen.add(ref);
  const v = ws.getCell(ref).value as ExcelJS.CellValue;
  let out: Decimal;
  if (v === null || v === undefined || v === '') out = new Decimal(0);
  else if (typeof v === 'number') out = new Decimal(String(v));
  else if (typeof v === 'object' && 'formula' in v) out = evaluate(ws, (v as ExcelJS.CellFormulaValue).formula, seen);
  else throw new Error(`not a number in ${ref}: ${JSON.stringify(v)}`);
  cache.set(ref, out);
  return out;
}

export function evaluate(ws: Sheet, formula: string, seen = new Set<string>()): Decimal {
  let total = new Decimal(0);
  const re = /([+-]?)(SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)|[A-Z]+\d+|\d+(?:\.\d+)?)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(formula)) !== null) {
    pos = re.lastIndex;
    let v: Decimal;
    if (m[3]) {
      v = new Decimal(0);
      for (let r = Number(m[4]); r <= Number(m[6]); r++) v = v.plus(cellValue(ws, `${m[3]}${r}`, new Set(seen)));
    } else if (/^\d/.test(m[2]!)) {
      v = new Decimal(m[2]!);
    } else {
      v = cellValue(ws, m[2]!, new Set(seen));
    }
    total = m[1] === '-' ? total.minus(v) : total.plus(v);
  }
  if (pos !== formula.length) throw new Error(`cannot evaluate ${formula}`);
  return total;
}

/** Every formula cell of a sheet: its evaluated value equals its cached result. Returns how many. */
export function checkFormulas(ws: Sheet): number {
  let n = 0;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellValue;
      if (v && typeof v === 'object' && 'formula' in v) {
        const f = v as ExcelJS.CellFormulaValue;
        const got = evaluate(ws, f.formula);
        expect(got.toFixed(2), `${ws.name}!${cell.address} ${f.formula}`).toBe(new Decimal(String(f.result ?? 0)).toFixed(2));
        n++;
      }
    }),
  );
  return n;
}

export function findRow(ws: Sheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`row "${label}" not on ${ws.name}`);
  return found;
}

