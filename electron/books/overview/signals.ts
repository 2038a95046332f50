import type { OverviewRow, OverviewSignal } from '../../../shared/api/overview';
import { phrase } from '../../../shared/phrase';
import type { Books } from '../../db/books';
import { bankReconciliation } from '../bank/reconciliation';
import { bankAccounts } from '../bank/bankAccounts';
import { grantReport } from '../grants/report';
import { costsWithoutReceipt } from '../review/receipts';
import { DEFAULT_THRESHOLD_CENTS } from '../review/sample';
import { allYears } from '../statements/balances';
import { verifyBooks } from '../verify';
import { volunteerOverview } from '../volunteers/overview';

/**
 * The coach's signals for one administration (issue 19), computed by the services behind the
 * screens (reconciliation, volunteer overview, grant report, verify) on a read-only connection.
 */

export type Signals = Omit<OverviewRow, 'path' | 'file' | 'state' | 'stateMessage' | 'attention'>;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function computeSignals(books: Books, today: string, lastBackup: string | null): Promise<Signals> {
  const signals: OverviewSignal[] = [];
  // Each signal says its text in Dutch and as one phrase `coach.<key>` for the UI in another language.
  const add = (key: string, weight: number, message: string, phraseKey: string = key, params?: Record<string, string | number>) =>
    signals.push({ key, weight, message, says: [phrase(`coach.${phraseKey}`, params)] });
  const name = (books.raw('SELECT name FROM organisation WHERE id = 1').get() as { name: string } | undefined)?.name ?? null;
  const lastEntryDate = (books.raw(`SELECT MAX(date) FROM entries WHERE status = 'posted'`).pluck().get() as string | null) ?? null;

  const years = allYears(books);
  const current = years.find((y) => y.start <= today && y.end >= today) ?? years[years.length - 1];

  // Bank: the inbox, the last statement, the last reconciled day, and differences now.
  const inboxCount = books.raw(`SELECT COUNT(*) FROM bank_transactions WHERE status = 'inbox'`).pluck().get() as number;
  if (inboxCount > 0) add('inbox', inboxCount > 20 ? 2 : 1, `${inboxCount === 1 ? '1 bankregel wacht' : `${inboxCount} bankregels wachten`} in de inbox.`, 'inbox', { count: inboxCount });
  const lastStatement = books.raw('SELECT MAX(date_to) FROM bank_imports').pluck().get() as string | null;
  const daysSinceStatement = lastStatement ? daysBetween(lastStatement, today) : null;
  const banks = bankAccounts(books);
  const usedBank = books.raw(`SELECT 1 FROM lines l JOIN accounts a ON a.id = l.account_id WHERE a.kind = 'bank' AND l.posted = 1 LIMIT 1`).get() !== undefined;
  if (daysSinceStatement === null ? usedBank : daysSinceStatement > 45) {
    if (daysSinceStatement === null) add('statement', 2, 'Er is nog nooit een bankafschrift ingelezen.', 'statementNever');
    else add('statement', 2, `Het laatste bankafschrift is ${daysSinceStatement} dagen oud.`, 'statement', { count: daysSinceStatement });
  }
  const lastReconciled = books.raw('SELECT MAX(statement_date) FROM reconciliations WHERE reconciled_at IS NOT NULL').pluck().get() as string | null;
  const daysSinceReconciliation = lastReconciled ? daysBetween(lastReconciled, today) : null;
  const differing = banks.filter((b) => bankReconciliation(books, b.code, 1).state === 'differences');
  if (differing.length > 0) add('bank-differs', 3, `Bank en boeken verschillen bij ${differing.map((b) => b.code).join(', ')}.`, 'bankDiffers', { accounts: differing.map((b) => b.code).join(', ') });
  else if (lastStatement && (daysSinceReconciliation === null || daysSinceReconciliation > 60)) {
    if (daysSinceReconciliation === null) add('reconcile', 2, 'De bank is nog nooit aangesloten op de boeken.', 'reconcileNever');
    else add('reconcile', 2, `De bank is ${daysSinceReconciliation} dagen niet aangesloten.`, 'reconcile', { count: daysSinceReconciliation });
  }

  // Receipts, volunteers and grants of the current year.
  const costs = current ? costsWithoutReceipt(books, { from: current.start, to: current.end, minCents: DEFAULT_THRESHOLD_CENTS, limit: 1000 }).length : 0;
  if (costs > 0) add('receipts', 1, `${costs === 1 ? '1 kostenboeking' : `${costs} kostenboekingen`} zonder bon.`, 'receipts', { count: costs });
  let volunteersNearLimit = 0;
  if (current) {
    const v = volunteerOverview(books, current.year);
    const near = v.persons.filter((p) => p.level !== 'ok');
    volunteersNearLimit = near.length;
    if (near.length > 0) {
      const over = near.some((p) => p.level === 'blocked');
      add('volunteers', over ? 3 : 2, `${near.length === 1 ? '1 vrijwilliger zit' : `${near.length} vrijwilligers zitten`} op 80 % of meer van de jaargrens${over ? ', of erboven' : ''}.`, over ? 'volunteersOver' : 'volunteers', { count: near.length });
    }
  }
  const grants = books.raw(`SELECT id, project, end_date FROM grants WHERE status = 'awarded' AND archived = 0`).all() as { id: number; project: string; end_date: string }[];
  const soon = addDays(today, 60);
  const attention = grants.filter((g) => (g.end_date >= today && g.end_date <= soon) || grantReport(books, { grant: g.id }).lines.some((l) => l.level === 'over'));
  if (attention.length > 0) add('grants', 2, `Subsidie: ${attention.map((g) => `"${g.project}"`).join(', ')} loopt binnen 60 dagen af of is op een regel overschreden.`, 'grants', { projects: attention.map((g) => `"${g.project}"`).join(', ') });

  // Year end, backups and the file's own check.
  const previousOpen = years.filter((y) => y.end < today && y.status === 'open');
  if (previousOpen.length > 0) {
    const late = previousOpen.some((y) => daysBetween(y.end, today) > 182);
    add('year-open', late ? 3 : 2, `${previousOpen.map((y) => y.year).join(', ')} ${previousOpen.length === 1 ? 'is' : 'zijn'} nog niet afgesloten.`, 'yearOpen', { years: previousOpen.map((y) => y.year).join(', '), count: previousOpen.length });
  }
  const daysSinceBackup = lastBackup ? daysBetween(lastBackup, today) : null;
  if (daysSinceBackup === null) add('backup', 2, 'Er is nog geen back-up gevonden.', 'backupNever');
  else if (daysSinceBackup > 30) add('backup', 2, `De laatste back-up is ${daysSinceBackup} dagen oud.`, 'backup', { count: daysSinceBackup });
  const v = await verifyBooks(books);
  if (v.problems.length > 0) add('verify', 3, `De controle van het bestand vond ${v.problems.length} ${v.problems.length === 1 ? 'probleem' : 'problemen'}.`, 'verify', { count: v.problems.length });

  return {
    name, lastEntryDate, inboxCount, daysSinceStatement, daysSinceReconciliation, costsWithoutReceipt: costs, volunteersNearLimit,
    grantsAttention: attention.length, previousYearOpen: previousOpen.length, daysSinceBackup, verify: v.problems.length === 0 ? 'ok' : 'problems',
    signals: signals.sort((a, b) => b.weight - a.weight),
  };
}
