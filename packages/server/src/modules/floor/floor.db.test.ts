/**
 * The guide desk (R2.2) and the entry check (R4.1) over HTTP on a real database, on every dialect:
 * directing a visitor issues a ticket linked to the visit; out-of-scope visitors need security
 * informed; procedural legal answers are kept; a refused entry is never directed; security staff
 * record only the check; lists show ID numbers masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
import { gb11643CheckChar } from '@hall/domain';
import { createTestApp, json, type TestApp } from '../../testing.ts';
import { type FloorFixtures, floorFixtures } from './floor.fixtures.ts';

const idNumber = (body17: string) => body17 + gb11643CheckChar(body17);

describe.each(testDialects())('guide desk and entry check on %s', (dialect) => {
  let t: TestApp;
  let f: FloorFixtures;
  let guide: string;
  let security: string;
  let reception1: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    f = await floorFixtures(t);
    [guide, security, reception1] = await Promise.all([
      t.login('t-guide'),
      t.login('t-security'),
      t.login('reception1'),
    ]);
  });
  afterAll(() => t?.close());

  const record = (cookie: string, body: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/floor/visits', headers: { cookie, ...headers }, payload: body });
  const count = async (table: 'hall_visit' | 'queue_ticket' | 'audit_log') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => [await count('hall_visit'), await count('queue_ticket'), await count('audit_log')];

  it('R2.2: a directed visitor gets a ticket for the service, linked to the visit, and the visit is audited', async () => {
    const res = await record(guide, {
      personName: '李四',
      idType: 'resident',
      idNumber: idNumber('32050619800101001'),
      securityCheck: 'passed',
      purpose: '咨询工资拖欠如何反映',
      outcome: 'directed',
      serviceId: f.serviceId,
    });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.ticket.number).toMatch(/^[A-Z]{1,2}\d{3,4}$/);
    expect(body.visit).toMatchObject({
      outcome: 'directed',
      serviceId: f.serviceId,
      ticketNumber: body.ticket.number,
      securityCheck: 'passed',
    });
    expect(body.alert).toBeNull();
    const ticket = await t.database.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('id', '=', body.ticket.id)
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      visit_id: body.visit.id,
      issued_via: 'guide',
      service_id: f.serviceId,
      status: 'waiting',
    });
    expect(ticket.id_hash).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'visit.record')
      .where('entity_id', '=', String(body.visit.id))
      .executeTakeFirstOrThrow();
    expect(audit.after_data).toContain('"outcome":"directed"');
    expect(audit.after_data).not.toContain(idNumber('32050619800101001'));
  });

  it('R2.2: directed without a service is refused, and nothing is written', async () => {
    const before = await snapshot();
    const res = await record(guide, { purpose: '办事', outcome: 'directed' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: 'visit.serviceRequired', fields: [{ path: 'serviceId' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('R2.2: out of scope needs security informed — a clear error in the request language, then recorded', async () => {
    const before = await snapshot();
    const zh = await record(guide, { purpose: '房产交易纠纷，非本厅受理', outcome: 'outOfScope' });
    expect(zh.statusCode).toBe(400);
    expect(json(zh)).toMatchObject({ error: 'visit.securityNotInformed', fields: [{ path: 'securityInformed' }] });
    expect(json(zh).message).toContain('安保');
    const en = await record(guide, { purpose: 'x', outcome: 'outOfScope' }, { 'accept-language': 'en' });
    expect(json(en).message).toContain('Inform security');
    expect(await snapshot()).toEqual(before);

    const ok = await record(guide, {
      purpose: '房产交易纠纷，非本厅受理',
      outcome: 'outOfScope',
      securityInformed: true,
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).visit).toMatchObject({ outcome: 'outOfScope', securityInformed: true });
    expect(json(ok).ticket).toBeNull();
  });

  it('R2.2: a legal question answered on procedure keeps the question and the answer', async () => {
    const missing = await record(guide, { outcome: 'legalAnswered', legalQuestion: '对判决不服怎么办？' });
    expect(json(missing)).toMatchObject({ error: 'visit.legalAnswerRequired', fields: [{ path: 'legalAnswer' }] });
    const noQuestion = await record(guide, { outcome: 'legalAnswered', legalAnswer: '可在十五日内上诉' });
    expect(json(noQuestion).error).toBe('visit.legalQuestionRequired');
    const ok = await record(guide, {
      outcome: 'legalAnswered',
      legalQuestion: '对判决不服怎么办？',
      legalAnswer: '可在判决书送达之日起十五日内向上一级法院提起上诉',
    });
    expect(ok.statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('hall_visit')
      .selectAll()
      .where('id', '=', json(ok).visit.id)
      .executeTakeFirstOrThrow();
    expect(row.legal_question).toBe('对判决不服怎么办？');
    expect(row.legal_answer).toContain('十五日内');
    expect(row.outcome).toBe('legalAnswered');
  });

  it('R4.1: a visitor refused at the entry check cannot be directed to a service', async () => {
    const before = await snapshot();
    const res = await record(guide, {
      securityCheck: 'refused',
      securityNote: '携带管制刀具',
      outcome: 'directed',
      serviceId: f.serviceId,
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: 'visit.refusedNotDirected', fields: [{ path: 'outcome' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('R4.1: security staff record the check (items held, refused) but not the guidance', async () => {
    const held = await record(security, { personName: '王五', securityCheck: 'itemsHeld', securityNote: '打火机暂存' });
    expect(held.statusCode).toBe(200);
    expect(json(held).visit).toMatchObject({
      securityCheck: 'itemsHeld',
      securityNote: '打火机暂存',
      outcome: null,
      byName: 't-security',
    });
    const refused = await record(security, { securityCheck: 'refused', securityNote: '拒绝安检' });
    expect(refused.statusCode).toBe(200);

    const before = await snapshot();
    for (const body of [
      { securityCheck: 'passed', purpose: '办事' },
      { securityCheck: 'passed', outcome: 'directed', serviceId: f.serviceId },
      { outcome: 'outOfScope', securityInformed: true },
    ]) {
      const res = await record(security, body);
      expect(res.statusCode).toBe(403);
      expect(json(res).error).toBe('visit.guideOnly');
    }
    // A note alone is not a check result.
    expect(json(await record(security, { securityNote: '无' })).error).toBe('visit.checkResultRequired');
    expect(json(await record(guide, {})).error).toBe('visit.empty');
    expect(await snapshot()).toEqual(before);
  });

  it('window staff neither record nor list visits', async () => {
    expect((await record(reception1, { securityCheck: 'passed' })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/floor/visits', headers: { cookie: reception1 } })).statusCode,
    ).toBe(403);
  });

  it('a bad ID number is refused naming the field, and nothing is written', async () => {
    const before = await snapshot();
    const res = await record(guide, { idType: 'resident', idNumber: '110105194912310021', purpose: '咨询' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: 'id.badCheckChar', fields: [{ path: 'idNumber' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('the day list shows the visits newest first, ID numbers masked and encrypted at rest', async () => {
    const id = idNumber('32050619751212003');
    const res = await record(guide, {
      personName: '赵六',
      idType: 'resident',
      idNumber: id,
      purpose: '查询案件进度',
      outcome: 'pointedElsewhere',
    });
    expect(res.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/floor/visits', headers: { cookie: guide } });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(id);
    const visits = json(list);
    expect(visits[0]).toMatchObject({ personName: '赵**', idNumberMasked: `3205**********${id.slice(-4)}` });
    expect(visits.map((v: { id: number }) => v.id)).toEqual(
      [...visits.map((v: { id: number }) => v.id)].sort((a, b) => b - a),
    );
    const row = await t.database.db
      .selectFrom('hall_visit')
      .selectAll()
      .where('id', '=', json(res).visit.id)
      .executeTakeFirstOrThrow();
    expect(row.id_enc).not.toContain(id);
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    // Another day: nothing (the China calendar day, not UTC).
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/floor/visits?date=2026-11-29',
      headers: { cookie: guide },
    });
    expect(json(other)).toEqual([]);
    // The security officer (entry:record) reads the list too.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/floor/visits', headers: { cookie: security } })).statusCode,
    ).toBe(200);
  });
});
