import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { KassaError } from '../shared/errors';
import { DOWNLOAD_RESULT_HEADER } from '../shared/api/downloads';
import { handle } from './api';
import { warmDomains } from './apiDomains';
import { runDownload } from './download';
import { createAppSession } from './app/handlers';
import { appRoot } from './app/paths';
import { SECURITY_HEADERS } from './security';
import type { Session } from './session';
import { resolveStatic } from './static';
import { said } from '../shared/phrase';

/**
 * Browser mode: the same dispatcher behind a tiny HTTP server on 127.0.0.1, for machines without
 * an Electron binary and for tests.
 *
 * Protocol (renderer/src/api.ts is the client):
 *   GET  /?token=TOKEN             index.html; sets an HttpOnly cookie with a separate random session
 *                                  value (not the token), which alone lets the page be reloaded
 *   GET  /assets/…                 the Vite build in rendererDir
 *   POST /api  {method, input}     header X-Kassa-Token: TOKEN, Content-Type: application/json
 *                                  -> 200 {result} | {error:{code,message,field?}}
 *   POST /download {method, input, name}   same header checks; an export (shared/api/downloads.ts)
 *                                  -> 200 the file as an attachment | {error} as JSON
 * Defences: binds 127.0.0.1 only; random 256-bit token compared in constant time; the Host header
 * must be 127.0.0.1:PORT or localhost:PORT (DNS rebinding); a present Origin must be our own;
 * never any CORS header; OPTIONS refused; request bodies limited.
 */

export interface WebServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Open this administration at start. */
  file?: string;
  /** Settings folder (tests pass a temp folder). Default: the OS app-data folder. */
  settingsDir?: string;
  /** The built renderer. Default: <app>/dist/renderer. */
  rendererDir?: string;
  /** Largest accepted API request body in bytes. Default 10 MB. */
  maxBodyBytes?: number;
  /** Where downloads are made before they are sent (tests). Default: the OS temp folder. */
  downloadRoot?: string;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  session: Session;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

const MSG = {
  forbidden: 'Geen toegang. Open Kijk op de Kassa met de link die het programma liet zien toen het startte (die link bevat een sleutel).',
  forbiddenHost: 'Geen toegang: dit verzoek komt niet van deze computer.',
  forbiddenOrigin: 'Geen toegang: dit verzoek komt van een andere website.',
  methodNotAllowed: 'Deze soort verzoek wordt niet ondersteund.',
  notFound: 'Deze pagina bestaat niet.',
  badPath: 'Dit adres is niet toegestaan.',
  notJson: 'Het verzoek is geen geldige JSON. Stuur {"method": …, "input": …}.',
  noMethod: 'Het verzoek mist de naam van de opdracht ("method").',
  tooLarge: 'Het verzoek is te groot.',
  notBuilt: 'De schermen van het programma zijn nog niet gebouwd. Voer eerst "npm run build" uit en start daarna opnieuw.',
  internal: 'Er ging iets mis in het programma. Probeer het opnieuw.',
} as const;

function sha256(s: string): Buffer {
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short Dutch page for refusals in the browser (no scripts, no inline styles: the CSP forbids them). */
function page(title: string, text: string): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
}

function baseHeaders(extra: Record<string, string | number> = {}): Record<string, string | number> {
  return { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...extra };
}

function sendBody(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string | number> = {}): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, baseHeaders({ 'Content-Type': contentType, 'Content-Length': buf.length, ...extra }));
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function sendJson(req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string | number> = {}): void {
  sendBody(req, res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
}

/** Refuse in the shape the caller understands: JSON for the API, a short Dutch page otherwise. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: string, message: string, extra: Record<string, string | number> = {}): void {
  if (isApiPath(req)) sendJson(req, res, status, { error: { code, message } }, extra);
  else sendBody(req, res, status, page(status === 403 ? 'Geen toegang' : 'Kijk op de Kassa', message), 'text/html; charset=utf-8', extra);
}

function rawPath(req: http.IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function rawQuery(req: http.IncomingMessage): URLSearchParams {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
}

function isApiPath(req: http.IncomingMessage): boolean {
  const p = rawPath(req);
  return p === '/api' || p === '/download';
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (e) => {
      if (!done) {
        done = true;
        reject(e);
      }
    });
  });
}

export async function startWebServer(opts: WebServerOptions = {}): Promise<WebServer> {
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenDigest = sha256(token);
  // The page's cookie carries its own random value, never the API token: browsers send cookies for
  // 127.0.0.1 to every port, so any other local server the browser visits would receive it. The
  // cookie only lets this browser reload the page (and fetch downloads); the API still needs the token.
  const sessionValue = crypto.randomBytes(32).toString('base64url');
  const sessionDigest = sha256(sessionValue);
  const rendererDir = path.resolve(opts.rendererDir ?? path.join(appRoot(), 'dist', 'renderer'));
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const session = createAppSession({ mode: 'browser', ...(opts.settingsDir ? { settingsDir: path.resolve(opts.settingsDir) } : {}) });

  if (opts.file) {
    const opened = await handle(session, 'admin.open', { path: path.resolve(opts.file) });
    if ('error' in opened) {
      session.close();
      throw new KassaError(opened.error.code, opened.error.message, opened.error.details ? { details: opened.error.details } : {});
    }
  }

  let port = 0;
  const cookieName = () => `kassa_session_${port}`;
  const matches = (given: string | undefined, digest: Buffer): boolean =>
    typeof given === 'string' && given.length > 0 && given.length < 1000 && crypto.timingSafeEqual(sha256(given), digest);
  const tokenOk = (given: string | undefined): boolean => matches(given, tokenDigest);
  const sessionOk = (req: http.IncomingMessage): boolean => matches(cookie(req, cookieName()), sessionDigest);

  /** The checks and body of a POST to /api or /download: {method, input, …} or undefined (already refused). */
  async function readCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<Record<string, unknown> & { method: string } | undefined> {
    if (req.method !== 'POST') return void refuse(req, res, 405, 'METHOD_NOT_ALLOWED', MSG.methodNotAllowed, { Allow: 'POST' });
    const given = req.headers['x-kassa-token'];
    if (!tokenOk(Array.isArray(given) ? undefined : given)) return void refuse(req, res, 403, 'FORBIDDEN', MSG.forbidden);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return void refuse(req, res, 400, 'INVALID_INPUT', MSG.notJson);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > maxBody) {
      req.resume();
      return void refuse(req, res, 413, 'LIMIT_EXCEEDED', MSG.tooLarge, { Connection: 'close' });
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        req.resume();
        return void refuse(req, res, 413, 'LIMIT_EXCEEDED', MSG.tooLarge, { Connection: 'close' });
      }
      throw e;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return void refuse(req, res, 400, 'INVALID_INPUT', MSG.notJson);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return void refuse(req, res, 400, 'INVALID_INPUT', MSG.notJson);
    const call = parsed as Record<string, unknown>;
    if (typeof call.method !== 'string' || call.method === '') return void refuse(req, res, 400, 'INVALID_INPUT', MSG.noMethod);
    return call as Record<string, unknown> & { method: string };
  }

  function sendAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: unknown): void {
    let text: string;
    try {
      text = JSON.stringify(answer);
    } catch {
      text = JSON.stringify({ error: { code: 'INTERNAL', message: MSG.internal } });
    }
    sendBody(req, res, 200, text, 'application/json; charset=utf-8');
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const call = await readCall(req, res);
    if (call) sendAnswer(req, res, await handle(session, call.method, call.input));
  }

  /**
   * POST /download {method, input, name}: an export run into a private temporary place, answered
   * with the file itself as an attachment (the browser's own download), plus the method's answer
   * in a header. Errors come back as JSON, like /api.
   */
  async function download(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const call = await readCall(req, res);
    if (!call) return;
    const outcome = await runDownload(session, call.method, call.input, call.name, opts.downloadRoot);
    if (!outcome.ok) return sendAnswer(req, res, outcome.answer);
    const ascii = outcome.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    sendBody(req, res, 200, outcome.bytes, outcome.contentType, {
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(outcome.name)}`,
      [DOWNLOAD_RESULT_HEADER]: Buffer.from(JSON.stringify(outcome.result), 'utf8').toString('base64url'),
    });
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', MSG.methodNotAllowed, { Allow: 'GET, HEAD' });
    const lookup = resolveStatic(rendererDir, rawPath(req));
    if (lookup.kind === 'refused') return refuse(req, res, 400, 'INVALID_INPUT', MSG.badPath);
    const wantsIndex = lookup.kind === 'file' ? lookup.index : rawPath(req) === '/' || rawPath(req) === '/index.html';
    const extra: Record<string, string> = {};
    if (wantsIndex) {
      const fromQuery = rawQuery(req).get('token') ?? undefined;
      if (tokenOk(fromQuery)) {
        extra['Set-Cookie'] = `${cookieName()}=${sessionValue}; Path=/; HttpOnly; SameSite=Strict`;
      } else if (!sessionOk(req)) {
        return refuse(req, res, 403, 'FORBIDDEN', MSG.forbidden);
      }
      if (lookup.kind !== 'file') return refuse(req, res, 503, 'INTERNAL', MSG.notBuilt);
    }
    if (lookup.kind !== 'file') {
      // Browsers ask for a favicon on their own; without one, answer quietly instead of a console 404.
      if (rawPath(req) === '/favicon.ico') {
        res.writeHead(204, baseHeaders());
        return void res.end();
      }
      return refuse(req, res, 404, 'NOT_FOUND', MSG.notFound);
    }
    let data: Buffer;
    try {
      data = fs.readFileSync(lookup.file);
    } catch {
      return refuse(req, res, 404, 'NOT_FOUND', MSG.notFound);
    }
    sendBody(req, res, 200, data, lookup.contentType, { ...extra, 'Cache-Control': wantsIndex ? 'no-store' : 'no-cache' });
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(req, res, 403, 'FORBIDDEN', MSG.forbiddenHost);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return refuse(req, res, 403, 'FORBIDDEN', MSG.forbiddenOrigin);
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(req, res, 403, 'FORBIDDEN', MSG.forbiddenOrigin);
    if (req.method === 'OPTIONS') return refuse(req, res, 405, 'METHOD_NOT_ALLOWED', MSG.methodNotAllowed, { Allow: 'GET, HEAD, POST' });
    session.noteActivity();
    if (rawPath(req) === '/api') return api(req, res);
    if (rawPath(req) === '/download') return download(req, res);
    return serveStatic(req, res);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) refuse(req, res, 500, 'INTERNAL', MSG.internal);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((e: unknown) => {
    session.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new KassaError('CONFLICT', said('err.app.portInUse', 'Poort {{port}} is al in gebruik. Kies een andere poort of laat --port weg.', { port: opts.port }));
    throw e;
  });
  port = (server.address() as AddressInfo).port;
  // Once the first screen has had its answers (or nobody asked within a few seconds): the other
  // screens' server code, each part in a quiet moment. A fixed delay fell inside a slow machine's
  // first screen, and a fixed pace inside the first clicks (their chunks and answers waited).
  void session.unhurried().then(() => warmDomains(() => session.quietFor(150)));
  const url = `http://127.0.0.1:${port}/?token=${token}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    token,
    port,
    session,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => session.serial(() => session.finish()));
      return closed;
    },
  };
}
