/**
 * The lines of a manual entry as the form holds them (text as typed), and the rule that says
 * whether they may be posted. Pure: the screen translates the reason; the books check again.
 */
import type { EntryLine } from '../../../../shared/api/types';
import type { AccountType } from '../../../../shared/chart';
import { grantValue } from '../../components/GrantSelect';
import { amountForInput, parseInputCents, toCents } from '../../format';

export interface Line {
  key: number;
  account: string;
  description: string;
  debit: string;
  credit: string;
  /** '' or a grant choice (see GrantSelect): only for income and expense lines. */
  grant: string;
}

let nextKey = 1;
export const emptyLine = (): Line => ({ key: nextKey++, account: '', description: '', debit: '', credit: '', grant: '' });

/** Only income and expense lines go to a grant: money and balance accounts are never on one. */
export const takesGrant = (type: AccountType | undefined): boolean => type === 'expense' || type === 'income';

/** Lines with anything filled in; those are the ones we send. */
export const isUsed = (l: Line) => Boolean(l.account || l.debit.trim() || l.credit.trim() || l.description.trim());

/** A saved draft's line as the form shows it. */
export function lineFromDraft(l: EntryLine): Line {
  return {
    key: nextKey++,
    account: l.account,
    description: l.description ?? '',
    debit: l.debit ? amountForInput(toCents(l.debit) ?? 0n) : '',
    credit: l.credit ? amountForInput(toCents(l.credit) ?? 0n) : '',
    grant: grantValue(l.grant, l.budgetLine),
  };
}

/** Why the entry can't be posted yet, first reason first; 'ready' when it can. */
export type BalanceReason = 'invalid' | 'both' | 'empty' | 'difference' | 'account' | 'twoLines' | 'ready';

export interface Balance {
  debit: bigint;
  credit: bigint;
  /** debit − credit in cents. */
  diff: bigint;
  balanced: boolean;
  ready: boolean;
  reason: BalanceReason;
}

export function balanceOf(lines: readonly Line[]): Balance {
  let debit = 0n;
  let credit = 0n;
  let invalid = false;
  let both = false;
  let missingAccount = false;
  let counted = 0;
  for (const l of lines) {
    const d = l.debit.trim() ? parseInputCents(l.debit) : null;
    const c = l.credit.trim() ? parseInputCents(l.credit) : null;
    if ((l.debit.trim() && (d === null || d <= 0n)) || (l.credit.trim() && (c === null || c <= 0n))) invalid = true;
    if (l.debit.trim() && l.credit.trim()) both = true;
    if ((d !== null || c !== null) && !l.account) missingAccount = true;
    if (d !== null || c !== null) counted += 1;
    debit += d ?? 0n;
    credit += c ?? 0n;
  }
  const diff = debit - credit;
  const balanced = diff === 0n && debit > 0n;
  const ready = balanced && !invalid && !both && !missingAccount && counted >= 2;
  const reason: BalanceReason = invalid
    ? 'invalid'
    : both
      ? 'both'
      : debit === 0n && credit === 0n
        ? 'empty'
        : diff !== 0n
          ? 'difference'
          : missingAccount
            ? 'account'
            : counted < 2
              ? 'twoLines'
              : 'ready';
  return { debit, credit, diff, balanced, ready, reason };
}
