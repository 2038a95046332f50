import { Kysely, sql } from 'kysely';

/**
 * Statements after the RJ models (issue 16).
 *
 * - The default chart gains the accounts a small stichting needs for the balance-sheet sections
 *   that were missing: a deposit (0200, financiële vaste activa), a provision (0600 voorzieningen)
 *   and its yearly addition (4150), a long-term loan (0700 langlopende schulden) and its interest
 *   (4700), and stock (3000 voorraden). Existing administrations get each one only when its code
 *   is still free: a treasurer's own account with that code is left alone. A file that is being
 *   created has no organisation yet; the new administration then gets the accounts from the chart.
 *   The rows are written out here (not read from shared/chart.ts) so this step never changes later.
 * - `objectives`: the organisation's objectives (doelstellingen) for "Besteed aan doelstellingen"
 *   per objective in the RJ 650 statement.
 * - `allocation_keys`: per cost account its shares over the objectives, fundraising (werving) and
 *   management and administration (beheer), in basis points (10000 = 100 %). No rows: the account
 *   stays 100 % on its own line, as before.
 */
// The RGS code is written here as data (as in shared/rgs.ts when this migration was made): 0009 fills
// codes before these accounts exist, and a migration must not change with later edits of the mapping.
const NEW_ACCOUNTS: [code: string, name: string, type: string, rj650: string, rj640: string, rgs: string][] = [
  ['0200', 'Waarborgsommen', 'asset', 'financiele_vaste_activa', 'financiele_vaste_activa', 'BFva'],
  ['0600', 'Voorziening groot onderhoud', 'liability', 'voorzieningen', 'voorzieningen', 'BVrz'],
  ['0700', 'Langlopende lening', 'liability', 'langlopende_schulden', 'langlopende_schulden', 'BLas'],
  ['3000', 'Voorraad', 'asset', 'voorraden', 'voorraden', 'BVrd'],
  ['4150', 'Dotatie voorziening groot onderhoud', 'expense', 'besteed_doelstellingen', 'lasten_huisvesting', 'WBedHui'],
  ['4700', 'Rente en kosten leningen', 'expense', 'financiele_baten_lasten', 'financiele_lasten', 'WFbe'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [code, name, type, rj650, rj640, rgs] of NEW_ACCOUNTS) {
    await sql`INSERT INTO accounts (code, name, type, line_rj650, line_rj640, rgs_code, kind, iban, archived)
      SELECT ${code}, ${name}, ${type}, ${rj650}, ${rj640}, ${rgs}, NULL, NULL, 0
      WHERE EXISTS (SELECT 1 FROM organisation) AND NOT EXISTS (SELECT 1 FROM accounts WHERE code = ${code})`.execute(db);
  }
  const statements = [
    `CREATE TABLE objectives (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
      position INTEGER NOT NULL
    ) STRICT`,
    `CREATE UNIQUE INDEX objectives_name ON objectives(lower(name))`,
    `CREATE TABLE allocation_keys (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES accounts(id),
      target TEXT NOT NULL CHECK (target IN ('doelstelling','werving','beheer')),
      objective_id INTEGER REFERENCES objectives(id),
      share_bp INTEGER NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
      CHECK ((target = 'doelstelling') = (objective_id IS NOT NULL))
    ) STRICT`,
    `CREATE UNIQUE INDEX allocation_keys_target ON allocation_keys(account_id, target, coalesce(objective_id, 0))`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
