import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so tests control the Host header and the exact request path (no URL normalising). */
function request(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}

let dir: string;
let rendererDir: string;
let server: WebServer;
const seen: Reply[] = [];

async function api(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const r = await request(server.port, {
    method: 'POST',
    path: '/api',
    headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': server.token, ...headers },
    body: JSON.stringify({ method, input }),
  });
  seen.push(r);
  return r;
}

async function get(p: string, headers: Record<string, string> = {}): Promise<Reply> {
  const r = await request(server.port, { path: p, headers });
  seen.push(r);
  return r;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-web-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kijk op de Kassa</title><script type="module" src="./assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("hallo");');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'geheim');
  server = await startWebServer({ port: 0, settingsDir: path.join(dir, 'settings'), rendererDir });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: who may talk to it', () => {
  it('prints a tokened loopback URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses the index without the token', async () => {
    const r = await get('/');
    expect(r.status).toBe(403);
    expect(r.body).toContain('Geen toegang');
    expect(r.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses the index with a wrong token', async () => {
    const r = await get(`/?token=${'x'.repeat(43)}`);
    expect(r.status).toBe(403);
  });

  it('serves the index with the token, with the security headers and a per-port cookie', async () => {
    const r = await get(`/?token=${server.token}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('Kijk op de Kassa');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^kassa_session_${server.port}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // A reload without ?token= (the renderer takes it out of the address bar) works through the cookie.
    const again = await get('/', { Cookie: cookie.split(';')[0]! });
    expect(again.status).toBe(200);
  });

  it('puts a separate random session value in the cookie, never the API token', async () => {
    // Browsers send 127.0.0.1 cookies to every port: whatever is in it, another local server sees.
    const first = String((await get(`/?token=${server.token}`)).headers['set-cookie']);
    const value = first.split(';')[0]!.split('=')[1]!;
    expect(value).not.toBe(server.token);
    expect(first).not.toContain(server.token);
    // The same value for every page load of this server, a different one for another server.
    expect(String((await get(`/?token=${server.token}`)).headers['set-cookie'])).toBe(first);
    const other = await startWebServer({ port: 0, settingsDir: path.join(dir, 'settings-2'), rendererDir });
    try {
      const r = await request(other.port, { path: `/?token=${other.token}` });
      const otherValue = String(r.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
      expect(otherValue).not.toBe(value);
      expect(otherValue).not.toBe(other.token);
    } finally {
      await other.close();
    }
    // The session value opens the page, but is no API token; the token in a cookie opens nothing.
    const asToken = await api('admin.info', {}, { 'X-Kassa-Token': value });
    expect(asToken.status).toBe(403);
    const tokenCookie = await get('/', { Cookie: `kassa_session_${server.port}=${server.token}` });
    expect(tokenCookie.status).toBe(403);
    const oldCookie = await get('/', { Cookie: `kassa_token_${server.port}=${server.token}` });
    expect(oldCookie.status).toBe(403);
    const wrongPort = await get('/', { Cookie: `kassa_session_${server.port + 1}=${value}` });
    expect(wrongPort.status).toBe(403);
  });

  it('refuses an API call without the token, or with a wrong one', async () => {
    const none = await request(server.port, { method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json' }, body: '{"method":"admin.info","input":{}}' });
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body).error.message).toMatch(/Geen toegang/);
    const flipped = server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A');
    const wrong = await api('admin.info', {}, { 'X-Kassa-Token': flipped });
    expect(wrong.status).toBe(403);
    const short = await api('admin.info', {}, { 'X-Kassa-Token': 'abc' });
    expect(short.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const host of [`evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const r = await api('admin.info', {}, { Host: host });
      expect(r.status, host).toBe(403);
      const page = await get(`/?token=${server.token}`, { Host: host });
      expect(page.status, host).toBe(403);
    }
    const ok = await api('admin.info', {}, { Host: `localhost:${server.port}` });
    expect(ok.status).toBe(200);
  });

  it('refuses a foreign Origin and accepts our own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const r = await api('admin.info', {}, { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    expect((await api('admin.info', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await api('admin.info', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses cross-site fetch metadata', async () => {
    expect((await api('admin.info', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('answers OPTIONS (CORS preflight) with 405', async () => {
    const r = await request(server.port, {
      method: 'OPTIONS', path: '/api',
      headers: { Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST' },
    });
    seen.push(r);
    expect(r.status).toBe(405);
  });

  it('refuses other HTTP methods on /api and on files', async () => {
    expect((await get('/api')).status).toBe(405);
    const put = await request(server.port, { method: 'PUT', path: '/assets/app.js', body: 'x' });
    seen.push(put);
    expect(put.status).toBe(405);
  });
});

describe('browser mode: API', () => {
  it('refuses unknown methods through dispatch()', async () => {
    const r = await api('fs.readFile', { path: '/etc/passwd' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
  });

  it('says in Dutch when the body is not JSON', async () => {
    const r = await request(server.port, { method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': server.token }, body: '{method: kapot' });
    seen.push(r);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.message).toMatch(/geen geldige JSON/);
    const form = await request(server.port, { method: 'POST', path: '/api', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Kassa-Token': server.token }, body: 'method=admin.info' });
    seen.push(form);
    expect(form.status).toBe(400);
    const noMethod = await request(server.port, { method: 'POST', path: '/api', headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': server.token }, body: '[1,2]' });
    expect(noMethod.status).toBe(400);
  });

  it('runs a real call: admin.create on a temp file, then accounts.list', async () => {
    const file = path.join(dir, 'stichting.kassa');
    const created = JSON.parse((await api('admin.create', { path: file, name: 'Stichting Buurtkracht', year: 2025 })).body);
    expect(created.error).toBeUndefined();
    expect(created.result).toMatchObject({ path: file, organisation: { name: 'Stichting Buurtkracht' }, practice: false });
    const accounts = JSON.parse((await api('accounts.list', {})).body);
    expect(accounts.result.map((a: { code: string }) => a.code)).toContain('1100');
    // Validation errors come back as {error:{code,message,field}}.
    const bad = JSON.parse((await api('accounts.create', { code: '9999', name: '', type: 'expense' })).body);
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    // And the file went to the recent list.
    const recent = JSON.parse((await api('app.recent', {})).body);
    expect(recent.result).toEqual([{ path: file, name: 'stichting.kassa' }]);
    expect(JSON.parse((await api('app.capabilities', {})).body).result).toMatchObject({ mode: 'browser', dialogs: false });
    expect(JSON.parse((await api('app.dialog.open', {})).body)).toEqual({ result: null });
  });

  it('refuses an oversized body with 413', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    const r = await request(server.port, {
      method: 'POST', path: '/api',
      headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': server.token, 'Content-Length': String(big.length) },
      body: big,
    });
    seen.push(r);
    expect(r.status).toBe(413);
  });

  it('refuses an oversized chunked body with 413 too', async () => {
    const small = await startWebServer({ settingsDir: path.join(dir, 'settings2'), rendererDir, maxBodyBytes: 1024 });
    try {
      const r = await request(small.port, {
        method: 'POST', path: '/api',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': small.token, 'Transfer-Encoding': 'chunked' },
        chunks: [Buffer.from('{"method":"admin.info","input":{"x":"'), Buffer.alloc(4096, 0x61), Buffer.from('"}}')],
      });
      expect(r.status).toBe(413);
      const ok = await request(small.port, {
        method: 'POST', path: '/api',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': small.token },
        body: '{"method":"admin.info","input":{}}',
      });
      expect(JSON.parse(ok.body)).toEqual({ result: null });
    } finally {
      await small.close();
    }
  });
});

describe('browser mode: static files', () => {
  it('serves assets with the right content types', async () => {
    const js = await get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal, also encoded', async () => {
    for (const p of [
      '/../package.json',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '/%00/index.html',
      '//etc/passwd',
      '/C:/Windows/win.ini',
    ]) {
      const r = await get(p);
      expect([400, 403, 404], p).toContain(r.status);
      expect(r.body, p).not.toContain('geheim');
      expect(r.body, p).not.toContain('"name": "kijk-op-de-kassa"');
    }
  });
});

describe('browser mode: headers', () => {
  it('never sends a CORS header, in any response seen above', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const r of seen) {
      for (const h of Object.keys(r.headers)) expect(h.toLowerCase().startsWith('access-control-'), h).toBe(false);
    }
  });
});

describe('browser mode: start-up', () => {
  it('opens the administration given at start, and refuses a missing one', async () => {
    const file = path.join(dir, 'stichting.kassa');
    await server.close(); // release the lock on the file created above
    const withFile = await startWebServer({ file, settingsDir: path.join(dir, 'settings'), rendererDir });
    try {
      const r = await request(withFile.port, {
        method: 'POST', path: '/api',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': withFile.token },
        body: '{"method":"admin.info","input":{}}',
      });
      expect(JSON.parse(r.body).result).toMatchObject({ path: file });
    } finally {
      await withFile.close();
    }
    await expect(startWebServer({ file: path.join(dir, 'bestaat-niet.kassa'), settingsDir: path.join(dir, 'settings') })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
