/**
 * Issue 17 (High): no export, report or attachment can replace the books. Every method that writes a
 * file the treasurer names goes through the guarded writer (electron/files); here each one is aimed
 * at the open administration, its -wal, another .kassa, a backup folder and a link to the books,
 * through the dispatcher, and the books must stay byte for byte what they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_MARK, BACKUP_ROOT_NAME } from '../../electron/backups/names';
import { contract } from '../../shared/api';
import { assertDistBuilt, cleanupTempDirs, cliError, expectKassaError, makeBooks, runCli, sha256, tempDir, type TestBooks } from './helpers';
import { customer, issue, makeInvoiceBooks, supplier } from './invoices/helpers';
import { FATIMA, readOnlyDir } from './volunteers/helpers';

afterAll(cleanupTempDirs);

const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

let b: TestBooks;
let ids: { invoice: number; purchase: number; person: number; payment: number; grant: number; contact: number };

beforeAll(async () => {
  b = await makeInvoiceBooks();
  // An auditfile needs the RSIN (else export.xaf refuses before it gets to the target).
  await b.call('org.update', { rsin: '123456782' });
  const c = await customer(b);
  const inv = await issue(b, c.id);
  const s = await supplier(b);
  const p = await b.call<{ id: number }>('invoices.saveDraft', {
    kind: 'purchase', contact: s.id, number: 'F-1', issueDate: '2026-03-10', dueDate: '2026-04-09',
    lines: [{ description: 'Flyers', account: '4300', amount: '120.00' }],
    attachment: { name: 'factuur.pdf', data: TINY_PDF.toString('base64') },
  });
  const person = (await b.call<{ id: number }>('persons.create', FATIMA)).id;
  const payment = (await b.call('volunteers.pay', { person, date: '2026-03-01', amount: '50.00', kind: 'fee', description: 'Koken', payFrom: 'payable' })).payment.id as number;
  const fund = await b.call<{ id: number }>('funds.create', { name: 'Oranje Fonds', fundType: 'fund' });
  const grant = await b.call<{ id: number }>('grants.create', {
    fund: fund.id, project: 'Taalcafé', applied: '1000.00', awarded: '1000.00', startDate: '2026-02-01', endDate: '2026-11-30',
    budgetLines: [{ name: 'Huur', amount: '1000.00', accounts: ['4100'] }],
  });
  await b.call('money.spent', { date: '2026-03-02', description: 'Huur', amount: '100.00', from: '1100', category: '4100', grant: grant.id });
  ids = { invoice: inv.id, purchase: p.id, person, payment, grant: grant.id, contact: c.id };
});

/** Every method that writes a file the caller names, with an input aimed at `target`. */
const WRITERS: Record<string, (target: string) => Record<string, unknown>> = {
  'export.hledger': (p) => ({ path: p }),
  'export.xaf': (p) => ({ year: 2026, path: p }),
  'statements.xlsx': (p) => ({ year: 2026, path: p }),
  'statements.pdf': (p) => ({ year: 2026, path: p }),
  'invoices.pdf': (p) => ({ id: ids.invoice, path: p }),
  'invoices.ubl': (p) => ({ id: ids.invoice, path: p }),
  'invoices.attachment': (p) => ({ id: ids.purchase, path: p }),
  'invoices.reminderPdf': (p) => ({ contact: ids.contact, path: p, date: '2026-06-01' }),
  'volunteers.statementPdf': (p) => ({ person: ids.person, year: 2026, path: p }),
  'volunteers.overviewXlsx': (p) => ({ year: 2026, path: p }),
  'volunteers.sepa': (p) => ({ paymentIds: [ids.payment], executionDate: '2026-12-30', debtorAccount: '1100', path: p }),
  'grants.budgetXlsx': (p) => ({ grant: ids.grant, path: p }),
  'grants.verantwoordingXlsx': (p) => ({ grant: ids.grant, path: p }),
};

/** The books and their WAL, byte for byte. */
function state(): string {
  const wal = `${b.file}-wal`;
  return `${sha256(b.file)}:${fs.existsSync(wal) ? sha256(wal) : '-'}`;
}

async function refused(method: string, target: string): Promise<void> {
  const before = state();
  const other = fs.existsSync(target) && fs.lstatSync(target).isFile() ? sha256(target) : null;
  await expectKassaError(b.call(method, WRITERS[method]!(target)), 'PROTECTED_FILE');
  expect(state(), `${method} changed the books`).toBe(before);
  if (other) expect(sha256(target)).toBe(other);
  // No temp file is left behind either.
  expect(fs.readdirSync(path.dirname(target)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe('every writer refuses the books', () => {
  const methods = Object.keys(WRITERS);

  it('covers every file-writing method of the contract', () => {
    const reading = new Set(['admin.create', 'admin.open', 'entries.post', 'grants.create', 'grants.update', 'invoices.saveDraft', 'invoices.pdfData',
      'volunteers.pay', 'volunteers.attachReceipt', 'volunteers.markPaid', 'reports.balanceSheet', 'bank.import', 'bank.rules.create', 'backups.verify',
      'backups.restore', 'volunteers.statementsPdf',
      // They read a file the user gives (FileInput) or list a folder.
      'money.received', 'money.spent', 'receipts.add', 'bank.receipts.add', 'app.browse',
      // Writes, but needs a finished review: refused onto the books in tests/integration/review/review.test.ts.
      'review.reportPdf',
      // Not a file: its refine names the field `at` as the error's path.
      'reports.ledgerPage']);
    const withPath = Object.entries(contract)
      .filter(([, spec]) => /"(path|dir)"/.test(JSON.stringify((spec as { input: { _zod: { def: unknown } } }).input._zod.def, (_k, v: unknown) => (typeof v === 'function' ? undefined : v))))
      .map(([name]) => name)
      .filter((name) => !reading.has(name));
    expect(withPath.sort()).toEqual(methods.slice().sort());
  });

  it.each(methods)('%s: the open books, their -wal, another .kassa', async (method) => {
    await refused(method, b.file);
    await refused(method, `${b.file}-wal`);
    const other = path.join(b.dir, 'andere stichting.KASSA');
    fs.writeFileSync(other, 'not really books');
    await refused(method, other);
  });

  it.each(methods)('%s: a symlink and a hard link to the books, a backup folder', async (method) => {
    const link = path.join(b.dir, `link-${method}.pdf`);
    fs.symlinkSync(b.file, link);
    await refused(method, link);
    expect(fs.readlinkSync(link)).toBe(b.file);
    const hard = path.join(b.dir, `hard-${method}.pdf`);
    fs.linkSync(b.file, hard);
    await refused(method, hard);
    const backups = path.join(b.dir, BACKUP_ROOT_NAME, 'stichting');
    fs.mkdirSync(backups, { recursive: true });
    await refused(method, path.join(backups, 'export.pdf'));
  });

  it('volunteers.statementsPdf refuses a backup folder as its folder', async () => {
    const backups = path.join(b.dir, BACKUP_ROOT_NAME);
    fs.mkdirSync(backups, { recursive: true });
    const before = state();
    await expectKassaError(b.call('volunteers.statementsPdf', { year: 2026, dir: backups }), 'PROTECTED_FILE');
    expect(state()).toBe(before);
    expect(fs.readdirSync(backups).filter((n) => n.endsWith('.pdf'))).toEqual([]);
  });

  it('a folder marked by the backup code is off limits, and so is any folder below it', async () => {
    const usb = tempDir('kassa-usb-');
    fs.writeFileSync(path.join(usb, BACKUP_FOLDER_MARK), '');
    fs.mkdirSync(path.join(usb, 'sub'));
    await refused('invoices.pdf', path.join(usb, 'sub', 'factuur.pdf'));
  });
});

describe('the temp file', () => {
  it('is never a planted link: links at the old predictable names stay untouched, the books too', async () => {
    const dir = tempDir('kassa-plant-');
    const target = path.join(dir, 'journaal.txt');
    const planted = [`${target}.${process.pid}.tmp`, `.journaal.txt.${process.pid}.tmp`].map((n) => path.resolve(dir, n));
    for (const p of planted) fs.symlinkSync(b.file, p);
    const before = state();
    await b.call('export.hledger', { path: target });
    expect(state()).toBe(before);
    expect(fs.readFileSync(target, 'utf8')).toContain('Kijk op de Kassa');
    for (const p of planted) expect(fs.readlinkSync(p)).toBe(b.file);
  });

  it('maps a folder as target, a name that is too long and a missing folder to Dutch errors', async () => {
    const dir = tempDir('kassa-bad-target-');
    await expectKassaError(b.call('export.hledger', { path: dir }), 'INVALID_INPUT');
    await expectKassaError(b.call('export.hledger', { path: path.join(dir, `${'x'.repeat(300)}.txt`) }), 'INVALID_INPUT');
    await expectKassaError(b.call('export.hledger', { path: path.join(dir, 'nope', 'a.txt') }), 'FILE_NOT_FOUND');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a read-only folder gives READ_ONLY and leaves nothing', async () => {
    const dir = readOnlyDir(tempDir('kassa-ro-'));
    expect(dir, 'no read-only folder on this machine').not.toBeNull();
    await expectKassaError(b.call('export.hledger', { path: path.join(dir!, 'kassa-export.txt') }), 'READ_ONLY');
  });
});

describe('the CLI', () => {
  it('kassa report --out and kassa export refuse the books, their -wal and a link to them, byte for byte', async () => {
    assertDistBuilt();
    const t = await makeBooks({ name: 'Stichting CLI', extra: { rsin: '123456782' } });
    await t.call('entries.post', { date: '2026-02-01', description: 'Gift', lines: [{ account: '1100', debit: '10.00' }, { account: '8000', credit: '10.00' }] });
    t.close();
    const before = sha256(t.file);
    const link = path.join(t.dir, 'rapport.csv');
    fs.symlinkSync(t.file, link);
    const runs = [
      ['report', t.file, 'trial-balance', '--format', 'csv', '--out', t.file],
      ['report', t.file, 'trial-balance', '--out', `${t.file}-wal`],
      ['report', t.file, 'trial-balance', '--format', 'csv', '--out', link],
      ['export', t.file, 'hledger', '--out', t.file],
      ['export', t.file, 'xaf', '--year', '2026', '--out', link],
      ['export', t.file, 'pdf', '--year', '2026', '--out', path.join(t.dir, BACKUP_ROOT_NAME, 'jaarrekening.pdf')],
    ];
    fs.mkdirSync(path.join(t.dir, BACKUP_ROOT_NAME));
    // One at a time: each run takes the file's exclusive lock.
    for (const args of runs) {
      const r = await runCli([...args, '--json']);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(cliError(r).code).toBe('PROTECTED_FILE');
    }
    expect(sha256(t.file)).toBe(before);
    expect(fs.readlinkSync(link)).toBe(t.file);
    // And it still opens as the books.
    const ok = await runCli(['verify', t.file]);
    expect(ok.status, ok.stderr).toBe(0);
  });
});
