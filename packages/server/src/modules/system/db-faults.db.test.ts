/**
 * Database faults (issue 8 §1): no fault ends the process; a request whose connection is lost gets
 * 503 db.unavailable with Retry-After; the app reconnects by itself; acknowledged registrations are
 * never lost (kill -9 on both databases); SQLite full / read-only → 503 while reads go on; a busy
 * SQLite waits (busy_timeout) and a busy snapshot is retried by transact().
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DB, isDatabaseUnavailable, migrate, openDatabase } from '@hall/db';
import { createTestDatabase, pgAdminUrl, testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { seedDemo } from '../../demo/seed.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';
import {
  type Answer,
  call,
  newKey,
  registrationFactory,
  residentId,
  type ServerProcess,
  signIn,
  startPgProxy,
  startServer,
  StopWaiting,
  waitFor,
} from './fault.testing.ts';

const dialects = testDialects();

interface Acked {
  matterId: number;
  petitionNo: string;
}

/** 16 registration loops against one server; every answer is kept, every 200 is "acknowledged". */
function registrationLoad(
  base: string,
  cookie: string,
  build: (k: number) => unknown,
  opts: { max: number; firstK?: number },
) {
  const answers: (Answer & { k: number })[] = [];
  const acked = new Map<number, Acked>();
  let next = opts.firstK ?? 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < (opts.firstK ?? 0) + opts.max) {
      const k = next++;
      let a: Answer;
      try {
        a = await call(base, 'POST', '/api/registrations', { cookie, body: build(k) });
      } catch (err) {
        a = { status: 0, body: String(err), retryAfter: null };
      }
      answers.push({ ...a, k });
      if (a.status === 0) return; // the server is gone (kill -9)
      if (a.status === 200) acked.set(k, JSON.parse(a.body) as Acked);
      else await new Promise((r) => setTimeout(r, 20));
    }
  };
  const workers = Array.from({ length: 16 }, worker);
  return {
    answers,
    acked,
    async stop() {
      stopped = true;
      await Promise.all(workers);
    },
    done: () => Promise.all(workers),
  };
}

/** Every acknowledged registration is there, with its number and its own text. */
async function expectIntact(base: string, cookie: string, acked: Map<number, Acked>) {
  const ks = [...acked.keys()];
  for (let i = 0; i < ks.length; i += 8) {
    await Promise.all(
      ks.slice(i, i + 8).map(async (k) => {
        const want = acked.get(k)!;
        const res = await call(base, 'GET', `/api/matters/${want.matterId}`, { cookie });
        expect(res.status, `matter of registration ${k}`).toBe(200);
        const m = JSON.parse(res.body);
        expect(m.petitionNo).toBe(want.petitionNo);
        expect(m.demands).toBe(`要求公司支付拖欠的工资（第${k}号测试）`);
        expect(m.idNumberMasked.slice(-4)).toBe(residentId(k).slice(-4));
      }),
    );
  }
}

/** Every registration in the database is whole: its units, its timeline event and its audit row committed with it. */
async function expectNothingHalfWritten(db: Kysely<DB>) {
  const matters = await db.selectFrom('matter').select('id').execute();
  const withUnit = new Set((await db.selectFrom('matter_unit').select('matter_id').execute()).map((r) => r.matter_id));
  const audited = new Set(
    (await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'matter.register').execute()).map((r) =>
      Number(r.entity_id),
    ),
  );
  expect(matters.filter((m) => !withUnit.has(m.id) || !audited.has(m.id))).toEqual([]);
}

function expectOnly2xxOr503(answers: Answer[]) {
  const bad = answers.filter((a) => a.status !== 200 && a.status !== 503);
  expect(bad.slice(0, 3), 'answers other than 200 / 503').toEqual([]);
  for (const a of answers.filter((x) => x.status === 503)) {
    expect(JSON.parse(a.body).error).toBe('db.unavailable');
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
  }
}

describe.runIf(dialects.includes('postgres'))('PostgreSQL faults under load (a real server process)', () => {
  it('stays up through three rounds of terminated backends and a network outage; 200 or 503 only; nothing acknowledged is lost', async () => {
    const tdb = await createTestDatabase('postgres');
    const direct = new URL(tdb.url!);
    const proxy = await startPgProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(tdb.url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const admin = new pg.Client({ connectionString: pgAdminUrl() });
    await admin.connect();
    let server: ServerProcess | undefined;
    try {
      server = await startServer({ HALL_DATABASE_URL: viaProxy.toString(), HALL_DATA_KEY: newKey() });
      const base = server.base;
      const up = server;
      /** `cond`, failing at once when the server process has died. */
      const live = (cond: () => boolean) => () => {
        if (!up.alive()) throw new StopWaiting(`the server process exited:\n${up.output().slice(-3000)}`);
        return cond();
      };
      const cookie = await signIn(base, 'registrar');
      const load = registrationLoad(base, cookie, await registrationFactory(base, cookie), { max: 5000 });

      // Three times: with registrations in flight, every backend of the hall's database is terminated.
      const terminated: number[] = [];
      for (let round = 0; round < 3; round++) {
        const target = load.acked.size + 15;
        await waitFor(
          `${target} acknowledged registrations`,
          live(() => load.acked.size >= target),
          30_000,
        );
        const res = await admin.query<{ t: boolean }>(
          'select pg_terminate_backend(pid) as t from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [direct.pathname.slice(1)],
        );
        terminated.push(res.rows.filter((r) => r.t).length);
        expect(server.alive()).toBe(true);
      }
      expect(terminated.every((n) => n > 0)).toBe(true);
      // The pool reconnected by itself: registrations are acknowledged again.
      const afterKills = load.acked.size;
      await waitFor(
        'registrations after the terminations',
        live(() => load.acked.size >= afterKills + 15),
        30_000,
      );

      // An outage: the database is unreachable. Readiness says so, requests get 503 quickly, the process stays up.
      proxy.cut();
      const during = load.answers.length;
      await waitFor('ready → 503', async () => (await call(base, 'GET', '/api/health/ready')).status === 503, 15_000);
      const ready503 = await call(base, 'GET', '/api/health/ready');
      expect(ready503.status).toBe(503);
      expect(JSON.parse(ready503.body)).toMatchObject({ error: 'db.unavailable' });
      expect(JSON.parse(ready503.body).message).toMatch(/database/i);
      expect(Number(ready503.retryAfter)).toBeGreaterThan(0);
      expect((await call(base, 'GET', '/api/health')).status).toBe(200); // liveness stays up
      await waitFor(
        '503 answers during the outage',
        live(() => load.answers.slice(during).filter((a) => a.status === 503).length >= 16),
        15_000,
      );
      expect(server.alive()).toBe(true);

      // Back: ready again and registrations acknowledged again, without a restart.
      proxy.restore();
      await waitFor('ready → 200', async () => (await call(base, 'GET', '/api/health/ready')).status === 200, 20_000);
      const afterOutage = load.acked.size;
      await waitFor(
        'registrations after the outage',
        live(() => load.acked.size >= afterOutage + 15),
        30_000,
      );
      await load.stop();

      expect(server.alive()).toBe(true);
      expectOnly2xxOr503(load.answers);
      const count503 = load.answers.filter((a) => a.status === 503).length;
      expect(count503).toBeGreaterThan(0);
      console.log(
        `PostgreSQL faults: ${load.answers.length} registrations sent, ${load.acked.size} acknowledged, ${count503} × 503, ` +
          `backends terminated per round: ${terminated.join(', ')}`,
      );

      // Every acknowledged registration is present and intact; petition numbers were never issued twice.
      await expectIntact(base, await signIn(base, 'reception1'), load.acked);
      const rows = await tdb.db.selectFrom('matter').select('petition_no').execute();
      expect(new Set(rows.map((r) => r.petition_no)).size).toBe(rows.length);
      expect(rows.length).toBeGreaterThanOrEqual(load.acked.size);
      await expectNothingHalfWritten(tdb.db);
    } finally {
      await server?.stop();
      await proxy.close();
      await admin.end();
      await tdb.drop();
    }
  });
});

describe.runIf(dialects.includes('postgres'))('PostgreSQL that does not answer', () => {
  it('a new connection gives up after the connect timeout (fail fast, no hanging request)', async () => {
    // A server that accepts TCP connections and never says anything (a black hole after a failover).
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const database = openDatabase({
      url: `postgres://postgres@127.0.0.1:${port}/hall`,
      connectTimeoutMs: 300,
      onPoolError: () => {},
    });
    try {
      const started = Date.now();
      const err = await database.ping(5000).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await database.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe.each(dialects)('kill -9 with registrations in flight on %s', (dialect) => {
  it('every acknowledged registration is there after a restart, intact', async () => {
    const tdb = dialect === 'postgres' ? await createTestDatabase('postgres') : null;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hall-kill9-'));
    const env = { HALL_DATA_KEY: newKey(), ...(tdb ? { HALL_DATABASE_URL: tdb.url! } : {}) };
    let server: ServerProcess | undefined;
    try {
      server = await startServer(env, { dataDir });
      let cookie = await signIn(server.base, 'registrar');
      const build = await registrationFactory(server.base, cookie);
      const load = registrationLoad(server.base, cookie, build, { max: 400 });
      await waitFor('200 acknowledged registrations', () => load.acked.size >= 200, 50_000);
      await server.kill9();
      await load.done();
      // Answers cut by the kill are not acknowledged (status 0); no 5xx came before it.
      expect(load.answers.filter((a) => a.status !== 200 && a.status !== 0)).toEqual([]);

      server = await startServer(env, { dataDir });
      cookie = await signIn(server.base, 'reception1');
      await expectIntact(server.base, cookie, load.acked);
      const list = await call(server.base, 'GET', '/api/matters?scope=all', { cookie });
      expect(list.status).toBe(200);
      if (tdb) await expectNothingHalfWritten(tdb.db);
      else {
        const db = openDatabase({ sqliteFile: path.join(dataDir, 'hall.sqlite') });
        try {
          await expectNothingHalfWritten(db.db);
        } finally {
          await db.destroy();
        }
      }
      console.log(
        `kill -9 on ${dialect}: ${load.answers.length} sent, ${load.acked.size} acknowledged and found intact after the restart`,
      );
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await tdb?.drop();
    }
  });
});

describe.runIf(dialects.includes('sqlite'))('SQLite: full disk, read-only file', () => {
  let t: TestApp;
  let cookie: string;
  let reader: string;
  let k = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    cookie = await t.login('registrar');
    reader = await t.login('reception1');
  });
  afterAll(() => t?.close());

  const register = async () =>
    t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { cookie, 'accept-language': 'zh-CN' },
      payload: await demoRegistration(t, {
        petitioner: {
          name: '李四',
          idType: 'resident',
          idNumber: residentId(100_000 + k++),
          phone: '13812345678',
          address: '苏州市',
        },
      }),
    });
  const matterCount = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from matter`.execute(t.database.db)).rows[0]!.n);
  const reads = async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/matters?scope=all', headers: { cookie: reader } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
  };

  it('a full database (SQLITE_FULL) answers 503 db.unavailable in the user’s language, writes nothing, and keeps serving reads', async () => {
    expect((await register()).statusCode).toBe(200);
    const pageCount = (await sql<{ page_count: number }>`pragma page_count`.execute(t.database.db)).rows[0]!.page_count;
    expect(pageCount).toBeGreaterThan(0);
    await sql.raw(`pragma max_page_count = ${pageCount}`).execute(t.database.db);
    let full;
    for (let i = 0; i < 200; i++) {
      const before = await matterCount();
      const res = await register();
      if (res.statusCode === 200) continue;
      full = res;
      // The failed registration left nothing behind (its transaction rolled back).
      expect(await matterCount()).toBe(before);
      break;
    }
    expect(full?.statusCode).toBe(503);
    expect(full!.headers['retry-after']).toBeDefined();
    expect(json(full!)).toEqual({ error: 'db.unavailable', message: '数据库暂时无法访问，请稍后重试' });
    await reads();
    await sql.raw('pragma max_page_count = 1073741823').execute(t.database.db);
    expect((await register()).statusCode).toBe(200);
  });

  it('a read-only database (SQLITE_READONLY) answers 503 and keeps serving reads', async () => {
    await sql`pragma query_only = 1`.execute(t.database.db);
    try {
      const before = await matterCount();
      const res = await register();
      expect(res.statusCode).toBe(503);
      expect(json(res).error).toBe('db.unavailable');
      expect(await matterCount()).toBe(before);
      await reads();
    } finally {
      await sql`pragma query_only = 0`.execute(t.database.db);
    }
    expect((await register()).statusCode).toBe(200);
  });
});

describe.runIf(dialects.includes('sqlite'))('SQLite: a busy database', () => {
  /** Another process takes the write lock and holds it for `ms` (signals "locked" once it has it). */
  function holdWriteLock(file: string, ms: number) {
    const code = `
      const db = require('better-sqlite3')(process.argv[1]);
      db.pragma('busy_timeout = 10000');
      db.exec('begin immediate');
      db.exec("update hall set name = name");
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('commit'); db.close(); process.exit(0); }, Number(process.argv[2]));
    `;
    const child = spawn(process.execPath, ['-e', code, file, String(ms)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const locked = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => c.toString().includes('locked') && resolve());
      child.once('exit', (c) => reject(new Error(`lock holder exited ${c}`)));
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return { locked, exited };
  }

  async function fileApp(busyTimeoutMs: number) {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-busy-'));
    const file = path.join(dir, 'hall.sqlite');
    const database = openDatabase({ sqliteFile: file, busyTimeoutMs });
    await migrate(database.db);
    const now = new Date('2026-11-30T02:00:00Z');
    await seedDemo(database.db, now);
    const { app } = await buildApp({ config: testConfig(), database, key: Buffer.alloc(32, 7), clock: () => now });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'hall12345' },
    });
    const cookie = `hall_session=${login.cookies.find((c) => c.name === 'hall_session')!.value}`;
    return {
      app,
      file,
      cookie,
      close: async () => {
        await app.close();
        await database.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const newUnit = (name: string) => ({ name, kind: 'department', active: true });

  it('waits for a lock held by another process (busy_timeout) and then writes', async () => {
    const a = await fileApp(5000);
    try {
      const holder = holdWriteLock(a.file, 400);
      await holder.locked;
      const started = Date.now();
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/admin/units',
        headers: { cookie: a.cookie },
        payload: newUnit('忙时新增单位'),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      await holder.exited;
    } finally {
      await a.close();
    }
  });

  it('a lock held longer than busy_timeout gives 503 db.unavailable, and the next request works', async () => {
    const a = await fileApp(150);
    try {
      const holder = holdWriteLock(a.file, 1500);
      await holder.locked;
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/admin/units',
        headers: { cookie: a.cookie, 'accept-language': 'en' },
        payload: newUnit('超时单位'),
      });
      expect(res.statusCode).toBe(503);
      expect(json(res)).toEqual({
        error: 'db.unavailable',
        message: 'The database is unavailable at the moment. Please try again shortly',
      });
      expect(res.headers['retry-after']).toBeDefined();
      await holder.exited;
      const again = await a.app.inject({
        method: 'POST',
        url: '/api/admin/units',
        headers: { cookie: a.cookie },
        payload: newUnit('超时单位'),
      });
      expect(again.statusCode, again.body).toBe(200);
    } finally {
      await a.close();
    }
  });
});
