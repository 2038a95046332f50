/**
 * Pure rules for grants (subsidies and fund contributions): when a posting line may carry a grant
 * and budget line, how far a budget line is spent, and what the year-end move of an unspent grant
 * is. No database here: the services feed these functions and turn problems into KassaErrors.
 * Money is integer cents as bigint.
 */
import { formatDateNl } from '../dates';
import { said, type Said } from '../phrase';

export const GRANT_STATUSES = ['applied', 'awarded', 'rejected', 'settled'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const FUND_TYPES = ['government', 'fund', 'lottery', 'company', 'private'] as const;
export type FundType = (typeof FUND_TYPES)[number];

export const GRANT_STATUS_NL: Record<GrantStatus, string> = {
  applied: 'aangevraagd',
  awarded: 'toegekend',
  rejected: 'afgewezen',
  settled: 'afgerekend',
};

export const FUND_TYPE_NL: Record<FundType, string> = {
  government: 'overheid',
  fund: 'fonds',
  lottery: 'loterij',
  company: 'bedrijf',
  private: 'particulier',
};

/** The income account a grant from this kind of funder is usually booked on (shared/chart.ts). */
export function incomeAccountFor(fundType: FundType | null | undefined): string {
  switch (fundType) {
    case 'government': return '8200';
    case 'lottery': return '8150';
    case 'company': return '8100';
    case 'private': return '8000';
    default: return '8300';
  }
}

export interface GrantForAllocation {
  id: number;
  project: string;
  status: GrantStatus;
  startDate: string;
  endDate: string;
  archived: boolean;
}

export interface LineForAllocation {
  /** Type of the line's account. */
  accountType: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  /** The entry's date. */
  date: string;
  /** Whether the line names a budget line, and if so, the grant that budget line belongs to (null: no such line). */
  budgetLine?: { grantId: number | null };
}

export type AllocationCode = 'NOT_FOUND' | 'GRANT_REJECTED' | 'GRANT_PERIOD' | 'BUDGET_LINE_MISMATCH' | 'INVALID_INPUT';

export interface AllocationProblem extends Said {
  code: AllocationCode;
  /** Which part of the line: 'grant' or 'budgetLine'. */
  field: 'grant' | 'budgetLine';
}

/**
 * May this line carry this grant (and budget line)? null = yes. `grant` null means no grant with
 * that id exists in this administration (for instance an id from another administration).
 * - the grant must exist, not be rejected and not be archived;
 * - costs (expense lines) must fall inside the grant period: funders only pay for costs in the project period.
 *   Income may arrive before or after it (an advance, a final payment), and the year-end moves to
 *   reserves and liabilities are dated at the year end;
 * - a budget line must belong to that same grant and only goes on expense lines.
 */
export function allocationProblem(grant: GrantForAllocation | null, line: LineForAllocation, budgetLineGiven: boolean): AllocationProblem | null {
  if (!grant) {
    return { code: 'NOT_FOUND', field: 'grant', ...said('err.grant.alloc.notFound', 'Deze subsidie bestaat niet in deze administratie. Kies een subsidie uit de lijst.') };
  }
  const project = grant.project;
  if (grant.status === 'rejected') {
    return { code: 'GRANT_REJECTED', field: 'grant', ...said('err.grant.alloc.rejected', 'De subsidie voor "{{project}}" is afgewezen. U kunt daar niets op boeken. Kies een andere subsidie of boek zonder subsidie.', { project }) };
  }
  if (grant.archived) {
    return { code: 'INVALID_INPUT', field: 'grant', ...said('err.grant.alloc.archived', 'De subsidie voor "{{project}}" is gearchiveerd. Haal hem eerst uit het archief als u er nog op wilt boeken.', { project }) };
  }
  if (line.accountType === 'expense' && (line.date < grant.startDate || line.date > grant.endDate)) {
    return {
      code: 'GRANT_PERIOD',
      field: 'grant',
      ...said(
        'err.grant.alloc.outsidePeriod',
        'De datum {{date}} valt buiten de periode van de subsidie voor "{{project}}" ({{start}} tot en met {{end}}). Kosten buiten die periode betaalt het fonds meestal niet.',
        { date: formatDateNl(line.date), project, start: formatDateNl(grant.startDate), end: formatDateNl(grant.endDate) },
      ),
    };
  }
  if (budgetLineGiven) {
    if (!line.budgetLine || line.budgetLine.grantId === null) {
      return { code: 'NOT_FOUND', field: 'budgetLine', ...said('err.grant.alloc.lineNotFound', 'Deze begrotingsregel bestaat niet. Kies een regel uit de begroting van de subsidie.') };
    }
    if (line.budgetLine.grantId !== grant.id) {
      return { code: 'BUDGET_LINE_MISMATCH', field: 'budgetLine', ...said('err.grant.alloc.lineOtherGrant', 'Deze begrotingsregel hoort bij een andere subsidie, niet bij "{{project}}". Kies een regel uit de begroting van "{{project}}".', { project }) };
    }
    if (line.accountType !== 'expense') {
      return { code: 'INVALID_INPUT', field: 'budgetLine', ...said('err.grant.alloc.lineOnIncome', 'Een begrotingsregel hoort alleen bij kosten. Laat de begrotingsregel leeg bij ontvangsten.') };
    }
  }
  return null;
}

export type SpendLevel = 'ok' | 'near' | 'full' | 'over';

export interface Spend {
  /** Percentage spent with one decimal ("92.5"), null when the budget is zero. */
  percent: string | null;
  level: SpendLevel;
}

/** Warn from 90 % ('near'), at exactly 100 % ('full') and above it ('over'). */
export const NEAR_FRACTION = { num: 9n, den: 10n };

export function spendLevel(budget: bigint, actual: bigint): Spend {
  if (budget <= 0n) return { percent: null, level: actual > 0n ? 'over' : 'ok' };
  const tenths = (actual * 1000n) / budget; // truncates toward zero
  const neg = tenths < 0n;
  const abs = neg ? -tenths : tenths;
  const percent = `${neg ? '-' : ''}${abs / 10n}.${abs % 10n}`;
  let level: SpendLevel = 'ok';
  if (actual > budget) level = 'over';
  else if (actual === budget) level = 'full';
  else if (actual * NEAR_FRACTION.den >= budget * NEAR_FRACTION.num) level = 'near';
  return { percent, level };
}

/** The Dutch warning for a spend level, or null when there is nothing to say. */
export function spendWarning(what: { line: string } | 'grant', s: Spend, remainingText: string, overText: string): Said | null {
  const percent = s.percent === null ? '' : `${s.percent.replace('.', ',')} %`;
  // One text per subject, not a subject filled in: the English puts it elsewhere in the sentence.
  if (what === 'grant') {
    switch (s.level) {
      case 'near': return said('err.grant.warn.grantNear', 'Let op: de begroting van deze subsidie is voor {{percent}} besteed. Er is nog {{remaining}} over.', { percent, remaining: remainingText });
      case 'full': return said('err.grant.warn.grantFull', 'De begroting van deze subsidie is helemaal besteed. Nieuwe kosten passen niet meer in de begroting.');
      case 'over': return said('err.grant.warn.grantOver', 'De begroting van deze subsidie is overschreden met {{over}}. Overleg met het fonds of zoek andere dekking.', { over: overText });
      default: return null;
    }
  }
  const name = what.line;
  switch (s.level) {
    case 'near': return said('err.grant.warn.lineNear', 'Let op: begrotingsregel "{{name}}" is voor {{percent}} besteed. Er is nog {{remaining}} over.', { name, percent, remaining: remainingText });
    case 'full': return said('err.grant.warn.lineFull', 'Begrotingsregel "{{name}}" is helemaal besteed. Nieuwe kosten passen niet meer in de begroting.', { name });
    case 'over': return said('err.grant.warn.lineOver', 'Begrotingsregel "{{name}}" is overschreden met {{over}}. Overleg met het fonds of zoek andere dekking.', { name, over: overText });
    default: return null;
  }
}

/** Where the unspent part of a grant sits at a year end: credit balances (positive = credit). */
export interface GrantPositions {
  /** 0520 Bestemmingsfondsen: unspent earmarked money the foundation may keep for the project. */
  reserve: bigint;
  /** 1410 Vooruitontvangen subsidies: unspent money of a running grant that must be returned if it stays unspent. */
  deferred: bigint;
  /** 1420 Terug te betalen subsidies: unspent money of an ended grant that must be returned. */
  payable: bigint;
}

export type PositionKind = keyof GrantPositions;

/**
 * The target positions at a year end: all of the unspent part (received minus spent, never below
 * zero) in one place. A grant that may be kept goes to the bestemmingsfonds; one that must be
 * returned is owed once its period is over (1420) and is received in advance while it runs (1410).
 */
export function yearEndTargets(unspent: bigint, mustReturn: boolean, periodEnded: boolean): GrantPositions {
  const u = unspent > 0n ? unspent : 0n;
  if (!mustReturn) return { reserve: u, deferred: 0n, payable: 0n };
  return periodEnded ? { reserve: 0n, deferred: 0n, payable: u } : { reserve: 0n, deferred: u, payable: 0n };
}

/** What must move (credit positive) to get from the current positions to the targets. */
export function yearEndDeltas(targets: GrantPositions, current: GrantPositions): GrantPositions {
  return {
    reserve: targets.reserve - current.reserve,
    deferred: targets.deferred - current.deferred,
    payable: targets.payable - current.payable,
  };
}

/** Pro-rata share of a yearly amount for the days elapsed (inclusive), rounded half up to cents. */
export function proRata(amount: bigint, daysElapsed: number, daysInYear: number): bigint {
  if (daysInYear <= 0) return 0n;
  const d = BigInt(Math.max(0, Math.min(daysElapsed, daysInYear)));
  const y = BigInt(daysInYear);
  const twice = (amount * d * 2n) / y;
  return (twice + (twice >= 0n ? 1n : -1n)) / 2n;
}

/** Round cents to whole euros, half up (a budget suggested from last year's actuals). */
export function roundToEuro(cents: bigint): bigint {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const euros = (abs + 50n) / 100n;
  return (neg ? -euros : euros) * 100n;
}
