import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web';

/**
 * Browser mode downloads (POST /download): an export made in a private temporary place and sent
 * as the file itself; the same token, Host and Origin checks as /api; nothing left behind.
 */

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/download', headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, agent: false },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

let dir: string;
let downloads: string;
let server: WebServer;

function post(p: '/api' | '/download', value: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server.port, {
    path: p,
    headers: { 'Content-Type': 'application/json', 'X-Kassa-Token': server.token, ...headers },
    body: JSON.stringify(value),
  });
}

const json = (r: Reply) => JSON.parse(r.body.toString('utf8')) as { result?: unknown; error?: { code: string; message: string } };
const leftovers = () => fs.readdirSync(downloads);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-webdl-'));
  downloads = path.join(dir, 'tmp');
  fs.mkdirSync(downloads);
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  server = await startWebServer({ port: 0, settingsDir: path.join(dir, 'settings'), rendererDir, downloadRoot: downloads });
  const created = json(await post('/api', { method: 'admin.create', input: { path: path.join(dir, 'plein.kassa'), name: 'Stichting Het Plein', year: 2025 } }));
  expect(created.error).toBeUndefined();
  const spent = json(await post('/api', { method: 'money.spent', input: { date: '2025-03-01', amount: '12.50', category: '4200', from: '1000', description: 'Koffie' } }));
  if (spent.error) throw new Error(spent.error.message);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: downloads', () => {
  it('sends an export as the file itself, with its name, and keeps no copy', async () => {
    const r = await post('/download', { method: 'statements.xlsx', input: { year: 2025 }, name: 'jaarrekening-2025.xlsx' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="jaarrekening-2025.xlsx"; filename*=UTF-8''jaarrekening-2025.xlsx`);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.body as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    // The method's own answer rides along, without the server's temporary folder in it.
    const result = JSON.parse(Buffer.from(String(r.headers['x-kassa-result']), 'base64url').toString('utf8')) as { path: string };
    expect(result.path).toBe('jaarrekening-2025.xlsx');
    expect(leftovers()).toEqual([]);
  });

  it('sends a PDF, and a name with folders or odd characters is made safe', async () => {
    const r = await post('/download', { method: 'statements.pdf', input: { year: 2025, path: path.join(dir, 'elders.pdf') }, name: '../../Jaarrekening: "2025".pdf' });
    expect(r.status).toBe(200);
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Jaarrekening 2025 .pdf')}`);
    // The browser never chooses where the server writes.
    expect(fs.existsSync(path.join(dir, 'elders.pdf'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('answers errors as JSON and writes nothing', async () => {
    const bad = json(await post('/download', { method: 'statements.xlsx', input: { year: 'dit jaar' }, name: 'x.xlsx' }));
    expect(bad.error?.code).toBe('INVALID_INPUT');
    const noInput = json(await post('/download', { method: 'statements.xlsx', name: 'x.xlsx' }));
    expect(noInput.error?.message).toBe('De gegevens voor dit bestand ontbreken.');
    const none = json(await post('/download', { method: 'volunteers.statementsPdf', input: { year: 2025 }, name: 'jaaroverzichten-2025.zip' }));
    expect(none.error?.message).toMatch(/geen betalingen aan vrijwilligers/);
    expect(leftovers()).toEqual([]);
  });

  it('downloads only exports, never other methods', async () => {
    for (const method of ['admin.info', 'admin.close', 'backups.create', 'app.settings.get', 'constructor', '__proto__']) {
      const r = json(await post('/download', { method, input: {}, name: 'x' }));
      expect(r.error?.message, method).toBe('Dit bestand kan niet worden gedownload.');
    }
    expect(json(await post('/api', { method: 'admin.info', input: {} })).result).toMatchObject({ path: path.join(dir, 'plein.kassa') });
  });

  it('refuses without the token, from another site or host, and anything but POST', async () => {
    const value = { method: 'statements.xlsx', input: { year: 2025 }, name: 'x.xlsx' };
    expect((await post('/download', value, { 'X-Kassa-Token': 'nope' })).status).toBe(403);
    expect((await post('/download', value, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/download', value, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await post('/download', value, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // The page's session cookie alone is no token.
    const page = await request(server.port, { method: 'GET', path: `/?token=${server.token}` });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect((await request(server.port, { headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(value) })).status).toBe(403);
    const get = await request(server.port, { method: 'GET', headers: { 'X-Kassa-Token': server.token } });
    expect(get.status).toBe(405);
    expect(leftovers()).toEqual([]);
  });
});
