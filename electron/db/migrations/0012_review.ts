import { Kysely, sql } from 'kysely';

/**
 * The kascommissie review (issue 19, DESIGN.md section 11).
 *
 * - `reviews`: one review of one fiscal year by the audit committee: the day, the amount above
 *   which a cost needs a receipt, the sample's size and seed, and how it ended. While a review is
 *   'active' the dispatcher refuses every method that writes the books (electron/books/review/guard.ts).
 *   At most one review is active in a file (partial unique index).
 * - `review_reviewers`: the committee's members, in the order they sign.
 * - `review_sample`: the entries drawn for the sample (all of € 1,000 or more plus the seeded
 *   random draw), kept so the report lists exactly what was looked at; the seed redraws it.
 * - `review_remarks`: everything said during the review, append-only and numbered per review:
 *   checklist outcomes and sample marks (akkoord / vraag / niet akkoord with a remark), questions
 *   and the treasurer's answers, the counted cash and balances typed from paper statements. A mark
 *   is changed by a newer remark on the same target, so nothing said is ever rewritten; each
 *   remark is a fact in the history chain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      year INTEGER NOT NULL REFERENCES fiscal_years(year),
      number INTEGER NOT NULL CHECK (number >= 1),
      review_date TEXT NOT NULL,
      started_at TEXT NOT NULL,
      threshold_cents INTEGER NOT NULL CHECK (threshold_cents >= 0),
      large_cents INTEGER NOT NULL CHECK (large_cents > 0),
      sample_size INTEGER NOT NULL CHECK (sample_size BETWEEN 0 AND 500),
      seed INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','finished','stopped')),
      finished_at TEXT,
      conclusion TEXT CHECK (conclusion IN ('discharge','discharge_with_remarks','no_discharge')),
      conclusion_text TEXT,
      UNIQUE (year, number)
    ) STRICT`,
    `CREATE UNIQUE INDEX reviews_one_active ON reviews(status) WHERE status = 'active'`,
    // A review only ever moves from active to finished or stopped; what it was about never changes.
    `CREATE TRIGGER reviews_update BEFORE UPDATE ON reviews
     WHEN OLD.status <> 'active' OR NEW.status = 'active' OR NEW.year <> OLD.year OR NEW.number <> OLD.number
       OR NEW.review_date <> OLD.review_date OR NEW.started_at <> OLD.started_at OR NEW.threshold_cents <> OLD.threshold_cents
       OR NEW.large_cents <> OLD.large_cents OR NEW.sample_size <> OLD.sample_size OR NEW.seed <> OLD.seed
     BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
    `CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,

    `CREATE TABLE review_reviewers (
      review_id INTEGER NOT NULL REFERENCES reviews(id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      PRIMARY KEY (review_id, position)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TRIGGER review_reviewers_no_update BEFORE UPDATE ON review_reviewers BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
    `CREATE TRIGGER review_reviewers_no_delete BEFORE DELETE ON review_reviewers BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,

    `CREATE TABLE review_sample (
      review_id INTEGER NOT NULL REFERENCES reviews(id),
      position INTEGER NOT NULL,
      entry_id INTEGER NOT NULL REFERENCES entries(id),
      reason TEXT NOT NULL CHECK (reason IN ('large','random')),
      PRIMARY KEY (review_id, position)
    ) STRICT, WITHOUT ROWID`,
    `CREATE TRIGGER review_sample_no_update BEFORE UPDATE ON review_sample BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
    `CREATE TRIGGER review_sample_no_delete BEFORE DELETE ON review_sample BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,

    `CREATE TABLE review_remarks (
      id INTEGER PRIMARY KEY,
      review_id INTEGER NOT NULL REFERENCES reviews(id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('checklist','sample','question','answer','cash_count','paper_balance')),
      target TEXT NOT NULL,
      verdict TEXT CHECK (verdict IN ('akkoord','vraag','niet_akkoord')),
      text TEXT,
      amount_cents INTEGER,
      date TEXT,
      author TEXT NOT NULL,
      at TEXT NOT NULL,
      UNIQUE (review_id, seq)
    ) STRICT`,
    // Remarks are only added while their review is active; never changed or removed.
    `CREATE TRIGGER review_remarks_active BEFORE INSERT ON review_remarks
     WHEN (SELECT status FROM reviews WHERE id = NEW.review_id) IS NOT 'active'
     BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
    `CREATE TRIGGER review_remarks_no_update BEFORE UPDATE ON review_remarks BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
    `CREATE TRIGGER review_remarks_no_delete BEFORE DELETE ON review_remarks BEGIN SELECT RAISE(ABORT, 'REVIEW_FINAL'); END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The books are never migrated down; restore the backup copy instead.');
}
