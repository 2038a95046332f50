import { amountProblemText, parseAmount } from './amount';
import { fromIso } from './dates';
import { atLine, bankError, quote } from './errors';
import { BANK_PART, type BankPart } from './parts';
import { said, type SaidValue } from '../../../shared/phrase';
import { ibanLike } from './nl-iban';
import type { ParsedTransaction, ParseWarning, StatementPart } from './types';
import { elementLines, refuseUnsafeXml } from './xml';
import { readXmlTree } from './xml-tree';
import { attr, list, node, path, text, texts, type XmlNode } from './xml-nodes';

/**
 * ISO 20022 camt.053 (BankToCustomerStatement), versions .02 (most Dutch banks), .04, .08 and
 * others of the same shape. Each <Stmt> becomes a StatementPart; each booked <Ntry> one
 * transaction, or one per <TxDtls> when a batch entry details amounts that add up to the entry.
 */

const ARRAY_TAGS = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AddtlRmtInf', 'RfrdDocInf']);

/** Where in the file a message is about: an entry (number and line) or a statement's line. */
interface Where {
  entry?: number;
  line: number | undefined;
}

/** The start of a message about an entry or line ("Boeking 3 (regel 40): "), said as a part of its own. */
function at(w: Where): SaidValue {
  if (w.entry === undefined) return atLine(w.line);
  return w.line === undefined
    ? said('err.bankFile.at.entry', 'Boeking {{entry}}: ', { entry: w.entry })
    : said('err.bankFile.at.entryLine', 'Boeking {{entry}} (regel {{line}}): ', { entry: w.entry, line: w.line });
}

function whereDetails(w: Where): { entry?: number; line?: number } {
  const d: { entry?: number; line?: number } = {};
  if (w.entry !== undefined) d.entry = w.entry;
  if (w.line !== undefined) d.line = w.line;
  return d;
}

/** Amount element with its Ccy attribute, to signed cents using the CdtDbtInd next to it. */
function signedAmount(amtNode: unknown, indicator: unknown, w: Where, part: BankPart): number {
  const what = BANK_PART[part];
  const raw = text(amtNode);
  if (raw === undefined) throw bankError(said('err.bankFile.camt.missing', '{{at}}{{what}} ontbreekt.', { at: at(w), what }), { reason: 'missing', ...whereDetails(w) });
  const ccy = attr(Array.isArray(amtNode) ? amtNode[0] : amtNode, 'Ccy');
  if (ccy !== undefined && ccy !== 'EUR') {
    throw bankError(said('err.bankFile.camt.currency', "{{at}}{{what}} is in '{{currency}}'. De app werkt alleen met euro's.", { at: at(w), what, currency: quote(ccy, 8) }), { reason: 'currency', ...whereDetails(w) });
  }
  const r = parseAmount(raw, 'dot');
  if (!r.ok) throw bankError(said('err.bankFile.badAmount', "{{at}}{{what}} '{{raw}}' {{problem}}.", { at: at(w), what, raw: quote(raw), problem: amountProblemText(r.problem) }), { reason: 'amount', ...whereDetails(w) });
  const ind = text(indicator);
  if (ind !== 'CRDT' && ind !== 'DBIT') {
    throw bankError(said('err.bankFile.camt.direction', "{{at}}bij {{what}} staat '{{value}}' in plaats van CRDT (bij) of DBIT (af).", { at: at(w), what, value: quote(ind ?? '') }), { reason: 'syntax', ...whereDetails(w) });
  }
  return ind === 'DBIT' ? -r.cents : r.cents;
}

function dateOf(x: unknown): string | null {
  const raw = text(path(x, 'Dt')) ?? text(path(x, 'DtTm'));
  return raw === undefined ? null : fromIso(raw);
}

function accountId(acct: unknown): string | undefined {
  return text(path(acct, 'Id', 'IBAN')) ?? text(path(acct, 'Id', 'Othr', 'Id'));
}

/** Party name: PartyIdentification (Nm) in .02/.04, Party40Choice (Pty/Nm) from .08 on. */
function partyName(p: unknown): string | undefined {
  return text(path(p, 'Nm')) ?? text(path(p, 'Pty', 'Nm'));
}

function remittance(tx: XmlNode | undefined): string | undefined {
  if (!tx) return undefined;
  const rmt = path(tx, 'RmtInf');
  const ustrd = texts(path(rmt, 'Ustrd')).join(' ');
  if (ustrd !== '') return ustrd;
  const parts: string[] = [];
  for (const strd of list(path(rmt, 'Strd'))) {
    for (const doc of list(strd['RfrdDocInf'])) {
      const nb = text(doc['Nb']);
      if (nb !== undefined) parts.push(`Factuur ${nb}`);
    }
    const ref = text(path(strd, 'CdtrRefInf', 'Ref'));
    if (ref !== undefined) parts.push(`Betalingskenmerk ${ref}`);
    parts.push(...texts(strd['AddtlRmtInf']));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Counterparty: for money in the debtor, for money out the creditor. */
function counterparty(tx: XmlNode | undefined, incoming: boolean): { name?: string; iban?: string } {
  if (!tx) return {};
  const parties = path(tx, 'RltdPties');
  const [party, ultimate, account] = incoming ? ['Dbtr', 'UltmtDbtr', 'DbtrAcct'] : ['Cdtr', 'UltmtCdtr', 'CdtrAcct'];
  const out: { name?: string; iban?: string } = {};
  const name = partyName(path(parties, party as string)) ?? partyName(path(parties, ultimate as string));
  if (name !== undefined) out.name = name;
  const id = accountId(path(parties, account as string));
  const iban = ibanLike(id);
  if (iban) out.iban = iban;
  return out;
}

function txAmount(tx: XmlNode, entrySign: number, w: Where): number | undefined {
  const direct = tx['Amt'];
  const amt = direct ?? path(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? path(tx, 'AmtDtls', 'InstdAmt', 'Amt');
  if (amt === undefined) return undefined;
  const ind = tx['CdtDbtInd'] ?? (entrySign < 0 ? 'DBIT' : 'CRDT');
  return signedAmount(amt, ind, w, 'partAmount');
}

function buildTransaction(
  base: { date: string; valueDate?: string; bankRef?: string; line?: number; fallback: string },
  tx: XmlNode | undefined,
  amountCents: number,
): ParsedTransaction {
  const cp = counterparty(tx, amountCents >= 0);
  const out: ParsedTransaction = {
    date: base.date,
    amountCents,
    description: remittance(tx) ?? (tx ? text(tx['AddtlTxInf']) : undefined) ?? base.fallback,
  };
  if (base.valueDate !== undefined && base.valueDate !== base.date) out.valueDate = base.valueDate;
  if (cp.name !== undefined) out.counterpartyName = cp.name;
  if (cp.iban !== undefined) out.counterpartyIban = cp.iban;
  const bankRef = base.bankRef ?? (tx ? text(path(tx, 'Refs', 'AcctSvcrRef')) : undefined);
  if (bankRef !== undefined) out.bankRef = bankRef;
  const e2e = tx ? text(path(tx, 'Refs', 'EndToEndId')) : undefined;
  if (e2e !== undefined && e2e.toUpperCase() !== 'NOTPROVIDED') out.endToEndId = e2e;
  if (base.line !== undefined) out.line = base.line;
  if (out.description === '') out.description = cp.name ?? 'Geen omschrijving';
  return out;
}

function entryTransactions(ntry: XmlNode, w: Where, warnings: ParseWarning[]): ParsedTransaction[] {
  const status = text(ntry['Sts']) ?? text(path(ntry, 'Sts', 'Cd')) ?? text(path(ntry, 'Sts', 'Prtry'));
  if (status !== undefined && status !== 'BOOK') {
    warnings.push({
      ...(w.line !== undefined ? { line: w.line } : {}),
      ...said('err.bankWarn.notBooked', "{{at}}deze boeking heeft status '{{status}}' (nog niet definitief) en is niet ingelezen.", { at: at(w), status: quote(status, 8) }),
    });
    return [];
  }
  const amountCents = signedAmount(ntry['Amt'], ntry['CdtDbtInd'], w, 'amount');
  const date = dateOf(ntry['BookgDt']) ?? dateOf(ntry['ValDt']);
  if (date === null) {
    throw bankError(said('err.bankFile.camt.noBookingDate', '{{at}}de boekdatum ontbreekt of is geen geldige datum.', { at: at(w) }), { reason: 'date', ...whereDetails(w) });
  }
  const valueDate = dateOf(ntry['ValDt']);
  const base: { date: string; valueDate?: string; bankRef?: string; line?: number; fallback: string } = {
    date,
    fallback: text(ntry['AddtlNtryInf']) ?? '',
  };
  if (valueDate !== null) base.valueDate = valueDate;
  const ref = text(ntry['AcctSvcrRef']) ?? text(ntry['NtryRef']);
  if (ref !== undefined) base.bankRef = ref;
  if (w.line !== undefined) base.line = w.line;

  const details = list(ntry['NtryDtls']).flatMap((d) => list(d['TxDtls']));
  if (details.length > 1) {
    const amounts = details.map((d) => txAmount(d, amountCents, w));
    if (amounts.every((a): a is number => a !== undefined) && amounts.reduce((s, a) => s + a, 0) === amountCents) {
      // One booking split into its parts: each part gets its own reference, so none looks like a duplicate.
      return details.map((d, i) => {
        const tx = buildTransaction(base, d, amounts[i] as number);
        const own = text(path(d, 'Refs', 'AcctSvcrRef'));
        if (own !== undefined) tx.bankRef = own;
        else if (tx.bankRef !== undefined) tx.bankRef = `${tx.bankRef}/${i + 1}`;
        return tx;
      });
    }
    const tx = buildTransaction(base, undefined, amountCents);
    if (tx.description === 'Geen omschrijving' || tx.description === '') tx.description = `Verzamelboeking (${details.length} posten)`;
    return [tx];
  }
  return [buildTransaction(base, details[0], amountCents)];
}

function statementPart(stmt: XmlNode, stmtLine: number | undefined, entryNo: { n: number }, ntryLines: number[], warnings: ParseWarning[]): StatementPart {
  const acct = stmt['Acct'];
  const part: StatementPart = {
    account: accountId(acct) ?? '',
    currency: text(path(acct, 'Ccy')) ?? 'EUR',
    transactions: [],
  };
  if (stmtLine !== undefined) {
    part.line = stmtLine;
    part.accountLine = stmtLine;
  }
  const id = text(stmt['Id']);
  if (id !== undefined) part.statementId = id;
  const fr = text(path(stmt, 'FrToDt', 'FrDtTm'));
  const to = text(path(stmt, 'FrToDt', 'ToDtTm'));
  if (fr !== undefined && fromIso(fr)) part.from = fromIso(fr) as string;
  if (to !== undefined && fromIso(to)) part.to = fromIso(to) as string;

  let previousClosing: number | undefined;
  for (const bal of list(stmt['Bal'])) {
    const code = text(path(bal, 'Tp', 'CdOrPrtry', 'Cd')) ?? text(path(bal, 'Tp', 'CdOrPrtry', 'Prtry'));
    if (code !== 'OPBD' && code !== 'CLBD' && code !== 'PRCD') continue;
    const what: BankPart = code === 'OPBD' ? 'opening' : code === 'CLBD' ? 'closing' : 'previousClosing';
    const cents = signedAmount(bal['Amt'], bal['CdtDbtInd'], { line: stmtLine }, what);
    if (code === 'OPBD') part.openingBalanceCents = cents;
    else if (code === 'CLBD') part.closingBalanceCents = cents;
    else previousClosing = cents;
  }
  if (part.openingBalanceCents === undefined && previousClosing !== undefined) part.openingBalanceCents = previousClosing;

  for (const ntry of list(stmt['Ntry'])) {
    entryNo.n += 1;
    const w: Where = { entry: entryNo.n, line: ntryLines[entryNo.n - 1] };
    part.transactions.push(...entryTransactions(ntry, w, warnings));
  }
  return part;
}

export function parseCamt053(text: string): { parts: StatementPart[]; warnings: ParseWarning[] } {
  refuseUnsafeXml(text);
  // One pass: well-formedness (with line and column) and the tree. fast-xml-parser's validator and
  // parser took ~5 s for a 10,000-entry file; see xml-tree.ts.
  const doc = node(readXmlTree(text, ARRAY_TAGS));
  const root = node(path(doc, 'Document', 'BkToCstmrStmt'));
  if (!root) {
    throw bankError(said('err.bankFile.camt.notStatement', 'Dit XML-bestand is geen camt.053-bankafschrift: het onderdeel BkToCstmrStmt ontbreekt.'), { reason: 'missing' });
  }
  const stmts = list(root['Stmt']);
  if (stmts.length === 0) throw bankError(said('err.bankFile.camt.noStatement', 'Dit camt.053-bestand bevat geen afschrift (Stmt).'), { reason: 'missing' });
  const stmtLines = elementLines(text, 'Stmt');
  const ntryLines = elementLines(text, 'Ntry');
  const warnings: ParseWarning[] = [];
  const entryNo = { n: 0 };
  const parts = stmts.map((s, i) => statementPart(s, stmtLines[i], entryNo, ntryLines, warnings));
  return { parts, warnings };
}
