/**
 * The wire under api.ts, without its texts: this module is part of the first, tiny script chunk
 * (main.tsx), so it must not import i18n or React. It carries a call to the back end (Electron's
 * preload bridge, or a POST to the loopback server with the start-up token) and hands back what
 * came back, or why nothing did; api.ts turns that into a result or an ApiError with a text.
 */
import type { MenuCommand } from '../../shared/api/app';

interface KassaBridge {
  call(method: string, input: unknown): Promise<unknown>;
  /** Commands from the native menu (Electron only). Returns an unsubscribe function. */
  onMenu?: (cb: (command: MenuCommand | unknown) => void) => () => void;
}

declare global {
  interface Window {
    kassa?: KassaBridge;
  }
}

/**
 * What a call brought back: the answer's body ({result} | {error}), or a failure of the transport:
 * the bridge threw (its error data, if any), the server could not be reached, or its body was no JSON.
 */
export type Raw =
  | { body: unknown }
  | { failure: 'bridge'; error: unknown }
  | { failure: 'network' }
  | { failure: 'notJson'; status: number };

const TOKEN_KEY = 'kassa-token';
let cachedToken: string | null | undefined;

/** Read the browser-mode token once from ?token=…, keep it for this tab, and take it out of the URL. */
export function browserToken(): string | null {
  if (cachedToken !== undefined) return cachedToken;
  let token: string | null = null;
  try {
    const params = new URLSearchParams(window.location.search);
    const fromUrl = params.get('token');
    if (fromUrl) {
      token = fromUrl;
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      params.delete('token');
      const rest = params.toString();
      const clean = `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`;
      window.history.replaceState(window.history.state, '', clean);
    } else {
      token = window.sessionStorage.getItem(TOKEN_KEY);
    }
  } catch {
    // sessionStorage can be unavailable (privacy settings); the token from the URL still works once.
  }
  cachedToken = token;
  return token;
}

/** POST to the browser-mode server with the token, as JSON. Rejects only when it cannot be reached. */
export function post(path: '/api' | '/download', value: unknown): Promise<Response> {
  const token = browserToken();
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Kassa-Token': token } : {}) },
    body: JSON.stringify(value),
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

/** One call to the back end; never rejects (a failure is part of the answer). */
export async function send(method: string, input: unknown): Promise<Raw> {
  if (window.kassa) {
    try {
      return { body: await window.kassa.call(method, input) };
    } catch (error) {
      return { failure: 'bridge', error };
    }
  }
  let res: Response;
  try {
    res = await post('/api', { method, input });
  } catch {
    return { failure: 'network' };
  }
  try {
    return { body: await res.json() };
  } catch {
    return { failure: 'notJson', status: res.status };
  }
}
