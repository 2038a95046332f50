import fs from 'node:fs';
import path from 'node:path';
import type { Overview, OverviewRow } from '../../../shared/api/overview';
import { KassaError } from '../../../shared/errors';
import { joinSaid, said } from '../../../shared/phrase';
import type { Books } from '../../db/books';
import { listBackupFiles } from '../../backups/backups';
import { adminIdOf } from '../../backups/identity';
import { today as localToday } from '../clock';
import { openReadOnly } from './readOnly';
import { computeSignals } from './signals';

/**
 * "Mijn stichtingen" (issue 19): every .kassa file in a folder (or the files given), read one at a
 * time and closed again, sorted by what needs attention. The administration open in this window
 * is read through its own connection (it holds the lock; reading it changes nothing).
 */

const EMPTY = {
  name: null, lastEntryDate: null, inboxCount: null, daysSinceStatement: null, daysSinceReconciliation: null, costsWithoutReceipt: null,
  volunteersNearLimit: null, grantsAttention: null, previousYearOpen: null, daysSinceBackup: null, verify: null, signals: [],
} as const;

/** Weight of a file the overview could not read: the coach should look, but less than at real trouble. */
const STATE_WEIGHT = { 'in-use': 0, older: 1, newer: 1, 'not-kassa': 0, error: 3 } as const;

export function kassaFilesIn(folder: string): string[] {
  let names: string[];
  try {
    if (!fs.statSync(folder).isDirectory()) throw new KassaError('INVALID_INPUT', said('err.file.notAFolderQuoted', '"{{folder}}" is geen map.', { folder }), { field: 'folder' });
    names = fs.readdirSync(folder);
  } catch (e) {
    if (e instanceof KassaError) throw e;
    throw new KassaError('FILE_NOT_FOUND', said('err.file.folderUnreadable', 'De map "{{folder}}" bestaat niet of kan niet worden gelezen.', { folder }), { field: 'folder' });
  }
  return names.filter((n) => n.toLowerCase().endsWith('.kassa')).sort((a, b) => a.localeCompare(b, 'nl')).map((n) => path.join(folder, n));
}

export interface ScanOptions {
  settingsDir: string;
  /** The administration open in this session, if any. */
  open?: Books | null;
  today?: string;
}

function lastBackupDay(settingsDir: string, file: string, books: Books): string | null {
  // Backups are grouped by the administration's id (meta.admin_id), not by file name alone.
  const newest = listBackupFiles(settingsDir, file, adminIdOf(books))[0];
  return newest ? localToday(new Date(newest.date)) : null;
}

export async function scanRow(file: string, opts: ScanOptions): Promise<OverviewRow> {
  const abs = path.resolve(file);
  const base = { path: abs, file: path.basename(abs) };
  const today = opts.today ?? localToday();
  if (opts.open && path.resolve(opts.open.path) === abs) {
    const s = await computeSignals(opts.open, today, lastBackupDay(opts.settingsDir, abs, opts.open));
    const open = said('coachState.openHere', 'Nu geopend in dit venster.');
    return { ...base, state: 'ok', stateMessage: open.message, stateSays: open.says, ...s, attention: s.signals.reduce((t, x) => t + x.weight, 0) };
  }
  const r = openReadOnly(abs);
  if (r.state !== 'ok') return { ...base, ...EMPTY, signals: [], state: r.state, stateMessage: r.message, stateSays: r.says, attention: STATE_WEIGHT[r.state] };
  try {
    const s = await computeSignals(r.books, today, lastBackupDay(opts.settingsDir, abs, r.books));
    return { ...base, state: 'ok', stateMessage: null, ...s, attention: s.signals.reduce((t, x) => t + x.weight, 0) };
  } catch (e) {
    // A KassaError brings its own phrases; anything else (SQLite) its own words as the reason.
    const reason = e instanceof KassaError ? e.said : said('coachState.reason', '{{reason}}', { reason: (e as Error).message });
    const text = joinSaid(said('coachState.couldNotRead', 'Kon niet worden gelezen:'), reason);
    return { ...base, ...EMPTY, signals: [], state: 'error', stateMessage: text.message, stateSays: text.says, attention: STATE_WEIGHT.error };
  } finally {
    r.books.close();
  }
}

export async function scanOverview(input: { folder?: string | undefined; files?: string[] | undefined }, opts: ScanOptions): Promise<Overview> {
  const folder = input.folder ? path.resolve(input.folder) : null;
  const files = [...(folder ? kassaFilesIn(folder) : []), ...(input.files ?? []).map((f) => path.resolve(f))];
  const unique = [...new Set(files)];
  // One at a time: each file is opened, read and closed before the next.
  const rows: OverviewRow[] = [];
  for (const f of unique) rows.push(await scanRow(f, opts));
  rows.sort((a, b) => b.attention - a.attention || (a.name ?? a.file).localeCompare(b.name ?? b.file, 'nl'));
  return { folder, today: opts.today ?? localToday(), rows };
}
