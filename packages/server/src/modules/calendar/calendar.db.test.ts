/**
 * The working-day calendar as data (R1.19), on every dialect: years' status, loading a year's
 * notice (validated, audited), deadlines recomputed in the same transaction with a timeline event,
 * the provisional-year alert raised once and resolved, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AlertList,
  RegistrationResult,
  CalendarDay,
  CalendarSaveResult,
  CalendarYear,
  CalendarYearDetail,
} from '@hall/contracts';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import type { Actor, Ctx } from '../../context.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';
import { loadCalendar } from '../cases/calendar.ts';
import { type DeadlineKind, openDeadline } from '../cases/deadlines.ts';

/** A notice for 2027 as the State Council might publish it (test data, not the real notice). */
const range = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
const NOTICE_2027 = {
  holidays: [
    '2027-01-01',
    ...range('2027-02-05', 9), // 除夕 to the 8th day: 2027-02-05 … 2027-02-13
    '2027-04-05',
    ...range('2027-05-01', 5),
    '2027-06-09',
    '2027-09-15',
    ...range('2027-10-01', 7),
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-09-26', '2027-10-09'],
  source: '国办发明电〔2026〕99号（测试数据）',
};

describe.each(testDialects())('working-day calendar administration on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let matterId: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const registrar = await t.login('registrar');
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      payload: await demoRegistration(t),
      headers: { cookie: registrar },
    });
    expect(reg.statusCode).toBe(200);
    matterId = json<RegistrationResult>(reg).matterId;
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = admin, lang = 'zh-CN') =>
    t.app.inject({ method, url, payload, headers: { cookie, 'accept-language': lang } });

  /** Opens a deadline the way the case effects do (openDeadline on the database calendar). */
  async function open(kind: DeadlineKind, rule: 'objection' | 'dispose', start: string) {
    const r = repositories(t.database.db);
    const ctx = { actor: { id: 1 } as Actor, requestId: 'test', now: t.clock.now, lang: 'zh-CN' } as Ctx;
    return openDeadline(r, ctx, await loadCalendar(r), { matterId, kind, rule, start });
  }
  const deadline = (id: number) => repositories(t.database.db).cases.getDeadline(id);
  const year = async (y: number) =>
    json<CalendarYear[]>(await call('GET', '/api/calendar/years')).find((x) => x.year === y)!;

  it('R1.19: lists 2004 to two years ahead: the package years official, the rest provisional', async () => {
    const years = json<CalendarYear[]>(await call('GET', '/api/calendar/years'));
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 2028 - 2004 + 1 }, (_, i) => 2028 - i));
    expect(years.find((y) => y.year === 2026)).toMatchObject({ status: 'official', origin: 'package' });
    expect(years.find((y) => y.year === 2004)).toMatchObject({ status: 'official', origin: 'package' });
    expect(years.find((y) => y.year === 2027)).toMatchObject({
      status: 'provisional',
      origin: 'statutory',
      workdayCount: 0,
    });
    expect(years.find((y) => y.year === 2027)!.source).toContain('暂定');
  });

  it('R1.19: a provisional year shows the days it assumes: statutory holidays and substitute days, no make-up working days', async () => {
    const detail = json<CalendarYearDetail>(await call('GET', '/api/calendar/years/2027'));
    expect(detail.status).toBe('provisional');
    expect(detail.days.filter((d) => d.kind === 'makeUpWorkday')).toEqual([]);
    expect(detail.days.find((d) => d.date === '2027-02-05')).toMatchObject({
      kind: 'holiday',
      name: { 'zh-CN': '春节' },
    });
    expect(detail.days.find((d) => d.date === '2027-02-09')!.name!['zh-CN']).toBe('春节补假');
    expect(detail.holidays).toEqual([]);
    const official = json<CalendarYearDetail>(await call('GET', '/api/calendar/years/2026'));
    expect(official.days.some((d) => d.kind === 'makeUpWorkday')).toBe(true);
    expect(official.holidays.length).toBeGreaterThan(20);
  });

  it('R1.19: a deadline in a year with no notice is provisional and raises one alert, however many deadlines', async () => {
    const a = await open('objection', 'objection', '2027-01-29'); // 5 working days across the 2027 Spring Festival
    const b = await open('dispose', 'dispose', '2027-03-01'); // 15 calendar days, due on a working day
    const c = await open('handle', 'objection', '2026-12-01'); // within 2026: official
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });
    expect(a).toMatchObject({ due: '2027-02-11', provisional: 1 });
    expect(b).toMatchObject({ due: '2027-03-16', provisional: 1 });
    expect(c.provisional).toBe(0);

    const alerts = json<AlertList>(await call('GET', '/api/alerts'));
    expect(alerts.count).toBe(1);
    expect(alerts.alerts[0]).toMatchObject({ kind: 'calendar.provisional', key: 'calendar.provisional:2027' });
    expect(alerts.alerts[0].message).toContain('2027 年的节假日安排尚未录入：涉及 2027 年的期限为暂定');
    expect(alerts.alerts[0].message).toContain('进行中 2 个');
    const en = json<AlertList>(await call('GET', '/api/alerts', undefined, admin, 'en'));
    expect(en.alerts[0].message).toContain('The 2027 holiday arrangement is not loaded');
    expect((await year(2027)).provisionalDeadlines).toBe(2);
  });

  it('R1.19: the day service says whether a day is worked and why, and that 2027 is provisional', async () => {
    const registrar = await t.login('registrar');
    const d = json<CalendarDay>(await call('GET', '/api/calendar/day/2027-02-05', undefined, registrar));
    expect(d).toMatchObject({ work: false, kind: 'holiday', provisional: true });
    expect(d.why).toContain('春节');
    expect(d.why).toContain('暂定');
    const sunday = json<CalendarDay>(await call('GET', '/api/calendar/day/2026-01-04', undefined, registrar, 'en'));
    expect(sunday).toMatchObject({ work: true, kind: 'makeUpWorkday', provisional: false });
    expect(sunday.why).toBe("Make-up working day: New Year's Day");
    expect((await call('GET', '/api/calendar/day/2026-02-30', undefined, registrar)).statusCode).toBe(400);
  });

  it.each([
    [
      'a date outside the year',
      { holidays: ['2026-12-31', '2027-02-05'], workdays: [] },
      'holidays.0',
      '2026-12-31 不在 2027 年内',
    ],
    [
      'a make-up day that is not a weekend',
      { holidays: ['2027-02-05'], workdays: ['2027-02-08'] },
      'workdays.0',
      '2027-02-08 不是周末',
    ],
    [
      'a day both off and worked',
      { holidays: ['2027-02-06'], workdays: ['2027-02-06'] },
      'workdays.0',
      '2027-02-06 不能同时是放假日和调休上班日',
    ],
    [
      'a date that does not exist',
      { holidays: ['2027-02-05', '2027-02-30'], workdays: [] },
      'holidays.1',
      '日期无效：2027-02-30',
    ],
    ['no source', { holidays: ['2027-02-05'], workdays: [], source: ' ' }, 'source', '请注明 2027 年放假安排的来源'],
  ])('R1.19: refuses %s with a clear message on the field, and saves nothing', async (_, body, path, text) => {
    const res = await call('PUT', '/api/calendar/years/2027', { source: NOTICE_2027.source, ...body });
    expect(res.statusCode).toBe(400);
    const err = json<{ error: string; message: string; fields: { path: string; message: string }[] }>(res);
    expect(err.error).toBe('calendar.noticeInvalid');
    expect(err.message).toContain(text);
    expect(err.fields.find((f) => f.path === path)?.message).toContain(text);
    expect((await year(2027)).status).toBe('provisional');
    expect(json<{ items: unknown[] }>(await call('GET', '/api/audit?entity=holidayYear')).items).toEqual([]);
  });

  it('R1.19: a notice with no days off is refused; errors come in English too', async () => {
    const empty = await call('PUT', '/api/calendar/years/2027', { holidays: [], workdays: [], source: 'x' });
    expect(json(empty).error).toBe('calendar.holidaysRequired');
    const en = await call(
      'PUT',
      '/api/calendar/years/2027',
      { holidays: ['2027-02-05'], workdays: ['2027-02-08'], source: 'x' },
      admin,
      'en',
    );
    expect(json(en).message).toBe(
      'The 2027 holiday arrangement has errors: 2027-02-08 is not a weekend day, so it cannot be a make-up working day',
    );
  });

  it('R1.19: only the administrator manages the calendar; the leadership reads the alerts', async () => {
    const registrar = await t.login('registrar');
    expect((await call('GET', '/api/calendar/years', undefined, registrar)).statusCode).toBe(403);
    expect((await call('GET', '/api/calendar/years/2027', undefined, registrar)).statusCode).toBe(403);
    expect((await call('PUT', '/api/calendar/years/2027', NOTICE_2027, registrar)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/calendar/years/2027', undefined, registrar)).statusCode).toBe(403);
    expect((await call('GET', '/api/alerts', undefined, registrar)).statusCode).toBe(403);
    expect((await call('GET', '/api/alerts', undefined, await t.login('office'))).statusCode).toBe(403);
    expect(json<AlertList>(await call('GET', '/api/alerts', undefined, await t.login('director'))).count).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/day/2027-01-04' })).statusCode).toBe(401);
    expect((await year(2027)).status).toBe('provisional');
  });

  it('R1.19: loading 2027 makes its deadlines official, moves a due date the make-up day changes, records it, and resolves the alert', async () => {
    const res = await call('PUT', '/api/calendar/years/2027', NOTICE_2027);
    expect(res.statusCode).toBe(200);
    const saved = json<CalendarSaveResult>(res);
    expect(saved.year).toMatchObject({
      year: 2027,
      status: 'official',
      origin: 'admin',
      source: NOTICE_2027.source,
      updatedByName: expect.any(String),
    });
    expect(saved.year.workdays).toEqual(NOTICE_2027.workdays);
    expect(saved.recomputed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deadlineId: ids.a,
          beforeDue: '2027-02-11',
          afterDue: '2027-02-04',
          afterProvisional: false,
        }),
        expect.objectContaining({
          deadlineId: ids.b,
          beforeDue: '2027-03-16',
          afterDue: '2027-03-16',
          beforeProvisional: true,
          afterProvisional: false,
        }),
      ]),
    );
    expect(saved.recomputed.map((x) => x.deadlineId)).not.toContain(ids.c);

    // The deadline row: due, provisional flag and the domain's Deadline with its history.
    const a = (await deadline(ids.a))!;
    expect(a).toMatchObject({ due: '2027-02-04', provisional: 0 });
    const detail = JSON.parse(a.detail);
    expect(detail.computation['zh-CN']).toContain('2027-01-31 调休上班，计入');
    expect(detail.history.at(-1)).toMatchObject({ kind: 'recomputed', previousDue: '2027-02-11', due: '2027-02-04' });
    expect((await deadline(ids.b))!.provisional).toBe(0);

    // A timeline event on the case with before/after due, and audit rows for the year and the deadlines.
    const events = await repositories(t.database.db).matters.events(matterId);
    const recomputed = events.filter((e) => e.action === 'deadlineRecomputed');
    expect(recomputed).toHaveLength(2);
    expect(JSON.parse(recomputed[0].data!)).toMatchObject({
      deadlineId: ids.a,
      beforeDue: '2027-02-11',
      afterDue: '2027-02-04',
      year: 2027,
    });
    const audit = json<{ items: { action: string; entityId: string; after: unknown }[] }>(
      await call('GET', '/api/audit?limit=20'),
    ).items;
    expect(audit.filter((x) => x.action === 'holidayYear.create')).toHaveLength(1);
    expect(
      audit
        .filter((x) => x.action === 'deadline.recompute')
        .map((x) => Number(x.entityId))
        .sort(),
    ).toEqual([ids.a, ids.b].sort());

    // The alert is resolved; the year is official and assumes nothing.
    expect(json<AlertList>(await call('GET', '/api/alerts')).count).toBe(0);
    const rows = await t.database.db.selectFrom('admin_alert').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].resolved_at).not.toBeNull();
    const day = json<CalendarDay>(await call('GET', '/api/calendar/day/2027-01-31'));
    expect(day).toMatchObject({ work: true, kind: 'makeUpWorkday', provisional: false });
    expect(day.why).toBe('调休上班（春节）');
    const y = json<CalendarYearDetail>(await call('GET', '/api/calendar/years/2027'));
    expect(y.days.find((d) => d.date === '2027-02-13')).toMatchObject({ kind: 'holiday', name: { 'zh-CN': '春节' } });
    expect(y.provisionalDeadlines).toBe(0);
  });

  it('R1.19: loading the same notice again changes no deadline and adds no event', async () => {
    const res = json<CalendarSaveResult>(await call('PUT', '/api/calendar/years/2027', NOTICE_2027));
    expect(res.recomputed).toEqual([]);
    const events = await repositories(t.database.db).matters.events(matterId);
    expect(events.filter((e) => e.action === 'deadlineRecomputed')).toHaveLength(2);
    const audit = json<{ items: { action: string }[] }>(await call('GET', '/api/audit?entity=holidayYear')).items;
    expect(audit.map((a) => a.action)).toEqual(['holidayYear.update', 'holidayYear.create']);
  });

  it('R1.19: a new deadline in 2027 is official at once and raises no alert', async () => {
    const d = await open('reviewRequest', 'objection', '2027-02-03');
    expect(d).toMatchObject({ provisional: 0, due: '2027-02-18' });
    expect(json<AlertList>(await call('GET', '/api/alerts')).count).toBe(0);
  });

  it('R1.19: removing the notice makes 2027 provisional again and recomputes its deadlines back', async () => {
    expect(json(await call('DELETE', '/api/calendar/years/2026')).error).toBe('calendar.notAdminYear');
    const res = await call('DELETE', '/api/calendar/years/2027');
    expect(res.statusCode).toBe(200);
    const out = json<CalendarSaveResult>(res);
    expect(out.year).toMatchObject({ status: 'provisional', origin: 'statutory' });
    expect(out.recomputed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deadlineId: ids.a,
          beforeDue: '2027-02-04',
          afterDue: '2027-02-11',
          afterProvisional: true,
        }),
      ]),
    );
    expect((await deadline(ids.a))!).toMatchObject({ due: '2027-02-11', provisional: 1 });
    expect((await year(2027)).provisionalDeadlines).toBe(3);
    const audit = json<{ items: { action: string }[] }>(await call('GET', '/api/audit?entity=holidayYear')).items;
    expect(audit[0].action).toBe('holidayYear.delete');
    expect((await call('DELETE', '/api/calendar/years/2027')).statusCode).toBe(404);
  });
});
