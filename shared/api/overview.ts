import { z } from 'zod';
import { method } from './define';
import { FilePath } from './files';
import type { Phrase } from '../phrase';

/**
 * The coach's overview ("Mijn stichtingen", issue 19): every administration in a folder (or a list
 * of files), each read without opening it for writing, with the signals that say who needs help.
 */

export type OverviewState =
  /** Read; the signals below are filled. */
  | 'ok'
  /** Open in the app on this or another computer: not read, never blocked. */
  | 'in-use'
  /** Made by an older version of the app: opening it updates it, the overview does not. */
  | 'older'
  | 'newer'
  | 'not-kassa'
  | 'error';

export interface OverviewSignal {
  key: string;
  /** Dutch, B1: what needs attention. */
  message: string;
  /** Weight for sorting: 3 urgent, 2 soon, 1 note. */
  weight: number;
  /** The message as phrases, for a UI in another language (shared/phrase.ts). */
  says?: Phrase[];
}

export interface OverviewRow {
  path: string;
  file: string;
  state: OverviewState;
  /** Dutch, for states other than ok ("in gebruik", "oudere versie: open hem om bij te werken"). */
  stateMessage: string | null;
  /** The state message as phrases, for a UI in another language (shared/phrase.ts). */
  stateSays?: Phrase[] | undefined;
  name: string | null;
  lastEntryDate: string | null;
  inboxCount: number | null;
  daysSinceStatement: number | null;
  daysSinceReconciliation: number | null;
  costsWithoutReceipt: number | null;
  volunteersNearLimit: number | null;
  grantsAttention: number | null;
  previousYearOpen: number | null;
  daysSinceBackup: number | null;
  verify: 'ok' | 'problems' | null;
  signals: OverviewSignal[];
  /** Sum of the signals' weights: the list is sorted on this, highest first. */
  attention: number;
}

export interface Overview {
  folder: string | null;
  today: string;
  rows: OverviewRow[];
}

export const overviewMethods = {
  'overview.scan': method<Overview>()(
    z
      .object({
        folder: FilePath.optional(),
        files: z.array(FilePath).max(500, { message: 'Kies hoogstens 500 bestanden.' }).optional(),
      })
      .refine((x) => x.folder !== undefined || (x.files?.length ?? 0) > 0, { message: 'Kies een map of een of meer bestanden.' }),
    { file: false },
  ),
} as const;
