/**
 * The audit chain in the database (R1.27), on every dialect: the migration chains rows that were
 * there before it (computed in the migration itself, agreeing with audit-chain.ts), appends keep
 * the chain, and the triggers refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL).
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain.ts';
import { migrations } from './migrations/index.ts';
import { repositories } from './repositories.ts';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, migrate, openDatabase } from './database.ts';
import { pgAdminUrl, testDialects } from './testing.ts';

/** A fresh database migrated only up to the migration before the chain. */
async function unchainedDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ db: Database; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDatabase({ sqliteFile: ':memory:' });
    return { db, drop: () => db.destroy() };
  }
  const name = `hall_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
  );
  await admin.end();
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  const db = openDatabase({ url: url.toString(), onPoolError: () => {} });
  return {
    db,
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: pgAdminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe.each(testDialects())('audit chain in the database on %s', (dialect) => {
  let t: { db: Database['db']; drop(): Promise<void> };
  let opened: { db: Database; drop(): Promise<void> };
  const rows = async () =>
    (await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({ ...r, id: Number(r.id) }));

  beforeAll(async () => {
    opened = await unchainedDatabase(dialect);
    t = { db: opened.db.db, drop: opened.drop };
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('the migration chains the rows written before it, in id order', async () => {
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '20261204000000_audit_chain'),
    );
    const early = await new Migrator({ db: t.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(early.error).toBeUndefined();
    // Plain rows as the app wrote them before the chain.
    for (let i = 1; i <= 5; i++) {
      await sql`insert into audit_log (at, actor_id, request_id, entity, entity_id, action, before_data, after_data)
        values (${`2026-12-01T0${i}:00:00.000Z`}, ${i === 3 ? null : i}, ${`req-${i}`}, 'matter', ${String(i)}, 'matter.update', ${i % 2 ? null : '{"a":1}'}, '{"b":"变更"}')`.execute(
        t.db,
      );
    }
    await migrate(t.db);
    const chained = await rows();
    expect(chained.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    const head = await repositories(t.db).audit.chainHead();
    expect(head).toEqual({ seq: 5, hash: chained[4]!.hash });
    // The migration's frozen copy agrees with the app's verifier.
    expect(verifyAuditChain(chained, { head })).toMatchObject({ ok: true, checked: 5 });
  });

  it('appends continue the chain', async () => {
    const r = repositories(t.db);
    for (let i = 0; i < 3; i++) {
      await t.db.transaction().execute(async (trx) => {
        await repositories(trx).audit.append({
          at: '2026-12-04T01:00:00.000Z',
          actorId: 1,
          requestId: `a-${i}`,
          hallId: 1,
          entity: 'unit',
          entityId: i,
          action: 'unit.create',
          after: { n: i },
        });
      });
    }
    const all = await rows();
    expect(all.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all[5]!.prev_hash).toBe(all[4]!.hash);
    expect(verifyAuditChain(all, { head: await r.audit.chainHead() }).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE on the audit table (and TRUNCATE on PostgreSQL)', async () => {
    await expect(t.db.updateTable('audit_log').set({ actor_id: 2 }).where('seq', '=', 2).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').where('seq', '=', 4).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect((await rows()).length).toBe(8);
  });
});
