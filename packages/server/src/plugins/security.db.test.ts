/**
 * Web security (issue 8 §4), on every dialect in DIALECTS: security headers on every response,
 * `Cache-Control: no-store` on /api, the Origin check (403 auth.badOrigin before anything else runs),
 * authentication and permission before body validation (a walk over every non-public route of the
 * OpenAPI document), and the installation's demo flag.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories } from '@hall/db';
import { createTestDatabase, testDialects } from '@hall/db/testing';
import { buildApp } from '../app.ts';
import { parseConfig, testConfig } from '../config.ts';
import { seedFirstRun } from '../demo/seed.ts';
import { createTestApp, json, type TestApp } from '../testing.ts';

/** Routes anyone may call: the kiosk, the board, health, the environment, signing in and out. */
const PUBLIC = [/^\/api\/public\//, /^\/api\/health/, /^\/api\/auth\/login$/, /^\/api\/auth\/logout$/];

describe.each(testDialects())('web security on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t?.close());

  const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
    t.app.inject({ method: 'POST', url, headers: { host: 'hall.local:3000', ...headers }, payload: payload as object });

  describe('headers', () => {
    it('every response carries a strict CSP, nosniff, Referrer-Policy and frame denial; no HSTS over plain HTTP', async () => {
      for (const url of ['/api/health', '/api/matters', '/api/nowhere', '/api/openapi.json', '/some/page']) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        const directives = Object.fromEntries(
          csp
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([k, ...v]) => [k, v.join(' ')]),
        );
        expect(directives['script-src'], url).toBe("'self'");
        expect(directives['script-src-attr']).toBe("'none'");
        expect(directives['default-src']).toBe("'self'");
        expect(directives['frame-ancestors']).toBe("'none'");
        expect(directives['object-src']).toBe("'none'");
        expect(directives['style-src']).toBe("'self' 'unsafe-inline'");
        expect(csp).not.toMatch(/upgrade-insecure-requests/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('same-origin');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('HSTS when the deployment is HTTPS (HALL_SECURE_COOKIE) or a trusted proxy says https', async () => {
      const apps: FastifyInstance[] = [];
      try {
        for (const config of [{ secureCookie: true }, { trustProxy: true }, { trustProxy: false }]) {
          const { app } = await buildApp({
            config: testConfig(config),
            database: t.database,
            key: randomBytes(32),
            clock: () => t.clock.now,
          });
          apps.push(app);
          await app.ready();
          const res = await app.inject({
            method: 'GET',
            url: '/api/health',
            headers: { 'x-forwarded-proto': 'https' },
          });
          const hsts = res.headers['strict-transport-security'];
          if (config.trustProxy === false) expect(hsts).toBeUndefined();
          else expect(hsts).toBe('max-age=31536000');
        }
      } finally {
        for (const app of apps) await app.close();
      }
    });

    it('every /api answer says Cache-Control: no-store, errors and public JSON included', async () => {
      const cookie = await t.login('registrar');
      const answers = [
        await t.app.inject({ method: 'GET', url: '/api/health' }),
        await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }),
        await t.app.inject({ method: 'GET', url: '/api/matters' }),
        await t.app.inject({ method: 'GET', url: '/api/nowhere' }),
        await t.app.inject({ method: 'GET', url: '/api/public/halls/SZ/kiosk' }),
        await t.app.inject({ method: 'GET', url: '/api/public/environment' }),
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } }),
        await post('/api/auth/login', { origin: 'http://evil.example' }),
      ];
      for (const res of answers) expect(res.headers['cache-control'], res.body).toBe('no-store');
    });
  });

  describe('Origin check', () => {
    it('a state-changing request from a foreign Origin is refused with 403 auth.badOrigin, in the caller’s language', async () => {
      const zh = await post(
        '/api/auth/login',
        { origin: 'http://evil.example' },
        { username: 'admin', password: 'hall12345' },
      );
      expect(zh.statusCode).toBe(403);
      expect(json(zh)).toEqual({
        error: 'auth.badOrigin',
        message: '请求来源与本系统不符，已拒绝；请从本系统页面操作',
      });
      const en = await post('/api/auth/login', { origin: 'http://evil.example', 'accept-language': 'en' });
      expect(json(en).message).toMatch(/^The request did not come from this application/);
    });

    it('it runs before anything else: no sign-in, no counted attempt, no session ended', async () => {
      const before = await t.database.db
        .selectFrom('audit_log')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await post(
        '/api/auth/login',
        { origin: 'http://evil.example' },
        { username: 'office', password: 'wrong' },
      );
      expect(res.statusCode).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      const office = await repositories(t.database.db).staff.findByUsername('office');
      expect(office?.failed_logins).toBe(0);
      const after = await t.database.db
        .selectFrom('audit_log')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      // A signed-in user's session is not ended by a forged sign-out.
      const cookie = await t.login('director');
      expect((await post('/api/auth/logout', { origin: 'https://evil.example', cookie })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    });

    it('Referer counts when Origin is missing; Origin: null and non-http origins are foreign', async () => {
      expect((await post('/api/auth/logout', { referer: 'http://evil.example/page' })).statusCode).toBe(403);
      expect((await post('/api/auth/logout', { origin: 'null' })).statusCode).toBe(403);
      expect((await post('/api/auth/logout', { origin: 'file://' })).statusCode).toBe(403);
      // Same host, another port: another origin.
      expect((await post('/api/auth/logout', { origin: 'http://hall.local:4000' })).statusCode).toBe(403);
      expect((await post('/api/auth/logout', { referer: 'http://hall.local:3000/login?next=/' })).statusCode).toBe(200);
    });

    it('own origin, no header at all (curl, scripts) and reading requests pass', async () => {
      expect((await post('/api/auth/logout', { origin: 'http://hall.local:3000' })).statusCode).toBe(200);
      expect((await post('/api/auth/logout', { origin: 'HTTP://HALL.LOCAL:3000' })).statusCode).toBe(200);
      expect((await post('/api/auth/logout', {})).statusCode).toBe(200);
      const get = await t.app.inject({
        method: 'GET',
        url: '/api/public/halls/SZ/kiosk',
        headers: { origin: 'http://evil.example' },
      });
      expect(get.statusCode).toBe(200);
    });

    it('behind a proxy: the configured public origins; an HTTPS deployment refuses plain-http origins', async () => {
      const { app } = await buildApp({
        config: testConfig({ publicOrigins: ['https://hall.example.gov.cn'], secureCookie: true }),
        database: t.database,
        key: randomBytes(32),
        clock: () => t.clock.now,
      });
      try {
        await app.ready();
        const send = (origin: string) =>
          app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: '127.0.0.1:3000', origin } });
        expect((await send('https://hall.example.gov.cn')).statusCode).toBe(200);
        expect((await send('https://127.0.0.1:3000')).statusCode).toBe(200);
        expect((await send('http://127.0.0.1:3000')).statusCode).toBe(403);
        expect((await send('https://evil.example')).statusCode).toBe(403);
        // Over HTTPS the session cookie is Secure, and sign-out clears it as Secure too.
        const signIn = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'guide', password: 'hall12345' },
        });
        const set = signIn.cookies.find((c) => c.name === 'hall_session')!;
        expect(set).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
        const out = await app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { cookie: `hall_session=${set.value}` },
        });
        expect(out.cookies.find((c) => c.name === 'hall_session')).toMatchObject({
          value: '',
          secure: true,
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
        });
      } finally {
        await app.close();
      }
      expect(parseConfig({ HALL_PUBLIC_ORIGIN: 'https://a.example, http://b.example:8080' }).publicOrigins).toEqual([
        'https://a.example',
        'http://b.example:8080',
      ]);
      expect(() => parseConfig({ HALL_PUBLIC_ORIGIN: 'https://a.example/path' })).toThrow(/HALL_PUBLIC_ORIGIN/);
    });
  });

  describe('authentication and permission before validation', () => {
    it('every non-public route of the OpenAPI document answers an anonymous caller with a bad body 401, without field details', async () => {
      const doc = json(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
      let walked = 0;
      for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
        if (PUBLIC.some((p) => p.test(path))) continue;
        for (const method of Object.keys(item)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          // Path parameters that fail their schema, and a body that fails any schema.
          const url = path.replace(/\{[^}]+\}/g, 'not-a-valid-id!') + '?limit=-5&date=2026-13-01&scope=nonsense';
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            ...(method === 'get' || method === 'delete' ? {} : { payload: { __proto__: 1, unexpected: ['\u0000'] } }),
          });
          expect(res.statusCode, `${method.toUpperCase()} ${path}: ${res.body}`).toBe(401);
          expect(json(res).error).toBe('auth.required');
          expect(json(res).fields, `${method} ${path}`).toBeUndefined();
          walked++;
        }
      }
      expect(walked).toBeGreaterThan(40);
    });

    it('a signed-in caller without the route’s permission gets 403 without field details', async () => {
      const cookie = await t.login('security');
      const cases: [string, string][] = [
        ['POST', '/api/admin/halls'],
        ['PUT', '/api/admin/staff/not-a-number'],
        ['POST', '/api/registrations'],
        ['PUT', '/api/queue/priorities'],
        ['POST', '/api/queue/services'],
      ];
      for (const [method, url] of cases) {
        const res = await t.app.inject({
          method: method as 'POST',
          url,
          headers: { cookie },
          payload: { nonsense: true },
        });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
        expect(json(res).error).toBe('auth.forbidden');
        expect(json(res).fields).toBeUndefined();
      }
      // With the permission, the same bad body gets its field details.
      const admin = await t.login('admin');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/halls',
        headers: { cookie: admin },
        payload: { nonsense: true },
      });
      expect(res.statusCode).toBe(400);
      expect(json(res).fields.length).toBeGreaterThan(0);
    });
  });

  describe('demo data', () => {
    it('a demo installation says so on a public endpoint (the web app shows 演示环境)', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/environment' });
      expect(json(res)).toEqual({ demo: true });
    });

    it('defaults: demo data only on the embedded SQLite database; on PostgreSQL only when asked for', () => {
      expect(parseConfig({}).demoData).toBe(true);
      const key = randomBytes(32).toString('base64');
      const pgUrl = 'postgres://u@h/hall';
      expect(parseConfig({ HALL_DATABASE_URL: pgUrl, HALL_DATA_KEY: key }).demoData).toBe(false);
      expect(parseConfig({ HALL_DATABASE_URL: pgUrl, HALL_DATA_KEY: key, HALL_DEMO_DATA: 'true' }).demoData).toBe(true);
      expect(parseConfig({ HALL_DEMO_DATA: 'false' }).demoData).toBe(false);
      expect(() => parseConfig({ HALL_ADMIN_PASSWORD: 'short' })).toThrow(/HALL_ADMIN_PASSWORD/);
    });

    it('a first start without demo data: one hall, the reference data, an administrator who can sign in and work; no banner', async () => {
      const database = await createTestDatabase(dialect);
      try {
        const now = new Date('2026-11-30T02:00:00Z');
        const first = await seedFirstRun(database.db, now, { adminPassword: null });
        expect(first).toMatchObject({ username: 'admin', generated: true });
        expect(first!.password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{16}$/);
        // Once: a second start changes nothing and prints nothing.
        expect(await seedFirstRun(database.db, now, { adminPassword: null })).toBeNull();
        const r = repositories(database.db);
        expect(await r.org.listHalls()).toHaveLength(1);
        expect((await r.org.listCategories()).length).toBeGreaterThanOrEqual(18);
        expect(
          (await database.db.selectFrom('staff_user').select('username').execute()).map((s) => s.username),
        ).toEqual(['admin']);

        const { app } = await buildApp({ config: testConfig(), database, key: randomBytes(32), clock: () => now });
        try {
          await app.ready();
          expect(json(await app.inject({ method: 'GET', url: '/api/public/environment' }))).toEqual({ demo: false });
          const login = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'admin', password: first!.password },
          });
          expect(login.statusCode, login.body).toBe(200);
          const cookie = `hall_session=${login.cookies[0].value}`;
          // The administrator sets the hall up: a window, a queue service.
          const w = await app.inject({
            method: 'POST',
            url: '/api/admin/windows',
            headers: { cookie },
            payload: {
              hallId: (await r.org.listHalls())[0].id,
              number: 1,
              name: '综合接待窗口',
              kind: 'general',
              unitId: null,
              active: true,
            },
          });
          expect(w.statusCode, w.body).toBe(200);
          expect((await app.inject({ method: 'GET', url: '/api/reference', headers: { cookie } })).statusCode).toBe(
            200,
          );
          expect(
            json(await app.inject({ method: 'GET', url: '/api/queue/priorities', headers: { cookie } })).length,
          ).toBeGreaterThan(0);
        } finally {
          await app.close();
        }
        // A given password is used as it is.
        const other = await createTestDatabase(dialect);
        try {
          expect(await seedFirstRun(other.db, now, { adminPassword: 'Given2026pass' })).toMatchObject({
            generated: false,
            password: 'Given2026pass',
          });
        } finally {
          await other.drop();
        }
      } finally {
        await database.drop();
      }
    });
  });
});
