/** The organisation as data (R1.0), edited by the administrator and audited, on every dialect. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
import { createTestApp, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('organisation admin on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url, payload, headers: { cookie } });

  it('the demo organisation has department and general windows, three counties, every role and the 18 categories', async () => {
    const windows = json<{ kind: string }[]>(await call('GET', '/api/admin/windows'));
    expect(windows.some((w) => w.kind === 'general')).toBe(true);
    expect(windows.filter((w) => w.kind === 'department').length).toBeGreaterThanOrEqual(3);
    const divisions = json<{ level: string }[]>(await call('GET', '/api/admin/divisions'));
    expect(divisions.filter((d) => d.level === 'county')).toHaveLength(3);
    const staff = json<{ roles: string[] }[]>(await call('GET', '/api/admin/staff'));
    for (const role of ['registrar', 'receptionist', 'office', 'deputyDirector', 'director', 'admin']) {
      expect(staff.some((s) => s.roles.includes(role))).toBe(true);
    }
    const cats = json<{ parentId: number | null }[]>(await call('GET', '/api/admin/categories'));
    expect(cats.filter((c) => c.parentId === null)).toHaveLength(18);
  });

  it('creates a window, a unit and a staff member; each change is audited', async () => {
    const unit = json(await call('POST', '/api/admin/units', { name: '市民政局', kind: 'department', divisionCode: '320500' }));
    const noUnit = await call('POST', '/api/admin/windows', { hallId: 1, number: 8, name: '市民政局窗口', kind: 'department' });
    expect(noUnit.statusCode).toBe(400);
    expect(json(noUnit).error).toBe('org.unitRequiredForDepartmentWindow');
    const win = json(await call('POST', '/api/admin/windows', { hallId: 1, number: 8, name: '市民政局窗口', kind: 'department', unitId: unit.id }));
    expect(win).toMatchObject({ number: 8, unitId: unit.id, active: true });
    const dup = await call('POST', '/api/admin/windows', { hallId: 1, number: 8, name: '重复', kind: 'general' });
    expect(dup.statusCode).toBe(409);
    const staff = await call('POST', '/api/admin/staff', {
      username: 'reception7',
      displayName: '周敏',
      hallId: 1,
      windowId: win.id,
      roles: ['receptionist'],
      password: 'welcome2026',
    });
    expect(staff.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reception7', password: 'welcome2026' } })).statusCode).toBe(200);
    const audit = json<{ items: { action: string }[] }>(await call('GET', '/api/audit?limit=20')).items;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['unit.create', 'window.create', 'staff.create']));
    expect(JSON.stringify(audit)).not.toContain('password_hash');
  });

  it('maps a category to a window: the reference proposes it for registration', async () => {
    const cats = json<{ id: number; code: string }[]>(await call('GET', '/api/admin/categories'));
    const education = cats.find((c) => c.code === '07')!;
    const windows = json<{ id: number; number: number }[]>(await call('GET', '/api/admin/windows'));
    const w6 = windows.find((w) => w.number === 6)!;
    expect((await call('PUT', '/api/admin/category-routes', { hallId: 1, categoryId: education.id, windowId: w6.id })).statusCode).toBe(200);
    const registrar = await t.login('registrar');
    const ref = json<{ categories: { id: number; windowId: number | null }[] }>(await call('GET', '/api/reference', undefined, registrar));
    expect(ref.categories.find((c) => c.id === education.id)!.windowId).toBe(w6.id);
  });

  it('a category cannot become its own ancestor', async () => {
    const cats = json<{ id: number; code: string; name: string; parentId: number | null }[]>(await call('GET', '/api/admin/categories'));
    const parent = cats.find((c) => c.code === '06')!;
    const child = cats.find((c) => c.code === '06.01')!;
    const res = await call('PUT', `/api/admin/categories/${parent.id}`, { code: '06', name: parent.name, parentId: child.id });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toBe('org.parentCycle');
  });

  it('locks out and unlocks: the administrator resets a password', async () => {
    const s = json<{ id: number; username: string; hallId: number; windowId: number | null; roles: string[]; displayName: string }[]>(
      await call('GET', '/api/admin/staff'),
    ).find((x) => x.username === 'office')!;
    const res = await call('PUT', `/api/admin/staff/${s.id}`, { ...s, password: 'reset2026x', unlock: true, active: true });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: 'reset2026x' } })).statusCode).toBe(200);
  });

  it('only the administrator manages the organisation', async () => {
    const registrar = await t.login('registrar');
    expect((await call('GET', '/api/admin/staff', undefined, registrar)).statusCode).toBe(403);
    expect((await call('POST', '/api/admin/units', { name: 'x', kind: 'other' }, registrar)).statusCode).toBe(403);
  });

  it('a duplicate names the field in the user language', async () => {
    const res = await call('POST', '/api/admin/units', { name: '市公安局', kind: 'department' });
    expect(res.statusCode).toBe(409);
    expect(json(res).message).toBe('名称 已存在');
  });

  it('divisions cannot form a cycle and a parent is a higher level', async () => {
    const cycle = await call('PUT', '/api/admin/divisions/320000', { code: '320000', name: '江苏省', level: 'province', parentCode: '320506' });
    expect(cycle.statusCode).toBe(400);
    const level = await call('POST', '/api/admin/divisions', { code: '320599', name: '测试市', level: 'city', parentCode: '320506' });
    expect(json(level).error).toBe('org.divisionLevel');
  });

  it('the administrator cannot remove the last administrator or their own admin role', async () => {
    const me = json<{ id: number; hallId: number; roles: string[]; displayName: string; windowId: number | null }[]>(
      await call('GET', '/api/admin/staff'),
    ).find((x) => x.roles.includes('admin'))!;
    const res = await call('PUT', `/api/admin/staff/${me.id}`, { ...me, roles: ['registrar'], active: true });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toBe('org.cannotLockOutAdmins');
    expect((await call('GET', '/api/admin/staff')).statusCode).toBe(200);
  });

  it('unit handlers must belong to a unit', async () => {
    const res = await call('POST', '/api/admin/staff', { username: 'handler9', displayName: '某', hallId: 1, roles: ['unitHandler'], password: 'welcome2026' });
    expect(json(res).error).toBe('org.unitRequiredForUnitStaff');
  });
});
