import { centsToString, parseAmount } from '../../../shared/money';
import type { Coverage, CoverageSource, ProjectSummary } from '../../../shared/api/grants';
import type { GrantStatus } from '../../../shared/rules/grants';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';

/**
 * Coverage plan (dekkingsplan) of a project: what the project costs and who pays which part. The
 * grants whose project has this name (case-insensitive) are sources by themselves: awarded grants
 * count as confirmed, open applications as pending, rejected ones not at all. Other sources (own
 * contribution, sponsors, income from activities) are kept in the plan with a confirmed flag.
 */

interface GrantSourceRow { id: number; project: string; fund: string; status: GrantStatus; applied_cents: number; awarded_cents: number | null }
interface ItemRow { kind: 'cost' | 'source'; name: string; amount_cents: number; confirmed: number }

function planRow(books: Books, project: string): { id: number; project: string; note: string | null } | undefined {
  return books.raw('SELECT id, project, note FROM coverage_plans WHERE project = ? COLLATE NOCASE').get(project.trim()) as { id: number; project: string; note: string | null } | undefined;
}

export function grantSource(g: GrantSourceRow): CoverageSource & { c: bigint; p: bigint; a: bigint } {
  const applied = BigInt(g.applied_cents);
  let c = 0n;
  let p = 0n;
  if (g.status === 'awarded' || g.status === 'settled') c = BigInt(g.awarded_cents ?? g.applied_cents);
  else if (g.status === 'applied') p = applied;
  return {
    kind: 'grant', grant: g.id, name: g.project, fund: g.fund, status: g.status, applied: centsToString(applied),
    confirmed: centsToString(c), pending: centsToString(p), c, p, a: applied,
  };
}

export function getCoverage(books: Books, project: string): Coverage {
  const name = project.trim();
  const plan = planRow(books, name);
  const grants = books
    .raw(
      `SELECT g.id, g.project, c.name AS fund, g.status, g.applied_cents, g.awarded_cents FROM grants g JOIN contacts c ON c.id = g.fund_id
       WHERE g.project = ? COLLATE NOCASE ORDER BY g.start_date, g.id`,
    )
    .all(name) as GrantSourceRow[];
  const items = plan ? (books.raw('SELECT kind, name, amount_cents, confirmed FROM coverage_items WHERE plan_id = ? ORDER BY kind, sort, id').all(plan.id) as ItemRow[]) : [];
  const costs = items.filter((i) => i.kind === 'cost');
  const others = items.filter((i) => i.kind === 'source');
  const sources = [
    ...grants.map(grantSource),
    ...others.map((o) => {
      const amt = BigInt(o.amount_cents);
      const c = o.confirmed ? amt : 0n;
      const p = o.confirmed ? 0n : amt;
      return {
        kind: 'other' as const, grant: null, name: o.name, fund: null, status: null, applied: centsToString(amt),
        confirmed: centsToString(c), pending: centsToString(p), c, p, a: amt,
      };
    }),
  ];
  const costTotal = costs.reduce((s, c) => s + BigInt(c.amount_cents), 0n);
  const confirmed = sources.reduce((s, x) => s + x.c, 0n);
  const pending = sources.reduce((s, x) => s + x.p, 0n);
  const applied = sources.reduce((s, x) => s + x.a, 0n);
  return {
    project: plan?.project ?? grants[0]?.project ?? name,
    exists: plan !== undefined || grants.length > 0,
    note: plan?.note ?? null,
    costs: costs.map((c) => ({ name: c.name, amount: centsToString(c.amount_cents) })),
    costTotal: centsToString(costTotal),
    sources: sources.map(({ c: _c, p: _p, a: _a, ...s }) => s),
    otherSources: others.map((o) => ({ name: o.name, amount: centsToString(o.amount_cents), confirmed: o.confirmed === 1 })),
    totals: {
      applied: centsToString(applied),
      confirmed: centsToString(confirmed),
      pending: centsToString(pending),
      gap: centsToString(costTotal - confirmed),
      gapIfAllAwarded: centsToString(costTotal - confirmed - pending),
    },
  };
}

export function setCoverage(
  books: Books,
  input: { project: string; note?: string | undefined; costs: { name: string; amount: string }[]; otherSources?: { name: string; amount: string; confirmed?: boolean | undefined }[] | undefined },
): Coverage {
  return books.tx(() => {
    const name = input.project.trim();
    let plan = planRow(books, name);
    if (!plan) {
      const id = Number(books.raw('INSERT INTO coverage_plans (project, note, updated_at) VALUES (?, ?, ?)').run(name, input.note?.trim() || null, nowIso()).lastInsertRowid);
      plan = { id, project: name, note: input.note?.trim() || null };
    } else {
      books.raw('UPDATE coverage_plans SET note = ?, updated_at = ? WHERE id = ?').run(input.note !== undefined ? input.note.trim() || null : plan.note, nowIso(), plan.id);
    }
    books.raw('DELETE FROM coverage_items WHERE plan_id = ?').run(plan.id);
    const ins = books.raw('INSERT INTO coverage_items (plan_id, kind, name, amount_cents, confirmed, sort) VALUES (?, ?, ?, ?, ?, ?)');
    input.costs.forEach((c, i) => ins.run(plan.id, 'cost', c.name.trim(), parseAmount(c.amount, `costs.${i}.amount`, { allowZero: true }), 0, i + 1));
    (input.otherSources ?? []).forEach((s, i) =>
      ins.run(plan.id, 'source', s.name.trim(), parseAmount(s.amount, `otherSources.${i}.amount`, { allowZero: true }), s.confirmed ? 1 : 0, i + 1),
    );
    appendAudit(books, 'coverage.set', 'coverage_plan', plan.id, input);
    return getCoverage(books, name);
  });
}

/** Every project: named by a grant or by a coverage plan. */
export function listProjects(books: Books): ProjectSummary[] {
  const names = books
    .raw(
      `SELECT project FROM (SELECT project FROM grants WHERE archived = 0 UNION SELECT project FROM coverage_plans)
       GROUP BY lower(project) ORDER BY project COLLATE NOCASE`,
    )
    .all() as { project: string }[];
  return names.map(({ project }) => {
    const c = getCoverage(books, project);
    return {
      project: c.project,
      grants: c.sources.filter((s) => s.kind === 'grant').length,
      hasPlan: books.raw('SELECT 1 FROM coverage_plans WHERE project = ? COLLATE NOCASE').get(project) !== undefined,
      costTotal: c.costTotal,
      confirmed: c.totals.confirmed,
    };
  });
}
