/**
 * `npm run bench:queue`: the hall floor on two app instances over one PostgreSQL (issue 4, "Several
 * instances" and its benchmark). Two servers (`packages/server/src/main.ts`, each its own process and
 * port) on a fresh database; 20 windows each loop "call next" → "start" over real HTTP, kiosk issuers
 * issue concurrently, and 500 display boards (event streams, half on each instance) listen meanwhile.
 *
 * Reports issue and call operations per second, and per call and screen the delay until the screen
 * has the call's `call` event: from the window's press (request sent) and from the call's response.
 * Then checks the floor's rules on the result: every ticket called exactly once, no number twice.
 *
 * Options: BENCH_SECONDS (load, default 30), BENCH_SCREENS (default 500), BENCH_WINDOWS (default 20),
 * BENCH_ISSUERS (concurrent kiosk loops, default 4), BENCH_BACKLOG (tickets waiting at the start, default
 * 100; the issuers pause above twice that). PostgreSQL from HALL_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createTestDatabase } from '@hall/db/testing';
import { DEMO_PASSWORD, seedDemo } from '../packages/server/src/demo/seed.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SCREENS = Number(process.env.BENCH_SCREENS ?? 500);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 20);
const ISSUERS = Number(process.env.BENCH_ISSUERS ?? 4);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const pct = (xs: Float64Array | number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// HTTP with a keep-alive agent per instance (as a browser would keep its connection)

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function request(
  base: string,
  method: string,
  url: string,
  opts: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      `${base}${url}`,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function ok<T>(p: ReturnType<typeof request>): Promise<T> {
  const res = await p;
  if (res.status !== 200) throw new Error(`${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

async function login(base: string, username: string) {
  const res = await request(base, 'POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.body}`);
  return res.cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('hall_session='))!;
}

// ---------------------------------------------------------------------------------------------
// The two instances

function startInstance(databaseUrl: string, port: number, key: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'packages/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HALL_DATABASE_URL: databaseUrl,
      HALL_DATA_KEY: key,
      HALL_DATA_DIR: dataDir,
      HALL_DEMO_DATA: 'false',
      HALL_LOG_LEVEL: 'warn',
      HALL_SWEEP_SECONDS: '0',
      // The bench's kiosk loops all come from 127.0.0.1: the per-address kiosk limit would stop them.
      HALL_KIOSK_TICKETS_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('is running')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`instance on port ${port} exited (${code}): ${out}`)));
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = http.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// ---------------------------------------------------------------------------------------------
// Display screens: raw event streams; only `call` events are parsed (snapshots are skipped bytes)

const CALL = Buffer.from('event: call\ndata: ');
const SNAPSHOT = Buffer.from('event: snapshot\n');

interface Screen {
  req: http.ClientRequest;
  connected: Promise<void>;
}

/** Arrival times (performance.now()) of each ticket's `call` event, one per screen. */
const arrivals = new Map<number, number[]>();
let streamErrors = 0;
/** Set when the bench closes the screens itself: their errors then are expected. */
let closingScreens = false;
const streamError = () => {
  if (!closingScreens) streamErrors++;
};

function openScreen(base: string): Screen {
  let rest: Buffer | null = null;
  let first: () => void = () => {};
  let seenSnapshot = false;
  const connected = new Promise<void>((r) => (first = r));
  const req = http.get(`${base}/api/public/halls/SZ/board/stream`, { agent: false }, (res) => {
    if (res.statusCode !== 200) throw new Error(`stream: ${res.statusCode}`);
    res.on('data', (chunk: Buffer) => {
      const now = performance.now();
      const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
      const end = buf.lastIndexOf('\n\n');
      if (end < 0) {
        rest = buf;
        return;
      }
      for (let i = buf.indexOf(CALL); i >= 0 && i < end;) {
        const nl = buf.indexOf(10, i + CALL.length);
        const { ticketId } = JSON.parse(buf.toString('utf8', i + CALL.length, nl)) as { ticketId: number };
        let list = arrivals.get(ticketId);
        if (!list) arrivals.set(ticketId, (list = []));
        list.push(now);
        i = buf.indexOf(CALL, nl);
      }
      if (!seenSnapshot) {
        const s = buf.indexOf(SNAPSHOT);
        if (s >= 0 && s < end) {
          seenSnapshot = true;
          first();
        }
      }
      rest = end + 2 < buf.length ? buf.subarray(end + 2) : null;
    });
    res.on('error', streamError);
  });
  req.on('error', streamError);
  return { req, connected };
}

// ---------------------------------------------------------------------------------------------

const database = await createTestDatabase('postgres', { poolSize: 4 });
const dataDir = path.join(os.tmpdir(), `hall-bench-${process.pid}`);
const children: ChildProcess[] = [];
try {
  await seedDemo(database.db, new Date());
  const key = randomBytes(32).toString('base64');
  const ports = [await freePort(), await freePort()];
  children.push(...(await Promise.all(ports.map((p) => startInstance(database.url!, p, key, dataDir)))));
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const instanceOf = (i: number) => bases[i % 2];

  // 20 windows, a receptionist at each, one service that all of them serve.
  const admin = await login(bases[0], 'admin');
  const hall = await database.db.selectFrom('hall').select('id').where('code', '=', 'SZ').executeTakeFirstOrThrow();
  const windows: { id: number; username: string; cookie: string; base: string }[] = [];
  for (let i = 0; i < WINDOWS; i++) {
    const w = await ok<{ id: number }>(
      request(bases[0], 'POST', '/api/admin/windows', {
        cookie: admin,
        body: { hallId: hall.id, number: 101 + i, name: `基准窗口${i + 1}`, kind: 'general' },
      }),
    );
    const username = `bench${String(i + 1).padStart(2, '0')}`;
    await ok(
      request(bases[0], 'POST', '/api/admin/staff', {
        cookie: admin,
        body: {
          username,
          displayName: `窗口${i + 1}`,
          hallId: hall.id,
          windowId: w.id,
          roles: ['receptionist'],
          password: DEMO_PASSWORD,
        },
      }),
    );
    windows.push({ id: w.id, username, cookie: '', base: instanceOf(i) });
  }
  const service = await ok<{ id: number }>(
    request(bases[0], 'POST', '/api/queue/services', {
      cookie: admin,
      body: {
        code: 'bench',
        prefix: 'Q',
        name: '基准业务',
        kind: 'other',
        opensAt: '00:00',
        closesAt: '24:00',
        dailyMax: 9999,
        maxRecalls: 2,
        windowIds: windows.map((w) => w.id),
      },
    }),
  );
  for (const w of windows) w.cookie = await login(w.base, w.username);

  // The screens, half on each instance, connected in batches before the load starts.
  const screens: Screen[] = [];
  for (let i = 0; i < SCREENS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SCREENS - i) }, (_, j) => openScreen(instanceOf(i + j)));
    screens.push(...batch);
    await Promise.all(batch.map((s) => s.connected));
  }
  console.error(`${screens.length} screens connected`);

  // A queue to start with, as in a hall at opening time: the windows measure calling, not an empty queue.
  const kiosk = (n: number) =>
    request(instanceOf(n), 'POST', '/api/public/halls/SZ/tickets', { body: { serviceId: service.id } });
  for (let n = 0; n < BACKLOG; n += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => ok(kiosk(n + j))));
  }
  console.error(`${BACKLOG} tickets waiting; load for ${SECONDS} s…`);

  // The load.
  const pressed = new Map<number, number>(); // ticketId → request sent
  const answered = new Map<number, number>(); // ticketId → response received
  const latency = { issue: [] as number[], call: [] as number[], start: [] as number[] };
  let issued = 0;
  let called = 0;
  let started = 0;
  let empty = 0;
  const errors: string[] = [];
  let running = true;
  const t0 = performance.now();

  const issuers = Array.from({ length: ISSUERS }, async (_, k) => {
    for (let n = k; running; n += ISSUERS) {
      // The kiosks keep the queue around its starting length rather than growing it without end.
      if (BACKLOG + issued - called > 2 * BACKLOG) {
        await sleep(5);
        continue;
      }
      const s = performance.now();
      const res = await kiosk(n);
      latency.issue.push(performance.now() - s);
      if (res.status === 200) issued++;
      else errors.push(`issue ${res.status} ${res.body}`);
    }
  });
  const callers = windows.map(async (w) => {
    while (running) {
      const s = performance.now();
      const res = await request(w.base, 'POST', '/api/queue/window/call-next', { cookie: w.cookie });
      const e = performance.now();
      if (res.status === 404) {
        empty++;
        await sleep(250);
        continue;
      }
      if (res.status !== 200) {
        errors.push(`call-next ${res.status} ${res.body}`);
        await sleep(10);
        continue;
      }
      const ticket = JSON.parse(res.body) as { id: number };
      pressed.set(ticket.id, s);
      answered.set(ticket.id, e);
      latency.call.push(e - s);
      called++;
      const s2 = performance.now();
      const st = await request(w.base, 'POST', `/api/queue/tickets/${ticket.id}/action`, {
        cookie: w.cookie,
        body: { action: 'start' },
      });
      latency.start.push(performance.now() - s2);
      if (st.status === 200) started++;
      else errors.push(`start ${st.status} ${st.body}`);
    }
  });
  await sleep(SECONDS * 1000);
  running = false;
  await Promise.all([...issuers, ...callers]);
  const elapsed = (performance.now() - t0) / 1000;
  // Let the last calls reach the screens.
  await sleep(2000);
  closingScreens = true;
  for (const s of screens) s.req.destroy();

  // Delays per (call, screen).
  const fromPress: number[] = [];
  const fromResponse: number[] = [];
  let beforeResponse = 0;
  let missing = 0;
  for (const [ticketId, sent] of pressed) {
    const got = arrivals.get(ticketId) ?? [];
    missing += SCREENS - got.length;
    const resp = answered.get(ticketId)!;
    for (const at of got) {
      fromPress.push(at - sent);
      if (at < resp) beforeResponse++;
      fromResponse.push(Math.max(0, at - resp));
    }
  }

  // The floor's rules on what happened: each ticket called once, no number twice.
  const calledTwice = await sql<{ n: number }>`
    select count(*)::int as n from (select ticket_id from queue_event where action = 'call' group by ticket_id having count(*) > 1) x`.execute(
    database.db,
  );
  const numbersTwice = await sql<{ n: number }>`
    select count(*)::int as n from (select number from queue_ticket where service_id = ${service.id} group by day, number having count(*) > 1) x`.execute(
    database.db,
  );

  const ops = issued + called + started;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
      `load average at the end ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    `2 instances, ${WINDOWS} windows, ${ISSUERS} kiosk issuers, ${SCREENS} screens, ${f1(elapsed)} s of load\n`,
  );
  console.log('| operation | count | ops/s | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| kiosk issue | ${issued} | ${f1(issued / elapsed)} | ${f1(pct(latency.issue, 50))} | ${f1(pct(latency.issue, 99))} |`,
  );
  console.log(
    `| call next | ${called} | ${f1(called / elapsed)} | ${f1(pct(latency.call, 50))} | ${f1(pct(latency.call, 99))} |`,
  );
  console.log(
    `| start | ${started} | ${f1(started / elapsed)} | ${f1(pct(latency.start, 50))} | ${f1(pct(latency.start, 99))} |`,
  );
  console.log(`| all three | ${ops} | ${f1(ops / elapsed)} | | |`);
  console.log('');
  console.log('| call → screen (per call and screen) | deliveries | p50 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| from the window's press | ${fromPress.length} | ${f1(pct(fromPress, 50))} | ${f1(pct(fromPress, 99))} | ${f1(pct(fromPress, 100))} |`,
  );
  console.log(
    `| from the call's response (0 if before) | ${fromResponse.length} | ${f1(pct(fromResponse, 50))} | ${f1(pct(fromResponse, 99))} | ${f1(pct(fromResponse, 100))} |`,
  );
  console.log('');
  console.log(
    `calls ${called}, deliveries expected ${called * SCREENS}, missing ${missing}, ` +
      `arrived before the response ${((100 * beforeResponse) / Math.max(1, fromResponse.length)).toFixed(1)} %, ` +
      `empty queue answers ${empty}, errors ${errors.length}, stream errors ${streamErrors}; ` +
      `tickets called twice ${calledTwice.rows[0].n}, numbers issued twice ${numbersTwice.rows[0].n}`,
  );
  if (errors.length) console.log(`first errors: ${errors.slice(0, 3).join(' | ')}`);
} finally {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.on('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  agent.destroy();
  await database.drop();
}
