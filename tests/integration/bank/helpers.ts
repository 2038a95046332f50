/**
 * Helpers for the bank-import tests: an administration whose 1100 carries a given IBAN, the bank
 * fixtures, a small camt.053.001.02 writer for statements made to measure, and row counts of every
 * table an import or confirm could touch (to prove that a refusal wrote nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { makeBooks, type TestBooks } from '../helpers';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/bank');
export const fixture = (name: string): string => path.join(FIXTURES, name);

export const ING = 'NL36INGB0007654321';
export const RABO = 'NL81RABO0312345678';
export const ABN = 'NL91ABNA0417164300';

/** Every fixture with its format and the IBAN of the account it is from. */
export const FIXTURE_ACCOUNTS: [file: string, format: string, iban: string][] = [
  ['camt053-001-02-ing.xml', 'camt053', ING],
  ['camt053-001-04-rabobank.xml', 'camt053', RABO],
  ['camt053-001-08-abnamro.xml', 'camt053', ABN],
  ['mt940-ing.sta', 'mt940', ING],
  ['mt940-rabobank.swi', 'mt940', RABO],
  ['mt940-abnamro.sta', 'mt940', ABN],
  ['ing.csv', 'csv-ing', ING],
  ['rabobank-cp1252.csv', 'csv-rabobank', RABO],
  ['abnamro.tab', 'csv-abnamro', ABN],
  ['triodos.csv', 'csv-triodos', 'NL49TRIO0390123456'],
  ['bunq.csv', 'csv-bunq', 'NL51BUNQ2045678901'],
  ['asn.csv', 'csv-asn', 'NL44ASNB0708123456'],
];

export async function bankBooks(iban: string | null = ING, opts: { year?: number; vat?: 'none' | 'exempt' | 'kor' | 'liable' } = {}): Promise<TestBooks> {
  return makeBooks({
    year: opts.year ?? 2026,
    name: 'Stichting Buurtkracht Oost',
    ...(opts.vat ? { vat: opts.vat } : {}),
    extra: { ...(iban ? { iban } : {}), kvk: '12345678', street: 'Dorpsstraat 12a', postcode: '3512 AB', city: 'Utrecht' },
  });
}

export interface CamtLine {
  date: string;
  /** Signed cents: + money in. */
  cents: number;
  name?: string;
  iban?: string;
  text: string;
  ref?: string;
  /** The payer's reference (EndToEndId), shown in the inbox as "Kenmerk". */
  e2e?: string;
}

const euros = (c: number) => `${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A camt.053.001.02 statement; the closing balance is opening + the lines unless given. */
export function camt(o: { iban?: string; from: string; to: string; opening: number; closing?: number; lines: CamtLine[]; id?: string }): string {
  const closing = o.closing ?? o.opening + o.lines.reduce((s, l) => s + l.cents, 0);
  const bal = (cd: string, c: number, d: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${cd}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${euros(c)}</Amt><CdtDbtInd>${c < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${d}</Dt></Dt></Bal>`;
  const entries = o.lines.map((l) => {
    const role = l.cents >= 0 ? 'Dbtr' : 'Cdtr';
    const party = l.name || l.iban
      ? `<RltdPties>${l.name ? `<${role}><Nm>${esc(l.name)}</Nm></${role}>` : ''}${l.iban ? `<${role}Acct><Id><IBAN>${l.iban}</IBAN></Id></${role}Acct>` : ''}</RltdPties>`
      : '';
    return (
      `<Ntry><Amt Ccy="EUR">${euros(l.cents)}</Amt><CdtDbtInd>${l.cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>` +
      `<BookgDt><Dt>${l.date}</Dt></BookgDt><ValDt><Dt>${l.date}</Dt></ValDt>${l.ref ? `<AcctSvcrRef>${l.ref}</AcctSvcrRef>` : ''}` +
      `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
      `<NtryDtls><TxDtls>${l.e2e ? `<Refs><EndToEndId>${esc(l.e2e)}</EndToEndId></Refs>` : ''}${party}<RmtInf><Ustrd>${esc(l.text)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
    `<GrpHdr><MsgId>T-${o.from}-${o.to}</MsgId><CreDtTm>${o.to}T23:00:00</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${o.id ?? `T-${o.from}`}</Id><CreDtTm>${o.to}T23:00:00</CreDtTm>`,
    `<FrToDt><FrDtTm>${o.from}T00:00:00</FrDtTm><ToDtTm>${o.to}T23:59:59</ToDtTm></FrToDt>`,
    `<Acct><Id><IBAN>${o.iban ?? ING}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
    bal('OPBD', o.opening, o.from),
    bal('CLBD', closing, o.to),
    ...entries,
    '</Stmt></BkToCstmrStmt></Document>',
    '',
  ].join('\n');
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const COUNTED = ['bank_imports', 'bank_transactions', 'bank_rules', 'reconciliations', 'entries', 'lines', 'accounts', 'audit_log', 'invoice_payments'];

export function counts(b: TestBooks): Record<string, number> {
  const db = b.session.books!.sqlite as Database.Database;
  return Object.fromEntries(COUNTED.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

/** Assigned-column snapshot of all bank lines, to prove a refused call changed nothing. */
export function bankState(b: TestBooks): unknown[] {
  const db = b.session.books!.sqlite as Database.Database;
  return db.prepare('SELECT id, status, entry_id, assign_account_id, suggest_account_id, suggest_reason FROM bank_transactions ORDER BY id').all();
}
