import { z } from 'zod';
import { AccountCode, Id, NonEmpty, Year } from './common';
import { method } from './define';
import { field } from './fieldTexts';

/**
 * Objectives (doelstellingen) and cost allocation keys (verdeelsleutels) for the RJ 650 / RJk C2
 * statements: "Besteed aan doelstellingen" per objective and the lastenverdeelstaat. A key says which
 * share of a cost account goes to each objective, to fundraising (werving) and to management and
 * administration (beheer en administratie). An account without a key stays 100 % on its own line.
 * Percentages are decimal strings with a dot and at most 2 decimals ("33.34"); the shares of one
 * account add up to exactly 100.
 */

export type AllocationTarget = 'doelstelling' | 'werving' | 'beheer';

export interface Objective {
  id: number;
  name: string;
}

export interface AllocationShare {
  target: AllocationTarget;
  /** Set when target is 'doelstelling'. */
  objectiveId: number | null;
  percent: string;
}

export interface AllocationAccount {
  code: string;
  name: string;
  /** The account's own RJ 650 line: besteed_doelstellingen, wervingskosten or beheer_administratie. */
  line: string;
  /** Empty: 100 % on its own line (the default). */
  shares: AllocationShare[];
  /** The year this key was set for and holds from (until a later year's key); null: every year. */
  fromYear: number | null;
}

export interface Allocation {
  /** The year whose keys these are; null: the keys of every year without one of its own. */
  year: number | null;
  objectives: Objective[];
  accounts: AllocationAccount[];
}

/** One column of the lastenverdeelstaat: an objective, fundraising, or management and administration. */
export interface CostAllocationColumn {
  key: string;
  label: string;
}

export interface CostAllocationRow {
  /** The kind of cost (the RJ 640 expense line of the accounts), e.g. lasten_huisvesting. */
  key: string;
  label: string;
  /** Per column key: this year's amount. */
  amounts: Record<string, string>;
  total: string;
  budget: string | null;
  previous: string | null;
}

/** Lastenverdeelstaat: costs by kind (rows) over the objectives, fundraising and management (columns). */
export interface CostAllocationStatement {
  columns: CostAllocationColumn[];
  rows: CostAllocationRow[];
  totals: { amounts: Record<string, string>; total: string; budget: string | null; previous: string | null };
}

const Percent = z
  .string({ error: 'Vul een percentage in.' })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'Vul een percentage in, bijvoorbeeld 60 of 33.33.' });

const Share = z.object({
  target: z.enum(['doelstelling', 'werving', 'beheer'], { error: 'Kies een doelstelling, werving of beheer en administratie.' }),
  objectiveId: Id.nullable().optional(),
  percent: Percent,
});

export const allocationMethods = {
  'allocation.get': method<Allocation>()(z.object({ year: Year.optional() })),
  'allocation.setObjectives': method<Allocation>()(
    z.object({
      objectives: z
        .array(z.object({ id: Id.optional(), name: NonEmpty(field.objectiveName, 100) }))
        .max(20, { message: 'U kunt maximaal 20 doelstellingen maken.' }),
    }),
  ),
  'allocation.setKeys': method<Allocation>()(
    z.object({
      account: AccountCode,
      /** From this year on (until a later year's key); without it: every year without a key of its own. */
      year: Year.optional(),
      shares: z.array(Share).max(25, { message: 'Te veel regels in de verdeelsleutel (maximaal 25).' }),
    }),
  ),
} as const;
