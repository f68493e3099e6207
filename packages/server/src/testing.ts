/**
 * Test app: a fresh migrated database (SQLite or PostgreSQL) with the demo organisation, the real
 * app on it, and helpers to sign in as a demo account. Used by the *.db.test.ts files.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { RegistrationRequest } from '@hall/contracts';
import type { Dialect } from '@hall/db';
import { createTestDatabase, type TestDatabase } from '@hall/db/testing';
import { buildApp } from './app.ts';
import { sealLegacyPersonalDataOnce } from './personal-data-keys.ts';
import { type Config, testConfig } from './config.ts';
import type { Deps } from './context.ts';
import { DEMO_PASSWORD, seedDemo } from './demo/seed.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  /** Moves the app's clock. */
  clock: { now: Date };
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  opts: {
    config?: Partial<Config>;
    poolSize?: number;
    /** SQLite: a file database instead of :memory:. */
    sqliteFile?: string;
    /** The personal-data key (default: random). */
    key?: Buffer;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect, { poolSize: opts.poolSize, sqliteFile: opts.sqliteFile });
  const clock = { now: new Date('2026-11-30T02:00:00Z') };
  await seedDemo(database.db, clock.now);
  const { app, deps } = await buildApp({
    config: testConfig(opts.config),
    database,
    key: opts.key ?? randomBytes(32),
    clock: () => clock.now,
  });
  await app.ready();
  // As main.ts does before serving (issue 8 §3); a no-op on a fresh database.
  await sealLegacyPersonalDataOnce(database, deps.cipher, clock.now);
  return {
    app,
    deps,
    database,
    clock,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'hall_session');
      return `hall_session=${c!.value}`;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** A valid registration of the demo hall: 劳动社保 routed to window 1 (市人社局窗口), receptionist reception1. */
export async function demoRegistration(t: TestApp, overrides: Partial<RegistrationRequest> = {}): Promise<RegistrationRequest> {
  const db = t.database.db;
  const category = await db.selectFrom('content_category').select('id').where('code', '=', '06').executeTakeFirstOrThrow();
  const window = await db.selectFrom('hall_window').select('id').where('number', '=', 1).executeTakeFirstOrThrow();
  const receptionist = await db.selectFrom('staff_user').select('id').where('username', '=', 'reception1').executeTakeFirstOrThrow();
  const unit = await db.selectFrom('unit').select('id').where('name', '=', '市人力资源和社会保障局').executeTakeFirstOrThrow();
  return {
    petitioner: {
      name: '张三',
      idType: 'resident',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      address: '苏州市吴中区东吴北路1号',
    },
    peopleCount: 1,
    representatives: [],
    rulesAcknowledged: true,
    securityCheck: 'passed',
    categoryId: category.id,
    purpose: 'demand',
    summary: '某公司拖欠工资三个月未付',
    demands: '要求公司支付拖欠的工资',
    localityCode: '320500',
    unitIds: [unit.id],
    earlierHandling: [],
    windowId: window.id,
    receptionistId: receptionist.id,
    ...overrides,
  };
}

// Tests read whatever the API answered and assert on it; `any` keeps those assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = <T = any>(res: LightMyRequestResponse) => JSON.parse(res.body) as T;

/**
 * Counts the statements the app sends to the database while `fn` runs (every query of every
 * request, the session check included; a transaction's BEGIN and COMMIT are not counted). The query
 * ceilings of the hot endpoints are pinned with it (issue 9 §2).
 */
export async function countQueries<T>(t: TestApp, fn: () => Promise<T>): Promise<{ result: T; count: number }> {
  let count = 0;
  const original = t.deps.database.db;
  // transformResult runs once per executed statement (transformQuery also runs for each subquery).
  t.deps.database.db = original.withPlugin({
    transformQuery: (a) => a.node,
    transformResult: async (a) => {
      count++;
      return a.result;
    },
  });
  try {
    const result = await fn();
    return { result, count };
  } finally {
    t.deps.database.db = original;
  }
}
