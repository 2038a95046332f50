import type { Checklist, ChecklistItem, Evidence, Outcome } from '../../../shared/api/review';
import { formatDateNl } from '../../../shared/dates';
import { formatEuro } from '../../../shared/money';
import type { Books } from '../../db/books';
import { said, type Said } from '../../../shared/phrase';
import { bookBalanceAt, reconciliationStatus } from '../bank/reconciliation';
import { entryRef } from '../entries';
import { cents } from '../grants/report';
import { activeClosingEntry, getYear, type YearRow } from '../statements/balances';
import { verifyBooks } from '../verify';
import { headOf } from './chain';
import { grantsItem, invoicesItem, volunteersItem } from './checklistMore';
import { costsWithoutReceipt } from './receipts';

/**
 * The kascommissie's checklist, computed from the books (issue 19). Each item says what the app
 * found and shows the evidence; the committee then marks it. The computations reuse the services
 * behind the screens (reconciliation, volunteer overview, grant report, open items, verify).
 */

export interface ChecklistInput {
  year: number;
  thresholdCents: number;
  /** What the treasurer counted per cash account (the latest count). */
  cashCounts?: Map<string, { date: string; cents: number }>;
  /** Balances the committee typed from a paper statement, per bank account. */
  paperBalances?: Map<string, number>;
}

export type Item = Omit<ChecklistItem, 'mark'>;

/** An item; its summary is said (Dutch with phrases), so the review screen shows it in the UI language. */
export function item(key: Item['key'], title: string, outcome: Outcome, summary: Said, evidence: Evidence[], screen: string | null): Item {
  return { key, title, outcome, summary: summary.message, ...(summary.says ? { summarySays: summary.says } : {}), evidence, screen };
}

/** An evidence line; a said label or value carries its phrases, so the review screen shows it in the UI language. */
export function evidenceLine(label: string | Said, value: string | Said, ref?: string): Evidence {
  const l = typeof label === 'string' ? { message: label } : label;
  const v = typeof value === 'string' ? { message: value } : value;
  return {
    label: l.message,
    value: v.message,
    ...(l.says ? { labelSays: l.says } : {}),
    ...(v.says ? { valueSays: v.says } : {}),
    ...(ref !== undefined ? { ref } : {}),
  };
}

/** 'fail' beats 'check' beats 'ok'; 'na' only when every part is. */
export function worst(outcomes: Outcome[]): Outcome {
  if (outcomes.includes('fail')) return 'fail';
  if (outcomes.includes('check')) return 'check';
  if (outcomes.includes('ok')) return 'ok';
  return 'na';
}

function bankItem(books: Books, fy: YearRow, paper: Map<string, number>): Item {
  const status = reconciliationStatus(books, fy.year);
  const evidence: Evidence[] = [];
  const outcomes: Outcome[] = [];
  for (const a of status.accounts) {
    const code = a.account.code;
    const typed = paper.get(code);
    if (a.state === 'unused') {
      outcomes.push('na');
      continue;
    }
    if (a.state === 'reconciled') {
      outcomes.push('ok');
      evidence.push(evidenceLine(`${code} ${a.account.name}`, said('review.ev.bankReconciled', 'Afschrift {{bank}}, boeken {{book}}', { bank: formatEuro(cents(a.bankBalance ?? '0.00')), book: formatEuro(cents(a.bookBalance)) }), code));
      continue;
    }
    const book = bookBalanceAt(books, books.raw('SELECT id FROM accounts WHERE code = ?').pluck().get(code) as number, fy.end);
    if (typed !== undefined && a.state !== 'differences' && a.inboxCount === 0) {
      const paperCents = BigInt(typed);
      outcomes.push(paperCents === book ? 'ok' : 'fail');
      const paperText = formatEuro(typed);
      const bookText = formatEuro(book);
      evidence.push(evidenceLine(`${code} ${a.account.name}`, paperCents === book
        ? said('review.ev.bankPaper', 'Papieren afschrift {{paper}}, boeken {{book}}', { paper: paperText, book: bookText })
        : said('review.ev.bankPaperDiffers', 'Papieren afschrift {{paper}}, boeken {{book}}, verschil {{difference}}', { paper: paperText, book: bookText, difference: formatEuro(paperCents - book) }), code));
      continue;
    }
    outcomes.push(a.state === 'no-statement' || a.state === 'not-covered' ? 'check' : 'fail');
    evidence.push(evidenceLine(`${code} ${a.account.name}`, { message: a.message, says: a.says }, code));
  }
  const outcome = worst(outcomes);
  const summary = outcome === 'ok'
    ? said('review.sum.bankOk', 'Op {{date}} is het saldo van elke bankrekening gelijk aan het afschrift.', { date: formatDateNl(fy.end) })
    : outcome === 'na'
      ? said('review.sum.bankNa', 'In {{year}} is geen bankrekening gebruikt.', { year: fy.year })
      : outcome === 'check'
        ? said('review.sum.bankCheck', 'Van een of meer rekeningen is het eindsaldo van de bank niet bekend. Vul het saldo van het papieren afschrift in.')
        : said('review.sum.bankFail', 'Het saldo in de boeken wijkt af van het afschrift, of er staan nog regels in de inbox.');
  return item('bank', 'Banksaldo op de laatste dag van het jaar', outcome, summary, evidence, 'bank-reconcile');
}

function cashItem(books: Books, fy: YearRow, counts: Map<string, { date: string; cents: number }>): Item {
  const accounts = books.raw(`SELECT id, code, name FROM accounts WHERE kind = 'cash' ORDER BY code`).all() as { id: number; code: string; name: string }[];
  const evidence: Evidence[] = [];
  const outcomes: Outcome[] = [];
  for (const a of accounts) {
    const used = books.raw('SELECT 1 FROM lines WHERE account_id = ? AND posted = 1 AND date <= ? LIMIT 1').get(a.id, fy.end) !== undefined;
    if (!used) continue;
    const count = counts.get(a.code);
    if (!count) {
      outcomes.push('check');
      evidence.push(evidenceLine(`${a.code} ${a.name}`, said('review.ev.cashNotCounted', 'Nog niet geteld. Volgens de boeken {{amount}} op {{date}}.', { amount: formatEuro(bookBalanceAt(books, a.id, fy.end)), date: formatDateNl(fy.end) }), a.code));
      continue;
    }
    const book = bookBalanceAt(books, a.id, count.date);
    const counted = BigInt(count.cents);
    outcomes.push(book === counted ? 'ok' : 'fail');
    const date = formatDateNl(count.date);
    const countedText = formatEuro(count.cents);
    const bookText = formatEuro(book);
    evidence.push(evidenceLine(`${a.code} ${a.name}`, book === counted
      ? said('review.ev.cashCounted', 'Geteld op {{date}}: {{counted}}. Kasboek: {{book}}.', { date, counted: countedText, book: bookText })
      : said('review.ev.cashCountedDiffers', 'Geteld op {{date}}: {{counted}}. Kasboek: {{book}}. Verschil {{difference}}.', { date, counted: countedText, book: bookText, difference: formatEuro(counted - book) }), a.code));
  }
  const outcome = worst(outcomes);
  const summary = outcome === 'na'
    ? said('review.sum.cashNa', 'In {{year}} is geen kas gebruikt.', { year: fy.year })
    : outcome === 'ok' ? said('review.sum.cashOk', 'Het getelde geld is gelijk aan het kasboek.')
      : outcome === 'check' ? said('review.sum.cashCheck', 'De penningmeester vult het getelde bedrag in, met de datum van het tellen.')
        : said('review.sum.cashFail', 'Het getelde geld is niet gelijk aan het kasboek.');
  return item('cash', 'Kas: geteld geld tegen het kasboek', outcome, summary, evidence, null);
}

function receiptsItem(books: Books, fy: YearRow, thresholdCents: number): Item {
  const missing = costsWithoutReceipt(books, { from: fy.start, to: fy.end, minCents: thresholdCents, limit: 500 });
  const evidence = missing.map((m) => ({
    label: entryRef(m.journal, m.year, m.number) ?? '',
    value: `${formatDateNl(m.date)} · ${m.description} · ${formatEuro(m.cents)}`,
    ref: entryRef(m.journal, m.year, m.number) ?? '',
  }));
  const summary = missing.length === 0
    ? said('review.sum.receiptsOk', 'Elke kostenboeking vanaf {{amount}} heeft een bon of factuur.', { amount: formatEuro(thresholdCents) })
    : missing.length === 1
      ? said('review.sum.receiptsMissingOne', '1 kostenboeking vanaf {{amount}} heeft geen bon of factuur in de administratie.', { amount: formatEuro(thresholdCents) })
      : said('review.sum.receiptsMissing', '{{entries}} kostenboekingen vanaf {{amount}} hebben geen bon of factuur in de administratie.', { entries: missing.length, amount: formatEuro(thresholdCents) });
  return item('receipts', `Bonnen bij kosten vanaf ${formatEuro(thresholdCents)}`, missing.length === 0 ? 'ok' : 'fail', summary, evidence, 'journal');
}

function yearEndItem(books: Books, fy: YearRow): Item {
  const closing = activeClosingEntry(books, fy.year);
  const log = books
    .raw(`SELECT appropriation, at FROM year_end_log WHERE year = ? AND action = 'close' ORDER BY id DESC LIMIT 1`)
    .get(fy.year) as { appropriation: string | null; at: string } | undefined;
  const evidence: Evidence[] = [];
  if (closing) {
    const ref = entryRef(closing.journal, fy.year, closing.number);
    evidence.push(evidenceLine(said('review.ev.closingEntry', 'Afsluitboeking'), said('review.ev.entryOn', '{{entry}} op {{date}}', { entry: ref, date: formatDateNl(closing.date) }), ref ?? ''));
  }
  if (log?.appropriation) {
    for (const a of JSON.parse(log.appropriation) as { account: string; amount: string }[]) {
      evidence.push(evidenceLine(said('review.ev.appropriation', 'Bestemming {{account}}', { account: a.account }), formatEuro(cents(a.amount)), a.account));
    }
  }
  if (fy.status !== 'closed') {
    return item('yearEnd', 'Jaarafsluiting en bestemming van het saldo', 'check', said('review.sum.yearOpen', 'Boekjaar {{year}} is nog niet afgesloten. Sluit het af nadat het bestuur over de bestemming van het saldo heeft besloten.', { year: fy.year }), evidence, 'year-end');
  }
  return item('yearEnd', 'Jaarafsluiting en bestemming van het saldo', 'ok', said('review.sum.yearClosed', 'Boekjaar {{year}} is afgesloten. Controleer of de bestemming van het saldo is zoals het bestuur besloot.', { year: fy.year }), evidence, 'year-end');
}

async function historyItem(books: Books): Promise<Item> {
  const v = await verifyBooks(books);
  const head = headOf(books);
  const lines: Evidence[] = v.problems.slice(0, 20).map((p) => evidenceLine(p.code, { message: p.message, says: p.says }));
  lines.push(evidenceLine(said('review.ev.historyHead', 'Kop van de geschiedenis'), `${head.count}:${head.hash}`));
  if (v.history.started) lines.push(evidenceLine(said('review.ev.historyFrom', 'Geschiedenis bewijsbaar vanaf'), formatDateNl(v.history.started)));
  const ok = v.problems.length === 0;
  return item('history', 'De geschiedenis klopt (controle van het bestand)', ok ? 'ok' : 'fail',
    ok
      ? said('review.sum.historyOk', 'De controle van het bestand vond geen verschillen. De kop van de geschiedenis staat op het verslag.')
      : v.problems.length === 1
        ? said('review.sum.historyOne', 'De controle van het bestand vond 1 probleem.')
        : said('review.sum.historyMany', 'De controle van het bestand vond {{problems}} problemen.', { problems: v.problems.length }),
    lines, null);
}

export async function computeChecklist(books: Books, input: ChecklistInput): Promise<Omit<Checklist, 'threshold' | 'items'> & { items: Item[] }> {
  const fy = getYear(books, input.year);
  const items: Item[] = [
    bankItem(books, fy, input.paperBalances ?? new Map()),
    cashItem(books, fy, input.cashCounts ?? new Map()),
    receiptsItem(books, fy, input.thresholdCents),
    volunteersItem(books, fy),
    grantsItem(books, fy),
    invoicesItem(books, fy),
    yearEndItem(books, fy),
    await historyItem(books),
  ];
  return { year: fy.year, yearStatus: fy.status, items, head: headOf(books) };
}
