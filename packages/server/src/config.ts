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
  HALL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  HALL_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  HALL_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  HALL_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  HALL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HALL_SECURE_COOKIE: z.enum(['true', 'false']).default('false'),
  HALL_WEB_DIST: z.string().optional(),
  /** How often the accountability sweep runs (R1.23), in seconds; 0 turns it off. */
  HALL_SWEEP_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(60),
  /** Tickets one address (a kiosk) may take per minute from the public kiosk route; 0 turns the limit off. */
  HALL_KIOSK_TICKETS_PER_MINUTE: z.coerce.number().int().min(0).max(10000).default(30),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  dataKey: string | null;
  sessionIdleMinutes: number;
  lockoutMinutes: number;
  lockoutAttempts: number;
  demoData: boolean;
  logLevel: string;
  secureCookie: boolean;
  webDist: string | null;
  sweepSeconds: number;
  kioskTicketsPerMinute: number;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = Env.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.HALL_DATA_DIR),
    databaseUrl: e.HALL_DATABASE_URL ?? null,
    dataKey: e.HALL_DATA_KEY ?? null,
    sessionIdleMinutes: e.HALL_SESSION_IDLE_MINUTES,
    lockoutMinutes: e.HALL_LOCKOUT_MINUTES,
    lockoutAttempts: e.HALL_LOCKOUT_ATTEMPTS,
    demoData: e.HALL_DEMO_DATA === 'true',
    logLevel: e.HALL_LOG_LEVEL,
    secureCookie: e.HALL_SECURE_COOKIE === 'true',
    webDist: e.HALL_WEB_DIST ?? null,
    sweepSeconds: e.HALL_SWEEP_SECONDS,
    kioskTicketsPerMinute: e.HALL_KIOSK_TICKETS_PER_MINUTE,
  };
}

/** Defaults for tests: nothing from the environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // Every inject comes from one address: tests that want the kiosk limit set it themselves.
  return {
    ...parseConfig({ HALL_LOG_LEVEL: 'silent', HALL_DEMO_DATA: 'false', HALL_KIOSK_TICKETS_PER_MINUTE: '0' }),
    ...overrides,
  };
}
