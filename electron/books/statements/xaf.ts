import { once } from 'node:events';
import { chainHead, formatHead } from '../history/facts';
import type { Writable } from 'node:stream';
import { centsToString } from '../../../shared/money';
import type { XafWritten } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { accountsInfo, balancesAt, dayBefore, getYear, mappedLine, organisationLayout, type AccountInfo } from './balances';
import { streamFileGuarded } from '../../files/write';
import { lineFor } from './layout';
import { STATEMENT_LINES } from '../../../shared/chart';

/**
 * XML Auditfile Financieel 3.2 (namespace http://www.auditfiles.nl/XAF/3.2) of one fiscal year:
 * header, company, the chart of accounts (ledger accounts with their statement line as lead code),
 * the twelve periods, the opening balance (derived: each account's balance on the day before the
 * year starts, since no opening entry is booked) and every posted entry of the year by journal.
 * Streamed to a temp file and renamed; the totals in <transactions> equal the trial balance.
 */

const NS = 'http://www.auditfiles.nl/XAF/3.2';
const SOFTWARE = 'Kijk op de Kassa';
const VERSION = '0.1.0';

/** XML-escape and drop characters XML 1.0 does not allow; cut to a schema's maximum length. */
export function xmlText(s: string | null | undefined, max?: number): string {
  let v = (s ?? '').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '');
  if (max !== undefined && [...v].length > max) v = [...v].slice(0, max).join('');
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const el = (name: string, value: string | null | undefined, max?: number): string => `<${name}>${xmlText(value, max)}</${name}>`;

const JOURNAL_TYPE: Record<string, string> = { MEM: 'M', VRK: 'S', INK: 'P', KAS: 'C' };

class Out {
  private buf = '';
  constructor(private readonly stream: Writable) {}
  add(s: string): void {
    this.buf += s;
  }
  async flushIfFull(): Promise<void> {
    if (this.buf.length >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf === '') return;
    const ok = this.stream.write(this.buf);
    this.buf = '';
    if (!ok) await once(this.stream, 'drain');
  }
}

function accountType(a: AccountInfo): 'B' | 'P' {
  return a.type === 'income' || a.type === 'expense' ? 'P' : 'B';
}

function periodOf(date: string, start: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  return (y - sy) * 12 + (m - sm) + 1;
}

function monthEnd(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

export async function exportXaf(books: Books, input: { year: number; path: string }): Promise<XafWritten> {
  const fy = getYear(books, input.year);
  const layout = organisationLayout(books);
  const accounts = accountsInfo(books);
  const org = books.raw('SELECT name, kvk, rsin, vat_number, street, postcode, city FROM organisation WHERE id = 1').get() as {
    name: string; kvk: string | null; rsin: string | null; vat_number: string | null; street: string | null; postcode: string | null; city: string | null;
  };
  const journals = books
    .raw('SELECT j.id, j.code, j.name, a.code AS account, a.iban FROM journals j LEFT JOIN accounts a ON a.id = j.account_id ORDER BY j.id')
    .all() as { id: number; code: string; name: string; account: string | null; iban: string | null }[];
  const totals = books
    .raw('SELECT COALESCE(SUM(debit_cents), 0) AS d, COALESCE(SUM(credit_cents), 0) AS c FROM account_totals WHERE year = ?')
    .get(fy.year) as { d: number; c: number };
  const count = books.raw(`SELECT COUNT(*) AS n FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.year = ? AND l.posted = 1`).get(fy.year) as { n: number };
  const opening = balancesAt(books, dayBefore(fy.start));
  const codeOf = new Map(accounts.map((a) => [a.id, a.code]));
  let transactions = 0;

  const written = await streamFileGuarded(input.path, async (stream) => {
    const out = new Out(stream);
    // The history head as a comment (the XSD has no field for it; a comment keeps the file valid):
    // kept with the audit file, it proves later that the books were not rewritten (issue 17).
    out.add(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- Kijk op de Kassa, kop van de geschiedenis: ${formatHead(chainHead(books))} -->\n<auditfile xmlns="${NS}">\n`);
    out.add(
      `<header>${el('fiscalYear', String(fy.year), 9)}${el('startDate', fy.start)}${el('endDate', fy.end)}<curCode>EUR</curCode>` +
        `${el('dateCreated', new Date().toISOString().slice(0, 10))}${el('softwareDesc', SOFTWARE, 50)}${el('softwareVersion', VERSION, 20)}</header>\n`,
    );
    out.add('<company>');
    if (org.kvk) out.add(el('companyIdent', org.kvk, 35));
    out.add(`${el('companyName', org.name, 999)}<taxRegistrationCountry>NL</taxRegistrationCountry>${el('taxRegIdent', org.vat_number ?? org.rsin ?? '', 30)}`);
    if (org.street || org.city || org.postcode) {
      out.add(
        `<streetAddress>${org.street ? el('streetname', org.street, 999) : ''}${org.city ? el('city', org.city, 50) : ''}` +
          `${org.postcode ? el('postalCode', org.postcode, 10) : ''}<country>NL</country></streetAddress>`,
      );
    }
    out.add('\n<generalLedger>\n');
    for (const a of accounts) {
      const line = lineFor(layout, a.type, mappedLine(a, layout));
      out.add(
        `<ledgerAccount>${el('accID', a.code, 35)}${el('accDesc', a.name, 999)}<accTp>${accountType(a)}</accTp>` +
          `${el('leadCode', a.rgsCode ?? line, 999)}${el('leadDescription', STATEMENT_LINES[line], 999)}</ledgerAccount>\n`,
      );
    }
    out.add('</generalLedger>\n<periods>\n');
    const [sy, sm] = fy.start.split('-').map(Number) as [number, number];
    for (let p = 1; p <= periodOf(fy.end, fy.start); p++) {
      const y = sy + Math.floor((sm - 1 + p - 1) / 12);
      const m = ((sm - 1 + p - 1) % 12) + 1;
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      out.add(`<period><periodNumber>${p}</periodNumber>${el('periodDesc', `${y}-${String(m).padStart(2, '0')}`, 50)}<startDatePeriod>${start}</startDatePeriod><endDatePeriod>${monthEnd(y, m)}</endDatePeriod></period>\n`);
    }
    out.add('</periods>\n');

    // Opening balance, derived from the cumulative balances on the day before the year.
    const obLines = accounts.filter((a) => (opening.get(a.id) ?? 0n) !== 0n);
    let obD = 0n;
    let obC = 0n;
    for (const a of obLines) {
      const v = opening.get(a.id)!;
      if (v > 0n) obD += v;
      else obC -= v;
    }
    out.add(
      `<openingBalance><opBalDate>${fy.start}</opBalDate>${el('opBalDesc', `Beginbalans ${fy.year} (saldi op ${dayBefore(fy.start)})`, 999)}` +
        `<linesCount>${obLines.length}</linesCount><totalDebit>${centsToString(obD)}</totalDebit><totalCredit>${centsToString(obC)}</totalCredit>\n`,
    );
    obLines.forEach((a, i) => {
      const v = opening.get(a.id)!;
      out.add(`<obLine><nr>${i + 1}</nr>${el('accID', a.code, 35)}<amnt>${centsToString(v > 0n ? v : -v)}</amnt><amntTp>${v > 0n ? 'D' : 'C'}</amntTp></obLine>\n`);
    });
    out.add('</openingBalance>\n');

    out.add(`<transactions><linesCount>${count.n}</linesCount><totalDebit>${centsToString(totals.d)}</totalDebit><totalCredit>${centsToString(totals.c)}</totalCredit>\n`);
    const rows = books
      .raw(
        `SELECT e.id, e.number, e.date, e.description, e.source, l.id AS line_id, l.account_id, l.amount_cents, l.description AS line_description
         FROM entries e JOIN lines l ON l.entry_id = e.id
         WHERE e.journal_id = ? AND e.year = ? AND e.status = 'posted' ORDER BY e.number, l.id`,
      );
    for (const j of journals) {
      const jrnTp = j.account ? (JOURNAL_TYPE[j.code] ?? 'B') : (JOURNAL_TYPE[j.code] ?? 'M');
      out.add(`<journal>${el('jrnID', j.code, 35)}${el('desc', j.name)}<jrnTp>${jrnTp}</jrnTp>`);
      if (j.account) out.add(el('offsetAccID', j.account, 35));
      if (j.iban) out.add(el('bankAccNr', j.iban, 35));
      out.add('\n');
      let current = -1;
      let lineNr = 0;
      let ref = '';
      let trDesc = '';
      let trDate = '';
      for (const r of rows.iterate(j.id, fy.year) as Iterable<{
        id: number; number: number; date: string; description: string; source: string; line_id: number; account_id: number; amount_cents: number; line_description: string | null;
      }>) {
        if (r.id !== current) {
          if (current !== -1) out.add('</transaction>\n');
          current = r.id;
          lineNr = 0;
          transactions++;
          ref = `${j.code} ${fy.year}-${String(r.number).padStart(4, '0')}`;
          trDesc = r.description;
          trDate = r.date;
          out.add(
            `<transaction>${el('nr', `${fy.year}-${String(r.number).padStart(4, '0')}`, 35)}${el('desc', r.description)}` +
              `<periodNumber>${periodOf(r.date, fy.start)}</periodNumber><trDt>${r.date}</trDt>${el('sourceID', r.source, 35)}`,
          );
          await out.flushIfFull();
        }
        lineNr++;
        const amt = r.amount_cents;
        out.add(
          `<trLine><nr>${lineNr}</nr>${el('accID', codeOf.get(r.account_id) ?? String(r.account_id), 35)}${el('docRef', ref, 999)}<effDate>${trDate}</effDate>` +
            `${el('desc', r.line_description ?? trDesc)}<amnt>${centsToString(amt > 0 ? amt : -amt)}</amnt><amntTp>${amt > 0 ? 'D' : 'C'}</amntTp></trLine>`,
        );
      }
      if (current !== -1) out.add('</transaction>\n');
      out.add('</journal>\n');
      await out.flushIfFull();
    }
    out.add('</transactions>\n</company>\n</auditfile>\n');
    await out.flush();
    stream.end();
  });
  return {
    ...written,
    transactions,
    lines: count.n,
    totalDebit: centsToString(totals.d),
    totalCredit: centsToString(totals.c),
  };
}
