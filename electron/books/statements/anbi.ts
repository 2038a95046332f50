import { centsToString, formatEuro } from '../../../shared/money';
import { formatDateNl } from '../../../shared/dates';
import type { Anbi, AnbiChecklistItem, AnbiFigure, AnbiItemKey, StatementRow } from '../../../shared/api/statements';
import type { Books } from '../../db/books';
import { appendAudit } from '../audit';
import { nowIso } from '../clock';
import { getYear, organisationLayout } from './balances';
import { balanceSheet, incomeStatement } from './statements';
import { phrase, said, type Phrase } from '../../../shared/phrase';

/**
 * The ANBI publication duty (publicatieplicht): within 6 months after the end of the fiscal year an
 * ANBI publishes its name, RSIN, contact details, objective, the outline of its policy plan, its
 * board, its remuneration policy, a report of its activities and its financial statements
 * (balance sheet and statement of income and expenditure with notes). The Belastingdienst's standard
 * form has an 'algemeen' variant (organisations reporting under RJ 640) and a 'fondsenwervend' one
 * (RJ 650); the form is compulsory for a fundraising ANBI with income over € 50,000 and for another
 * ANBI with expenses over € 100,000, and optional below that.
 */

const FUNDRAISING_INCOME_LIMIT = 5_000_000n; // € 50.000
const OTHER_EXPENSES_LIMIT = 10_000_000n; // € 100.000

interface ItemDef {
  key: AnbiItemKey;
  label: string;
  help: string;
}

const ITEMS: ItemDef[] = [
  { key: 'naam', label: 'Naam van de stichting', help: 'De naam zoals die bij de KvK staat.' },
  { key: 'rsin', label: 'RSIN of fiscaal nummer', help: 'Het RSIN staat op het uittreksel van de KvK.' },
  { key: 'contact', label: 'Contactgegevens', help: 'Een adres, telefoonnummer of e-mailadres waar mensen de stichting kunnen bereiken.' },
  { key: 'doelstelling', label: 'Doelstelling', help: 'Het doel van de stichting, zoals in de statuten staat.' },
  { key: 'beleidsplan', label: 'Hoofdlijnen van het beleidsplan', help: 'Wat de stichting wil doen, hoe zij geld krijgt en wat zij met het geld doet.' },
  { key: 'bestuur', label: 'Bestuurssamenstelling', help: 'De functies in het bestuur (voorzitter, secretaris, penningmeester). Namen mogen erbij.' },
  { key: 'beloningsbeleid', label: 'Beloningsbeleid', help: 'Of bestuurders en medewerkers geld krijgen. Vaak: het bestuur is onbetaald, alleen onkosten worden vergoed.' },
  { key: 'activiteiten', label: 'Verslag van de activiteiten', help: 'Wat de stichting dit jaar heeft gedaan.' },
  { key: 'financieel', label: 'Financiële verantwoording', help: 'De balans en de staat van baten en lasten met een toelichting (dit overzicht).' },
];

/**
 * The publication deadline: six months after the end of the fiscal year. A fiscal year always ends on
 * the last day of a month, so the deadline is the last day of the sixth month after it.
 */
export function sixMonthsAfter(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number, number];
  const total = m - 1 + 6;
  const ny = y + Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

const fig = (key: string, label: string, kind: AnbiFigure['kind'], current: string | null, previous: string | null): AnbiFigure => ({ key, label, kind, current, previous });

function find(rows: StatementRow[], key: string): StatementRow | undefined {
  return rows.find((r) => r.key === key);
}

function amount(rows: StatementRow[], key: string, col: 'current' | 'previous'): bigint {
  const v = find(rows, key)?.[col];
  return v ? BigInt(v.replace('.', '')) : 0n;
}

const cs = (v: bigint | null): string | null => (v === null ? null : centsToString(v));

/** Balance sheet in the rows of the standard form; lines the app does not keep are shown as 0. */
function balanceFigures(books: Books, year: number): AnbiFigure[] {
  const bs = balanceSheet(books, { year });
  const all = [...bs.activa, ...bs.passiva];
  const hasPrev = bs.previousDate !== null;
  const v = (keys: string[], col: 'current' | 'previous'): bigint => keys.reduce((t, k) => t + amount(all, k, col), 0n);
  const row = (key: string, label: string, keys: string[], kind: AnbiFigure['kind'] = 'line'): AnbiFigure =>
    fig(key, label, kind, cs(v(keys, 'current')), hasPrev ? cs(v(keys, 'previous')) : null);
  const zero = (key: string, label: string): AnbiFigure => fig(key, label, 'line', '0.00', hasPrev ? '0.00' : null);
  return [
    fig('activa', 'Activa', 'heading', null, null),
    row('immateriele_vaste_activa', 'Immateriële vaste activa', ['immateriele_vaste_activa']),
    row('materiele_vaste_activa', 'Materiële vaste activa', ['mva']),
    row('financiele_vaste_activa', 'Financiële vaste activa', ['financiele_vaste_activa']),
    row('voorraden', 'Voorraden', ['voorraden']),
    row('vorderingen', 'Vorderingen en overlopende activa', ['vorderingen']),
    row('effecten', 'Effecten', ['effecten']),
    row('liquide_middelen', 'Liquide middelen', ['liquide']),
    row('totaal_activa', 'Totaal activa', ['totaal_activa'], 'total'),
    fig('passiva', 'Passiva', 'heading', null, null),
    row('continuiteitsreserve', 'Continuïteitsreserve', ['continuiteitsreserve']),
    row('bestemmingsreserve', 'Bestemmingsreserve', ['bestemmingsreserves']),
    zero('herwaarderingsreserve', 'Herwaarderingsreserve'),
    row('overige_reserves', 'Overige reserves', ['overige_reserves', 'resultaat_boekjaar', 'resultaat_eerdere_jaren']),
    row('bestemmingsfondsen', 'Bestemmingsfondsen', ['bestemmingsfondsen']),
    row('totaal_reserves_fondsen', 'Totaal reserves en fondsen', ['totaal_reserves_en_fondsen'], 'subtotal'),
    row('voorzieningen', 'Voorzieningen', ['voorzieningen']),
    row('langlopende_schulden', 'Langlopende schulden', ['langlopende_schulden']),
    row('kortlopende_schulden', 'Kortlopende schulden', ['kortlopende_schulden']),
    row('totaal_passiva', 'Totaal passiva', ['totaal_passiva'], 'total'),
  ];
}

function incomeFigures(rows: StatementRow[], hasPrev: boolean): AnbiFigure[] {
  return rows.map((r) => fig(r.key, r.label, r.kind, r.current, hasPrev ? r.previous : null));
}

function checklistRows(books: Books, year: number): Map<string, { done: number; note: string | null }> {
  const rows = books.raw('SELECT item, done, note FROM anbi_checklist WHERE year = ?').all(year) as { item: string; done: number; note: string | null }[];
  return new Map(rows.map((r) => [r.item, { done: r.done, note: r.note }]));
}

function checklist(books: Books, year: number): AnbiChecklistItem[] {
  const org = books.raw('SELECT name, rsin, street, postcode, city, email, phone, website FROM organisation WHERE id = 1').get() as {
    name: string; rsin: string | null; street: string | null; postcode: string | null; city: string | null; email: string | null; phone: string | null; website: string | null;
  };
  const ticks = checklistRows(books, year);
  const contact = [org.street && org.city ? `${org.street}, ${org.postcode ?? ''} ${org.city}`.replace(/\s+/g, ' ') : null, org.email, org.phone].filter(Boolean).join(' · ');
  // A filled-in detail is the treasurer's own data (shown as typed); a missing one is said.
  const missing = (s: { message: string; says?: Phrase[] }) => ({ done: false, detail: s.message, ...(s.says ? { detailSays: s.says } : {}) });
  const auto: Partial<Record<AnbiItemKey, { done: boolean; detail: string; detailSays?: Phrase[] }>> = {
    naam: { done: org.name.trim() !== '', detail: org.name },
    rsin: org.rsin ? { done: true, detail: org.rsin } : missing(said('anbi.fillRsin', 'Vul het RSIN in bij Instellingen.')),
    contact: contact ? { done: true, detail: contact } : missing(said('anbi.fillContact', 'Vul een adres, e-mailadres of telefoonnummer in bij Instellingen.')),
  };
  return ITEMS.map((it) => {
    const a = auto[it.key];
    const t = ticks.get(it.key);
    if (a) return { key: it.key, label: it.label, help: it.help, source: 'auto', done: a.done, detail: a.detail, ...(a.detailSays ? { detailSays: a.detailSays } : {}), note: t?.note ?? null };
    return { key: it.key, label: it.label, help: it.help, source: 'manual', done: t?.done === 1, detail: null, note: t?.note ?? null };
  });
}

export function anbiReport(books: Books, input: { year: number }): Anbi {
  const fy = getYear(books, input.year);
  const layout = organisationLayout(books);
  const variant = layout === 'rj650' ? 'fondsenwervend' : 'algemeen';
  const isAnbi = (books.raw('SELECT anbi FROM organisation WHERE id = 1').get() as { anbi: number } | undefined)?.anbi === 1;
  const deadline = sixMonthsAfter(fy.end);
  const is = incomeStatement(books, { year: fy.year });
  const hasPrev = is.previousYear !== null;
  const income = amount(is.rows, 'som_baten', 'current');
  const expenses = amount(is.rows, 'som_lasten', 'current');
  const formRequired = variant === 'fondsenwervend' ? income > FUNDRAISING_INCOME_LIMIT : expenses > OTHER_EXPENSES_LIMIT;
  const formRequiredReason =
    variant === 'fondsenwervend'
      ? `Een fondsenwervende ANBI met meer dan € 50.000 baten moet het standaardformulier gebruiken. De baten in ${fy.year} zijn ${formatEuro(income)}.`
      : `Een ANBI met meer dan € 100.000 lasten moet het standaardformulier gebruiken. De lasten in ${fy.year} zijn ${formatEuro(expenses)}.`;
  return {
    year: fy.year,
    anbi: isAnbi,
    variant,
    layout,
    deadline,
    formRequired,
    formRequiredReason: `${formRequiredReason} ${formRequired ? 'Het formulier is dus verplicht.' : 'Het formulier mag, maar hoeft niet.'}`,
    formRequiredSays: [
      phrase(variant === 'fondsenwervend' ? 'anbi.fundraisingLimit' : 'anbi.expensesLimit', { year: fy.year, amount: formatEuro(variant === 'fondsenwervend' ? income : expenses) }),
      phrase(formRequired ? 'anbi.formRequired' : 'anbi.formOptional'),
    ],
    balance: balanceFigures(books, fy.year),
    incomeStatement: incomeFigures(is.rows, hasPrev),
    checklist: checklist(books, fy.year),
    message: isAnbi
      ? `Publiceer deze gegevens uiterlijk ${formatDateNl(deadline)} op de website van de stichting.`
      : 'Deze stichting staat niet als ANBI ingesteld. Heeft de stichting een ANBI-status? Zet dat aan bij Instellingen.',
  };
}

export function setAnbiItem(books: Books, input: { year: number; item: AnbiItemKey; done: boolean; note?: string | undefined }): AnbiChecklistItem {
  return books.tx(() => {
    getYear(books, input.year);
    books
      .raw(
        `INSERT INTO anbi_checklist (year, item, done, note, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (year, item) DO UPDATE SET done = excluded.done, note = COALESCE(excluded.note, anbi_checklist.note), updated_at = excluded.updated_at`,
      )
      .run(input.year, input.item, input.done ? 1 : 0, input.note?.trim() || null, nowIso());
    appendAudit(books, 'anbi.setItem', 'anbi_checklist', `${input.year}/${input.item}`, input);
    return checklist(books, input.year).find((i) => i.key === input.item)!;
  });
}
