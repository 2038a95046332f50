/**
 * bank.import: one statement file into the inbox of one bank account, in one transaction.
 *
 * Order matters for "refused fast, nothing written": size (before reading), file hash (a second
 * import of the same file), parsing, the account, and only then the writes. Per line, duplicates
 * from earlier imports (same statement again, or an overlapping period) are skipped by fingerprint
 * or bank reference; the new lines get suggestions, the statement's balances are recorded and
 * compared with the books.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { formatDateNl } from '../../../shared/dates';
import { KassaError } from '../../../shared/errors';
import { centsToString, formatEuro } from '../../../shared/money';
import { formatIban } from '../../../shared/validation/iban';
import { contentKey } from '../../../shared/rules/bankMatch';
import type { BankBalanceCheck, BankBalanceDifference, BankImportInfo, BankImportResult, BankWarning } from '../../../shared/api/bank';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { accountForStatement, accountRef, bankAccountByCode, type BankAccountRow } from './bankAccounts';
import { assertSizeWithinLimit, DEFAULT_MAX_BYTES, readBankFile } from './decode';
import { parseStatement } from './parse';
import { bookBalanceAt, dayBefore, inboxUpTo, recordStatementBalance, refreshReconciliations } from './reconciliation';
import { refreshSuggestions } from './suggest';
import type { BankFormat, ParsedStatement, ParsedTransaction } from './types';
import { said } from '../../../shared/phrase';

export interface ImportInput {
  path?: string | undefined;
  data?: string | undefined;
  fileName?: string | undefined;
  format?: BankFormat | undefined;
  account?: string | undefined;
  /** Tests and benchmarks only: a different size limit. */
  maxBytes?: number | undefined;
}

/** Bytes of a base64 string, refused on its size before it is decoded. */
function bytesFromBase64(data: string, maxBytes: number): Buffer {
  const clean = data.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  assertSizeWithinLimit(Math.max(0, Math.floor((clean.length * 3) / 4) - padding), maxBytes);
  return Buffer.from(clean, 'base64');
}

export function fileHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface PreparedLine {
  tx: ParsedTransaction;
  fingerprint: string;
  refKey: string | null;
}

/**
 * Duplicate keys per line. The fingerprint is the content (date, amount, counterparty IBAN,
 * normalised description) plus its occurrence that day in this file, so two equal gifts on one day
 * stay two lines while the same day in an overlapping statement maps onto the same keys. The
 * reference key (date + amount + the bank's own reference) also catches a line whose description
 * the bank wrote differently; a reference that repeats within the file is not trusted.
 */
export function prepareLines(transactions: ParsedTransaction[]): PreparedLine[] {
  const seen = new Map<string, number>();
  const refs = new Map<string, number>();
  const out = transactions.map((tx) => {
    const content = createHash('sha256').update(contentKey(tx)).digest('hex').slice(0, 40);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    const ref = tx.bankRef?.trim() ? `${tx.date}|${tx.amountCents}|${tx.bankRef.trim()}` : null;
    if (ref !== null) refs.set(ref, (refs.get(ref) ?? 0) + 1);
    return { tx, fingerprint: `${content}#${n}`, refKey: ref };
  });
  for (const l of out) if (l.refKey !== null && (refs.get(l.refKey) ?? 0) > 1) l.refKey = null;
  return out;
}

function yearWarnings(books: Books, lines: PreparedLine[]): BankWarning[] {
  const years = books.raw('SELECT start_date, end_date, status FROM fiscal_years').all() as { start_date: string; end_date: string; status: string }[];
  const closed: PreparedLine[] = [];
  const none: PreparedLine[] = [];
  for (const l of lines) {
    const y = years.find((f) => l.tx.date >= f.start_date && l.tx.date <= f.end_date);
    if (!y) none.push(l);
    else if (y.status !== 'open') closed.push(l);
  }
  const out: BankWarning[] = [];
  const describe = (ls: PreparedLine[], closedYear: boolean) => {
    const first = ls[0];
    if (!first) return;
    const date = formatDateNl(first.tx.date);
    const line = first.tx.line;
    const which = ls.length > 1
      ? line !== undefined ? said('err.bankWarn.linesFromAt', '{{count}} regels (vanaf {{date}}, regel {{line}})', { count: ls.length, date, line }) : said('err.bankWarn.linesFrom', '{{count}} regels (vanaf {{date}})', { count: ls.length, date })
      : line !== undefined ? said('err.bankWarn.dateAt', 'Regel {{line}}: de datum {{date}}', { line, date }) : said('err.bankWarn.date', 'De datum {{date}}', { date });
    const text = closedYear
      ? ls.length > 1 ? said('err.bankWarn.closedMany', '{{which}} vallen in een afgesloten boekjaar. Die regels kunt u niet meer boeken. Staan ze al in de boeken, negeer ze dan.', { which })
        : said('err.bankWarn.closedOne', '{{which}} valt in een afgesloten boekjaar. Die regels kunt u niet meer boeken. Staan ze al in de boeken, negeer ze dan.', { which })
      : ls.length > 1 ? said('err.bankWarn.noYearMany', '{{which}} vallen niet in een boekjaar van deze administratie. Open eerst dat boekjaar; tot dan blijven die regels in de inbox.', { which })
        : said('err.bankWarn.noYearOne', '{{which}} valt niet in een boekjaar van deze administratie. Open eerst dat boekjaar; tot dan blijven die regels in de inbox.', { which });
    const w: BankWarning = { message: text.message, says: text.says };
    if (first.tx.line !== undefined) w.line = first.tx.line;
    out.push(w);
  };
  describe(none, false);
  describe(closed, true);
  return out;
}

function differenceOf(kind: 'opening' | 'closing', date: string, bankCents: number, book: bigint, inbox: bigint): BankBalanceDifference | null {
  const bank = BigInt(bankCents);
  if (kind === 'opening') {
    if (bank === book) return null;
    return {
      kind, date, bank: centsToString(bank), book: centsToString(book), difference: centsToString(bank - book),
      ...said('err.bankCheck.opening', 'Het beginsaldo van dit afschrift ({{bank}}) is niet gelijk aan het saldo in de boeken op {{date}} ({{book}}). Het verschil is {{difference}}. Misschien is het beginsaldo nog niet geboekt, of ontbreekt er een eerder afschrift.', {
        bank: formatEuro(bank), date: formatDateNl(date), book: formatEuro(book), difference: formatEuro(bank - book),
      }),
    };
  }
  const expected = book + inbox;
  if (bank === expected) return null;
  return {
    kind, date, bank: centsToString(bank), book: centsToString(expected), difference: centsToString(bank - expected),
    ...said('err.bankCheck.closing', 'Het eindsaldo van dit afschrift ({{bank}}) is niet gelijk aan het saldo in de boeken op {{date}} als alle regels uit de inbox geboekt zijn ({{book}}). Het verschil is {{difference}}.', {
      bank: formatEuro(bank), date: formatDateNl(date), book: formatEuro(expected), difference: formatEuro(bank - expected),
    }),
  };
}

export function balanceCheck(books: Books, accountId: number, st: Pick<ParsedStatement, 'from' | 'to' | 'openingBalanceCents' | 'closingBalanceCents'>): BankBalanceCheck {
  const openingDate = st.from !== undefined ? dayBefore(st.from) : null;
  const closingDate = st.to ?? null;
  const bookOpening = openingDate !== null ? bookBalanceAt(books, accountId, openingDate) : 0n;
  const bookClosing = closingDate !== null ? bookBalanceAt(books, accountId, closingDate) : 0n;
  const inbox = closingDate !== null ? inboxUpTo(books, accountId, closingDate).cents : 0n;
  const differences: BankBalanceDifference[] = [];
  if (st.openingBalanceCents !== undefined && openingDate !== null) {
    const d = differenceOf('opening', openingDate, st.openingBalanceCents, bookOpening, 0n);
    if (d) differences.push(d);
  }
  if (st.closingBalanceCents !== undefined && closingDate !== null) {
    const d = differenceOf('closing', closingDate, st.closingBalanceCents, bookClosing, inbox);
    if (d) {
      const opening = differences[0];
      if (opening && opening.difference === d.difference) d.message += ' Dat is hetzelfde verschil als bij het beginsaldo.';
      differences.push(d);
    }
  }
  return {
    opening: st.openingBalanceCents !== undefined ? centsToString(st.openingBalanceCents) : null,
    closing: st.closingBalanceCents !== undefined ? centsToString(st.closingBalanceCents) : null,
    openingDate, closingDate,
    bookOpening: centsToString(bookOpening), bookClosing: centsToString(bookClosing),
    inbox: centsToString(inbox), expectedClosing: centsToString(bookClosing + inbox),
    differences,
  };
}

function refuseDuplicateFile(books: Books, hash: string): void {
  const dup = books
    .raw('SELECT i.imported_at, i.file_name, i.transaction_count, a.code, a.name FROM bank_imports i JOIN accounts a ON a.id = i.account_id WHERE i.file_hash = ?')
    .get(hash) as { imported_at: string; file_name: string; transaction_count: number; code: string; name: string } | undefined;
  if (!dup) return;
  throw new KassaError(
    'DUPLICATE',
    said('err.bank.alreadyImported', 'Dit bestand is al ingelezen op {{importedAt}} ("{{fileName}}", {{lines}} regels, rekening {{code}}). Er is niets veranderd.', { importedAt: formatDateNl(dup.imported_at.slice(0, 10)), fileName: dup.file_name, lines: dup.transaction_count, code: dup.code }),
    { field: 'path', details: { importedAt: dup.imported_at, fileName: dup.file_name } },
  );
}

export function importStatement(books: Books, input: ImportInput): BankImportResult {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = input.path !== undefined ? readBankFile(input.path, { maxBytes }) : bytesFromBase64(input.data ?? '', maxBytes);
  const fileName = (input.fileName ?? (input.path !== undefined ? path.basename(input.path) : 'afschrift')).slice(0, 255);
  const hash = fileHash(bytes);
  refuseDuplicateFile(books, hash);
  const st = parseStatement(bytes, { maxBytes, ...(input.format !== undefined ? { format: input.format } : {}) });
  const { account, setIban } = accountForStatement(books, st.accountIban, input.account);
  const lines = prepareLines(st.transactions);

  return books.tx(() => {
    refuseDuplicateFile(books, hash);
    const warnings: BankWarning[] = st.warnings.map((w) => ({ ...(w.line !== undefined ? { line: w.line } : {}), message: w.message, ...(w.says ? { says: w.says } : {}) }));
    if (setIban) {
      books.raw('UPDATE accounts SET iban = ? WHERE id = ?').run(st.accountIban, account.id);
      appendAudit(books, 'accounts.update', 'account', account.code, { code: account.code, iban: st.accountIban, from: 'bank.import' });
      warnings.push(said('err.bankWarn.ibanStored', 'Rekening {{code}} ({{name}}) had nog geen IBAN. Het IBAN {{iban}} van dit afschrift is daar nu bij opgeslagen.', { code: account.code, name: account.name, iban: formatIban(st.accountIban) }));
    }

    const byFp = books.raw('SELECT 1 FROM bank_transactions WHERE account_id = ? AND fingerprint = ?');
    const byRef = books.raw('SELECT 1 FROM bank_transactions WHERE account_id = ? AND ref_key = ?');
    const fresh = lines.filter((l) => byFp.get(account.id, l.fingerprint) === undefined && (l.refKey === null || byRef.get(account.id, l.refKey) === undefined));
    const duplicates = lines.length - fresh.length;
    warnings.push(...yearWarnings(books, fresh));
    if (lines.length > 0 && fresh.length === 0) {
      warnings.push(said('err.bankWarn.allKnown', 'Alle {{count}} regels van dit afschrift waren al eerder ingelezen. Er zijn geen nieuwe regels bijgekomen.', { count: lines.length }));
    }

    const openingDate = st.from !== undefined ? dayBefore(st.from) : null;
    const { lastInsertRowid: importId } = books.run(
      books.db.insertInto('bank_imports').values({
        file_hash: hash, file_name: fileName, format: st.format, account_id: account.id, statement_iban: st.accountIban,
        statement_id: st.statementId ?? null, imported_at: nowIso(), date_from: st.from ?? null, date_to: st.to ?? null,
        opening_cents: st.openingBalanceCents ?? null, closing_cents: st.closingBalanceCents ?? null,
        // BigInt binds exactly in better-sqlite3; the column type of the query builder only knows number.
        book_opening_cents: (openingDate !== null ? bookBalanceAt(books, account.id, openingDate) : 0n) as unknown as number,
        book_closing_cents: (st.to !== undefined ? bookBalanceAt(books, account.id, st.to) : 0n) as unknown as number,
        transaction_count: lines.length, added_count: fresh.length, duplicate_count: duplicates, warnings: JSON.stringify(warnings),
      }),
    );

    const insert = books.raw(
      `INSERT INTO bank_transactions (import_id, account_id, line, date, value_date, amount_cents, counterparty_name, counterparty_iban,
         description, bank_ref, end_to_end_id, fingerprint, ref_key, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'inbox')`,
    );
    for (const { tx, fingerprint, refKey } of fresh) {
      insert.run(
        importId, account.id, tx.line ?? null, tx.date, tx.valueDate ?? null, tx.amountCents, tx.counterpartyName?.trim() || null,
        tx.counterpartyIban ?? null, tx.description, tx.bankRef ?? null, tx.endToEndId ?? null, fingerprint, refKey,
      );
    }

    if (st.openingBalanceCents !== undefined && openingDate !== null) {
      const w = recordStatementBalance(books, account.id, importId, openingDate, st.openingBalanceCents);
      if (w) warnings.push(w);
    }
    if (st.closingBalanceCents !== undefined && st.to !== undefined) {
      const w = recordStatementBalance(books, account.id, importId, st.to, st.closingBalanceCents);
      if (w) warnings.push(w);
    }
    const suggested = fresh.length > 0 ? refreshSuggestions(books, { importId }) : 0;
    refreshReconciliations(books, account.id);
    const check = balanceCheck(books, account.id, st);

    appendAudit(books, 'bank.import', 'bank_import', importId, {
      fileName, fileHash: hash, format: st.format, account: account.code, statementIban: st.accountIban, from: st.from ?? null, to: st.to ?? null,
      transactions: lines.length, added: fresh.length, skippedDuplicates: duplicates,
    });
    return {
      importId, account: accountRef({ ...account, iban: setIban ? st.accountIban : account.iban }), format: st.format, statementIban: st.accountIban,
      from: st.from ?? null, to: st.to ?? null, transactions: lines.length, added: fresh.length, skippedDuplicates: duplicates,
      suggested, warnings, balanceCheck: check,
    };
  });
}

interface ImportRow {
  id: number; file_name: string; format: string; code: string; statement_iban: string; statement_id: string | null; imported_at: string;
  date_from: string | null; date_to: string | null; opening_cents: number | null; closing_cents: number | null;
  transaction_count: number; added_count: number; duplicate_count: number; warnings: string;
}

export function listImports(books: Books, code?: string): BankImportInfo[] {
  let account: BankAccountRow | null = null;
  if (code !== undefined) account = bankAccountByCode(books, code);
  const rows = books
    .raw(`SELECT i.*, a.code FROM bank_imports i JOIN accounts a ON a.id = i.account_id ${account ? 'WHERE i.account_id = ?' : ''} ORDER BY i.id DESC`)
    .all(...(account ? [account.id] : [])) as ImportRow[];
  return rows.map((r) => ({
    id: r.id, fileName: r.file_name, format: r.format, account: r.code, statementIban: r.statement_iban, statementId: r.statement_id,
    importedAt: r.imported_at, from: r.date_from, to: r.date_to,
    opening: r.opening_cents !== null ? centsToString(r.opening_cents) : null, closing: r.closing_cents !== null ? centsToString(r.closing_cents) : null,
    transactions: r.transaction_count, added: r.added_count, skippedDuplicates: r.duplicate_count, warnings: JSON.parse(r.warnings) as BankWarning[],
  }));
}
