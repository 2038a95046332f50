/**
 * Word lists for the "no other language left" e2e test. A word from the other language in the
 * visible text of a screen is a missed translation. The lists are curated: common function words
 * and bookkeeping words that exist in only one of the two languages (so "bank", "kas", "gift",
 * "administratie" are not in them).
 */

/** Dutch words that never belong in the English UI. */
export const DUTCH_WORDS = [
  'de', 'het', 'een', 'en', 'van', 'voor', 'met', 'niet', 'geen', 'zijn', 'naar', 'nog', 'ook', 'wordt', 'bij',
  'deze', 'dit', 'dat', 'wat', 'waar', 'hoe', 'kunt', 'moet', 'op', 'uit', 'aan', 'maar', 'al', 'alle',
  'bedrag', 'bedragen', 'boeking', 'boekingen', 'boeken', 'rekening', 'rekeningen', 'vrijwilliger', 'vrijwilligers',
  'vrijwilligersvergoeding', 'factuur', 'facturen', 'betaling', 'betalingen', 'betaald', 'datum', 'omschrijving',
  'opslaan', 'annuleren', 'totaal', 'maand', 'jaar', 'jaren', 'saldo', 'verschil', 'klant', 'klanten', 'leverancier',
  'leveranciers', 'subsidie', 'subsidies', 'begroting', 'kosten', 'opbrengsten', 'baten', 'lasten', 'balans',
  'overzicht', 'instellingen', 'kies', 'kiezen', 'toevoegen', 'verwijderen', 'bewaren', 'openen', 'sluiten',
  'afsluiten', 'controle', 'nieuwe', 'nieuw', 'wijzigen', 'terug', 'volgende', 'vorige', 'uur',
  'januari', 'februari', 'maart', 'mei', 'juni', 'juli', 'augustus', 'oktober',
  // The statements' own words (line names of the Dutch legal layout) and the verify texts.
  'activa', 'passiva', 'schulden', 'vorderingen', 'beveiliging', 'geschiedenis', 'regel', 'eerder', 'geboekt',
] as const;

/** English words that never belong in the Dutch UI. */
export const ENGLISH_WORDS = [
  'the', 'and', 'for', 'with', 'your', 'you', 'this', 'that', 'are', 'not', 'no', 'from', 'to', 'save',
  'cancel', 'total', 'amount', 'date', 'description', 'account', 'accounts', 'invoice', 'invoices', 'payment',
  'payments', 'volunteer', 'volunteers', 'balance', 'difference', 'settings', 'close', 'choose', 'add',
  'delete', 'remove', 'next', 'previous', 'back', 'year', 'month', 'information', 'please', 'loading', 'error',
  'customer', 'supplier', 'grant', 'report', 'reports', 'overview', 'entries', 'entry', 'new', 'edit',
] as const;

/**
 * Proper names, legal and RGS terms that stay Dutch on purpose in the English UI (the product
 * name, Dutch legal forms and tax terms a treasurer has to recognise on official letters).
 */
export const DUTCH_ALLOWED = [
  'Kijk op de Kassa',
  'stichting',
  'Stichting',
  'Belastingdienst',
  'belastingdienst.nl',
  'Kamer van Koophandel',
  'Kascommissie',
  'kascommissie',
  'Rijksoverheid',
  'ANBI',
  'RGS',
  'KvK',
  'RSIN',
  'IBAN',
  'BIC',
  'nl-NL',
  'Nederlands',
  // Printed on the Dutch invoice itself (a legal text of the Wet OB), shown as the invoice says it.
  'Vrijgesteld van btw op grond van artikel 11 Wet OB 1968.',
  'Vrijgesteld van btw: kleineondernemersregeling (artikel 25 Wet OB 1968).',
  'Over dit bedrag is geen btw verschuldigd.',
];

/** English terms that stay in the Dutch UI on purpose (names of file formats, standards, products). */
export const ENGLISH_ALLOWED = ['Kijk op de Kassa', 'English', 'CAMT', 'MT940', 'UBL', 'Peppol', 'Excel', 'PDF', 'CSV', 'XML', 'Open Office', 'WebP', '{year}', '{seq:4}'];

export interface Leftover {
  word: string;
  context: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words of `words` that occur as whole words in `text` once the allowed phrases and the data
 * (`data`: names, descriptions and other things the treasurer typed or a bank file brought) are
 * taken out. Each with a little context, for a readable failure.
 */
export function leftovers(text: string, words: readonly string[], allowed: readonly string[], data: readonly string[]): Leftover[] {
  let rest = ` ${text.replace(/\u00a0/g, ' ')} `;
  // Longest first, so "Stichting Buurtkracht Oost" goes before "Stichting".
  for (const phrase of [...data, ...allowed].filter((p) => p.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    rest = rest.split(phrase).join(' ¶ ');
  }
  const out: Leftover[] = [];
  for (const word of words) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_'-])${escape(word)}(?![\\p{L}\\p{N}_'-])`, 'giu');
    for (const m of rest.matchAll(re)) {
      const at = m.index ?? 0;
      out.push({ word, context: rest.slice(Math.max(0, at - 40), at + word.length + 40).replace(/\s+/g, ' ').trim() });
    }
  }
  return out;
}
