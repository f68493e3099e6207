/**
 * One way to open the database for the app and the tests: an embedded SQLite file (default) or
 * PostgreSQL (a postgres:// URL). Migrations run here on both.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { isPostgres } from './migrations/helpers.ts';
import { migrations } from './migrations/index.ts';
import { CachedStatements } from './sqlite-statements.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/**
 * SQLite's `synchronous` level (issue 9 §2; docs/operations.md "SQLite durability"). In WAL mode
 * both keep every committed transaction when the process crashes; `full` also keeps the last ones
 * through a power loss or an operating-system crash, at an fsync per commit; `normal` may lose the
 * transactions since the last checkpoint then, and syncs only at checkpoints.
 */
export type SqliteSynchronous = 'normal' | 'full';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL's connection URL (for a dedicated LISTEN connection); null on SQLite. */
  url: string | null;
  /**
   * Readiness: a trivial query answered within `timeoutMs`, else it throws an error that
   * isDatabaseUnavailable() recognises (code ETIMEDOUT, or the driver's own connection error).
   */
  ping(timeoutMs: number): Promise<void>;
  destroy(): Promise<void>;
}

async function pingWith(run: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`database did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
  });
  const query = run();
  query.catch(() => {}); // after a timeout the query may still fail: nobody waits for it any more
  try {
    await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const PREPARED_MARK = /^\/\*prepare:([a-z0-9_]+)\*\//;

/**
 * Marks a large, hot statement to be prepared once per connection on PostgreSQL (a named
 * statement); a comment for SQLite, whose statements are cached anyway (sqlite-statements.ts).
 */
export const preparedName = (name: string, text: string) => `/*prepare:${name}*/ ${text}`;

// COUNT(*) and bigint come back as strings from pg; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(opts: {
  url?: string | null;
  sqliteFile?: string;
  poolSize?: number;
  /** A pooled connection failed (server restart, terminated backend). Without a handler pg crashes the process. */
  onPoolError?: (err: Error) => void;
  /** PostgreSQL: how long to wait for a new connection before the request fails (default 3000 ms). */
  connectTimeoutMs?: number;
  /** SQLite: how long a writer waits for a lock held by another connection or process (default 5000 ms). */
  busyTimeoutMs?: number;
  /** SQLite: the `synchronous` level (default 'full': an acknowledged registration survives a power loss too). */
  synchronous?: SqliteSynchronous;
}): Database {
  if (opts.url && /^postgres(ql)?:\/\//.test(opts.url)) {
    // Fail fast while PostgreSQL is down (the request gets 503 db.unavailable) instead of hanging: each
    // new connection gives up after connectTimeoutMs. Set on the client, not the pool: the pool's own
    // connectionTimeoutMillis would also end requests merely queued for a free connection under load.
    const connectTimeoutMs = opts.connectTimeoutMs ?? 3000;
    class Client extends pg.Client {
      constructor(config?: string | pg.ClientConfig) {
        super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: connectTimeoutMs });
      }
      // A statement marked `/*prepare:<name>*/` (preparedName) becomes a named prepared statement of
      // this connection: parsed and planned once, not at every run (the case bundle took 3.6 ms to
      // plan and 0.7 ms to run).
      override query(...args: unknown[]): never {
        const [text, values] = args;
        const name = typeof text === 'string' ? PREPARED_MARK.exec(text)?.[1] : undefined;
        const call = super.query as (...a: unknown[]) => never;
        return name && args.length <= 2 ? call.call(this, { name, text, values }) : call.apply(this, args);
      }
    }
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      Client,
      // A connection cut without a FIN (network blip, failover) is noticed by TCP rather than never.
      keepAlive: true,
    });
    const onError = opts.onPoolError ?? ((err: Error) => console.warn(`PostgreSQL: a connection failed: ${err.message}`));
    pool.on('error', onError);
    // A terminated backend (57P01, failover, network blip) emits 'error' on the client, idle OR checked
    // out; pg-pool listens only while idle, and an unheard 'error' ends the process. Every pooled client
    // gets a permanent listener; the query in flight fails on its own (→ 503) and pg-pool discards the
    // broken client at release, so the pool reconnects by itself when the database is back.
    pool.on('connect', (client) => client.on('error', onError));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      url: opts.url,
      ping: (timeoutMs) => pingWith(() => sql`select 1`.execute(db), timeoutMs),
      destroy: () => db.destroy(),
    };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
  sqlite.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  // Kysely prepares every query it runs: keep the statements (see sqlite-statements.ts).
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new CachedStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    url: null,
    // Reads the schema page, so a missing or unreadable file fails here, not only later.
    ping: (timeoutMs) => pingWith(() => sql`select count(*) from sqlite_master`.execute(db), timeoutMs),
    destroy: () => db.destroy(),
  };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies the migrations not yet applied and returns their names. Keeps the planner's statistics
 * current (issue 9 §2): ANALYZE after any migration (new indexes, new tables), and on SQLite
 * `PRAGMA optimize=0x10002`, the form SQLite documents for a long-lived connection when it opens
 * (it analyzes the tables whose statistics are missing or stale); optimize() does the rest later.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length) await sql`analyze`.execute(db);
  if (!isPostgres(db)) await sql`pragma optimize=0x10002`.execute(db);
  return applied;
}

/**
 * Periodic statistics upkeep, for a long-lived process (the server runs it every few hours): SQLite
 * `PRAGMA optimize` re-analyzes only the tables whose size changed a lot since their last analysis,
 * usually in milliseconds. PostgreSQL needs nothing: autovacuum analyzes changed tables by itself.
 */
export async function optimize(database: Pick<Database, 'db' | 'dialect'>): Promise<void> {
  if (database.dialect === 'sqlite') await sql`pragma optimize`.execute(database.db);
}

/** Unique-constraint violations, however the driver reports them. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Errors a transaction may simply be run again for (transact() in the server retries them):
 * PostgreSQL serialization failure and deadlock; SQLite busy after the busy timeout.
 */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === '40001' || code === '40P01' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED';
}

const PG_CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /^timeout expired$/, // pg's client-side connect timeout (connectionTimeoutMillis)
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /terminating connection due to/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * The database cannot be reached or cannot take the write right now — not a bug of the request:
 * the error handler answers 503 db.unavailable with Retry-After. PostgreSQL: admin shutdown /
 * crash / cannot connect now (57P01–03), too many connections (53300), connection exceptions
 * (class 08), socket errors, "Connection terminated…", pool connect timeouts. SQLite: busy after the
 * busy timeout, disk full, read-only database, I/O errors, cannot open.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e !== 'object') return false;
    const code = typeof e.code === 'string' ? e.code : '';
    if (code) {
      if (PG_CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
      if (
        code.startsWith('SQLITE_BUSY') ||
        code === 'SQLITE_LOCKED' ||
        code === 'SQLITE_FULL' ||
        code.startsWith('SQLITE_READONLY') ||
        code.startsWith('SQLITE_IOERR') ||
        code.startsWith('SQLITE_CANTOPEN')
      ) {
        return true;
      }
    }
    const message = typeof e.message === 'string' ? e.message : '';
    if (!code && message && PG_CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
    if (e instanceof AggregateError) return e.errors.some((x) => isDatabaseUnavailable(x));
  }
  return false;
}
