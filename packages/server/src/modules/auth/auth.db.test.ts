/** Sign-in, lockout, idle sessions and password change, on every dialect in DIALECTS. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { lockoutAttempts: 5, lockoutMinutes: 15, sessionIdleMinutes: 30 } });
  });
  afterAll(() => t?.close());

  const login = (username: string, password: string, lang = 'zh-CN') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang } });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('health names the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(json(res)).toEqual({ status: 'ok', database: dialect });
  });

  it('OpenAPI is served at /api/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(json(res).paths)).toContain('/api/registrations');
  });

  it('signs in with an httpOnly SameSite cookie, knows who I am, signs out', async () => {
    const res = await login('reception1', 'hall12345');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(json(res)).toMatchObject({ username: 'reception1', roles: ['receptionist'], windowName: '市人社局窗口' });
    const cookie = `hall_session=${res.cookies[0].value}`;
    expect((await me(cookie)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a wrong password says so in the request language; no session', async () => {
    const zh = await login('office', 'wrong-password');
    expect(zh.statusCode).toBe(401);
    expect(json(zh).message).toBe('用户名或密码错误');
    expect(json(await login('nobody', 'x', 'en')).message).toBe('Wrong username or password');
  });

  it('five failed sign-ins lock the account for the configured time, then it opens again', async () => {
    for (let i = 0; i < 4; i++) expect((await login('deputy', 'bad')).statusCode).toBe(401);
    const fifth = await login('deputy', 'bad');
    expect(fifth.statusCode).toBe(423);
    expect(json(fifth).error).toBe('auth.locked');
    // Even the right password is refused while locked.
    expect((await login('deputy', 'hall12345')).statusCode).toBe(423);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.locked').execute();
    expect(audit).toHaveLength(1);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await login('deputy', 'hall12345')).statusCode).toBe(200);
  });

  it('a session idle longer than the limit expires', async () => {
    const cookie = await t.login('director');
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200); // activity renews it
    t.clock.now = new Date(t.clock.now.getTime() + 29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, weak ones are refused', async () => {
    const cookie = await t.login('reception6');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
    expect(json(await change('wrong', 'abc12345678')).error).toBe('auth.wrongPassword');
    expect(json(await change('hall12345', 'short')).error).toBe('auth.weakPassword');
    expect((await change('hall12345', 'newpass2026')).statusCode).toBe(200);
    expect((await login('reception6', 'hall12345')).statusCode).toBe(401);
    expect((await login('reception6', 'newpass2026')).statusCode).toBe(200);
  });

  it('unauthenticated API calls get 401 with a message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/matters' });
    expect(res.statusCode).toBe(401);
    expect(json(res)).toEqual({ error: 'auth.required', message: '请先登录' });
  });
});

/**
 * Sign-in under attack (issue 8 §4): the attempt is counted atomically before the password is
 * evaluated, so 20 parallel wrong passwords get at most HALL_LOCKOUT_ATTEMPTS evaluations and the
 * last of them locks; an unknown username is answered the same way; every outcome is audited without
 * the password or the token; sessions have an absolute lifetime and a fresh id at sign-in and after a
 * password change; sign-out clears the cookie with the attributes it was set with.
 */
describe.each(testDialects())('sign-in hardening on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // A pool of 10 on PostgreSQL: the parallel sign-ins truly overlap.
    t = await createTestApp(dialect, {
      poolSize: 10,
      config: { lockoutAttempts: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12 },
    });
  });
  afterAll(() => t?.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const auditRows = (action: string, entityId?: string) => {
    let q = t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action);
    if (entityId) q = q.where('entity_id', '=', entityId);
    return q.execute();
  };
  const staffId = async (username: string) => String((await repositories(t.database.db).staff.findByUsername(username))!.id);
  const statuses = (answers: { statusCode: number }[]) =>
    answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.statusCode]: (acc[a.statusCode] ?? 0) + 1 }), {});

  it('20 parallel wrong passwords: five are evaluated, the fifth locks, the rest are refused unevaluated', async () => {
    const id = await staffId('handler1');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('handler1', `wrong-${i}`)));
    expect(statuses(answers)).toEqual({ 401: 4, 423: 16 });
    for (const a of answers.filter((x) => x.statusCode === 423)) expect(json(a).error).toBe('auth.locked');
    // One audit row per evaluated password (in the same transaction as its outcome): exactly five.
    const failures = await auditRows('staff.loginFailed', id);
    expect(failures.filter((f) => JSON.parse(f.after_data!).reason === 'wrongPassword')).toHaveLength(5);
    expect(failures.filter((f) => JSON.parse(f.after_data!).reason === 'locked')).toHaveLength(15);
    expect(await auditRows('staff.locked', id)).toHaveLength(1);
    // Locked: the right password too, until the lock ends.
    expect((await login('handler1', 'hall12345')).statusCode).toBe(423);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await login('handler1', 'hall12345')).statusCode).toBe(200);
  });

  it('an unknown username is answered exactly like a known one: 401 with the same message, then locked after as many', async () => {
    const known = await login('handler2', 'wrong', { 'accept-language': 'en' });
    const unknown = await login('no-such-user', 'wrong', { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    // In parallel, the same split as for a real account.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('ghost', `wrong-${i}`)));
    expect(statuses(answers)).toEqual({ 401: 4, 423: 16 });
    const knownLocked = await Promise.all(Array.from({ length: 5 }, () => login('countyh', 'wrong')));
    const a = json(answers.find((x) => x.statusCode === 423)!);
    const b = json(knownLocked.find((x) => x.statusCode === 423)!);
    expect(a).toEqual(b); // same code, same message, same "until"
    // The unknown name's "lock" ends like a real one.
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await login('ghost', 'wrong')).statusCode).toBe(401);
  });

  it('an unknown username costs a password evaluation too: timing does not tell it from a wrong password', async () => {
    const median = async (username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        expect((await login(username, `timing-${i}`)).statusCode).toBe(401);
        times.push(performance.now() - start);
      }
      return times.sort((x, y) => x - y)[1];
    };
    const known = await median('inquiry');
    const unknown = await median('nobody-timing');
    // Broad bounds (a shared machine): without the dummy hash an unknown name answers many times faster.
    expect(unknown / known).toBeGreaterThan(0.4);
    expect(unknown / known).toBeLessThan(2.5);
  });

  it('sign-in, failure, lock-out and sign-out are audited, with the address, never the password or the token', async () => {
    const id = await staffId('lead1');
    const res = await login('lead1', 'hall12345', { 'x-test': '1' });
    expect(res.statusCode).toBe(200);
    const token = res.cookies[0].value;
    await login('lead1', 'Secret-typo-2026');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `hall_session=${token}` } });
    const [signIn] = await auditRows('staff.login', id);
    expect(signIn).toMatchObject({ actor_id: Number(id), entity: 'staff' });
    expect(JSON.parse(signIn.after_data!)).toEqual({ address: '127.0.0.1' });
    expect(await auditRows('staff.loginFailed', id)).toHaveLength(1);
    const [out] = await auditRows('staff.logout', id);
    expect(out.actor_id).toBe(Number(id));
    const all = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of ['hall12345', 'Secret-typo-2026', 'wrong-3', token]) expect(all).not.toContain(secret);
  });

  it('a session ends after the absolute lifetime however active; idle expiry stays', async () => {
    const cookie = await t.login('office');
    for (let h = 0; h < 11; h++) {
      t.clock.now = new Date(t.clock.now.getTime() + 25 * 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 25 * 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    // 11 h in; at 12 h the session is over although it was used a minute ago.
    for (const minutes of [25, 25, 9]) {
      t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    t.clock.now = new Date(t.clock.now.getTime() + 1 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a sign-in issues a fresh session id and ends the session whose cookie came with it', async () => {
    const old = await t.login('deputy');
    const res = await login('deputy', 'hall12345', { cookie: old });
    expect(res.statusCode).toBe(200);
    const fresh = `hall_session=${res.cookies[0].value}`;
    expect(fresh).not.toBe(old);
    expect((await me(old)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('a password change ends every session of the account and issues a fresh one to this browser', async () => {
    const here = await t.login('registrar');
    const elsewhere = await t.login('registrar');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: 'hall12345', newPassword: 'Changed2026' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = `hall_session=${res.cookies.find((c) => c.name === 'hall_session')!.value}`;
    expect(fresh).not.toBe(here);
    expect((await me(here)).statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('sign-out clears the cookie with the attributes it was set with', async () => {
    const res = await login('guide', 'hall12345');
    const set = res.cookies.find((c) => c.name === 'hall_session')!;
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `hall_session=${set.value}` } });
    const cleared = out.cookies.find((c) => c.name === 'hall_session')!;
    expect(cleared.value).toBe('');
    expect(new Date(cleared.expires!).getTime()).toBeLessThan(t.clock.now.getTime());
    for (const k of ['path', 'httpOnly', 'sameSite', 'secure', 'domain'] as const) expect(cleared[k], k).toEqual(set[k]);
    expect(set).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Strict' });
  });
});

/**
 * Limits per address and per username, kept in the database: on PostgreSQL two app instances on one
 * database count together. 429 answers are translated and carry Retry-After.
 */
describe.each(testDialects())('sign-in rate limits on %s', (dialect) => {
  let t: TestApp;
  let secondDb: Database | undefined;
  let second: FastifyInstance | undefined;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    const config = { loginAddressPerMinute: 6, loginUsernamePerMinute: 3 };
    t = await createTestApp(dialect, { config });
    apps.push(t.app);
    if (dialect === 'postgres') {
      secondDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
      second = (
        await buildApp({ config: testConfig(config), database: secondDb, key: randomBytes(32), clock: () => t.clock.now })
      ).app;
      await second.ready();
      apps.push(second);
    }
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.destroy();
    await t?.close();
  });

  /** Alternates the instances (PostgreSQL). */
  let n = 0;
  const login = (username: string, remoteAddress: string, lang = 'zh-CN') =>
    apps[n++ % apps.length].inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'wrong' },
      remoteAddress,
      headers: { 'accept-language': lang },
    });

  it('one username: the fourth attempt in a minute is refused with 429 and Retry-After, from any address, on any instance', async () => {
    for (let i = 0; i < 3; i++) expect((await login('office', `10.0.1.${i}`)).statusCode).toBe(401);
    const refused = await login('office', '10.0.1.99');
    expect(refused.statusCode).toBe(429);
    expect(json(refused).error).toBe('auth.tooMany');
    expect(json(refused).message).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试$/);
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(json(await login('office', '10.0.1.98', 'en')).message).toMatch(/^Too many sign-in attempts: try again in \d+ seconds$/);
    // Refused before the password: no failure counted beyond the three evaluated.
    expect((await repositories(t.database.db).staff.findByUsername('office'))!.failed_logins).toBe(3);
    // The window passes: allowed again.
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect((await login('office', '10.0.1.97')).statusCode).toBe(401);
  });

  it('one address: the seventh attempt in a minute is refused, whatever the usernames', async () => {
    for (let i = 0; i < 6; i++) expect((await login(`user${i}`, '10.0.2.1')).statusCode).toBe(401);
    const refused = await login('user-x', '10.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await login('user-y', '10.0.2.2')).statusCode).toBe(401);
  });

  it('password changes (argon2 on the current password) are limited like sign-ins of the account', async () => {
    const cookie = await t.login('reception2');
    const change = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: 'guess', newPassword: 'Another2026' },
      });
    for (let i = 0; i < 3; i++) expect(json(await change()).error).toBe('auth.wrongPassword');
    const refused = await change();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});
