/**
 * The tamper-evident audit trail end to end (R1.27, issue 8 §2), on every dialect:
 * - the administrator's verification endpoints (recorded, audited, admin only);
 * - tampering as the database owner (triggers bypassed): a changed actor and a deleted row are
 *   named as the first broken link by the API, the daily job and `npm run audit:verify`, and an
 *   administrator alert is raised;
 * - a truncated tail with a rewound head is noticed through the recorded head;
 * - PostgreSQL: many concurrent audited writes over two app instances on one database leave an
 *   intact chain with seq 1..N.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, openDatabase, repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import type { Ctx, Deps } from '../../context.ts';
import { audit } from '../../audit.ts';
import { transact } from '../../transact.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';
import { AuditVerifyService, walkChain } from './audit-verify.service.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const run = promisify(execFile);

/** As the database owner, around the triggers: what an attacker with database access can do. */
async function asOwner(t: TestApp, fn: () => Promise<unknown>) {
  const db = t.database.db;
  if (t.database.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(db);
    try {
      await fn();
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
    }
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
    try {
      await fn();
    } finally {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only (UPDATE)'); end`.execute(
        db,
      );
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only (DELETE)'); end`.execute(
        db,
      );
    }
  }
}

async function someChanges(t: TestApp, admin: string, n: number, tag: string) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/units',
      headers: { cookie: admin },
      payload: { name: `${tag}单位${i}`, kind: 'other' },
    });
    expect(res.statusCode).toBe(200);
    ids.push(json(res).id);
  }
  return ids;
}

describe.each(testDialects())('audit trail verification on %s', (dialect) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an administrator runs a verification: recorded, audited, shown as the last one', async () => {
    await someChanges(t, admin, 4, '甲');
    const empty = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit/verification',
      headers: { cookie: admin },
    });
    expect(empty.statusCode).toBe(200);
    expect(json(empty).last).toBeNull();

    const res = await t.app.inject({ method: 'POST', url: '/api/admin/audit/verify', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const v = json(res);
    expect(v).toMatchObject({ ok: true, source: 'admin', actorName: '系统管理员', problem: null, brokenId: null });
    expect(v.checked).toBeGreaterThanOrEqual(5); // sign-in rows and the four units, whoever writes them
    expect(v.message).toMatch(/审计链完整/);

    const last = json(
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/audit/verification',
        headers: { cookie: admin, 'accept-language': 'en' },
      }),
    ).last;
    expect(last).toMatchObject({ id: v.id, ok: true, actorName: '系统管理员' });
    expect(last.message).toMatch(/intact/);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.verify')
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ entity: 'audit_verification', entity_id: String(v.id), actor_id: last.actorId });
    // /api/audit keeps working and shows the chain position.
    const list = json(await t.app.inject({ method: 'GET', url: '/api/audit?limit=3', headers: { cookie: admin } })).items;
    expect(list[0]).toMatchObject({
      action: 'audit.verify',
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('an audit row commits or rolls back with its change (one transaction)', async () => {
    const count = async () => (await t.database.db.selectFrom('audit_log').select('id').execute()).length;
    const head = await repositories(t.database.db).audit.chainHead();
    const before = await count();
    const ctx = { actor: { id: 1, hallId: 1 } as Ctx['actor'], requestId: 'rollback-test', now: t.clock.now, lang: 'zh-CN' as const };
    await expect(
      transact(t.deps, async (r) => {
        await r.org.insertUnit({ name: '回滚单位', kind: 'other', division_code: null, active: 1 });
        await audit(r, ctx, { entity: 'unit', entityId: 0, action: 'unit.create' });
        throw new Error('the change fails after its audit call');
      }),
    ).rejects.toThrow(/fails/);
    expect(await count()).toBe(before);
    expect(await repositories(t.database.db).audit.chainHead()).toEqual(head);
    expect(await t.database.db.selectFrom('unit').select('id').where('name', '=', '回滚单位').executeTakeFirst()).toBeUndefined();
  });

  it('only the administrator runs one', async () => {
    const reception = await t.login('reception1');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/admin/audit/verify', headers: { cookie: reception } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/audit/verify' })).statusCode).toBe(401);
  });

  it.runIf(dialect === 'postgres')(
    'npm run audit:verify exits 0 with a one-line summary when intact',
    async () => {
      const env = {
        ...process.env,
        HALL_DATABASE_URL: t.database.url!,
        HALL_DATA_KEY: randomBytes(32).toString('base64'),
        HALL_LOG_LEVEL: 'silent',
      };
      const out = await run('npx', ['tsx', 'packages/server/src/audit-verify.ts'], { cwd: root, env });
      expect(out.stdout.trim()).toMatch(/^audit chain intact: \d+ entries checked, head seq \d+ hash [0-9a-f]{64}$/);
    },
    60_000,
  );

  it('names the first broken link after tampering around the triggers, and raises an alert', async () => {
    const db = t.database.db;
    const [, second, , fourth] = await someChanges(t, admin, 4, '乙');
    const reception1 = await db
      .selectFrom('staff_user')
      .select('id')
      .where('username', '=', 'reception1')
      .executeTakeFirstOrThrow();
    const row = (id: number) =>
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'unit')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow();
    const changed = await row(second!);
    const deleted = await row(fourth!);

    // With the triggers in place neither works.
    await expect(
      db.updateTable('audit_log').set({ actor_id: reception1.id }).where('id', '=', changed.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', deleted.id).execute()).rejects.toThrow(/append-only/);

    await asOwner(t, async () => {
      await db.updateTable('audit_log').set({ actor_id: reception1.id }).where('id', '=', changed.id).execute();
      await db.deleteFrom('audit_log').where('id', '=', deleted.id).execute();
    });

    const report = await walkChain(repositories(db));
    expect(report.broken).toMatchObject({ problem: 'content-hash', id: Number(changed.id), seq: changed.seq });

    const res = await t.app.inject({ method: 'POST', url: '/api/admin/audit/verify', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const v = json(res);
    expect(v).toMatchObject({
      ok: false,
      problem: 'content-hash',
      brokenId: Number(changed.id),
      brokenSeq: changed.seq,
    });
    expect(v.message).toContain(`第 ${changed.seq} 条`);

    const alerts = json(await t.app.inject({ method: 'GET', url: '/api/alerts', headers: { cookie: admin } }));
    const alert = alerts.alerts.find((a: { kind: string }) => a.kind === 'audit.chainBroken');
    expect(alert).toBeDefined();
    expect(alert.message).toContain(`第 ${changed.seq} 条`);

    // Had only the row been deleted, the gap is named at the row after it.
    await asOwner(t, async () => {
      await db.updateTable('audit_log').set({ actor_id: changed.actor_id }).where('id', '=', changed.id).execute();
    });
    const gap = await walkChain(repositories(db));
    expect(gap.broken).toMatchObject({
      problem: 'seq-gap',
      expected: `seq ${deleted.seq}`,
      actual: `seq ${Number(deleted.seq) + 1}`,
    });
  });

  it('the daily verification runs once a day, records itself and keeps the alert open', async () => {
    const service = new AuditVerifyService(t.deps);
    const first = await service.runDaily(t.clock.now);
    expect(first).toMatchObject({ source: 'daily', ok: 0, problem: 'seq-gap', daily_on: '2026-11-30' });
    expect(await service.runDaily(t.clock.now)).toBeNull();
    const open = await repositories(t.database.db).calendar.openAlerts();
    expect(open.map((a) => a.kind)).toContain('audit.chainBroken');
  });

  it.runIf(dialect === 'postgres')(
    'npm run audit:verify prints the first broken link and exits non-zero',
    async () => {
      const env = {
        ...process.env,
        HALL_DATABASE_URL: t.database.url!,
        HALL_DATA_KEY: randomBytes(32).toString('base64'),
        HALL_LOG_LEVEL: 'silent',
      };
      const err = await run('npx', ['tsx', 'packages/server/src/audit-verify.ts'], { cwd: root, env }).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect((err as { code: number }).code).toBe(1);
      expect((err as { stdout: string }).stdout).toMatch(
        /audit chain BROKEN: seq-gap at entry seq \d+ \(audit_log id \d+\)/,
      );
    },
    60_000,
  );
});

describe.runIf(testDialects().includes('sqlite'))('npm run audit:verify on the embedded SQLite file', () => {
  it('exits 0 with a summary when intact, 1 with the first broken link after tampering', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-audit-'));
    try {
      const database = openDatabase({ sqliteFile: path.join(dir, 'hall.sqlite') });
      await migrate(database.db);
      for (let i = 0; i < 3; i++) {
        await database.db
          .transaction()
          .execute((trx) =>
            repositories(trx).audit.append({
              at: '2026-12-04T01:00:00.000Z',
              actorId: 1,
              requestId: `r${i}`,
              entity: 'unit',
              entityId: i,
              action: 'unit.create',
            }),
          );
      }
      await database.destroy();
      const env: NodeJS.ProcessEnv = { ...process.env, HALL_DATA_DIR: dir, HALL_LOG_LEVEL: 'silent' };
      delete env.HALL_DATABASE_URL;
      const ok = await run('npx', ['tsx', 'packages/server/src/audit-verify.ts'], { cwd: root, env });
      expect(ok.stdout).toMatch(/^audit chain intact: 3 entries checked, head seq 3 hash [0-9a-f]{64}\n$/);

      const file = new SQLite(path.join(dir, 'hall.sqlite'));
      file.exec('drop trigger audit_log_no_delete');
      file.prepare('delete from audit_log where seq = 2').run();
      file.close();
      const err = (await run('npx', ['tsx', 'packages/server/src/audit-verify.ts'], { cwd: root, env }).catch(
        (e: unknown) => e,
      )) as {
        code: number;
        stdout: string;
      };
      expect(err.code).toBe(1);
      expect(err.stdout).toMatch(
        /audit chain BROKEN: seq-gap at entry seq 3 \(audit_log id 3\): expected seq 2, found seq 3/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.each(testDialects())('a truncated tail on %s', (dialect) => {
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
  });

  it('is noticed through the head an earlier verification recorded, even with the chain head rewound', async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin');
    await someChanges(t, admin, 3, '丙');
    const ok = json(await t.app.inject({ method: 'POST', url: '/api/admin/audit/verify', headers: { cookie: admin } }));
    expect(ok.ok).toBe(true);
    const db = t.database.db;
    // Delete everything after the third row and rewind the chain head to it: the chain itself is consistent.
    const third = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await asOwner(t, async () => {
      await db.deleteFrom('audit_log').where('seq', '>', 3).execute();
      await db.updateTable('audit_chain_head').set({ seq: 3, hash: third.hash! }).where('id', '=', 1).execute();
    });
    const report = await walkChain(repositories(db));
    expect(report.broken).toMatchObject({ problem: 'recorded-head', seq: ok.headSeq });
    // Without rewinding the head, the head itself tells.
  });
});

describe.runIf(testDialects().includes('postgres'))('concurrent audited writes over two instances on postgres', () => {
  let t: TestApp;
  let secondDb: Database | undefined;
  let second: FastifyInstance | undefined;
  let secondDeps: Deps | undefined;

  beforeAll(async () => {
    t = await createTestApp('postgres', { poolSize: 8 });
    secondDb = openDatabase({ url: t.database.url, poolSize: 8, onPoolError: () => {} });
    const built = await buildApp({
      config: testConfig(),
      database: secondDb,
      key: randomBytes(32),
      clock: () => t.clock.now,
    });
    second = built.app;
    secondDeps = built.deps;
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.destroy();
    await t?.close();
  });

  it('leaves one intact chain, seq 1..N without gaps', async () => {
    const apps = [t.app, second!];
    const admin = await t.login('admin');
    const registrar = await t.login('registrar');
    const service = await t.database.db
      .selectFrom('queue_service')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Units, kiosk tickets (no actor; the queue's sequence row is locked too) and staff tickets, all at once.
    const N = 90;
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const app = apps[i % 2]!;
        if (i % 3 === 0)
          return app.inject({
            method: 'POST',
            url: '/api/admin/units',
            headers: { cookie: admin },
            payload: { name: `并发单位${i}`, kind: 'other' },
          });
        if (i % 3 === 1)
          return app.inject({
            method: 'POST',
            url: '/api/public/halls/SZ/tickets',
            payload: { serviceId: service.id },
          });
        return app.inject({
          method: 'POST',
          url: '/api/queue/tickets',
          headers: { cookie: registrar },
          payload: { serviceId: service.id },
        });
      }),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    const rows = await t.database.db.selectFrom('audit_log').select(['seq']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(N);
    const report = await walkChain(repositories(t.database.db));
    expect(report).toMatchObject({ ok: true, checked: rows.length });
  });

  it('the daily verification runs on one instance per day', async () => {
    const runs = await Promise.all(
      [t.deps, secondDeps!, t.deps, secondDeps!].map((d) => new AuditVerifyService(d).runDaily(t.clock.now)),
    );
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(runs.find(Boolean)).toMatchObject({ ok: 1, source: 'daily' });
    const daily = await t.database.db
      .selectFrom('audit_verification')
      .select('id')
      .where('source', '=', 'daily')
      .execute();
    expect(daily).toHaveLength(1);
  });
});
