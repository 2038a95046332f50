import type { TaskCheck } from './schema';

/**
 * Checks a practice task against the entries of the practice administration. Pure: the app fetches
 * the entries (through `entries.list`, only those posted since the learner opened the task, so an
 * older entry cannot pass the task by accident) and hands them over as plain objects.
 *
 * Money is compared as integer cents, never as floats.
 */

export interface TaskEntryLine {
  account: string;
  /** Decimal string with a dot, e.g. "3.50". */
  debit?: string;
  credit?: string;
}

export interface TaskEntry {
  date: string;
  description: string;
  lines: TaskEntryLine[];
}

export interface TaskResult {
  ok: boolean;
  /** Dutch (or English with lang 'en'), short, says what to change. */
  feedback: string;
}

export interface CheckTaskOptions {
  /** Account names for friendlier feedback, e.g. { '4610': 'Bankkosten' }. */
  accountNames?: Record<string, string>;
  lang?: 'nl' | 'en';
}

/** "3.50" / "3.5" / "3" / "-3.50" to integer cents; null when it is no valid amount. */
export function amountToCents(value: string | undefined): number | null {
  if (value === undefined) return 0;
  const m = /^\s*(-?)(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(value);
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

function formatCents(cents: number, lang: 'nl' | 'en'): string {
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const sep = lang === 'nl' ? ',' : '.';
  const group = lang === 'nl' ? '.' : ',';
  const whole = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `€ ${whole}${sep}${rest}`;
}

/** Net movement per account in one entry, in cents: debit positive, credit negative. */
function netPerAccount(entry: TaskEntry): Map<string, number> | null {
  const net = new Map<string, number>();
  for (const line of entry.lines) {
    const d = amountToCents(line.debit);
    const c = amountToCents(line.credit);
    if (d === null || c === null) return null;
    net.set(line.account, (net.get(line.account) ?? 0) + d - c);
  }
  return net;
}

type Problem =
  | { kind: 'none' }
  | { kind: 'side'; actual: number }
  | { kind: 'amount'; actual: number }
  | { kind: 'counter'; counterNet: number | undefined; counterMissingAccounts: string[] };

export function checkTask(check: TaskCheck, entries: readonly TaskEntry[], options: CheckTaskOptions = {}): TaskResult {
  const lang = options.lang ?? 'nl';
  const names = options.accountNames ?? {};
  const label = (code: string) => (names[code] ? `${code} (${names[code]})` : code);
  const t = lang === 'nl' ? NL : EN;

  const want = amountToCents(check.amount);
  if (want === null || want <= 0) throw new Error(`checkTask: invalid amount in check: ${check.amount}`);
  const sign = check.side === 'debit' ? 1 : -1;
  const wantNet = sign * want;

  // Rank every entry by how close it comes; report the closest one's first problem.
  let best: { score: number; problem: Problem } | null = null;
  let sameAmountElsewhere: string | null = null;
  for (const entry of entries) {
    const net = netPerAccount(entry);
    if (!net) continue;
    const actual = net.get(check.account);
    if (actual === undefined || actual === 0) {
      for (const [acc, n] of net) {
        if (n === wantNet && acc !== check.counterAccount) sameAmountElsewhere ??= acc;
      }
      continue;
    }
    const sideOk = Math.sign(actual) === sign;
    const amountOk = Math.abs(actual) === want;
    let counterOk = true;
    let counterNet: number | undefined;
    if (check.counterAccount !== undefined) {
      counterNet = net.get(check.counterAccount);
      counterOk = counterNet !== undefined && Math.sign(counterNet) === -sign && Math.abs(counterNet) >= want;
    }
    const score = (sideOk ? 4 : 0) + (amountOk ? 2 : 0) + (counterOk ? 1 : 0);
    let problem: Problem;
    if (!sideOk) problem = { kind: 'side', actual };
    else if (!amountOk) problem = { kind: 'amount', actual };
    else if (!counterOk) {
      const others = [...net.entries()].filter(([a, n]) => a !== check.account && Math.sign(n) === -sign).map(([a]) => a);
      problem = { kind: 'counter', counterNet, counterMissingAccounts: others };
    } else problem = { kind: 'none' };
    if (problem.kind === 'none') return { ok: true, feedback: t.ok(label(check.account), formatCents(want, lang)) };
    if (!best || score > best.score) best = { score, problem };
  }

  const wantSide = check.side === 'debit' ? t.debit : t.credit;
  const otherSide = check.side === 'debit' ? t.credit : t.debit;
  if (!best) {
    if (entries.length === 0) return { ok: false, feedback: t.noEntries };
    if (sameAmountElsewhere !== null) {
      return { ok: false, feedback: t.wrongAccount(formatCents(want, lang), label(sameAmountElsewhere), label(check.account)) };
    }
    return { ok: false, feedback: t.notFound(label(check.account), formatCents(want, lang), wantSide) };
  }
  const p = best.problem;
  switch (p.kind) {
    case 'side':
      return { ok: false, feedback: t.wrongSide(label(check.account), otherSide, wantSide) };
    case 'amount':
      return { ok: false, feedback: t.wrongAmount(label(check.account), formatCents(Math.abs(p.actual), lang), formatCents(want, lang)) };
    case 'counter': {
      const counter = check.counterAccount ?? '';
      const used = p.counterMissingAccounts.length > 0 ? p.counterMissingAccounts.map(label).join(', ') : null;
      return { ok: false, feedback: t.wrongCounter(label(counter), otherSide, used) };
    }
    default:
      return { ok: false, feedback: t.noEntries };
  }
}

const NL = {
  debit: 'debetkant',
  credit: 'creditkant',
  ok: (acc: string, amount: string) => `Goed gedaan! De boeking van ${amount} op rekening ${acc} klopt.`,
  noEntries: 'Er is nog geen boeking. Maak eerst de boeking en kijk dan opnieuw.',
  notFound: (acc: string, amount: string, side: string) =>
    `Ik zie nog geen boeking op rekening ${acc}. Boek ${amount} aan de ${side} van rekening ${acc}.`,
  wrongAccount: (amount: string, used: string, acc: string) =>
    `Het bedrag van ${amount} staat op rekening ${used}. Dat is niet de goede rekening. Gebruik rekening ${acc}.`,
  wrongSide: (acc: string, actualSide: string, wantSide: string) =>
    `Rekening ${acc} staat aan de ${actualSide}. Het moet aan de ${wantSide}. Draai debet en credit om.`,
  wrongAmount: (acc: string, actual: string, want: string) =>
    `Op rekening ${acc} staat ${actual}. Het bedrag moet ${want} zijn. Kijk nog eens goed naar het bonnetje of de bankregel.`,
  wrongCounter: (counter: string, side: string, used: string | null) =>
    used
      ? `De andere kant van de boeking staat op rekening ${used}. Dat moet rekening ${counter} zijn, aan de ${side}.`
      : `De andere kant van de boeking ontbreekt. Zet rekening ${counter} aan de ${side}.`,
};

const EN: typeof NL = {
  debit: 'debit side',
  credit: 'credit side',
  ok: (acc, amount) => `Well done! The entry of ${amount} on account ${acc} is correct.`,
  noEntries: 'There is no entry yet. Make the entry first, then check again.',
  notFound: (acc, amount, side) => `I see no entry on account ${acc} yet. Book ${amount} on the ${side} of account ${acc}.`,
  wrongAccount: (amount, used, acc) => `The amount of ${amount} is on account ${used}. That is not the right account. Use account ${acc}.`,
  wrongSide: (acc, actualSide, wantSide) => `Account ${acc} is on the ${actualSide}. It should be on the ${wantSide}. Swap debit and credit.`,
  wrongAmount: (acc, actual, want) => `Account ${acc} shows ${actual}. The amount should be ${want}. Look again at the receipt or the bank line.`,
  wrongCounter: (counter, side, used) =>
    used
      ? `The other side of the entry is on account ${used}. That should be account ${counter}, on the ${side}.`
      : `The other side of the entry is missing. Put account ${counter} on the ${side}.`,
};
