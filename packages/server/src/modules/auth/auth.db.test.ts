/** Sign-in, lockout, idle sessions and password change, on every dialect in DIALECTS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
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
