/**
 * Helpers for the database fault tests (issue 8 §1): the real server as a child process
 * (`packages/server/src/main.ts`), HTTP over fetch, registrations with unique valid ID numbers,
 * a TCP proxy in front of PostgreSQL that the test can cut (a network outage that touches nobody
 * else's connections), and waiting on conditions instead of fixed sleeps.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reference, RegistrationRequest } from '@hall/contracts';
import { gb11643CheckChar } from '@hall/domain';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const MAIN = path.join(ROOT, 'packages/server/src/main.ts');

export const DEMO_PASSWORD = 'hall12345';

/** Thrown from a waitFor check: stop waiting at once (e.g. the server process died). */
export class StopWaiting extends Error {}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`, or at once on StopWaiting). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      if (err instanceof StopWaiting) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  dataDir: string;
  output(): string;
  alive(): boolean;
  /** SIGKILL, then wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/** One server process; `env` adds to/overrides the defaults (HALL_DEMO_DATA=true, sweep off, kiosk limit off). */
export async function startServer(
  env: Record<string, string>,
  opts: { dataDir?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hall-fault-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.HALL_DATABASE_URL;
  Object.assign(
    childEnv,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      HALL_DATA_DIR: dataDir,
      HALL_DEMO_DATA: 'true',
      HALL_SWEEP_SECONDS: '0',
      HALL_KIOSK_TICKETS_PER_MINUTE: '0',
      HALL_LOG_LEVEL: 'warn',
      NO_COLOR: '1',
    },
    env,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const capture = (c: Buffer) => {
    out += c.toString('utf8');
    if (out.length > 200_000) out = out.slice(-200_000);
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const base = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    base,
    child,
    dataDir,
    output: () => out,
    alive,
    async kill9() {
      process.off('exit', killOnExit);
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      process.off('exit', killOnExit);
      if (!alive()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
  try {
    await waitFor(
      'the server to answer /api/health/ready',
      async () => {
        if (!alive()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
        const res = await fetch(`${base}/api/health/ready`, { signal: AbortSignal.timeout(2000) });
        return res.status === 200;
      },
      45_000,
      100,
    );
  } catch (err) {
    await server.kill9();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out}`);
  }
  return server;
}

export interface Answer {
  status: number;
  body: string;
  retryAfter: string | null;
}

export async function call(
  base: string,
  method: string,
  url: string,
  opts: { cookie?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<Answer> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      'accept-language': 'en',
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
}

export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hall_session='));
  return cookie!.split(';')[0]!;
}

/** A valid 18-digit resident ID number, different for every k (0 ≤ k < 999 × 20000). */
export function residentId(k: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(k / 999) * 86_400_000);
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
  const body = `110105${ymd}${String(1 + (k % 999)).padStart(3, '0')}`;
  return body + gb11643CheckChar(body);
}

/** Builds registrations for the demo hall (劳动社保 → window 1, reception1), each with its own ID number and text. */
export async function registrationFactory(base: string, cookie: string) {
  const ref = await call(base, 'GET', '/api/reference', { cookie });
  if (ref.status !== 200) throw new Error(`reference: ${ref.status} ${ref.body}`);
  const r = JSON.parse(ref.body) as Reference;
  const window = r.windows.find((w) => w.number === 1)!;
  const category = r.categories.find((c) => c.code === '06')!;
  const unit = r.units.find((u) => u.name === '市人力资源和社会保障局')!;
  const receptionist = r.receptionists.find((x) => x.windowId === window.id)!;
  return (k: number): RegistrationRequest => ({
    petitioner: {
      name: '张三',
      idType: 'resident',
      idNumber: residentId(k),
      phone: '13812345678',
      address: '苏州市吴中区东吴北路1号',
    },
    peopleCount: 1,
    representatives: [],
    rulesAcknowledged: true,
    securityCheck: 'passed',
    categoryId: category.id,
    purpose: 'demand',
    summary: `某公司拖欠工资三个月未付（第${k}号测试）`,
    demands: `要求公司支付拖欠的工资（第${k}号测试）`,
    localityCode: '320500',
    unitIds: [unit.id],
    earlierHandling: [],
    windowId: window.id,
    receptionistId: receptionist.id,
  });
}

/**
 * A TCP proxy in front of PostgreSQL. `cut()` ends every proxied connection at once and refuses new
 * ones (the database is unreachable for the app, as in a network outage or a failover); `restore()`
 * lets connections through again. Other users of the shared PostgreSQL server are not touched.
 */
export async function startPgProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      down = false;
    },
    async close() {
      down = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const newKey = () => randomBytes(32).toString('base64');
