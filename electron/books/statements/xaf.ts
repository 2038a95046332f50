import { once } from 'node:events';
import { chainHead, formatHead } from '../history/facts';
import type { Writable } from 'node:stream';
import { centsToString } from '../../../shared/money';
import { KassaError } from '../../../shared/errors';
import { EARLIER_RESULT } from '../../../shared/rgs';
import type { XafWritten } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { exactGet } from '../../db/exact';
import { openingBalances } from '../reports';
import { accountsInfo, dayBefore, getYear, mappedLine, organisationLayout, type AccountInfo } from './balances';
import { streamFileGuarded } from '../../files/write';
import { lineFor } from './layout';
import { STATEMENT_LINES } from '../../../shared/chart';
import { contactsOfYear, customersSuppliersXml, custSupId } from './xafParties';
import { isControlAccount, isVatAccount, readXafRefs, takeVatSlot, vatCodesXml, vatXml } from './xafRefs';
import { el, group, opt } from './xafXml';
import { said } from '../../../shared/phrase';

/**
 * XML Auditfile Financieel 3.2 (namespace http://www.auditfiles.nl/XAF/3.2) of one fiscal year:
 * header, company, the contacts on the year's lines (customersSuppliers), the chart of accounts
 * (statement line as lead code, RGS code as lead reference), the VAT codes used, the twelve
 * periods, the opening balance and every posted entry of the year by journal.
 *
 * The opening balance holds balance-sheet accounts only: each one's balance on the day before the
 * year starts (no opening entry is booked). Income and expenses of earlier years that no closing
 * entry has appropriated yet open on one equity line (EARLIER_RESULT), as the balance sheet shows
 * them, so opening + the year's lines per account equal the trial balance's closing balance.
 * Optional elements without a value are left out. Streamed to a temp file and renamed.
 */

const NS = 'http://www.auditfiles.nl/XAF/3.2';
const SOFTWARE = 'Kijk op de Kassa';
const VERSION = '0.1.0';

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

/** The fiscal number an auditfile must carry (XSD: taxRegIdent is required): VAT number, else RSIN. */
function taxNumber(org: { vat_number: string | null; rsin: string | null }): string {
  const n = (org.vat_number ?? '').trim() || (org.rsin ?? '').trim();
  if (!n) {
    throw new KassaError(
      'INVALID_INPUT',
      said('err.statement.xafNeedsRsin', 'Voor een auditfile is het RSIN van de stichting nodig (of het btw-nummer). U vindt het RSIN op het uittreksel van de KvK. Vul het in bij Instellingen. Er is geen bestand gemaakt.'),
      { field: 'rsin' },
    );
  }
  return n;
}

function ledgerAccount(code: string, name: string, tp: 'B' | 'P', leadCode: string | null, leadDesc: string | null, rgs: string | null): string {
  return `<ledgerAccount>${el('accID', code, 35)}${el('accDesc', name, 999)}<accTp>${tp}</accTp>` +
    `${opt('leadCode', leadCode, 999)}${opt('leadDescription', leadDesc, 999)}${opt('leadReference', rgs, 999)}</ledgerAccount>\n`;
}

export async function exportXaf(books: Books, input: { year: number; path: string }): Promise<XafWritten> {
  const fy = getYear(books, input.year);
  const layout = organisationLayout(books);
  const accounts = accountsInfo(books);
  const org = books.raw('SELECT name, kvk, rsin, vat_number, street, postcode, city FROM organisation WHERE id = 1').get() as {
    name: string; kvk: string | null; rsin: string | null; vat_number: string | null; street: string | null; postcode: string | null; city: string | null;
  };
  const taxRegIdent = taxNumber(org);
  const journals = books
    .raw('SELECT j.id, j.code, j.name, a.code AS account, a.iban FROM journals j LEFT JOIN accounts a ON a.id = j.account_id ORDER BY j.id')
    .all() as { id: number; code: string; name: string; account: string | null; iban: string | null }[];
  const totals = exactGet<{ d: bigint; c: bigint }>(books.raw('SELECT COALESCE(SUM(debit_cents), 0) AS d, COALESCE(SUM(credit_cents), 0) AS c FROM account_totals WHERE year = ?'), fy.year)!;
  const count = books.raw(`SELECT COUNT(*) AS n FROM lines l JOIN entries e ON e.id = l.entry_id WHERE e.year = ? AND l.posted = 1`).get(fy.year) as { n: number };
  const opening = openingBalances(books, fy.start);
  const refs = readXafRefs(books, fy.year);
  const contacts = contactsOfYear(books, fy.year, [...refs.contactOfEntry.values()]);
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
    out.add(`<company>${opt('companyIdent', org.kvk, 35)}${el('companyName', org.name, 999)}<taxRegistrationCountry>NL</taxRegistrationCountry>${el('taxRegIdent', taxRegIdent, 30)}`);
    out.add(group('streetAddress', [opt('streetname', org.street, 999), opt('city', org.city, 50), opt('postalCode', org.postcode, 10), org.street || org.city || org.postcode ? '<country>NL</country>' : '']));
    out.add('\n');
    out.add(customersSuppliersXml(contacts));
    out.add('<generalLedger>\n');
    for (const a of accounts) {
      const line = lineFor(layout, a.type, mappedLine(a, layout));
      out.add(ledgerAccount(a.code, a.name, accountType(a), line, STATEMENT_LINES[line as keyof typeof STATEMENT_LINES] ?? null, a.rgsCode));
    }
    if (opening.earlier !== 0n) out.add(ledgerAccount(EARLIER_RESULT.code, EARLIER_RESULT.name, 'B', null, null, EARLIER_RESULT.rgs));
    out.add('</generalLedger>\n');
    out.add(vatCodesXml(refs));
    out.add('<periods>\n');
    const [sy, sm] = fy.start.split('-').map(Number) as [number, number];
    for (let p = 1; p <= periodOf(fy.end, fy.start); p++) {
      const y = sy + Math.floor((sm - 1 + p - 1) / 12);
      const m = ((sm - 1 + p - 1) % 12) + 1;
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      out.add(`<period><periodNumber>${p}</periodNumber>${el('periodDesc', `${y}-${String(m).padStart(2, '0')}`, 50)}<startDatePeriod>${start}</startDatePeriod><endDatePeriod>${monthEnd(y, m)}</endDatePeriod></period>\n`);
    }
    out.add('</periods>\n');

    // Opening balance: balance-sheet accounts, plus earlier years' unappropriated result on one line.
    const obLines: [string, bigint][] = accounts.filter((a) => opening.accounts.has(a.id)).map((a) => [a.code, opening.accounts.get(a.id)!]);
    if (opening.earlier !== 0n) obLines.push([EARLIER_RESULT.code, opening.earlier]);
    let obD = 0n;
    let obC = 0n;
    for (const [, v] of obLines) {
      if (v > 0n) obD += v;
      else obC -= v;
    }
    out.add(
      `<openingBalance><opBalDate>${fy.start}</opBalDate>${el('opBalDesc', `Beginbalans ${fy.year} (saldi op ${dayBefore(fy.start)})`, 999)}` +
        `<linesCount>${obLines.length}</linesCount><totalDebit>${centsToString(obD)}</totalDebit><totalCredit>${centsToString(obC)}</totalCredit>\n`,
    );
    obLines.forEach(([code, v], i) => {
      out.add(`<obLine><nr>${i + 1}</nr>${el('accID', code, 35)}<amnt>${centsToString(v > 0n ? v : -v)}</amnt><amntTp>${v > 0n ? 'D' : 'C'}</amntTp></obLine>\n`);
    });
    out.add('</openingBalance>\n');

    out.add(`<transactions><linesCount>${count.n}</linesCount><totalDebit>${centsToString(totals.d)}</totalDebit><totalCredit>${centsToString(totals.c)}</totalCredit>\n`);
    const rows = books.raw(
      `SELECT e.id, e.number, e.date, e.description, e.source, l.account_id, l.amount_cents, l.description AS line_description, l.contact_id
       FROM entries e JOIN lines l ON l.entry_id = e.id
       WHERE e.journal_id = ? AND e.year = ? AND e.status = 'posted' ORDER BY e.number, l.id`,
    );
    for (const j of journals) {
      const jrnTp = j.account ? (JOURNAL_TYPE[j.code] ?? 'B') : (JOURNAL_TYPE[j.code] ?? 'M');
      out.add(`<journal>${el('jrnID', j.code, 35)}${el('desc', j.name)}<jrnTp>${jrnTp}</jrnTp>${opt('offsetAccID', j.account, 35)}${opt('bankAccNr', j.iban, 35)}\n`);
      let current = -1;
      let lineNr = 0;
      let ref = '';
      let trDesc = '';
      let trDate = '';
      for (const r of rows.iterate(j.id, fy.year) as Iterable<{
        id: number; number: number; date: string; description: string; source: string; account_id: number; amount_cents: number; line_description: string | null; contact_id: number | null;
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
            `<transaction>${el('nr', `${fy.year}-${String(r.number).padStart(4, '0')}`, 35)}${opt('desc', r.description)}` +
              `<periodNumber>${periodOf(r.date, fy.start)}</periodNumber><trDt>${r.date}</trDt>${opt('sourceID', r.source, 35)}`,
          );
          await out.flushIfFull();
        }
        lineNr++;
        const amt = r.amount_cents;
        const code = codeOf.get(r.account_id) ?? String(r.account_id);
        const control = isControlAccount(code);
        const contact = r.contact_id ?? (control ? refs.contactOfEntry.get(r.id) : undefined);
        const invRef = refs.invoiceOfEntry.get(r.id) ?? (control ? refs.paymentOfEntry.get(r.id) : undefined);
        const vat = isVatAccount(code) ? takeVatSlot(refs.vatOfEntry.get(r.id), BigInt(amt)) : null;
        out.add(
          `<trLine><nr>${lineNr}</nr>${el('accID', code, 35)}${el('docRef', ref, 999)}<effDate>${trDate}</effDate>` +
            `${opt('desc', r.line_description ?? trDesc)}<amnt>${centsToString(amt > 0 ? amt : -amt)}</amnt><amntTp>${amt > 0 ? 'D' : 'C'}</amntTp>` +
            `${contact !== undefined ? el('custSupID', custSupId(contact), 35) : ''}${opt('invRef', invRef, 999)}${vat ? vatXml(vat) : ''}</trLine>`,
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
