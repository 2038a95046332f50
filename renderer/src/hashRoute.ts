// The screen and its parameters in the address; no React here, so main.tsx's tiny first chunk
// (primed.ts) can tell which screen opens first.

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
