/**
 * The default chart of accounts for a small stichting (DESIGN.md section 6) and the statement lines
 * each account maps to, in both Dutch non-profit layouts. Data, not code: the books and the
 * statements both read this, so a line is named once.
 */
import { DEFAULT_RGS } from './rgs';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';
export type MoneyKind = 'bank' | 'cash';
export type Layout = 'rj640' | 'rj650';

export const STATEMENT_LINES = {
  // balance sheet (both layouts)
  immateriele_vaste_activa: 'Immateriële vaste activa',
  mva: 'Materiële vaste activa',
  financiele_vaste_activa: 'Financiële vaste activa',
  voorraden: 'Voorraden',
  vorderingen: 'Vorderingen en overlopende activa',
  effecten: 'Effecten',
  liquide: 'Liquide middelen',
  continuiteitsreserve: 'Reserves: continuïteitsreserve',
  bestemmingsreserves: 'Reserves: bestemmingsreserves',
  bestemmingsfondsen: 'Fondsen: bestemmingsfondsen',
  overige_reserves: 'Reserves: overige reserves',
  voorzieningen: 'Voorzieningen',
  langlopende_schulden: 'Langlopende schulden',
  kortlopende_schulden: 'Kortlopende schulden',
  // RJ 650 / RJk C2 income and expenditure
  baten_particulieren: 'Baten van particulieren',
  baten_bedrijven: 'Baten van bedrijven',
  baten_loterij: 'Baten van loterijorganisaties',
  baten_subsidies_overheden: 'Baten van subsidies van overheden',
  baten_verbonden_organisaties: 'Baten van verbonden organisaties zonder winststreven',
  baten_andere_organisaties: 'Baten van andere organisaties zonder winststreven',
  baten_tegenprestatie: 'Baten als tegenprestatie voor levering van producten en/of diensten',
  overige_baten: 'Overige baten',
  financiele_baten_lasten: 'Financiële baten en lasten',
  besteed_doelstellingen: 'Besteed aan doelstellingen',
  wervingskosten: 'Wervingskosten',
  beheer_administratie: 'Kosten beheer en administratie',
  // RJ 640 / RJk C1 income and expenditure (by kind)
  subsidiebaten: 'Subsidiebaten',
  giften_fondsenwerving: 'Giften en baten uit fondsenwerving',
  sponsorbijdragen: 'Sponsorbijdragen',
  financiele_baten: 'Financiële baten',
  financiele_lasten: 'Financiële lasten',
  lasten_vrijwilligers: 'Vrijwilligers',
  lasten_huisvesting: 'Huisvesting',
  lasten_activiteiten: 'Activiteiten en materialen',
  lasten_inhuur: 'Inhuur',
  lasten_fondsenwerving: 'Fondsenwerving',
  lasten_kantoor: 'Kantoor, bank en verzekeringen',
  lasten_afschrijvingen: 'Afschrijvingen',
  lasten_overige: 'Overige lasten',
} as const;

export type StatementLine = keyof typeof STATEMENT_LINES;

export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
  rj650: StatementLine;
  rj640: StatementLine;
  kind?: MoneyKind;
  /** Only created when the administration is VAT-liable. */
  vatOnly?: boolean;
  /**
   * A liability that may run the other way shows on this asset line when its balance is a debit:
   * VAT to pay (1700) becomes VAT to receive after a quarter with more input VAT than output VAT.
   */
  whenDebit?: StatementLine;
}

const bal = (code: string, name: string, type: AccountType, line: StatementLine, extra: Partial<ChartAccount> = {}): ChartAccount => ({
  code, name, type, rj650: line, rj640: line, ...extra,
});

/**
 * Codes follow the Dutch decimal chart (rubriek 0: fixed assets, equity, provisions and long-term
 * debt; 1: current receivables, debts and money; 2: suspense; 3: stock; 4: costs; 8: income).
 * Accounts added after the first release reach existing administrations through a migration
 * (0010_statements_rj for 0200, 0600, 0700, 3000, 4150, 4700) when their code is still free.
 */
export const DEFAULT_CHART: readonly ChartAccount[] = [
  bal('0100', 'Inventaris', 'asset', 'mva'),
  bal('0200', 'Waarborgsommen', 'asset', 'financiele_vaste_activa'),
  bal('0500', 'Continuïteitsreserve', 'equity', 'continuiteitsreserve'),
  bal('0510', 'Bestemmingsreserves', 'equity', 'bestemmingsreserves'),
  bal('0520', 'Bestemmingsfondsen', 'equity', 'bestemmingsfondsen'),
  bal('0590', 'Overige reserves', 'equity', 'overige_reserves'),
  bal('0600', 'Voorziening groot onderhoud', 'liability', 'voorzieningen'),
  bal('0700', 'Langlopende lening', 'liability', 'langlopende_schulden'),
  bal('1000', 'Kas', 'asset', 'liquide', { kind: 'cash' }),
  bal('1100', 'Bank betaalrekening', 'asset', 'liquide', { kind: 'bank' }),
  bal('1110', 'Bank spaarrekening', 'asset', 'liquide', { kind: 'bank' }),
  bal('1300', 'Debiteuren', 'asset', 'vorderingen'),
  bal('1310', 'Nog te ontvangen subsidies en bijdragen', 'asset', 'vorderingen'),
  bal('1400', 'Crediteuren', 'liability', 'kortlopende_schulden'),
  bal('1410', 'Vooruitontvangen subsidies', 'liability', 'kortlopende_schulden'),
  bal('1420', 'Terug te betalen subsidies', 'liability', 'kortlopende_schulden'),
  bal('1500', 'Te betalen vrijwilligersvergoedingen', 'liability', 'kortlopende_schulden'),
  bal('1600', 'Nog te betalen kosten', 'liability', 'kortlopende_schulden'),
  bal('1700', 'Te betalen btw', 'liability', 'kortlopende_schulden', { vatOnly: true, whenDebit: 'vorderingen' }),
  bal('2000', 'Vraagposten', 'asset', 'vorderingen'),
  bal('3000', 'Voorraad', 'asset', 'voorraden'),
  { code: '4000', name: 'Vrijwilligersvergoedingen', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_vrijwilligers' },
  { code: '4010', name: 'Onkostenvergoedingen vrijwilligers', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_vrijwilligers' },
  { code: '4100', name: 'Huur en ruimte', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_huisvesting' },
  { code: '4150', name: 'Dotatie voorziening groot onderhoud', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_huisvesting' },
  { code: '4200', name: 'Activiteiten', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_activiteiten' },
  { code: '4300', name: 'Materialen', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_activiteiten' },
  { code: '4400', name: 'Coaching en inhuur', type: 'expense', rj650: 'besteed_doelstellingen', rj640: 'lasten_inhuur' },
  { code: '4500', name: 'Fondsenwerving', type: 'expense', rj650: 'wervingskosten', rj640: 'lasten_fondsenwerving' },
  { code: '4600', name: 'Kantoor en administratie', type: 'expense', rj650: 'beheer_administratie', rj640: 'lasten_kantoor' },
  { code: '4610', name: 'Bankkosten', type: 'expense', rj650: 'beheer_administratie', rj640: 'lasten_kantoor' },
  { code: '4620', name: 'Verzekeringen', type: 'expense', rj650: 'beheer_administratie', rj640: 'lasten_kantoor' },
  { code: '4700', name: 'Rente en kosten leningen', type: 'expense', rj650: 'financiele_baten_lasten', rj640: 'financiele_lasten' },
  { code: '4800', name: 'Afschrijvingen', type: 'expense', rj650: 'beheer_administratie', rj640: 'lasten_afschrijvingen' },
  { code: '4900', name: 'Overige lasten', type: 'expense', rj650: 'beheer_administratie', rj640: 'lasten_overige' },
  { code: '8000', name: 'Giften van particulieren', type: 'income', rj650: 'baten_particulieren', rj640: 'giften_fondsenwerving' },
  { code: '8100', name: 'Giften van bedrijven', type: 'income', rj650: 'baten_bedrijven', rj640: 'giften_fondsenwerving' },
  { code: '8150', name: 'Bijdragen loterijorganisaties', type: 'income', rj650: 'baten_loterij', rj640: 'giften_fondsenwerving' },
  { code: '8200', name: 'Subsidies van overheden', type: 'income', rj650: 'baten_subsidies_overheden', rj640: 'subsidiebaten' },
  { code: '8300', name: 'Bijdragen van fondsen', type: 'income', rj650: 'baten_andere_organisaties', rj640: 'subsidiebaten' },
  { code: '8400', name: 'Opbrengst activiteiten en diensten', type: 'income', rj650: 'baten_tegenprestatie', rj640: 'baten_tegenprestatie' },
  { code: '8500', name: 'Rente', type: 'income', rj650: 'financiele_baten_lasten', rj640: 'financiele_baten' },
  { code: '8900', name: 'Overige baten', type: 'income', rj650: 'overige_baten', rj640: 'overige_baten' },
];

/** Journals every administration starts with. Bank journals point at their bank account. */
export const DEFAULT_JOURNALS = [
  { code: 'BANK', name: 'Bankboek betaalrekening', account: '1100' },
  { code: 'SPAAR', name: 'Bankboek spaarrekening', account: '1110' },
  { code: 'KAS', name: 'Kasboek', account: '1000' },
  { code: 'MEM', name: 'Memoriaal', account: null },
  { code: 'VRK', name: 'Verkoopboek', account: null },
  { code: 'INK', name: 'Inkoopboek', account: null },
] as const;

/** Default statement line for a new account of a type, so a user-made account always lands somewhere. */
export function defaultStatementLines(type: AccountType): { rj650: StatementLine; rj640: StatementLine } {
  switch (type) {
    case 'asset': return { rj650: 'vorderingen', rj640: 'vorderingen' };
    case 'liability': return { rj650: 'kortlopende_schulden', rj640: 'kortlopende_schulden' };
    case 'equity': return { rj650: 'overige_reserves', rj640: 'overige_reserves' };
    case 'income': return { rj650: 'overige_baten', rj640: 'overige_baten' };
    case 'expense': return { rj650: 'beheer_administratie', rj640: 'lasten_overige' };
  }
}

/** The RGS code a default-chart account starts with (the data is in shared/rgs.ts); null for others. */
export function chartRgs(code: string): string | null {
  return DEFAULT_RGS[code] ?? null;
}
