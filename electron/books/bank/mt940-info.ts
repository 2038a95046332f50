import type { Mt940Field } from './mt940-tags';
import { parseNarrative, type Narrative } from './narrative';
import { ibanLike } from './nl-iban';
import type { ParsedTransaction } from './types';

/**
 * The :86: "information to the account owner" of MT940, read into the booking it follows.
 * Three shapes: structured /CODE/ words (ING, Rabobank, ABN AMRO SEPA), free text (ABN AMRO's
 * labelled text, de Volksbank, old Rabobank), and numbered sub-fields: the German DFÜ layout
 * ("166?00…?20…?31…?32…", Commerzbank, Deutsche Bank) and old Triodos, which writes ">" for "?".
 */

/**
 * Join the lines of one :86:. Structured text is cut anywhere, so its lines join without a space.
 * Free text joins without a space only after a full 65-character line (a hard wrap).
 */
export function info86(f: Mt940Field): string {
  if (/^\s*\/[A-Z]{2,4}\//.test(f.value)) return [f.value, ...f.more].join('');
  let out = f.value;
  let previousLength = f.value.length + ':86:'.length;
  for (const l of f.more) {
    out += (previousLength >= 65 ? '' : ' ') + l;
    previousLength = l.length;
  }
  return out;
}

/** A sub-field text piece is at most 27 characters; a full piece was cut mid-word. */
const PIECE = 27;

function joinPieces(pieces: string[]): string {
  let out = '';
  let previous = PIECE;
  for (const p of pieces) {
    out += (previous >= PIECE || out === '' ? '' : ' ') + p;
    previous = p.length;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** German SEPA words inside the purpose text: "EREF+ref SVWZ+text" (SVWZ = Verwendungszweck, the description). */
const SEPA_WORDS = /\b(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;

function sepaWords(purpose: string): { description: string; endToEndId?: string } {
  const hits = [...purpose.matchAll(SEPA_WORDS)];
  if (hits.length === 0) return { description: purpose };
  const value = (word: string): string | undefined => {
    const i = hits.findIndex((h) => h[1] === word);
    if (i < 0) return undefined;
    const hit = hits[i] as RegExpMatchArray;
    const start = (hit.index ?? 0) + hit[0].length;
    return purpose.slice(start, hits[i + 1]?.index ?? purpose.length).trim() || undefined;
  };
  const eref = value('EREF');
  const out: { description: string; endToEndId?: string } = { description: value('SVWZ') ?? purpose.slice(0, hits[0]?.index ?? 0).trim() };
  if (eref !== undefined && !/^NOTPROVIDED$/i.test(eref)) out.endToEndId = eref;
  return out;
}

/** Sub-fields "000>20Gift januari>21voor de buurt>310390123456>32J. JANSEN" or "166?00…?20…" (codes 00–63). */
export function parseSubfields(text: string): Narrative | null {
  if (!/^\s*\d{0,4}\s*[>?]\d{2}/.test(text)) return null;
  const parts = text.split(/[>?](\d{2})/);
  const description: string[] = [];
  const names: string[] = [];
  let account: string | undefined;
  let bookingText: string | undefined;
  for (let i = 1; i < parts.length; i += 2) {
    const code = Number(parts[i]);
    const raw = (parts[i + 1] ?? '').replace(/\s+$/, '');
    const value = raw.trim();
    if (value === '') continue;
    if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63)) description.push(raw.replace(/^\s+/, ''));
    else if (code === 32 || code === 33) names.push(value);
    else if (code === 31 || (code === 10 && /^\d{9,10}$/.test(value))) account ??= value.replace(/\s+/g, '').toUpperCase();
    else if (code === 0) bookingText = value;
  }
  const name = names.join(' ').replace(/\s+/g, ' ').trim() || undefined;
  const purpose = sepaWords(joinPieces(description));
  const out: Narrative = { description: purpose.description || bookingText || name || '' };
  if (purpose.endToEndId !== undefined) out.endToEndId = purpose.endToEndId;
  if (name !== undefined) out.name = name;
  if (account !== undefined && /[1-9]/.test(account)) out.iban = account;
  return out;
}

/** De Volksbank repeats the counterparty in front of the text: "NL19ABNA0427093546 J. Jansen Gift januari". */
function withoutCounterparty(description: string, tx: ParsedTransaction): string {
  let d = description;
  const iban = tx.counterpartyIban;
  const first = d.split(/\s+/)[0];
  if (iban !== undefined && ibanLike(first) === iban) d = d.slice(d.indexOf(first as string) + (first as string).length).trim();
  const name = tx.counterpartyName;
  if (d !== description && name !== undefined && d.toLowerCase().startsWith(name.toLowerCase())) d = d.slice(name.length).trim();
  return d;
}

/** Apply all :86: texts of one booking (old Rabobank writes several); the file's own words win. */
export function applyInfo(tx: ParsedTransaction, texts: string[]): void {
  const text = texts.join(' ');
  const info = parseSubfields(text) ?? parseNarrative(text);
  if (info.name !== undefined) tx.counterpartyName = info.name;
  if (info.iban !== undefined) tx.counterpartyIban = info.iban;
  if (info.endToEndId !== undefined) tx.endToEndId = info.endToEndId;
  tx.description = withoutCounterparty(info.description, tx);
}
