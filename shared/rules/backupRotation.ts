/**
 * Which automatic backups to keep. A pure rule (dates in, decision out) so it is tested on its own:
 *
 * - the newest KEEP_LAST backups are always kept, however old they are (an administration that was
 *   not opened for years must not lose its last copies);
 * - of every calendar month in the last KEEP_MONTHS months (7 years: the Dutch retention duty for
 *   the books), the newest backup of that month is kept;
 * - everything else is removed.
 *
 * Months are calendar months in UTC, read from the backup's timestamp; a backup whose timestamp
 * cannot be read is never removed (the rule only removes what it understands).
 */

export const KEEP_LAST = 10;
export const KEEP_MONTHS = 84;

export interface BackupStamp {
  /** Anything that identifies the backup (its path). */
  id: string;
  /** When it was made: an ISO timestamp in UTC, e.g. "2026-03-31T14:05:09.123Z". */
  at: string;
}

export interface RotationOptions {
  keepLast?: number;
  keepMonths?: number;
}

export interface RotationDecision {
  /** Newest first. */
  keep: string[];
  /** Newest first. */
  remove: string[];
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/** Milliseconds since the epoch of an ISO UTC timestamp, or null when it is not one. */
export function parseUtc(at: string): number | null {
  const m = ISO_UTC.exec(at);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return t;
}

/** Months since year 0 of a UTC time: 2026-03 -> 2026 * 12 + 2. */
function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * Decide which backups to keep at time `now`. Ties (same timestamp) are broken by id, so the
 * outcome never depends on the order the files were listed in.
 */
export function rotateBackups(items: readonly BackupStamp[], now: Date, opts: RotationOptions = {}): RotationDecision {
  const keepLast = opts.keepLast ?? KEEP_LAST;
  const keepMonths = opts.keepMonths ?? KEEP_MONTHS;
  const nowMonth = monthIndex(now.getTime());

  const readable: { id: string; t: number }[] = [];
  const unreadable: string[] = [];
  for (const it of items) {
    const t = parseUtc(it.at);
    if (t === null) unreadable.push(it.id);
    else readable.push({ id: it.id, t });
  }
  readable.sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  const keep = new Set<string>(unreadable);
  readable.slice(0, Math.max(0, keepLast)).forEach((b) => keep.add(b.id));
  const monthsSeen = new Set<number>();
  for (const b of readable) {
    const m = monthIndex(b.t);
    // Within the window: this month and the keepMonths - 1 before it. A backup dated in the future
    // (made while the clock was wrong) is inside the window too.
    if (nowMonth - m >= keepMonths) continue;
    if (monthsSeen.has(m)) continue;
    monthsSeen.add(m);
    keep.add(b.id);
  }

  const ordered = [...readable.map((b) => b.id), ...unreadable];
  return { keep: ordered.filter((id) => keep.has(id)), remove: ordered.filter((id) => !keep.has(id)) };
}
