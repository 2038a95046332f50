import { useEffect, useState } from 'react';

/** Screen ids the lessons may link to (shared/lessons/schema.ts SCREEN_IDS) plus the welcome screen. */
export type ScreenId =
  | 'welcome'
  | 'dashboard'
  | 'money-in'
  | 'money-out'
  | 'transfer'
  | 'journal'
  | 'manual-entry'
  | 'ledger'
  | 'trial-balance'
  | 'accounts'
  | 'settings'
  | (string & {});

export interface Route {
  screen: ScreenId;
  params: URLSearchParams;
}

/** "#/ledger?account=1100" -> { screen: 'ledger', params: account=1100 }. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const screen = (q >= 0 ? raw.slice(0, q) : raw) || 'dashboard';
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  return { screen, params };
}

export function hrefFor(screen: ScreenId, params?: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#/${screen}${s ? `?${s}` : ''}`;
}

export function navigate(screen: ScreenId, params?: Record<string, string | number | undefined>): void {
  const next = hrefFor(screen, params);
  if (window.location.hash === next) {
    // Same place: still tell listeners so a screen can reset itself.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = next;
  }
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}
