/**
 * The free text Dutch banks put beside a booking (MT940 :86:, ABN AMRO's description column),
 * read into name, IBAN, description and references. Two dialects:
 *  - structured, with /CODE/ words: ING (/EREF/ /CNTP/iban/bic/name/city/ /REMI/USTD//text/),
 *    Rabobank (/ORDP//NAME/…/BENM//NAME/…/REMI/…) and ABN AMRO SEPA (/TRTP/…/IBAN/…/NAME/…/REMI/…);
 *  - free text with "IBAN: … Naam: … Omschrijving: …" labels (older ABN AMRO and ING CSV notes).
 */

export interface Narrative {
  name?: string;
  iban?: string;
  description: string;
  endToEndId?: string;
  bankRef?: string;
}

/** Code words we split on. Anything else stays part of the value it is in. */
const CODES = [
  'EREF', 'IREF', 'MARF', 'CSID', 'CNTP', 'REMI', 'PURP', 'ULTC', 'ULTD', 'ULTB', 'EXCH', 'CHGS',
  'RTRN', 'ORDP', 'BENM', 'NAME', 'ADDR', 'ISDT', 'TRTP', 'IBAN', 'BIC', 'PREF', 'BUSP', 'SUM', 'ID', 'CD',
];
const CODE_RE = new RegExp(`/(${CODES.join('|')})/`, 'g');

function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/\s+/g, ' ').replace(/^\/+|\/+$/g, '').trim();
  return t === '' ? undefined : t;
}

function realRef(s: string | undefined): string | undefined {
  const t = clean(s);
  return t === undefined || /^(NOTPROVIDED|NONREF)$/i.test(t) ? undefined : t;
}

/** Split "/EREF/x/NAME/y" into [['EREF','x'], ['NAME','y']]; text before the first code is dropped. */
export function splitCodes(text: string): [string, string][] {
  const out: [string, string][] = [];
  const hits = [...text.matchAll(CODE_RE)];
  hits.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = hits[i + 1];
    const end = next ? (next.index ?? text.length) : text.length;
    out.push([m[1] as string, text.slice(start, end)]);
  });
  return out;
}

function remittance(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // ING: "USTD//free text/" or "STRD/CUR/1234567890123456/"
  const strd = /^STRD\/[A-Z]*\/(.*)$/.exec(raw.trim());
  if (strd) {
    const ref = clean(strd[1]);
    return ref === undefined ? undefined : `Betalingskenmerk ${ref}`;
  }
  return clean(raw.trim().replace(/^USTD\/\//, ''));
}

function parseStructured(text: string): Narrative {
  const fields = new Map<string, string>();
  let lastParty: 'ORDP' | 'BENM' | 'ULTD' | 'ULTC' | undefined;
  const partyNames = new Map<string, string>();
  for (const [code, value] of splitCodes(text)) {
    if (code === 'ORDP' || code === 'BENM' || code === 'ULTD' || code === 'ULTC') {
      lastParty = code;
      fields.set(code, value);
      continue;
    }
    // Rabobank nests /NAME/ under the party it follows (ORDP = payer, BENM = payee).
    if (code === 'NAME' && lastParty !== undefined) {
      if (!partyNames.has(lastParty)) partyNames.set(lastParty, value);
      if (!fields.has('NAME') && (lastParty === 'ORDP' || lastParty === 'BENM')) fields.set('NAME', value);
      continue;
    }
    if (!fields.has(code)) fields.set(code, value);
  }
  const cntp = (fields.get('CNTP') ?? '').split('/');
  const iban = clean(fields.get('IBAN')) ?? clean(cntp[0]);
  const name = clean(fields.get('NAME')) ?? clean(cntp[2]);
  const description = remittance(fields.get('REMI')) ?? clean(fields.get('TRTP')) ?? name ?? '';
  const out: Narrative = { description };
  if (name !== undefined) out.name = name;
  if (iban !== undefined) out.iban = iban.replace(/\s+/g, '').toUpperCase();
  const eref = realRef(fields.get('EREF'));
  if (eref !== undefined) out.endToEndId = eref;
  return out;
}

/**
 * Labels in free text: ABN AMRO's 32-character columns, ING's "Mededelingen" in Dutch and in English.
 * Multi-word labels are listed so "Machtiging ID: 1 Incassant ID: 2" does not end up inside a value.
 */
const LABELS = [
  'IBAN', 'BIC', 'Naam', 'Omschrijving', 'Kenmerk', 'Machtiging ID', 'Machtiging', 'Incassant ID', 'Incassant', 'Valutadatum',
  'Datum/Tijd', 'Betalingskenmerk', 'Pasvolgnr', 'Transactie', 'Term',
  'Name', 'Description', 'Reference', 'Mandate ID', 'Creditor ID', 'Value date', 'Date/time', 'Card sequence no.', 'Transaction', 'Terminal',
];
const LABEL_RE = new RegExp(`(?:^|\\s)(${LABELS.map((l) => l.replace(/[/.]/g, '\\$&')).join('|')}):\\s*`, 'gi');

/**
 * ABN AMRO fills a 32-character column to the last character, so a long name runs straight into the
 * next label ("NETFLIX INTERNATIONAL B.V.Machtiging: …"). Its labels are capitalised, which tells them
 * from ordinary words; a space is put back before them.
 */
const RUN_IN_RE = /(?<=\S)(IBAN|BIC|Naam|Omschrijving|Kenmerk|Machtiging|Incassant|Betalingskenmerk):/g;

/** Split "SEPA Overboeking IBAN: NL.. BIC: .. Naam: X Omschrijving: Y" by its labels (keys lower case). */
export function splitLabels(raw: string): { head: string; fields: Map<string, string> } {
  const text = raw.replace(RUN_IN_RE, ' $1:');
  const fields = new Map<string, string>();
  const hits = [...text.matchAll(LABEL_RE)];
  const head = hits[0] ? text.slice(0, hits[0].index ?? 0) : text;
  hits.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const next = hits[i + 1];
    const end = next ? (next.index ?? text.length) : text.length;
    const key = (m[1] as string).toLowerCase();
    if (!fields.has(key)) fields.set(key, text.slice(start, end));
  });
  return { head, fields };
}

function parseLabelled(text: string): Narrative {
  const { head, fields } = splitLabels(text);
  const name = clean(fields.get('naam') ?? fields.get('name'));
  const iban = clean(fields.get('iban'));
  const kenmerk = clean(fields.get('betalingskenmerk'));
  const description =
    clean(fields.get('omschrijving') ?? fields.get('description')) ??
    (kenmerk !== undefined ? `Betalingskenmerk ${kenmerk}` : undefined) ??
    (fields.size > 0 ? clean(head) : undefined) ??
    clean(text) ??
    '';
  const out: Narrative = { description };
  if (name !== undefined) out.name = name;
  if (iban !== undefined && /^[A-Z]{2}\d{2}[A-Z0-9]+$/i.test(iban)) out.iban = iban.toUpperCase();
  const ref = realRef(fields.get('kenmerk') ?? fields.get('reference'));
  if (ref !== undefined) out.endToEndId = ref;
  return out;
}

export function parseNarrative(text: string): Narrative {
  const t = text.trim();
  if (/^\/[A-Z]{2,4}\//.test(t)) return parseStructured(t);
  return parseLabelled(t);
}
