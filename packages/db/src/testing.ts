/**
 * Test databases: each test file gets a fresh, migrated database per dialect named in DIALECTS
 * (default: both). PostgreSQL tests connect to HALL_PG_URL and fail, never skip, when it is down.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Kysely, Migrator } from 'kysely';
import { type Database, type Dialect, migrate, openDatabase } from './database.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

async function migrateUpTo(db: Kysely<DB>, name: string) {
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(name);
  if (error) throw error;
}

export function testDialects(): Dialect[] {
  const raw = process.env.DIALECTS ?? 'sqlite,postgres';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Dialect => s === 'sqlite' || s === 'postgres');
}

export const pgAdminUrl = () => process.env.HALL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** The connection URL (PostgreSQL) or file (SQLite), for a second app instance on the same data. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  dialect: Dialect,
  opts: {
    poolSize?: number;
    /** SQLite: a file instead of :memory: (tests that read the file itself). */
    sqliteFile?: string;
    /** Migrate only up to this migration (upgrade tests); `migrate()` later goes on to the latest. */
    migrateTo?: string;
  } = {},
): Promise<TestDatabase> {
  const up = (db: Kysely<DB>) => (opts.migrateTo ? migrateUpTo(db, opts.migrateTo) : migrate(db));
  if (dialect === 'sqlite') {
    const file = opts.sqliteFile ?? ':memory:';
    const database = openDatabase({ sqliteFile: file });
    await up(database.db);
    return { ...database, url: null, drop: () => database.destroy() };
  }
  const name = `hall_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  // Dropping the database with FORCE ends connections the pool is still closing: expected here.
  const database = openDatabase({ url: url.toString(), poolSize: opts.poolSize, onPoolError: () => {} });
  await up(database.db);
  return {
    ...database,
    url: url.toString(),
    async drop() {
      await database.destroy();
      const c = new pg.Client({ connectionString: pgAdminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
