import { Kysely, sql } from 'kysely';

/**
 * Issue 17.
 * - `meta.admin_id`: a random id per administration (128 bits, hex). Backups carry it (they are
 *   copies of the file), so the backup code keeps the copies of two administrations apart even when
 *   their files have the same name, and never rotates away or restores another one's copy. A new
 *   file gets it here too (every migration runs when a file is created). A copy of the file keeps
 *   the id: it is the same administration.
 * - A line's amount is at most € 999.999.999,99 (99,999,999,999 cents), also when something other
 *   than the app writes: so every sum of lines the app can build stays an exact integer. A trigger,
 *   because adding a CHECK to an existing SQLite table means rebuilding it.
 */
export const MAX_LINE_CENTS = 99_999_999_999;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `INSERT OR IGNORE INTO meta (key, value) VALUES ('admin_id', lower(hex(randomblob(16))))`,
    `CREATE TRIGGER lines_amount_cap_insert BEFORE INSERT ON lines
       WHEN abs(NEW.amount_cents) > ${MAX_LINE_CENTS}
     BEGIN SELECT RAISE(ABORT, 'AMOUNT_TOO_LARGE'); END`,
    `CREATE TRIGGER lines_amount_cap_update BEFORE UPDATE OF amount_cents ON lines
       WHEN abs(NEW.amount_cents) > ${MAX_LINE_CENTS}
     BEGIN SELECT RAISE(ABORT, 'AMOUNT_TOO_LARGE'); END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Downgrades are not supported: restore a backup instead.');
}
