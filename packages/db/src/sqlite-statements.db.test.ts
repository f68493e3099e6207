/**
 * SQLite specifics of openDatabase (issue 9 §2): Kysely's statements are prepared once and reused
 * (a bounded LRU), stay correct across schema changes, and the synchronous level and the planner's
 * statistics are set up as documented.
 */
import SQLite from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Database, migrate, openDatabase, optimize } from './database.ts';
import { CachedStatements } from './sqlite-statements.ts';
import { testDialects } from './testing.ts';

interface T {
  item: { id: Generated<number>; name: string; n: number };
}

describe.skipIf(!testDialects().includes('sqlite'))('SQLite statements and settings', () => {
  let database: Database | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await database?.destroy();
    database = undefined;
  });

  async function withItems() {
    database = openDatabase({});
    const db = database.db as unknown as Kysely<T>;
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'varchar(20)', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    return db;
  }

  it('prepares a repeated query once: the count of prepares stays flat across identical queries', async () => {
    const db = await withItems();
    const prepare = vi.spyOn(SQLite.prototype, 'prepare');
    const insert = (i: number) => db.insertInto('item').values({ name: `n${i}`, n: i }).executeTakeFirstOrThrow();
    const byN = (n: number) => db.selectFrom('item').select(['id', 'name']).where('n', '=', n).execute();

    const first = await insert(0);
    expect(first.insertId).toBe(1n);
    await byN(0);
    const afterFirst = prepare.mock.calls.length;
    expect(afterFirst).toBe(2);
    for (let i = 1; i <= 50; i++) {
      const r = await insert(i);
      // A reused writing statement still reports its own row.
      expect(r.insertId).toBe(BigInt(i + 1));
      expect(r.numInsertedOrUpdatedRows).toBe(1n);
      // A reused reading statement binds the new parameter.
      expect(await byN(i)).toEqual([{ id: i + 1, name: `n${i}` }]);
    }
    expect(prepare.mock.calls.length).toBe(afterFirst);

    // Transactions (begin / commit / rollback) reuse theirs too, and a rollback still undoes.
    await db.transaction().execute((trx) => trx.insertInto('item').values({ name: 'tx', n: 100 }).execute());
    const afterTx = prepare.mock.calls.length;
    for (let i = 0; i < 10; i++) {
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('item').values({ name: 'tx', n: 100 }).execute();
          throw new Error('undo');
        })
        .catch(() => {});
      await db.transaction().execute((trx) => trx.insertInto('item').values({ name: 'tx', n: 100 }).execute());
    }
    expect(prepare.mock.calls.length - afterTx).toBeLessThanOrEqual(1); // 'rollback', once
    expect((await byN(100)).length).toBe(11);
  });

  it('cached statements follow schema changes made after they were cached', async () => {
    const db = await withItems();
    await db.insertInto('item').values({ name: 'a', n: 1 }).execute();
    const all = () => db.selectFrom('item').selectAll().orderBy('id').execute() as Promise<Record<string, unknown>[]>;
    expect(await all()).toEqual([{ id: 1, name: 'a', n: 1 }]);
    const prepare = vi.spyOn(SQLite.prototype, 'prepare');

    // A new column (what a migration does): the cached `select *` now returns it.
    await db.schema.alterTable('item').addColumn('note', 'text', (c) => c.defaultTo('x')).execute();
    expect(await all()).toEqual([{ id: 1, name: 'a', n: 1, note: 'x' }]);
    // A new index, then the table dropped and made again with other columns: still right.
    await sql`create index item_n_idx on item (n)`.execute(db);
    expect(await all()).toEqual([{ id: 1, name: 'a', n: 1, note: 'x' }]);
    await db.schema.dropTable('item').execute();
    await expect(all()).rejects.toThrow(/no such table/);
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('other', 'text')
      .execute();
    await sql`insert into item (id, other) values (7, 'b')`.execute(db);
    expect(await all()).toEqual([{ id: 7, other: 'b' }]);
    // The select itself was never prepared again: SQLite re-prepared it inside the same statement.
    const selects = prepare.mock.calls.filter(([s]) => String(s).startsWith('select * from "item"'));
    expect(selects).toEqual([]);
  });

  it('is bounded: the least recently used statement is dropped first', () => {
    const raw = new SQLite(':memory:');
    const cache = new CachedStatements(raw, 3);
    for (const v of [1, 2, 3]) cache.prepare(`select ${v} as v`);
    expect(cache.prepared).toBe(3);
    cache.prepare('select 1 as v'); // a hit: 1 becomes the most recent
    cache.prepare('select 4 as v'); // evicts 2, the least recently used
    expect(cache.size).toBe(3);
    expect([cache.prepared, cache.hits]).toEqual([4, 1]);
    cache.prepare('select 1 as v');
    expect([cache.prepared, cache.hits]).toEqual([4, 2]);
    cache.prepare('select 2 as v');
    expect([cache.prepared, cache.hits]).toEqual([5, 2]);
    expect(cache.prepare('select 2 as v').all([])).toEqual([{ v: 2 }]);
    cache.close();
    expect(raw.open).toBe(false);
  });

  it('a statement still iterating is not handed out again: the second query gets its own', async () => {
    const raw = new SQLite(':memory:');
    const cache = new CachedStatements(raw);
    const first = cache.prepare('select value from json_each(?)');
    const rows = first.iterate(['[1,2,3]']);
    expect(rows.next().value).toEqual({ value: 1 });
    const second = cache.prepare('select value from json_each(?)');
    expect(second).not.toBe(first);
    expect(second.all(['[9]'])).toEqual([{ value: 9 }]);
    expect([...rows]).toEqual([{ value: 2 }, { value: 3 }]);
    expect(cache.prepare('select value from json_each(?)')).toBe(first);

    // Kysely's streaming (iterate) through the cache.
    const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: cache }) });
    const streamed: unknown[] = [];
    for await (const r of db.selectFrom(sql`json_each(${'[4,5]'})`.as('j')).select('value').stream()) {
      streamed.push(r);
    }
    expect(streamed).toEqual([{ value: 4 }, { value: 5 }]);
    await db.destroy();
  });

  it('synchronous is FULL by default and NORMAL on request', async () => {
    const level = async (d: Database) => (await sql<{ synchronous: number }>`pragma synchronous`.execute(d.db)).rows[0]!.synchronous;
    database = openDatabase({});
    expect(await level(database)).toBe(2);
    await database.destroy();
    database = openDatabase({ synchronous: 'normal' });
    expect(await level(database)).toBe(1);
  });

  it('migrate() leaves statistics behind, and optimize() refreshes those of a table that grew', async () => {
    database = openDatabase({});
    await migrate(database.db);
    const stat = async (idx: string) =>
      (await sql<{ stat: string }>`select stat from sqlite_stat1 where idx = ${idx}`.execute(database!.db)).rows[0]?.stat;
    // ANALYZE ran: the statistics table exists (empty tables have no rows in it yet).
    expect(await stat('matter_petitioner_registered_idx')).toBeUndefined();
    const tables = await sql<{ name: string }>`select name from sqlite_master where name = 'sqlite_stat1'`.execute(database.db);
    expect(tables.rows).toHaveLength(1);

    const db = database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto('hall').values({ code: 'H', name: 'h', kind: 'petition', active: 1 }).execute();
    await db
      .insertInto('admin_alert')
      .values(Array.from({ length: 400 }, (_, i) => ({ kind: 'k', key: `k${i}`, params: null, created_at: '2026-01-01' })))
      .execute();
    await db.selectFrom('admin_alert').select('id').where('key', '=', 'k1').execute();
    await optimize(database);
    expect((await stat('sqlite_autoindex_admin_alert_1'))?.split(' ')[0]).toBe('400');
  });
});
