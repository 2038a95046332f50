/**
 * The renderer's only door to the books: `call(method, input)`. In Electron the preload script
 * exposes `window.kassa.call`; in browser mode we POST to the loopback server with the token we
 * were started with. Either way the answer is `{result}` or `{error:{code,message,field?}}`.
 */
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import type { MenuCommand } from '../../shared/api/app';
import { DOWNLOAD_RESULT_HEADER, type DownloadInput, type DownloadMethod } from '../../shared/api/downloads';
import i18n from './i18n';

export type { AppCapabilities, AppSettings, RecentFile } from '../../shared/api/app';
export type AnyMethod = MethodName;
export type InputFor<M extends MethodName> = ApiInput<M>;
export type OutputFor<M extends MethodName> = ApiOutput<M>;

/** An error from the API: a stable code, a Dutch message and optionally the field it is about. */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

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

const TOKEN_KEY = 'kassa-token';
let cachedToken: string | null | undefined;

/** Read the browser-mode token once from ?token=…, keep it for this tab, and take it out of the URL. */
function browserToken(): string | null {
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

/** Call once at start-up so the token leaves the address bar before anything renders. */
export function initApi(): void {
  if (!window.kassa) browserToken();
}

const networkMessage = () => i18n.t('errors.connection');

/**
 * The service-error texts (serverText.ts with shared/i18n/errors, ~90 kB for both languages)
 * are loaded with the first error, not in the first script chunk; the screens that show server
 * texts import them themselves, and the shell's prefetch loads those screens in idle time.
 * (".js": the Node typecheck of tests that reach this file resolves dynamic imports as node16.)
 */
async function unwrap(response: unknown): Promise<unknown> {
  if (typeof response === 'object' && response !== null) {
    const r = response as { result?: unknown; error?: unknown };
    if ('error' in r && r.error) {
      const { phrasesOf, serverText } = await import('./serverText.js');
      const e = r.error as { code?: unknown; message?: unknown; field?: unknown; details?: unknown };
      const details = typeof e.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : undefined;
      const message = typeof e.message === 'string' ? e.message : i18n.t('errors.unknown');
      throw new ApiError(
        typeof e.code === 'string' ? e.code : 'INTERNAL',
        serverText({ message, says: phrasesOf(details) }),
        typeof e.field === 'string' ? e.field : undefined,
        details,
      );
    }
    if ('result' in r) return r.result;
  }
  return response;
}

export async function call<M extends AnyMethod>(method: M, input: InputFor<M>): Promise<OutputFor<M>> {
  if (window.kassa) {
    let response: unknown;
    try {
      response = await window.kassa.call(method, input);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      const data = e as { code?: unknown; message?: unknown; field?: unknown };
      if (typeof data?.code === 'string' && typeof data.message === 'string') {
        throw new ApiError(data.code, data.message, typeof data.field === 'string' ? data.field : undefined);
      }
      throw new ApiError('INTERNAL', networkMessage());
    }
    return (await unwrap(response)) as OutputFor<M>;
  }
  const res = await post('/api', { method, input });
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('INTERNAL', res.status === 403 || res.status === 401 ? networkMessage() : i18n.t('errors.unknown'));
  }
  return (await unwrap(body)) as OutputFor<M>;
}

/** POST to the browser-mode server with the token, as JSON. */
async function post(path: '/api' | '/download', value: unknown): Promise<Response> {
  const token = browserToken();
  try {
    return await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Kassa-Token': token } : {}) },
      body: JSON.stringify(value),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('INTERNAL', networkMessage());
  }
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Hand bytes to the browser's own download (its download bar, its Downloads folder or "Save as"). */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns; a minute is plenty.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Browser mode: the server runs the export into a temporary place and sends the file back
 * (POST /download); it is saved as the browser's own download under `name`. Returns the method's
 * answer, with file names instead of server paths.
 */
export async function download<M extends DownloadMethod>(method: M, input: DownloadInput<M>, name: string): Promise<OutputFor<M>> {
  const res = await post('/download', { method, input, name });
  if ((res.headers.get('Content-Type') ?? '').startsWith('application/json') || !res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError('INTERNAL', i18n.t('errors.unknown'));
    }
    await unwrap(body);
    throw new ApiError('INTERNAL', i18n.t('errors.unknown'));
  }
  saveBlob(await res.blob(), name);
  const header = res.headers.get(DOWNLOAD_RESULT_HEADER);
  return (header ? JSON.parse(fromBase64Url(header)) : null) as OutputFor<M>;
}

/** True when the method is not known to this app build (an older or newer server). */
export function isUnknownMethod(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'UNKNOWN_METHOD';
}

