/**
 * Configuration, parsed once at start (HOUSE rule 8). Nothing else reads process.env.
 * A bad value stops the start and every bad variable is listed.
 */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  HALL_DATA_DIR: z.string().default('./data'),
  HALL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for the embedded SQLite)')
    .optional(),
  /** Base64 of 32 bytes. Unset: the embedded default keeps a generated key file in the data dir. */
  HALL_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
    .optional(),
  /** Earlier keys, comma-separated base64: read (and looked up) until `npm run keys:rotate` has moved every row. */
  HALL_DATA_KEYS_PREVIOUS: z
    .string()
    .refine(
      (v) => v.split(',').every((k) => !k.trim() || Buffer.from(k.trim(), 'base64').length === 32),
      'must be a comma-separated list of base64 keys of exactly 32 bytes',
    )
    .optional(),
  HALL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  HALL_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  HALL_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** Unset: demo data on the embedded SQLite database only, never by default on PostgreSQL. */
  HALL_DEMO_DATA: z.enum(['true', 'false']).optional(),
  /** The first administrator's password on a database started without demo data; unset, one is generated and printed once. */
  HALL_ADMIN_PASSWORD: z
    .string()
    .refine(
      (v) => v.length >= 8 && /[A-Za-z]/.test(v) && /\d/.test(v),
      'needs at least 8 characters with letters and digits',
    )
    .optional(),
  /** A session ends this many hours after sign-in, however active. */
  HALL_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Origins (scheme://host[:port], comma-separated) that may send state-changing requests besides the request's own Host. */
  HALL_PUBLIC_ORIGIN: z
    .string()
    .refine(
      (v) => v.split(',').every((o) => !o.trim() || /^https?:\/\/[^/\s]+$/.test(o.trim())),
      'must be comma-separated origins like https://hall.example.gov.cn (no path)',
    )
    .optional(),
  /** true behind a reverse proxy: the client address and protocol come from X-Forwarded-For / X-Forwarded-Proto. */
  HALL_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Sign-in attempts per minute from one address, and for one username (every instance together); 0 turns a limit off. */
  HALL_LOGIN_ADDRESS_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(60),
  HALL_LOGIN_USERNAME_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(10),
  HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALL_SECURE_COOKIE: z.enum(['true', 'false']).default('false'),
  HALL_WEB_DIST: z.string().optional(),
  /** How often the accountability sweep runs (R1.23), in seconds; 0 turns it off. */
  HALL_SWEEP_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(60),
  /** How often the daily audit-chain verification looks whether today's has run (R1.27), in seconds; 0 turns it off. */
  HALL_AUDIT_VERIFY_CHECK_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(3600),
  /** Tickets one address (a kiosk) may take per minute from the public kiosk route; 0 turns the limit off. */
  HALL_KIOSK_TICKETS_PER_MINUTE: z.coerce.number().int().min(0).max(10000).default(30),
  /**
   * SQLite's synchronous level (docs/operations.md "SQLite durability"): FULL (default) keeps every
   * acknowledged write through a power loss too; NORMAL only through a crash of the process.
   */
  HALL_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL', 'full', 'normal']).default('FULL'),
  /** How often the planner's statistics are refreshed (SQLite PRAGMA optimize), in seconds; 0 turns it off. */
  HALL_DB_OPTIMIZE_SECONDS: z.coerce.number().int().min(0).max(7 * 24 * 3600).default(6 * 3600),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  dataKey: string | null;
  /** Earlier personal-data keys (base64), still read until a rotation finishes. */
  dataKeysPrevious: string[];
  sessionIdleMinutes: number;
  lockoutMinutes: number;
  lockoutAttempts: number;
  demoData: boolean;
  adminPassword: string | null;
  sessionMaxHours: number;
  publicOrigins: string[];
  trustProxy: boolean;
  loginAddressPerMinute: number;
  loginUsernamePerMinute: number;
  logLevel: string;
  secureCookie: boolean;
  webDist: string | null;
  sweepSeconds: number;
  auditVerifyCheckSeconds: number;
  kioskTicketsPerMinute: number;
  sqliteSynchronous: 'full' | 'normal';
  dbOptimizeSeconds: number;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = Env.safeParse(env);
  // On PostgreSQL the personal-data key comes from configuration, never a file generated in the working directory.
  const keyMissing =
    env.HALL_DATABASE_URL && !env.HALL_DATA_KEY
      ? ['  HALL_DATA_KEY: required with HALL_DATABASE_URL (PostgreSQL): set it to base64 of 32 random bytes (openssl rand -base64 32) and keep it outside the database backups']
      : [];
  if (!r.success || keyMissing.length) {
    const lines = [...(r.success ? [] : r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)), ...keyMissing];
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HALL_DATA_DIR),
    databaseUrl: e.HALL_DATABASE_URL ?? null,
    dataKey: e.HALL_DATA_KEY ?? null,
    dataKeysPrevious: (e.HALL_DATA_KEYS_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    sessionIdleMinutes: e.HALL_SESSION_IDLE_MINUTES,
    lockoutMinutes: e.HALL_LOCKOUT_MINUTES,
    lockoutAttempts: e.HALL_LOCKOUT_ATTEMPTS,
    demoData: e.HALL_DEMO_DATA ? e.HALL_DEMO_DATA === 'true' : !e.HALL_DATABASE_URL,
    adminPassword: e.HALL_ADMIN_PASSWORD ?? null,
    sessionMaxHours: e.HALL_SESSION_MAX_HOURS,
    publicOrigins: (e.HALL_PUBLIC_ORIGIN ?? '')
      .split(',')
      .map((o) => o.trim().toLowerCase())
      .filter(Boolean),
    trustProxy: e.HALL_TRUST_PROXY === 'true',
    loginAddressPerMinute: e.HALL_LOGIN_ADDRESS_PER_MINUTE,
    loginUsernamePerMinute: e.HALL_LOGIN_USERNAME_PER_MINUTE,
    logLevel: e.HALL_LOG_LEVEL,
    secureCookie: e.HALL_SECURE_COOKIE === 'true',
    webDist: e.HALL_WEB_DIST ?? null,
    sweepSeconds: e.HALL_SWEEP_SECONDS,
    auditVerifyCheckSeconds: e.HALL_AUDIT_VERIFY_CHECK_SECONDS,
    kioskTicketsPerMinute: e.HALL_KIOSK_TICKETS_PER_MINUTE,
    sqliteSynchronous: e.HALL_SQLITE_SYNCHRONOUS.toLowerCase() as 'full' | 'normal',
    dbOptimizeSeconds: e.HALL_DB_OPTIMIZE_SECONDS,
  };
}

/** Defaults for tests: nothing from the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Every inject comes from one address: tests that want the kiosk or sign-in limits set them themselves.
  return {
    ...parseConfig({
      HALL_LOG_LEVEL: 'silent',
      HALL_DEMO_DATA: 'false',
      HALL_KIOSK_TICKETS_PER_MINUTE: '0',
      HALL_LOGIN_ADDRESS_PER_MINUTE: '0',
      HALL_LOGIN_USERNAME_PER_MINUTE: '0',
    }),
    ...overrides,
  };
}
