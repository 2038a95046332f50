/**
 * The renderer's only door to the books: `call(method, input)`. In Electron the preload script
 * exposes `window.kassa.call`; in browser mode we POST to the loopback server with the token we
 * were started with. Either way the answer is `{result}` or `{error:{code,message,field?}}`.
 */
import type { ApiInput, ApiOutput, MethodName } from '../../shared/api';
import { DOWNLOAD_RESULT_HEADER, type DownloadInput, type DownloadMethod } from '../../shared/api/downloads';
import i18n from './i18n';
import { takeRaw } from './primed';
import { post, send, type Raw } from './transport';
import { countIfWrite } from './writeCount';

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

/** A raw answer (transport.ts) as the result, or the ApiError it carries, with its text. */
async function settle(raw: Raw): Promise<unknown> {
  if ('body' in raw) return unwrap(raw.body);
  if (raw.failure === 'bridge') {
    const e = raw.error;
    if (e instanceof ApiError) throw e;
    const data = e as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof data?.code === 'string' && typeof data.message === 'string') {
      throw new ApiError(data.code, data.message, typeof data.field === 'string' ? data.field : undefined);
    }
    throw new ApiError('INTERNAL', networkMessage());
  }
  if (raw.failure === 'network') throw new ApiError('INTERNAL', networkMessage());
  throw new ApiError('INTERNAL', raw.status === 403 || raw.status === 401 ? networkMessage() : i18n.t('errors.unknown'));
}

/** Counted before and after (writeCount.ts): an answer to a read that overlaps a write is not kept. */
async function counted<T>(method: string, run: () => Promise<T>): Promise<T> {
  countIfWrite(method);
  try {
    return await run();
  } finally {
    countIfWrite(method);
  }
}

export function call<M extends AnyMethod>(method: M, input: InputFor<M>): Promise<OutputFor<M>> {
  return counted(method, async () => (await settle(await send(method, input))) as OutputFor<M>);
}

/**
 * The answer of a call primed at start-up (primed.ts) for this method and input (its JSON), once;
 * undefined when there is none, and the caller makes the call itself.
 */
export function takePrimed<M extends AnyMethod>(method: M, inputJson: string): Promise<OutputFor<M>> | undefined {
  const raw = takeRaw(method, inputJson);
  return raw ? (raw.then(settle) as Promise<OutputFor<M>>) : undefined;
}

/** POST to the browser-mode server; only a server that cannot be reached is an error here. */
async function postOrFail(path: '/api' | '/download', value: unknown): Promise<Response> {
  try {
    return await post(path, value);
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
export function download<M extends DownloadMethod>(method: M, input: DownloadInput<M>, name: string): Promise<OutputFor<M>> {
  return counted(method, () => fetchDownload(method, input, name));
}

async function fetchDownload<M extends DownloadMethod>(method: M, input: DownloadInput<M>, name: string): Promise<OutputFor<M>> {
  const res = await postOrFail('/download', { method, input, name });
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

