// Where a screen's time goes (issue 18's "click -> data on screen <= 100 ms"): the same clicks as
// screens.bench.mjs, each under a Chromium performance trace, on the books that bench leaves in
// tests/bench/out (run `node tests/bench/run.mjs screens` once first). Not a *.bench.mjs: run.mjs
// does not pick it up; run it by hand: node tests/bench/screens-trace.mjs [rounds] [--profile].
//
// Per screen it prints medians of
//   - in-page wall time: from the pointerdown of the click to the moment the bench's readiness
//     selector first matches (a MutationObserver), and to the frame after it (a rAF), i.e. without
//     Playwright's own overhead (its actionability checks and polling);
//   - the renderer main thread's CPU time (thread time, `tdur`) in that window, split into script,
//     compile, style, layout, paint, GC and other: on a shared machine the steadier figure;
//   - the API requests made, and the last change to the page after the match (rows drawn in a
//     second step) with the main thread's CPU time up to then.
// With --profile it also samples V8 (100 µs) and prints the functions with the most self time;
// build the renderer unminified for readable names: npx vite build --config renderer/vite.config.ts --minify false
/* global window, document, MutationObserver, requestAnimationFrame -- used inside page.evaluate, which runs in the page */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../chromium.mjs';
import { machineNote, median, outDir, startBrowserMode } from './lib.mjs';

const file = path.join(outDir, 'screens-100k.kassa');
if (!existsSync(file)) throw new Error(`${file} is missing: run node tests/bench/run.mjs screens first`);
const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const profile = process.argv.includes('--profile');
// --timeline: for the last click on each screen, the main thread's tasks and the API requests in order.
const timeline = process.argv.includes('--timeline');
// --only=journal,ledger: just these screens; --settle=0: click at once after the start (the bench's
// first click), not after the idle prefetch had time; --timeline-round=0: print that round's timeline.
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = arg('only')?.split(',');
const settle = Number(arg('settle') ?? 1500);
const timelineRound = arg('timeline-round');

const ALL_SCREENS = [
  ['journal', '[data-testid="journal-list"][data-ready="true"] [data-testid="journal-row"]'],
  ['ledger', '[data-testid="ledger-table"] [data-testid="ledger-row"]'],
  ['trial-balance', '[data-testid="trial-balance-table"] tbody tr'],
  ['statements', '[data-testid="balance-check"]'],
  ['bank-inbox', '[data-testid="bank-inbox-table"] tbody tr'],
];

const SCREENS = ALL_SCREENS.filter(([id]) => !only || only.includes(id));

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'netlog',
  ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : []),
];

/** Event names -> the group their self time counts for. */
function groupOf(name) {
  if (/^(V8\.GC|MinorGC|MajorGC|BlinkGC|GCEvent|CppGC)/.test(name)) return 'gc';
  if (/Compile|ParseScript|v8\.parse|v8\.compile|ScriptStreaming|PreParse|V8\.Deserialize/i.test(name)) return 'compile';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::(recalcStyle|rebuildLayoutTree|updateStyle)|StyleEngine)/.test(name)) return 'style';
  if (/^(Layout|LocalFrameView::performLayout|InlineNode::|LayoutShift|ComputeIntersections|HitTest)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|Blink\.(PrePaint|Paint|CompositingInputs|CompositingCommit|Layerize)|PaintArtifactCompositor)/.test(name)) return 'paint';
  if (/^(Receive mojo message|SimpleWatcher|ResourceFetcher|URLLoader|ResponseBodyLoader|TextResourceDecoder|ResourceRequestSender|ThrottlingURLLoader|MessagePort|ResourceLoad|ResourceSendRequest|ResourceReceive|ResourceFinish)/.test(name)) return 'net';
  if (/^(FunctionCall|EvaluateScript|V8\.Execute|v8\.run|v8\.callFunction|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|XHRReadyStateChange|v8\.evaluateModule|V8\.RunMicrotasks|FireIdleCallback|HandlePostMessage|ParseHTML|V8\.HandleInterrupts|V8\.BytecodeBudgetInterrupt|V8\.DeoptimizeCode|BlinkScheduler_PerformMicrotaskCheckpoint)/.test(name)) return 'script';
  return 'other';
}

/** Self thread time per group on one thread, inside [from, to] (µs, trace clock). */
function breakdown(events, from, to) {
  const xs = events.filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to && typeof e.tdur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const groups = { script: 0, compile: 0, style: 0, layout: 0, paint: 0, net: 0, gc: 0, other: 0 };
  const stack = [];
  let total = 0;
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= until) {
      const done = stack.pop();
      const self = Math.max(0, done.tdur - done.childT);
      groups[groupOf(done.name)] += self;
      if (process.env.TRACE_NAMES && groupOf(done.name) === 'other') names.set(done.name, (names.get(done.name) ?? 0) + self);
      if (stack.length === 0) total += done.tdur;
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.childT += e.tdur;
    stack.push({ ...e, childT: 0 });
  }
  close(Infinity);
  return { total, groups };
}

/**
 * Self time per function from the V8 sampling profile in the trace (ProfileChunk events), and
 * inclusive time ("<name> [incl]") for functions named like React components (capitalised).
 */
function hotFunctions(events, from, to, into) {
  const nodes = new Map();
  const parents = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
      nodes.set(`${e.id}:${n.id}`, n.callFrame);
      if (n.parent !== undefined) parents.set(`${e.id}:${n.id}`, `${e.id}:${n.parent}`);
    }
  }
  const label = (f) => `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}:${f.lineNumber}`;
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const d = e.args?.data;
    let ts = null;
    const samples = d?.cpuProfile?.samples ?? [];
    const deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      ts = (ts ?? e.args.data.startTime ?? e.ts) + deltas[i];
      if (ts < from || ts > to) continue;
      const key = `${e.id}:${samples[i]}`;
      const f = nodes.get(key);
      if (!f || f.functionName === '(idle)' || f.functionName === '(program)') continue;
      const w = Math.min(deltas[i + 1] ?? 100, 1000);
      into.set(label(f), (into.get(label(f)) ?? 0) + w);
      const seen = new Set();
      for (let k = key; k !== undefined; k = parents.get(k)) {
        const g = nodes.get(k);
        if (!g || !/^[A-Z]/.test(g.functionName) || seen.has(g.functionName)) continue;
        seen.add(g.functionName);
        const l = `${label(g)} [incl]`;
        into.set(l, (into.get(l) ?? 0) + w);
      }
    }
  }
}

const names = new Map();

/** The top-level tasks (> 0.5 ms) on the main thread and the API requests, in ms from the pointerdown. */
function printTimeline(id, main, all, from, to) {
  const ms = (ts) => ((ts - from) / 1000).toFixed(1).padStart(6);
  const lines = [];
  const tops = main.filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const seen = [];
  for (const t of tops.sort((a, b) => a.ts - b.ts)) {
    if (seen.some((s) => t.ts >= s.ts && t.ts < s.ts + s.dur)) continue;
    seen.push(t);
    if (t.dur < 500) continue;
    const inside = main.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts < t.ts + t.dur && e !== t && e.dur >= 300);
    const kinds = new Map();
    for (const e of inside) {
      const label = e.name === 'EventDispatch' ? `Event:${e.args?.data?.type}` : e.name === 'FunctionCall' ? `Fn:${(e.args?.data?.functionName || '?')}` : e.name;
      kinds.set(label, Math.max(kinds.get(label) ?? 0, e.dur));
    }
    const desc = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, d]) => `${k} ${(d / 1000).toFixed(1)}`).join(', ');
    lines.push([t.ts, `${ms(t.ts)} task ${(t.dur / 1000).toFixed(1)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)}): ${desc}`]);
  }
  for (const e of all) {
    if (e.ts < from || e.ts > to) continue;
    if (e.name === 'ResourceSendRequest') lines.push([e.ts, `${ms(e.ts)} send ${e.args?.data?.url?.replace(/^https?:\/\/[^/]+/, '').slice(0, 60)} ${e.args?.data?.requestId}`]);
    if (e.name === 'ResourceReceiveResponse') lines.push([e.ts, `${ms(e.ts)} response ${e.args?.data?.requestId}`]);
    if (e.name === 'ResourceFinish') lines.push([e.ts, `${ms(e.ts)} finish ${e.args?.data?.requestId}`]);
  }
  console.log(`--- ${id}`);
  for (const [, l] of lines.sort((a, b) => a[0] - b[0])) console.log(l);
}
const browser = await launchChromium();
const settingsDir = mkdtempSync(path.join(os.tmpdir(), 'kassa-trace-screens-'));
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const { child } = await startBrowserMode(page, process.execPath, ['scripts/start.mjs', file], settingsDir);
// Let the idle prefetch of the screens' chunks finish, as it would while a treasurer reads the dashboard.
if (settle > 0) await page.waitForTimeout(settle);

const results = new Map(SCREENS.map(([id]) => [id, []]));
const hot = new Map(SCREENS.map(([id]) => [id, new Map()]));
for (let round = 0; round < rounds; round++) {
  for (const [id, ready] of SCREENS) {
    if (!(round === 0 && settle === 0 && id === SCREENS[0][0])) {
      await page.locator('nav a[data-screen="dashboard"]').click();
      await page.locator('main').getByText('€').first().waitFor();
      await page.waitForTimeout(100);
    }
    // The probe: pointerdown time, the first moment the selector matches, and the next frame.
    await page.evaluate((sel) => {
      const w = window;
      w.__probe = new Promise((resolve) => {
        let down = null;
        let requests = 0;
        const origFetch = w.fetch;
        w.fetch = (...a) => {
          requests++;
          return origFetch(...a);
        };
        w.addEventListener('pointerdown', (e) => (down = e.timeStamp), { capture: true, once: true });
        // After the match: the last change to the page (rows drawn in a second step, late texts)
        // until 300 ms pass without one.
        let matched = null;
        let frame = null;
        let last = null;
        const settle = () => {
          if (performance.now() - last < 300) return void setTimeout(settle, 50);
          mo.disconnect();
          w.fetch = origFetch;
          resolve({ down, matched, frame, settled: last, requests });
        };
        const mo = new MutationObserver(() => {
          if (matched !== null) {
            last = performance.now();
            return;
          }
          if (down === null || !document.querySelector(sel)) return;
          matched = last = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              frame = performance.now();
              settle();
            }),
          );
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    }, ready);
    await browser.startTracing(page, { categories: CATEGORIES });
    const t0 = performance.now();
    await page.locator(`nav a[data-screen="${id}"]`).click();
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    // As the bench measures it (with Playwright's own checks and polling; tracing slows both a bit).
    const outside = performance.now() - t0;
    const probe = await page.evaluate(() => window.__probe);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    const events = trace.traceEvents ?? trace;
    // The page's main thread: the renderer's CrRendererMain (one page, one renderer).
    const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    let best = null;
    for (const m of mains) {
      const evs = events.filter((e) => e.pid === m.pid && e.tid === m.tid);
      if (!best || evs.length > best.length) best = evs;
    }
    // Trace clock of the pointerdown: the EventDispatch of type pointerdown on that thread.
    const downEv = best.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointerdown');
    const from = downEv ? downEv.ts : Math.min(...best.filter((e) => e.ph === 'X').map((e) => e.ts));
    const to = from + (probe.frame - probe.down) * 1000;
    const b = breakdown(best, from, to);
    const whole = breakdown(best, from, from + (Math.max(probe.settled, probe.frame) - probe.down) * 1000);
    results.get(id).push({
      outside,
      matched: probe.matched - probe.down,
      frame: probe.frame - probe.down,
      settled: probe.settled - probe.down,
      requests: probe.requests,
      cpu: b.total / 1000,
      cpuSettled: whole.total / 1000,
      groups: b.groups,
    });
    if (profile) hotFunctions(events, from, to, hot.get(id));
    if (timeline && round === (timelineRound === undefined ? rounds - 1 : Number(timelineRound))) printTimeline(id, best, events, from, to);
  }
}
const exited = new Promise((r) => child.once('exit', r));
process.kill(-child.pid, 'SIGTERM');
await exited;
await browser.close();
rmSync(settingsDir, { recursive: true, force: true });

if (process.env.TRACE_NAMES) console.log([...names].sort((a, b) => b[1] - a[1]).slice(0, 40));
console.log(`machine: ${machineNote()}; ${rounds} clicks per screen, medians`);
for (const [id, list] of results) {
  const g = (k) => median(list.map((r) => r.groups[k] / 1000)).toFixed(1);
  console.log(
    `  ${id.padEnd(13)} bench-style ${median(list.map((r) => r.outside)).toFixed(0)} ms; in-page click->data ${median(list.map((r) => r.matched)).toFixed(0)} ms, ->next frame ${median(list.map((r) => r.frame)).toFixed(0)} ms; ` +
      `main-thread CPU ${median(list.map((r) => r.cpu)).toFixed(1)} ms (least ${Math.min(...list.map((r) => r.cpu)).toFixed(1)}; script ${g('script')}, compile ${g('compile')}, style ${g('style')}, layout ${g('layout')}, paint ${g('paint')}, net ${g('net')}, gc ${g('gc')}, other ${g('other')}); ` +
      `requests ${median(list.map((r) => r.requests))}; last change ${median(list.map((r) => r.settled)).toFixed(0)} ms, CPU to then ${median(list.map((r) => r.cpuSettled)).toFixed(1)} ms`,
  );
  if (profile) {
    const top = [...hot.get(id)].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [k, us] of top) console.log(`      ${(us / 1000 / rounds).toFixed(2).padStart(6)} ms  ${k}`);
  }
}
