/**
 * Prepared statements kept between queries on SQLite (issue 9 §2). Kysely's SqliteDialect calls
 * `database.prepare(sql)` for every query; preparing (parsing and planning) was 13.8 % of a
 * registration's CPU. Kysely compiles the same query shape to the same SQL string with `?`
 * parameters, so a bounded map from SQL to statement removes nearly all of it.
 *
 * Safe because better-sqlite3 statements are reusable (each `all`/`run`/`iterate` binds afresh and
 * resets the statement at the end), SQLite re-prepares a statement by itself when the schema changed
 * under it (sqlite3_prepare_v3), and Kysely uses only `reader`, `all`, `run` and `iterate`, never the
 * statement modes (`pluck`, `raw`, `expand`) that would stick to a shared statement. A statement an
 * unfinished `iterate` still holds is `busy`: such a query gets a fresh, uncached statement.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

export class CachedStatements implements SqliteDatabase {
  /** Least recently used first: a Map keeps insertion order, and a hit moves its entry to the end. */
  private readonly statements = new Map<string, SQLite.Statement>();
  /** Statements actually prepared (cache misses and busy statements), and queries served from the cache. */
  prepared = 0;
  hits = 0;

  constructor(
    readonly database: SQLite.Database,
    private readonly max = STATEMENT_CACHE_SIZE,
  ) {}

  prepare(sql: string): SQLite.Statement {
    const cached = this.statements.get(sql);
    if (cached) {
      if (cached.busy) {
        this.prepared++;
        return this.database.prepare(sql);
      }
      this.hits++;
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.database.prepare(sql);
    this.prepared++;
    this.statements.set(sql, statement);
    if (this.statements.size > this.max) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.database.close();
  }
}
