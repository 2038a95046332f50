import { z } from 'zod';
import { AccountCode, Amount, Id, SignedAmount } from './common';
import { method } from './define';

/**
 * The opening balance (beginbalans) of a new administration: what was in the bank and the cash box
 * on the first day, what others still owed the stichting and what it still owed, and the equity
 * account that takes the difference. One opening entry in the memorial (MEM, source 'opening').
 */
export interface OpeningMoneyLine {
  account: string;
  name: string;
  kind: 'bank' | 'cash';
  iban: string | null;
  /** Signed: a negative bank balance is an overdraft. */
  amount: string;
}

export interface OpeningItem {
  contact: number | null;
  contactName: string | null;
  description: string | null;
  amount: string;
}

export interface OpeningBalance {
  year: number;
  /** The first day of the first year: the date of the opening entry. */
  date: string;
  /** Only while the first year is open. */
  canChange: boolean;
  entry: { id: number; ref: string } | null;
  money: OpeningMoneyLine[];
  receivables: OpeningItem[];
  payables: OpeningItem[];
  /** The equity account that takes the difference (default 0590 Overige reserves). */
  equity: string;
  equityChoices: { code: string; name: string }[];
  /** What goes to the equity account: money + receivables − payables. */
  equityAmount: string;
}

export interface OpeningResult {
  entry: { id: number; ref: string } | null;
  /** The reference of the opening entry that was reversed, when there was one. */
  reversed: string | null;
}

const OpeningItemInput = z.object({
  contact: Id.optional(),
  description: z.string().trim().max(200).optional(),
  amount: Amount,
});

export const OpeningInput = z.object({
  money: z.array(z.object({ account: AccountCode, amount: SignedAmount })).max(50),
  receivables: z.array(OpeningItemInput).max(500).default([]),
  payables: z.array(OpeningItemInput).max(500).default([]),
  equity: AccountCode.optional(),
});

export const openingMethods = {
  'opening.get': method<OpeningBalance>()(z.object({})),
  /** Post the opening entry; an existing one is reversed first, in the same transaction. */
  'opening.set': method<OpeningResult>()(OpeningInput),
} as const;
