/**
 * Matching bank lines (issue 8), pure: which account a bank line probably belongs to, and why.
 * The service (electron/books/bank/suggest.ts) loads rules, earlier choices and open invoices and
 * asks `suggestFor` per line; nothing here touches the database.
 *
 * Order of evidence, strongest first:
 *  1. an open invoice with exactly this amount whose number appears in the description;
 *  2. the treasurer's own rules (counterparty IBAN and/or a text in the description);
 *  3. a transfer between two of the foundation's own accounts;
 *  4. earlier choices: the same counterparty IBAN booked before, or (lines without an IBAN, such as
 *     bank costs) the same description apart from dates, months and numbers.
 */
import { formatEuro } from '../money';
import { said, type Phrase, type Said } from '../phrase';
import { formatIban } from '../validation/iban';

export interface MatchLine {
  amountCents: number;
  counterpartyIban: string | null;
  counterpartyName: string | null;
  description: string;
  /** The payer's reference ("Kenmerk", end-to-end id): payers often put the invoice number there. */
  reference?: string | null;
}

export interface MatchChoice {
  account: string;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
  contact: number | null;
  invoice: number | null;
}

export interface MatchRule {
  id: number;
  iban: string | null;
  text: string | null;
  direction: 'in' | 'out' | null;
  account: string;
  grant: number | null;
  budgetLine: number | null;
  person: number | null;
  priority: number;
}

export interface MatchInvoice {
  id: number;
  kind: 'sales' | 'purchase';
  number: string;
  /** What is still open, positive, in cents. */
  openCents: number;
  contact: number;
  /** The account the invoice's open amount sits on (1300 debtors, 1400 creditors). */
  account: string;
}

export interface MatchContext {
  rules: MatchRule[];
  invoices: MatchInvoice[];
  /** Own bank/cash accounts by IBAN (normalised) -> account code; the line's own account left out. */
  ownAccounts: Map<string, string>;
  /** Earlier booked choices by counterparty IBAN (newest). */
  historyByIban: Map<string, MatchChoice>;
  /** Earlier booked choices of lines without IBAN by descriptionKey (newest). */
  historyByText: Map<string, MatchChoice>;
  /** Account names for the reasons. */
  accountName: (code: string) => string;
}

export interface Suggestion extends MatchChoice {
  kind: 'invoice' | 'rule' | 'history' | 'transfer';
  rule: number | null;
  /** Why, in Dutch (stored with the line and shown under it). */
  reason: string;
  /** The same reason as phrases, so an English inbox says it in English. */
  says?: Phrase[];
}

const why = (s: Said) => ({ reason: s.message, says: s.says });

/** Lower case, accents off, punctuation to spaces, single spaces: "Huur  Buurtruimte-jan." -> "huur buurtruimte jan". */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const MONTHS = new Set([
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
  'january', 'february', 'march', 'may', 'june', 'july', 'august', 'october',
]);

/**
 * The description without what changes every month (numbers, month names), so "Kosten zakelijk
 * betalingsverkeer januari 2026" and "… februari 2026" share a key. Empty when nothing is left.
 */
export function descriptionKey(description: string): string {
  return normaliseText(description)
    .split(' ')
    .filter((w) => w !== '' && !/\d/.test(w) && !MONTHS.has(w))
    .join(' ');
}

/** The part of a line that identifies it as a bank booking, before its occurrence that day is added. */
export function contentKey(t: { date: string; amountCents: number; counterpartyIban?: string | null; description: string }): string {
  return [t.date, String(t.amountCents), (t.counterpartyIban ?? '').toUpperCase(), normaliseText(t.description)].join('|');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Does the invoice number appear in the text as a whole token? "2026-0007" matches "Factuur
 * 2026-0007 coaching" and "factuur 20260007", not "2026-00071" or "12026-0007".
 */
export function mentionsInvoiceNumber(text: string, number: string): boolean {
  const n = number.trim();
  if (n.length < 3) return false;
  const token = (x: string) => new RegExp(`(^|[^0-9A-Za-z])${escapeRe(x)}($|[^0-9A-Za-z])`, 'i');
  if (token(n).test(text)) return true;
  const compact = n.replace(/[^0-9A-Za-z]/g, '');
  return compact.length >= 5 && compact !== n && token(compact).test(text);
}

/** A rule's text, normalised once per rule object (rules are matched against thousands of lines). */
const needles = new WeakMap<MatchRule, string>();
function needleOf(rule: MatchRule): string {
  let n = needles.get(rule);
  if (n === undefined) {
    n = normaliseText(rule.text ?? '');
    needles.set(rule, n);
  }
  return n;
}

/** What a rule's text is looked for in: the description and the counterparty name, normalised. */
export function haystack(line: MatchLine): string {
  return ` ${normaliseText(`${line.description} ${line.counterpartyName ?? ''}`)} `;
}

export function ruleMatches(rule: MatchRule, line: MatchLine, hay?: string): boolean {
  if (rule.direction === 'in' && line.amountCents <= 0) return false;
  if (rule.direction === 'out' && line.amountCents >= 0) return false;
  if (rule.iban !== null && rule.iban.toUpperCase() !== (line.counterpartyIban ?? '').toUpperCase()) return false;
  if (rule.text !== null) {
    const needle = needleOf(rule);
    if (needle === '') return false;
    if (!(hay ?? haystack(line)).includes(needle)) return false;
  }
  return true;
}

/** Higher first: priority, then the more specific rule (IBAN and text > IBAN > text), then the longer text, then the newest. */
export function compareRules(a: MatchRule, b: MatchRule): number {
  const spec = (r: MatchRule) => (r.iban !== null ? 2 : 0) + (r.text !== null ? 1 : 0) + (r.direction !== null ? 0.5 : 0);
  return b.priority - a.priority || spec(b) - spec(a) || (b.text?.length ?? 0) - (a.text?.length ?? 0) || b.id - a.id;
}

export function bestRule(rules: MatchRule[], line: MatchLine): MatchRule | null {
  let best: MatchRule | null = null;
  let hay: string | undefined;
  for (const r of rules) {
    if (r.text !== null && hay === undefined) hay = haystack(line);
    if (ruleMatches(r, line, hay) && (best === null || compareRules(r, best) < 0)) best = r;
  }
  return best;
}

/**
 * The one open invoice with exactly this amount (the right way round) whose number is in the
 * description or in the payer's reference (Kenmerk).
 */
export function matchInvoice(invoices: MatchInvoice[], line: MatchLine): MatchInvoice | null {
  if (line.amountCents === 0) return null;
  const kind = line.amountCents > 0 ? 'sales' : 'purchase';
  const amount = Math.abs(line.amountCents);
  const text = `${line.description} ${line.counterpartyName ?? ''} ${line.reference ?? ''}`;
  const hits = invoices.filter((i) => i.kind === kind && i.openCents === amount && mentionsInvoiceNumber(text, i.number));
  return hits.length === 1 ? (hits[0] as MatchInvoice) : null;
}

/** A rule's conditions, as a part of the reason: one, two or three of them, comma separated. */
function ruleText(rule: MatchRule): Said | string {
  const parts: Said[] = [];
  if (rule.iban !== null) parts.push(said('bankSuggest.ruleIban', 'tegenrekening {{iban}}', { iban: formatIban(rule.iban) }));
  if (rule.text !== null) parts.push(said('bankSuggest.ruleText', 'omschrijving bevat "{{text}}"', { text: rule.text }));
  if (rule.direction !== null) parts.push(rule.direction === 'in' ? said('bankSuggest.ruleIn', 'geld ontvangen') : said('bankSuggest.ruleOut', 'geld betaald'));
  const [a, b, c] = parts;
  if (c && b && a) return said('bankSuggest.list3', '{{a}}, {{b}}, {{c}}', { a, b, c });
  if (b && a) return said('bankSuggest.list2', '{{a}}, {{b}}', { a, b });
  return a ?? '';
}

/** Where the invoice number was found, for the reason shown to the treasurer. */
function inDescription(line: MatchLine, number: string): boolean {
  return mentionsInvoiceNumber(`${line.description} ${line.counterpartyName ?? ''}`, number);
}

const empty = { grant: null, budgetLine: null, person: null, contact: null, invoice: null };

/** The best suggestion for one line, or null. */
export function suggestFor(line: MatchLine, ctx: MatchContext): Suggestion | null {
  const label = (code: string) => `${code} ${ctx.accountName(code)}`.trim();

  const inv = matchInvoice(ctx.invoices, line);
  if (inv) {
    return {
      ...empty, account: inv.account, contact: inv.contact, invoice: inv.id, kind: 'invoice', rule: null,
      ...why(said('bankSuggest.invoiceOpen', '{{invoice}} staat open voor precies {{amount}} en het nummer staat in {{where}}.', {
        invoice: inv.kind === 'sales'
          ? said('bankSuggest.salesInvoice', 'Factuur {{number}}', { number: inv.number })
          : said('bankSuggest.purchaseInvoice', 'Inkoopfactuur {{number}}', { number: inv.number }),
        amount: formatEuro(inv.openCents),
        where: inDescription(line, inv.number) ? said('bankSuggest.inDescription', 'de omschrijving') : said('bankSuggest.inReference', 'het kenmerk'),
      })),
    };
  }

  const rule = bestRule(ctx.rules, line);
  if (rule) {
    return {
      ...empty, account: rule.account, grant: rule.grant, budgetLine: rule.budgetLine, person: rule.person, kind: 'rule', rule: rule.id,
      ...why(said('bankSuggest.rule', 'Regel: {{rule}} → {{account}}.', { rule: ruleText(rule), account: label(rule.account) })),
    };
  }

  const iban = line.counterpartyIban?.toUpperCase() ?? null;
  if (iban !== null) {
    const own = ctx.ownAccounts.get(iban);
    if (own !== undefined) {
      const reason = said('bankSuggest.transfer', 'Overboeking tussen eigen rekeningen: {{iban}} is rekening {{account}}.', { iban: formatIban(iban), account: label(own) });
      return { ...empty, account: own, kind: 'transfer', rule: null, ...why(reason) };
    }
    const earlier = ctx.historyByIban.get(iban);
    if (earlier) {
      const reason = said('bankSuggest.historyIban', 'Eerder geboekt: tegenrekening {{iban}} ging naar {{account}}.', { iban: formatIban(iban), account: label(earlier.account) });
      return { ...earlier, invoice: null, kind: 'history', rule: null, ...why(reason) };
    }
    return null;
  }
  const key = descriptionKey(line.description);
  const earlier = key === '' ? undefined : ctx.historyByText.get(key);
  if (earlier) {
    const reason = said('bankSuggest.historyText', 'Eerder geboekt: een regel met dezelfde omschrijving ging naar {{account}}.', { account: label(earlier.account) });
    return { ...earlier, invoice: null, kind: 'history', rule: null, ...why(reason) };
  }
  return null;
}
