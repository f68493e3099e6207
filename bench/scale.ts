/**
 * `npm run bench:scale`: Hall's everyday screens at scale (issue 9 §3), side by side with the raw
 * limit, on SQLite and PostgreSQL. For each database and each size in BENCH_SCALES (default
 * "1000,1000000") it generates a hall (bench/generate.ts: batch inserts, not the API), serves it with
 * the real app (Fastify inject, in this process: no network), and measures
 *
 *  - registration with 20 desks (new petitioners), and the raw script's registration on the same data;
 *  - the case detail (random generated cases, each view audited as in use), with 1 user and with 20,
 *    and the raw two-query read;
 *  - the reception list (today's, the window's), the open list, and each inbox (director, receptionist,
 *    unit handler), with 1 user and with 20;
 *  - a workflow action (an urge: the case is loaded, decided, saved with its event and audit row);
 *  - the process's RSS (the app's heap and caches: the server is this process) and the database's size.
 *
 * Prints a Markdown table for docs/benchmarks.md. Options (environment): DIALECTS (default both),
 * BENCH_SCALES, BENCH_REQUESTS (per scenario, default 300), BENCH_REGISTRATIONS (default 500),
 * BENCH_KEEP=1 keeps the generated databases (the SQLite files under os.tmpdir(), the PostgreSQL ones
 * named hall_scale_<n>).
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { gb11643CheckChar } from '@hall/domain';
import { openDatabase, type Database } from '@hall/db';
import { pgAdminUrl, testDialects } from '@hall/db/testing';
import { buildApp } from '../packages/server/src/app.ts';
import { testConfig } from '../packages/server/src/config.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/seed.ts';
import { type Measured, runPool } from './pool.ts';
import { openRaw, rawDetail, rawRegistration } from './raw.ts';

const SCALES = (process.env.BENCH_SCALES ?? '1000,1000000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 500);
const DESKS = 20;
// A working-day afternoon in China: the generated history ends here, and the app's clock stands here.
const NOW = new Date('2026-12-04T07:00:00Z');

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));


/** A fresh database for one run: a SQLite file, or a PostgreSQL database on the admin URL's server. */
async function freshTarget(dialect: 'sqlite' | 'postgres', n: number): Promise<{ target: string; drop: () => Promise<void>; size: () => Promise<number> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hall-scale-${n}-`));
    const file = path.join(dir, 'hall.sqlite');
    const size = async () => ['', '-wal'].reduce((s, x) => s + (fs.existsSync(file + x) ? fs.statSync(file + x).size : 0), 0);
    return { target: file, size, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `hall_scale_${n}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  const size = async () => {
    const c = new pg.Client({ connectionString: pgAdminUrl() });
    await c.connect();
    const r = await c.query<{ s: string }>(`select pg_database_size('${name}') as s`);
    await c.end();
    return Number(r.rows[0]!.s);
  };
  const drop = async () => {
    const c = new pg.Client({ connectionString: pgAdminUrl() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { target: url.toString(), size, drop };
}

const idNumber = (i: number) => {
  // Born 1940-01-01 + i days in 吴中区: never one of the generator's people (their serials differ).
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body17 = `320506${birth}${String(900 + (Math.floor(i / 9000) % 99)).padStart(3, '0')}`;
  return body17 + gb11643CheckChar(body17);
};

/** What a generated database holds (for the notes). */
async function counts(target: string) {
  const d = openDatabase(target.startsWith('postgres') ? { url: target, poolSize: 1 } : { sqliteFile: target });
  const one = async (t: 'petitioner' | 'matter_event' | 'deadline' | 'document' | 'queue_ticket') =>
    Number((await d.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const out = { petitioners: await one('petitioner'), events: await one('matter_event'), deadlines: await one('deadline'), documents: await one('document'), tickets: await one('queue_ticket') };
  await d.destroy();
  return out;
}

const rows: string[] = [];
const row = (dialect: string, n: number, what: string, m: Measured, raw?: Measured) =>
  rows.push(
    `| ${dialect} | ${n.toLocaleString('en')} | ${what} | ${m.perSecond.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${raw ? `${raw.perSecond.toFixed(0)} (${(m.perSecond / raw.perSecond).toFixed(2)})` : ''} |`,
  );
const notes: string[] = [];

// Each database and size runs in a process of its own (BENCH_ONE=<dialect>:<n>), so that the RSS
// measured is that run's app alone; this process starts them one after another and prints the table.
const one = process.env.BENCH_ONE?.split(':');
const runs: ['sqlite' | 'postgres', number][] = one ? [[one[0] as 'sqlite' | 'postgres', Number(one[1])]] : [];
if (!one) {
  for (const dialect of testDialects()) {
    for (const n of SCALES) {
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_ONE: `${dialect}:${n}` },
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      });
      if (child.status !== 0) throw new Error(`${dialect} ${n}: exit ${child.status}`);
      const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rows: string[]; notes: string[] };
      rows.push(...out.rows);
      notes.push(...out.notes);
    }
  }
}
for (const [dialect, n] of runs) {
  {
    const fresh = await freshTarget(dialect, n);
    // Generated in a child process, so that this process's RSS is the app's alone.
    const t0 = performance.now();
    const key = randomBytes(32);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), 'generate.ts'), '--db', fresh.target, '--matters', String(n), '--now', NOW.toISOString(), '--key', key.toString('base64')],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    if (child.status !== 0) throw new Error(`generate: exit ${child.status}`);
    const genSeconds = (performance.now() - t0) / 1000;
    const gen = await counts(fresh.target);
    const database: Database = openDatabase(dialect === 'postgres' ? { url: fresh.target, poolSize: DESKS } : { sqliteFile: fresh.target });
    const { app } = await buildApp({ config: testConfig({ sessionMaxHours: 24 * 365 }), database, key, clock: () => NOW });
    await app.ready();
    const login = async (u: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${u}: ${res.body}`);
      return `hall_session=${res.cookies.find((c) => c.name === 'hall_session')!.value}`;
    };
    const who = Object.fromEntries(await Promise.all(['registrar', 'reception1', 'director', 'handler1'].map(async (u) => [u, await login(u)] as const)));
    const get = async (url: string, cookie: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res;
    };

    // Cases to open: random generated matters; cases to urge: open ones in the unit's hands.
    // A sample of about 5,000 matters spread over the whole history (not a million rows in this process).
    const step = Math.max(1, Math.floor(n / 5000));
    const all = await database.db.selectFrom('matter').select(['id', 'state', 'window_id']).where(sql`id % ${step}`, '=', 0).limit(6000).execute();
    const window1 = await database.db.selectFrom('hall_window').select('id').where('number', '=', 1).executeTakeFirstOrThrow();
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (xs: readonly { id: number }[]) => xs[Math.floor(rnd() * xs.length)]!.id;
    // Urged by the window the visitor came to (reception1 at window 1), as in the hall.
    const urgeable = all.filter((m) => m.window_id === window1.id && ['assigned', 'handling', 'opinionIssued', 'opinionDelivered'].includes(m.state));

    for (const concurrency of [1, DESKS]) {
      const label = concurrency === 1 ? '1 user' : `${DESKS} users`;
      row(dialect, n, `case detail, ${label}`, await runPool(REQUESTS, concurrency, async () => void (await get(`/api/matters/${pick(all)}`, who.director!))));
      row(dialect, n, `reception list (today, window), ${label}`, await runPool(REQUESTS, concurrency, async () => void (await get('/api/matters?scope=today', who.reception1!))));
      row(dialect, n, `open cases list, ${label}`, await runPool(REQUESTS, concurrency, async () => void (await get('/api/matters?scope=open', who.director!))));
      for (const u of ['director', 'reception1', 'handler1'] as const) {
        row(dialect, n, `inbox (${u}), ${label}`, await runPool(REQUESTS, concurrency, async () => void (await get('/api/inbox', who[u]!))));
      }
    }
    const urges = urgeable.slice(0, Math.min(REQUESTS, urgeable.length));
    const versions = new Map<number, number>();
    for (const m of urges) versions.set(m.id, JSON.parse((await get(`/api/matters/${m.id}`, who.director!)).body).version);
    row(
      dialect,
      n,
      `workflow action (urge), ${DESKS} users`,
      await runPool(urges.length, DESKS, async (i) => {
        const id = urges[i]!.id;
        const res = await app.inject({ method: 'POST', url: `/api/matters/${id}/actions/urge`, headers: { cookie: who.reception1! }, payload: { reason: '信访人催办', version: versions.get(id) } });
        if (res.statusCode !== 200) throw new Error(`urge ${id}: ${res.body}`);
      }),
    );

    // Registration at 20 desks, then the raw script's on the same database (its own new people).
    const category = await database.db.selectFrom('content_category').select('id').where('code', '=', '06').executeTakeFirstOrThrow();
    const unit = await database.db.selectFrom('unit').select('id').where('name', '=', '市人力资源和社会保障局').executeTakeFirstOrThrow();
    const registration = await runPool(REGISTRATIONS, DESKS, async (i) => {
      const payload = {
        petitioner: { name: `来访人${i}`, idType: 'resident', idNumber: idNumber(i), phone: '13812345678', address: '苏州市吴中区东吴北路1号' },
        peopleCount: 1,
        representatives: [],
        rulesAcknowledged: true,
        securityCheck: 'passed',
        categoryId: category.id,
        purpose: 'demand',
        summary: `某公司拖欠工资三个月未付（第${i}号）`,
        demands: '要求公司支付拖欠的工资',
        localityCode: '320500',
        unitIds: [unit.id],
        earlierHandling: [],
        windowId: window1.id,
      };
      const res = await app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: who.registrar! }, payload });
      if (res.statusCode !== 200) throw new Error(`registration: ${res.body}`);
    });
    // What the app keeps, not what the collector has not yet reclaimed.
    (globalThis as { gc?: () => void }).gc?.();
    const rss = process.memoryUsage().rss;
    const raw = await openRaw(fresh.target, { key, poolSize: DESKS });
    const rawReg = await rawRegistration(raw, REGISTRATIONS, DESKS, { base: 500_000 });
    const rawRead = await rawDetail(raw, REQUESTS, DESKS, all.slice(0, REQUESTS).map((m) => m.id));
    await raw.close();
    row(dialect, n, `registration, ${DESKS} desks`, registration, rawReg);
    // The raw read is the 2-query detail at 20 concurrent: compared with Hall's detail at 20 users.
    const hallDetail20 = rows.find((r) => r.includes(`| ${dialect} | ${n.toLocaleString('en')} | case detail, ${DESKS} users`))!;
    rows.push(`| ${dialect} | ${n.toLocaleString('en')} | raw case detail (2 queries), ${DESKS} users | ${rawRead.perSecond.toFixed(0)} | ${ms(rawRead.p50)} | ${ms(rawRead.p95)} | ${ms(rawRead.p99)} | Hall's detail at ${DESKS}: ${(Number(hallDetail20.split('|')[4]) / rawRead.perSecond).toFixed(2)} of raw |`);
    notes.push(
      `- ${dialect}, ${n.toLocaleString('en')} matters: generated in ${genSeconds.toFixed(0)} s (${gen.petitioners.toLocaleString('en')} petitioners, ${gen.events.toLocaleString('en')} timeline events, ${gen.deadlines.toLocaleString('en')} deadlines, ${gen.documents.toLocaleString('en')} documents, ${gen.tickets.toLocaleString('en')} queue tickets); database ${(await fresh.size() / 1e6).toFixed(0)} MB; the app's process: RSS ${(rss / 1e6).toFixed(0)} MB after the run and a collection, peak ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB).`,
    );
    await app.close();
    await database.destroy();
    if (!process.env.BENCH_KEEP) await fresh.drop();
    console.error(`done: ${dialect} ${n}`);
  }
}

if (one) {
  console.log(JSON.stringify({ rows, notes }));
  process.exit(0);
}
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Requests per scenario: ${REQUESTS}; registrations: ${REGISTRATIONS}; the app in-process (Fastify inject).\n`);
console.log('| db | matters | scenario | req/s | p50 ms | p95 ms | p99 ms | raw req/s (Hall ÷ raw) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('');
for (const x of notes) console.log(x);
