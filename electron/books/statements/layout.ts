import {
  DEFAULT_CHART, defaultStatementLines, STATEMENT_LINES, type AccountType, type Layout, type StatementLine,
} from '../../../shared/chart';

/**
 * The shape of the Dutch non-profit statements as data (DESIGN.md section 6): which rows, in which
 * order, which statement line each row adds up and how subtotals are formed. Pure: no database.
 *
 * A line's `nature` says which side counts as positive: 'debit' rows (assets, expenses) show the
 * debit balance, 'credit' rows (equity, liabilities, income) show the credit balance. Subtotals add
 * and subtract other rows by key, so the same definition gives the figures on screen and the
 * formulas in the Excel export.
 */

export type Nature = 'debit' | 'credit';

export type LayoutNode =
  | { kind: 'heading'; key: string; label: string; level: number }
  /** `optional` lines (sections a small stichting rarely has) are left out while they are empty in every column. */
  | { kind: 'line'; key: string; label: string; level: number; nature: Nature; lines: string[]; optional?: boolean }
  /** A line fed by something other than accounts' statement lines (the undivided result). */
  | { kind: 'special'; key: string; label: string; level: number; nature: Nature; hideWhenZero: boolean }
  | { kind: 'subtotal' | 'total'; key: string; label: string; level: number; plus: string[]; minus: string[] };

const label = (l: StatementLine): string => STATEMENT_LINES[l];

/** "Reserves: continuïteitsreserve" under the heading "Reserves" reads as "Continuïteitsreserve". */
function withoutGroup(l: StatementLine): string {
  const s = label(l).replace(/^(Reserves|Fondsen): /, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const line = (l: StatementLine, nature: Nature, level = 1, text = label(l)): LayoutNode => ({ kind: 'line', key: l, label: text, level, nature, lines: [l] });
const optional = (l: StatementLine, nature: Nature, level = 1): LayoutNode => ({ kind: 'line', key: l, label: label(l), level, nature, lines: [l], optional: true });

// --- balance sheet (both layouts) ---------------------------------------------------------------

export const RESULT_CURRENT = 'resultaat_boekjaar';
export const RESULT_EARLIER = 'resultaat_eerdere_jaren';

/**
 * The sections of the model balance sheet (RJ 640 / RJk C1 and RJ 650 / RJk C2 share it; the RJk
 * bundle follows the Besluit modellen jaarrekening): fixed assets (intangible, tangible, financial),
 * current assets (stock, receivables, securities, money), then reserves and funds, provisions,
 * long-term and short-term debts.
 */
export const BALANCE_ACTIVA: LayoutNode[] = [
  { kind: 'heading', key: 'vaste_activa', label: 'Vaste activa', level: 0 },
  optional('immateriele_vaste_activa', 'debit'),
  line('mva', 'debit'),
  optional('financiele_vaste_activa', 'debit'),
  { kind: 'heading', key: 'vlottende_activa', label: 'Vlottende activa', level: 0 },
  optional('voorraden', 'debit'),
  line('vorderingen', 'debit'),
  optional('effecten', 'debit'),
  line('liquide', 'debit'),
  {
    kind: 'total', key: 'totaal_activa', label: 'Totaal activa', level: 0,
    plus: ['immateriele_vaste_activa', 'mva', 'financiele_vaste_activa', 'voorraden', 'vorderingen', 'effecten', 'liquide'], minus: [],
  },
];

export const BALANCE_PASSIVA: LayoutNode[] = [
  { kind: 'heading', key: 'reserves_en_fondsen', label: 'Reserves en fondsen', level: 0 },
  { kind: 'heading', key: 'reserves', label: 'Reserves', level: 1 },
  line('continuiteitsreserve', 'credit', 2, withoutGroup('continuiteitsreserve')),
  line('bestemmingsreserves', 'credit', 2, withoutGroup('bestemmingsreserves')),
  line('overige_reserves', 'credit', 2, withoutGroup('overige_reserves')),
  { kind: 'heading', key: 'fondsen', label: 'Fondsen', level: 1 },
  line('bestemmingsfondsen', 'credit', 2, withoutGroup('bestemmingsfondsen')),
  { kind: 'special', key: RESULT_CURRENT, label: 'Resultaat boekjaar (nog niet bestemd)', level: 1, nature: 'credit', hideWhenZero: true },
  { kind: 'special', key: RESULT_EARLIER, label: 'Resultaat eerdere boekjaren (nog niet bestemd)', level: 1, nature: 'credit', hideWhenZero: true },
  {
    kind: 'subtotal', key: 'totaal_reserves_en_fondsen', label: 'Totaal reserves en fondsen', level: 0,
    plus: ['continuiteitsreserve', 'bestemmingsreserves', 'overige_reserves', 'bestemmingsfondsen', RESULT_CURRENT, RESULT_EARLIER], minus: [],
  },
  optional('voorzieningen', 'credit', 0),
  optional('langlopende_schulden', 'credit', 0),
  line('kortlopende_schulden', 'credit', 0),
  {
    kind: 'total', key: 'totaal_passiva', label: 'Totaal passiva', level: 0,
    plus: ['totaal_reserves_en_fondsen', 'voorzieningen', 'langlopende_schulden', 'kortlopende_schulden'], minus: [],
  },
];

// --- income statement ----------------------------------------------------------------------------

/**
 * RJ 640 / RJk C1: income and expenses by kind. As in the model statement of RJk C1 (aangepast
 * 2016, bijlage) and RJ 640, financial income and expense are not part of "Som van de baten": they
 * follow the operating balance ("Saldo voor financiële baten en lasten"), and only then comes
 * "Saldo van baten en lasten". Source: Raad voor de Jaarverslaggeving, Richtlijn C1 Kleine
 * organisaties-zonder-winststreven (aangepast 2016), model staat van baten en lasten.
 */
const INCOME_RJ640: LayoutNode[] = [
  { kind: 'heading', key: 'baten', label: 'Baten', level: 0 },
  line('subsidiebaten', 'credit'),
  line('giften_fondsenwerving', 'credit'),
  line('sponsorbijdragen', 'credit'),
  line('baten_tegenprestatie', 'credit'),
  line('overige_baten', 'credit'),
  {
    kind: 'subtotal', key: 'som_baten', label: 'Som van de baten', level: 0,
    plus: ['subsidiebaten', 'giften_fondsenwerving', 'sponsorbijdragen', 'baten_tegenprestatie', 'overige_baten'], minus: [],
  },
  { kind: 'heading', key: 'lasten', label: 'Lasten', level: 0 },
  line('lasten_vrijwilligers', 'debit'),
  line('lasten_huisvesting', 'debit'),
  line('lasten_activiteiten', 'debit'),
  line('lasten_inhuur', 'debit'),
  line('lasten_fondsenwerving', 'debit'),
  line('lasten_kantoor', 'debit'),
  line('lasten_afschrijvingen', 'debit'),
  line('lasten_overige', 'debit'),
  {
    kind: 'subtotal', key: 'som_lasten', label: 'Som van de lasten', level: 0,
    plus: ['lasten_vrijwilligers', 'lasten_huisvesting', 'lasten_activiteiten', 'lasten_inhuur', 'lasten_fondsenwerving', 'lasten_kantoor', 'lasten_afschrijvingen', 'lasten_overige'],
    minus: [],
  },
  { kind: 'subtotal', key: 'saldo_voor_financieel', label: 'Saldo voor financiële baten en lasten', level: 0, plus: ['som_baten'], minus: ['som_lasten'] },
  line('financiele_baten', 'credit'),
  line('financiele_lasten', 'debit'),
  { kind: 'subtotal', key: 'financiele_baten_lasten', label: 'Financiële baten en lasten', level: 0, plus: ['financiele_baten'], minus: ['financiele_lasten'] },
  { kind: 'total', key: 'saldo', label: 'Saldo van baten en lasten', level: 0, plus: ['saldo_voor_financieel', 'financiele_baten_lasten'], minus: [] },
];

/**
 * RJ 650 / RJk C2: fundraising organisations, after the model of RJ-Uiting 2016-11 (Richtlijn 650
 * Fondsenwervende organisaties, with RJk C2): the raised income by source including "Baten van
 * verbonden organisaties zonder winststreven", the spending on the objectives (one line per
 * objective when the organisation names them, see allocation.ts), fundraising costs, management and
 * administration, and the financial income and expense after the operating balance.
 */
const INCOME_RJ650: LayoutNode[] = [
  { kind: 'heading', key: 'baten', label: 'Baten', level: 0 },
  line('baten_particulieren', 'credit', 2),
  line('baten_bedrijven', 'credit', 2),
  line('baten_loterij', 'credit', 2),
  line('baten_subsidies_overheden', 'credit', 2),
  line('baten_verbonden_organisaties', 'credit', 2),
  line('baten_andere_organisaties', 'credit', 2),
  {
    kind: 'subtotal', key: 'som_geworven_baten', label: 'Som van de geworven baten', level: 1,
    plus: ['baten_particulieren', 'baten_bedrijven', 'baten_loterij', 'baten_subsidies_overheden', 'baten_verbonden_organisaties', 'baten_andere_organisaties'], minus: [],
  },
  line('baten_tegenprestatie', 'credit'),
  line('overige_baten', 'credit'),
  { kind: 'subtotal', key: 'som_baten', label: 'Som van de baten', level: 0, plus: ['som_geworven_baten', 'baten_tegenprestatie', 'overige_baten'], minus: [] },
  { kind: 'heading', key: 'lasten', label: 'Lasten', level: 0 },
  line('besteed_doelstellingen', 'debit'),
  line('wervingskosten', 'debit'),
  line('beheer_administratie', 'debit'),
  { kind: 'subtotal', key: 'som_lasten', label: 'Som van de lasten', level: 0, plus: ['besteed_doelstellingen', 'wervingskosten', 'beheer_administratie'], minus: [] },
  { kind: 'subtotal', key: 'saldo_voor_financieel', label: 'Saldo voor financiële baten en lasten', level: 0, plus: ['som_baten'], minus: ['som_lasten'] },
  line('financiele_baten_lasten', 'credit'),
  { kind: 'total', key: 'saldo', label: 'Saldo van baten en lasten', level: 0, plus: ['saldo_voor_financieel', 'financiele_baten_lasten'], minus: [] },
];

/** The line key of an objective (doelstelling) in the RJ 650 layout and the lastenverdeelstaat. */
export const objectiveLine = (id: number): string => `doelstelling_${id}`;
/** Where costs for the objectives go that no key spreads over the named objectives. */
export const OBJECTIVES_UNDIVIDED = 'doelstellingen_niet_verdeeld';

/**
 * The income statement of a layout. With named objectives (RJ 650 only), "Besteed aan
 * doelstellingen" becomes a subtotal (same key, so CSV keys and formulas stay) over one line per
 * objective, plus a line for costs not yet spread over them (left out while empty).
 */
export function incomeLayout(layout: Layout, objectives: readonly { id: number; name: string }[] = []): LayoutNode[] {
  if (layout !== 'rj650') return INCOME_RJ640;
  if (objectives.length === 0) return INCOME_RJ650;
  const perObjective: LayoutNode[] = objectives.map((o) => ({ kind: 'line', key: objectiveLine(o.id), label: o.name, level: 2, nature: 'debit', lines: [objectiveLine(o.id)] }));
  return INCOME_RJ650.flatMap((n): LayoutNode[] =>
    n.kind === 'line' && n.key === 'besteed_doelstellingen'
      ? [
          ...perObjective,
          { kind: 'line', key: OBJECTIVES_UNDIVIDED, label: 'Niet verdeeld over de doelstellingen', level: 2, nature: 'debit', lines: ['besteed_doelstellingen'], optional: true },
          {
            kind: 'subtotal', key: 'besteed_doelstellingen', label: label('besteed_doelstellingen'), level: 1,
            plus: [...perObjective.map((o) => o.key), OBJECTIVES_UNDIVIDED], minus: [],
          },
        ]
      : [n],
  );
}

export const LAYOUT_NAMES: Record<Layout, string> = {
  rj640: 'RJ 640 / RJk C1 (organisaties zonder winststreven)',
  rj650: 'RJ 650 / RJk C2 (fondsenwervende organisaties)',
};

// --- appropriation (bestemming van het saldo) -----------------------------------------------------

/** Equity statement lines in the order of the appropriation, with their label there. */
export const APPROPRIATION_LINES: { line: StatementLine; label: string }[] = [
  { line: 'continuiteitsreserve', label: 'Continuïteitsreserve' },
  { line: 'bestemmingsreserves', label: 'Bestemmingsreserves' },
  { line: 'bestemmingsfondsen', label: 'Bestemmingsfondsen' },
  { line: 'overige_reserves', label: 'Overige reserves' },
];

// --- which line an account lands on ---------------------------------------------------------------

function linesOf(nodes: LayoutNode[]): Set<string> {
  const s = new Set<string>();
  for (const n of nodes) if (n.kind === 'line') for (const l of n.lines) s.add(l);
  return s;
}

const BALANCE_LINE_SET = new Set([...linesOf(BALANCE_ACTIVA), ...linesOf(BALANCE_PASSIVA)]);
const INCOME_LINE_SET: Record<Layout, Set<string>> = { rj640: linesOf(INCOME_RJ640), rj650: linesOf(INCOME_RJ650) };

const ACTIVA_LINE_SET = linesOf(BALANCE_ACTIVA);
const PASSIVA_LINE_SET = linesOf(BALANCE_PASSIVA);

/**
 * Whether a treasurer may put an account of a type on a line: assets on the asset side, liabilities
 * and equity on the other side, income and expenses on the layout's income statement.
 */
export function lineFits(layout: Layout, type: AccountType, line: string): boolean {
  if (isProfitAndLoss(type)) return INCOME_LINE_SET[layout].has(line);
  return type === 'asset' ? ACTIVA_LINE_SET.has(line) : PASSIVA_LINE_SET.has(line);
}

/**
 * The lines an account of each type may be put on, per layout, in statement order (for the
 * accounts screen's choice). Labels are the statements' own Dutch names.
 */
export function lineChoices(): Record<Layout, Record<AccountType, { key: string; label: string }[]>> {
  const ordered = (nodes: LayoutNode[]) => [...linesOf(nodes)].map((key) => ({ key, label: STATEMENT_LINES[key as StatementLine] ?? key }));
  const activa = ordered(BALANCE_ACTIVA);
  const passiva = ordered(BALANCE_PASSIVA);
  const per = (layout: Layout) => {
    const income = ordered(layout === 'rj640' ? INCOME_RJ640 : INCOME_RJ650).filter((l) => l.key in STATEMENT_LINES);
    return { asset: activa, liability: passiva, equity: passiva, income, expense: income };
  };
  return { rj640: per('rj640'), rj650: per('rj650') };
}

export function isProfitAndLoss(type: AccountType): boolean {
  return type === 'income' || type === 'expense';
}

/**
 * The statement line an account is shown on in a layout: its own mapping when that line belongs to
 * the right statement, else the default line for its type. So every account lands on exactly one
 * line and the balance sheet always balances, whatever a user did to the mapping.
 */
export function lineFor(layout: Layout, type: AccountType, mapped: string): StatementLine {
  const set = isProfitAndLoss(type) ? INCOME_LINE_SET[layout] : BALANCE_LINE_SET;
  if (set.has(mapped)) return mapped as StatementLine;
  return defaultStatementLines(type)[layout];
}

/**
 * The asset line a liability moves to while its balance is a debit (DEFAULT_CHART's `whenDebit`):
 * VAT to receive is a receivable, not a negative debt. Only for the chart's own account on its
 * own line, so a treasurer's remapping is respected.
 */
export function debitLineOf(a: { code: string; type: AccountType }, line: StatementLine): StatementLine | undefined {
  const c = DEFAULT_CHART.find((x) => x.code === a.code && x.type === a.type);
  return c?.whenDebit && line === c.rj640 ? c.whenDebit : undefined;
}
