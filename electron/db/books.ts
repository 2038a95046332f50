import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema';
import { translateDbError } from './errors';
import { trackOpen, untrackOpen } from './openFiles';

/**
 * One open administration. Kysely only *builds* queries here (DummyDriver); they run synchronously
 * on better-sqlite3, so a whole user action is one synchronous SQLite transaction (tx) and no other
 * call can interleave with it.
 */
export class Books {
  private builder: Kysely<DB> | undefined;
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(readonly path: string, readonly sqlite: Database.Database) {
    trackOpen(path);
  }

  /** The query builder, made at first use: raw-SQL paths (a CLI report) never load kysely. */
  get db(): Kysely<DB> {
    this.builder ??= queryBuilder();
    return this.builder;
  }

  private prepare(sql: string): Database.Statement {
    let st = this.stmts.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql);
      this.stmts.set(sql, st);
    }
    return st;
  }

  private compile(q: Compilable<unknown> | CompiledQuery<unknown>): CompiledQuery<unknown> {
    return 'compile' in q ? q.compile() : q;
  }

  all<R>(q: Compilable<R> | CompiledQuery<R>): R[] {
    const c = this.compile(q as Compilable<unknown>);
    try {
      return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
    } catch (e) {
      throw translateDbError(e);
    }
  }

  first<R>(q: Compilable<R> | CompiledQuery<R>): R | undefined {
    const c = this.compile(q as Compilable<unknown>);
    try {
      const st = this.prepare(c.sql);
      return (st.reader ? st.get(...(c.parameters as unknown[])) : undefined) as R | undefined;
    } catch (e) {
      throw translateDbError(e);
    }
  }

  run(q: Compilable<unknown> | CompiledQuery<unknown>): { changes: number; lastInsertRowid: number } {
    const c = this.compile(q);
    try {
      const st = this.prepare(c.sql);
      if (st.reader) {
        // INSERT … RETURNING
        const row = st.get(...(c.parameters as unknown[])) as Record<string, unknown> | undefined;
        return { changes: row ? 1 : 0, lastInsertRowid: Number(row?.id ?? 0) };
      }
      const r = st.run(...(c.parameters as unknown[]));
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    } catch (e) {
      throw translateDbError(e);
    }
  }

  /** Raw SQL for the few hot paths (reports, bulk demo) where a builder adds nothing. */
  raw(sql: string): Database.Statement {
    return this.prepare(sql);
  }

  /** Run fn in one transaction (nested calls become savepoints). Any throw rolls everything back. */
  tx<T>(fn: () => T): T {
    try {
      return this.sqlite.transaction(fn)();
    } catch (e) {
      throw translateDbError(e);
    }
  }

  close(): void {
    this.stmts.clear();
    untrackOpen(this.path);
    if (this.sqlite.open) this.sqlite.close();
  }
}

export function queryBuilder(): Kysely<DB> {
  const { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } = require('kysely') as typeof import('kysely');
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
