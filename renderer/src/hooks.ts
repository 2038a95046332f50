import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Account } from '../../shared/api/types';
import { ApiError, call, takePrimed, type AnyMethod, type InputFor, type OutputFor } from './api';
import { useApp } from './context';
import { askKept, FRESH_MS, isKept, keptAnswer, keptScope } from './keptAnswers';

export interface Loaded<T> {
  data: T | null;
  /** The input (its JSON) that `data` answers: while a new question is out, `data` is the last one's. */
  dataKey: string | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Load one API method and reload when `key` (a JSON of the input) or the books change.
 * Stale answers (from an older input) are dropped.
 */
export function useApi<M extends AnyMethod>(method: M, input: InputFor<M> | null): Loaded<OutputFor<M>> {
  const { booksVersion, info } = useApp();
  const key = input === null ? null : JSON.stringify(input);
  // Reads of the books: the last answer draws at once and is refreshed behind it (keptAnswers.ts).
  const scope = keptScope(info?.path ?? '', booksVersion);
  const keep = isKept(method);
  const kept = keep && key !== null ? keptAnswer(method, key, scope) : undefined;
  const [data, setData] = useState<OutputFor<M> | null>(kept?.data ?? null);
  const [dataKey, setDataKey] = useState<string | null>(kept ? key : null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null && kept === undefined);
  const [tick, setTick] = useState(0);
  const ticked = useRef(0);
  const seq = useRef(0);
  // A refresh behind a kept answer is not sent once the screen is gone.
  const mounted = useMounted();
  // The JSON of the answer on screen, so the same answer from the refresh draws nothing again.
  const shown = useRef<string | null>(kept?.json ?? null);
  // Without a kept answer the first call goes out while the screen renders, not after React has
  // drawn and committed it (issue 18: the server then works beside the first render instead of
  // after it). Lazily set once (the pattern React allows for refs in render); the effect below
  // takes it for the same question.
  const early = useRef<{ key: string | null; scope: string; answer: Promise<OutputFor<M>> | null } | null>(null);
  if (early.current === null) {
    // A kept read shares the call already on its way for the same question (another part of the
    // screen, or the shell's warming of the shared lists).
    const answer = key === null || kept !== undefined ? null : keep ? askKept(method, key, scope, { started: primed(method, key, booksVersion) }).then((r) => r.data) : ask(method, key, booksVersion);
    // Nobody may take it (the render was dropped): no unhandled rejection then.
    answer?.catch(() => undefined);
    early.current = { key, scope, answer };
  }

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    // reload(): a fresh answer now, not the kept one.
    const reloaded = tick !== ticked.current;
    ticked.current = tick;
    const first = early.current;
    const started = first?.answer && first.key === key && first.scope === scope ? first.answer : undefined;
    if (first) first.answer = null;
    // The call made during the first render is this question's answer (kept by now or not).
    const current = keep && !reloaded && !started ? keptAnswer(method, key, scope) : undefined;
    if (current === undefined) setLoading(true);
    else if (current.json !== shown.current) {
      // Another question than the one on screen (a year chosen) with a kept answer: draw it now.
      setData(current.data);
      shown.current = current.json;
      setError(null);
      setLoading(false);
    }
    if (current !== undefined) setDataKey(key);
    // Just asked (by the start-up calls, or a moment ago): no second call right behind it.
    if (current !== undefined && Date.now() - current.at < FRESH_MS) return;
    const answer: Promise<{ json: string | null; data: OutputFor<M> }> = keep
      ? askKept(method, key, scope, current !== undefined ? { background: true, wanted: () => seq.current === mine && mounted.current } : { started: started ?? primed(method, key, booksVersion) })
      : (started ?? ask(method, key, booksVersion)).then((d) => ({ json: null, data: d }));
    answer
      .then((r) => {
        if (seq.current !== mine) return;
        if (r.json === null || r.json !== shown.current) setData(r.data);
        // The same answer as the last question's (two searches that find nothing) still answers this one.
        setDataKey(key);
        shown.current = r.json;
        setError(null);
      })
      .catch((e: unknown) => {
        if (seq.current !== mine) return;
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        if (seq.current === mine) setLoading(false);
      });
    // `scope` holds booksVersion: a change in the books reloads as before.
  }, [method, key, scope, keep, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, dataKey, error, loading, reload };
}

/** A ref that is true while the component is mounted (for work that finishes after it may be gone). */
export function useMounted(): { readonly current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

/** The answer primed at start-up for the first screen (primed.ts), if this is its question. */
function primed<M extends AnyMethod>(method: M, key: string, booksVersion: number): Promise<OutputFor<M>> | undefined {
  return booksVersion === 0 ? takePrimed(method, key) : undefined;
}

/** One call: the answer primed at start-up for the first screen, else a new call. */
function ask<M extends AnyMethod>(method: M, key: string, booksVersion: number): Promise<OutputFor<M>> {
  return primed(method, key, booksVersion) ?? call(method, JSON.parse(key) as InputFor<M>);
}

export function useAccounts(includeArchived = false): Loaded<Account[]> {
  return useApi('accounts.list', includeArchived ? { includeArchived: true } : {});
}

export function useYears() {
  return useApi('years.list', {});
}

/** Field errors keyed by the API's field path ("lines.0.account"), plus one general message. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** The same errors without those about `fields` (and their sub-fields): called when the user edits them. */
export function dropErrors(e: FormErrors, fields: string[]): FormErrors {
  const keys = Object.keys(e.fields);
  const keep = keys.filter((k) => !fields.some((f) => k === f || k.startsWith(`${f}.`)));
  if (keep.length === keys.length) return e;
  return { general: e.general, fields: Object.fromEntries(keep.map((k) => [k, e.fields[k]!])) };
}

/** Turn a thrown error into form errors. `fieldMap` renames API fields (e.g. path errors without a field). */
export function formErrorsFrom(e: unknown, known: readonly string[] = [], fallbackField?: (code: string) => string | undefined): FormErrors {
  if (e instanceof ApiError) {
    const field = e.field ?? fallbackField?.(e.code);
    if (field && (known.length === 0 || known.includes(field) || known.some((k) => field.startsWith(`${k}.`)))) {
      return { fields: { [field]: e.message }, general: null };
    }
    return { fields: {}, general: e.message };
  }
  return { fields: {}, general: e instanceof Error ? e.message : String(e) };
}

/** Put focus on the element with this id once React has painted. */
export function focusById(id: string): void {
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el instanceof HTMLFieldSetElement) {
      // A group of choices: focus the chosen one, else the first, so the arrow keys work at once.
      const target = el.querySelector<HTMLInputElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, button, textarea');
      (target ?? el).focus();
    } else if (el) el.focus();
  });
}

export function useMoneyAccounts(accounts: Account[] | null) {
  return useMemo(() => (accounts ?? []).filter((a) => a.kind !== null && !a.archived), [accounts]);
}
