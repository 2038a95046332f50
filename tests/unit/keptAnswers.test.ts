import { beforeAll, describe, expect, it } from 'vitest';
import { READ_METHODS, WRITE_METHODS } from '../../shared/api/methodKinds';

/**
 * Issue 18, screens from click to data: a screen's last answer is kept and drawn at once on the
 * next visit, then asked again behind it. Kept answers must never outlive a change: any call that
 * may write (every method not in READ_METHODS) makes them stale, even when the screen that wrote
 * forgets to tell the shell. The renderer's modules run here against a fake Electron bridge.
 */

type Call = { method: string; input: unknown };
const calls: Call[] = [];
let answers: Record<string, unknown> = {};
let hold: Promise<void> | null = null;

beforeAll(() => {
  const g = globalThis as unknown as { window: unknown; document: unknown };
  g.window = {
    kassa: {
      async call(method: string, input: unknown) {
        calls.push({ method, input });
        if (hold) await hold;
        return { result: answers[method] ?? null };
      },
    },
    setTimeout: (fn: () => void) => setTimeout(fn, 0),
    addEventListener: () => undefined,
    requestIdleCallback: (fn: () => void) => setTimeout(fn, 0),
  };
  g.document = { documentElement: {} };
});

const load = async () => {
  const kept = await import('../../renderer/src/keptAnswers.js');
  const api = await import('../../renderer/src/api.js');
  return { ...kept, call: api.call };
};

describe('kept answers', () => {
  it('keeps reads of figures and lists, never files, the session or writes', async () => {
    const { isKept } = await load();
    for (const m of ['reports.ledgerPage', 'reports.trialBalance', 'entries.list', 'bank.inbox', 'accounts.list', 'years.list', 'reports.dashboard']) expect(isKept(m), m).toBe(true);
    for (const m of ['invoices.pdf', 'statements.xlsx', 'export.xaf', 'receipts.file', 'invoices.attachment', 'admin.info', 'app.settings.get', 'backups.list', 'volunteers.statementPdf', 'audit.verify']) {
      expect(isKept(m), m).toBe(false);
    }
    for (const m of WRITE_METHODS) expect(isKept(m), m).toBe(false);
    expect([...READ_METHODS].filter((m) => WRITE_METHODS.has(m))).toEqual([]);
  });

  it('draws the kept answer for the same question and scope, and a write makes it stale', async () => {
    const { askKept, keptAnswer, keptScope, call } = await load();
    const scope = keptScope('/tmp/a.kassa', 0);
    answers = { 'reports.trialBalance': { rows: [1, 2] } };
    expect(keptAnswer('reports.trialBalance', '{}', scope)).toBeUndefined();
    const first = await askKept('reports.trialBalance', '{}', scope);
    expect(first.data).toEqual({ rows: [1, 2] });
    expect(keptAnswer('reports.trialBalance', '{}', scope)?.data).toEqual({ rows: [1, 2] });
    // Another question, another administration, another books version: not this answer.
    expect(keptAnswer('reports.trialBalance', '{"year":2025}', scope)).toBeUndefined();
    expect(keptAnswer('reports.trialBalance', '{}', keptScope('/tmp/b.kassa', 0))).toBeUndefined();
    expect(keptAnswer('reports.trialBalance', '{}', keptScope('/tmp/a.kassa', 1))).toBeUndefined();

    // A read leaves it; a write (even a refused one) makes it stale.
    await call('accounts.list', {});
    expect(keptAnswer('reports.trialBalance', '{}', scope)).toBeDefined();
    await call('money.spent', {} as never);
    expect(keptAnswer('reports.trialBalance', '{}', scope)).toBeUndefined();

    // Opening a file again (the CLI may have changed it while it was closed): nothing kept counts.
    await askKept('reports.trialBalance', '{}', scope);
    await call('admin.open', { path: '/tmp/a.kassa' });
    expect(keptAnswer('reports.trialBalance', '{}', scope)).toBeUndefined();
  });

  it('forgets what it kept when the window gets the focus back', async () => {
    const { askKept, keptAnswer, keptScope } = await load();
    const { forgetOnReturn } = await import('../../renderer/src/writeCount.js');
    const scope = keptScope('/tmp/d.kassa', 0);
    const target = new EventTarget();
    const w = Object.assign(target, { document: { visibilityState: 'hidden' as DocumentVisibilityState } });
    forgetOnReturn(w);
    answers = { 'reports.balanceSheet': { total: 1 } };
    await askKept('reports.balanceSheet', '{}', scope);
    // Hidden, not yet back: kept.
    w.dispatchEvent(new Event('visibilitychange'));
    expect(keptAnswer('reports.balanceSheet', '{}', scope)).toBeDefined();
    // Back (a second tab or a terminal may have changed the books meanwhile): asked again.
    w.document.visibilityState = 'visible';
    w.dispatchEvent(new Event('visibilitychange'));
    expect(keptAnswer('reports.balanceSheet', '{}', scope)).toBeUndefined();
    await askKept('reports.balanceSheet', '{}', scope);
    w.dispatchEvent(new Event('focus'));
    expect(keptAnswer('reports.balanceSheet', '{}', scope)).toBeUndefined();
  });

  it('does not keep an answer that crossed a write', async () => {
    const { askKept, keptAnswer, keptScope, call } = await load();
    const scope = keptScope('/tmp/a.kassa', 0);
    answers = { 'bank.inbox': { items: ['old'] } };
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const reading = askKept('bank.inbox', '{}', scope);
    const writing = call('bank.confirm', {} as never);
    release();
    hold = null;
    await Promise.all([reading, writing]);
    // The screen that asked gets its answer, but the next visit asks again.
    expect((await reading).data).toEqual({ items: ['old'] });
    expect(keptAnswer('bank.inbox', '{}', scope)).toBeUndefined();
  });

  it("keeps the first screen's start-up answers that came in before the shell draws", async () => {
    const { keepPrimed, keptAnswer, keptScope } = await load();
    const { prime } = await import('../../renderer/src/primed.js');
    const scope = keptScope('/tmp/e.kassa', 0);
    answers = { 'reports.dashboard': { bank: '12.50' } };
    hold = null;
    prime('reports.dashboard', {});
    // Not in yet: nothing kept, the screen takes the call itself.
    keepPrimed(scope);
    expect(keptAnswer('reports.dashboard', '{}', scope)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    keepPrimed(scope);
    expect(keptAnswer('reports.dashboard', '{}', scope)?.data).toEqual({ bank: '12.50' });
  });

  it('shares one call between screens asking the same at once, and refreshes in the background', async () => {
    const { askKept, keptScope } = await load();
    const scope = keptScope('/tmp/c.kassa', 0);
    answers = { 'years.list': [2026] };
    calls.length = 0;
    const [a, b] = await Promise.all([askKept('years.list', '{}', scope), askKept('years.list', '{}', scope)]);
    expect(a).toBe(b);
    expect(calls.filter((c) => c.method === 'years.list')).toHaveLength(1);
    answers = { 'years.list': [2026, 2027] };
    const again = await askKept('years.list', '{}', scope, { background: true });
    expect(again.data).toEqual([2026, 2027]);
    expect(calls.filter((c) => c.method === 'years.list')).toHaveLength(2);
    // A screen that needs the answer now does not wait for a refresh that waits for idle time.
    answers = { 'years.list': [2030] };
    const waiting = askKept('years.list', '{}', scope, { background: true });
    const now = await askKept('years.list', '{}', scope);
    expect(now.data).toEqual([2030]);
    await waiting;
    // The screen is gone by the idle moment: no call competes with the next screen's own.
    answers = { 'years.list': [2028] };
    const before = calls.filter((c) => c.method === 'years.list').length;
    const skipped = await askKept('years.list', '{}', scope, { background: true, wanted: () => false });
    expect(skipped.data).toEqual([2030]);
    expect(calls.filter((c) => c.method === 'years.list')).toHaveLength(before);
  });
});
