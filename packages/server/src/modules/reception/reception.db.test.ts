/**
 * Registration (R1.1, R4.1, R4.4, R4.5), reception (R1.5, R1.5a, R1.5b), direct reply (R1.6) and the
 * record of every step (R1.27), over HTTP against a real database — on every dialect in DIALECTS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPetitionNo } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('reception on %s', (dialect) => {
  let t: TestApp;
  let registrar: string;
  let reception1: string;
  let reception2: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [registrar, reception1, reception2] = await Promise.all([t.login('registrar'), t.login('reception1'), t.login('reception2')]);
  });
  afterAll(() => t?.close());

  const register = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: registrar, ...headers }, payload: body as object });
  const countMatters = async () =>
    Number((await t.database.db.selectFrom('matter').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('R1.1: registers a visitor with a petition number, a query code and an encrypted ID', async () => {
    const res = await register(await demoRegistration(t));
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.petitionNo).toMatch(/^SZ-2026-\d{6}$/);
    expect(body.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const p = await t.database.db.selectFrom('petitioner').selectAll().executeTakeFirstOrThrow();
    expect(p.id_enc).not.toContain('11010519491231002X');
    expect(p.id_masked).toBe('1101**********002X');
    expect(p.phone_enc).not.toContain('13812345678');
    expect(p.birth_enc).not.toContain('1949');
    expect(t.deps.cipher.decrypt(p.birth_enc!)).toBe('1949-12-31');
    expect(t.deps.cipher.decrypt(p.name_enc)).toBe('张三');
    expect(p.sex).toBe('female');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'matter.register').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after_data).not.toContain('11010519491231002X');
    expect(audit[0].after_data).not.toContain('13812345678');
  });

  it('R1.1: a bad check character is refused with 400 naming the field, in the request language, and nothing is written', async () => {
    const before = await countMatters();
    const base = await demoRegistration(t);
    const bad = { ...base, petitioner: { ...base.petitioner, idNumber: '110105194912310021' } };
    const zh = await register(bad);
    expect(zh.statusCode).toBe(400);
    expect(json(zh)).toMatchObject({ error: 'id.badCheckChar', fields: [{ path: 'petitioner.idNumber' }] });
    expect(json(zh).message).toContain('校验位');
    const en = await register(bad, { 'accept-language': 'en-US' });
    expect(json(en).message).toContain('check character');
    expect(await countMatters()).toBe(before);
  });

  it('R1.1: a missing field is a 400 that names it', async () => {
    const base = await demoRegistration(t);
    const res = await register({ ...base, summary: '' });
    expect(res.statusCode).toBe(400);
    expect(json(res).fields).toEqual([{ path: 'summary', message: '问题摘要：必填' }]);
  });

  it('R4.4: six representatives are refused stating the limit; five are accepted', async () => {
    const rep = (i: number) => ({ name: `代表${i}` });
    const base = await demoRegistration(t, { peopleCount: 30 });
    const six = await register({ ...base, representatives: [1, 2, 3, 4, 5, 6].map(rep) });
    expect(six.statusCode).toBe(400);
    expect(json(six).error).toBe('registration.tooManyRepresentatives');
    expect(json(six).message).toContain('不得超过 5 人');
    expect(json(six).message).not.toMatch(/R\d+\.\d+/); // rule ids stay out of user-facing text
    const five = await register({ ...base, representatives: [1, 2, 3, 4, 5].map(rep) });
    expect(five.statusCode).toBe(200);
  });

  it('R4.5 and R4.1: rules not acknowledged or security refused are not registered', async () => {
    const base = await demoRegistration(t);
    expect(json(await register({ ...base, rulesAcknowledged: false })).error).toBe('registration.rulesNotAcknowledged');
    expect(json(await register({ ...base, securityCheck: 'refused' })).error).toBe('registration.securityRefused');
  });

  it('R1.1: an unknown window is refused with 404', async () => {
    const res = await register(await demoRegistration(t, { windowId: 9999, receptionistId: null }));
    expect(res.statusCode).toBe(404);
    expect(json(res).error).toBe('registration.windowNotFound');
  });

  it('R1.1: a receptionist who does not work at the chosen window is refused', async () => {
    const other = await t.database.db.selectFrom('staff_user').select('id').where('username', '=', 'reception2').executeTakeFirstOrThrow();
    const res = await register(await demoRegistration(t, { receptionistId: other.id }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toBe('registration.receptionistNotAtWindow');
  });

  it('R1.1: a passport needs a reason; with one it is registered', async () => {
    const base = await demoRegistration(t);
    const passport = { ...base.petitioner, idType: 'passport' as const, idNumber: 'E12345678', name: 'John Smith' };
    expect(json(await register({ ...base, petitioner: passport })).error).toBe('registration.otherDocReasonRequired');
    const ok = await register({ ...base, petitioner: { ...passport, otherDocReason: '外籍人员，持护照' } });
    expect(ok.statusCode).toBe(200);
  });

  it('the same request sent twice with one idempotency key creates one registration', async () => {
    const before = await countMatters();
    const body = await demoRegistration(t);
    const headers = { 'idempotency-key': 'reg-7f3a9c21-0001' };
    const [a, b] = await Promise.all([register(body, headers), register(body, headers)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(json(a).petitionNo).toBe(json(b).petitionNo);
    const c = await register(body, headers);
    expect(json(c).matterId).toBe(json(a).matterId);
    expect(await countMatters()).toBe(before + 1);
    const different = await register({ ...body, summary: '另一件事' }, headers);
    expect(different.statusCode).toBe(409);
  });

  it('50 concurrent registrations get 50 distinct petition numbers', async () => {
    const body = await demoRegistration(t);
    const results = await Promise.all(Array.from({ length: 50 }, () => register(body)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const numbers = new Set(results.map((r) => json(r).petitionNo));
    expect(numbers.size).toBe(50);
  });

  it("the petition number is the counter's next value in the domain's shape, taken with the matter's insert, never cut past six digits", async () => {
    const body = await demoRegistration(t);
    const first = json(await register(body)).petitionNo as string;
    const [, year, seq] = /^SZ-(\d{4})-(\d{6,})$/.exec(first)!;
    expect(json(await register(body)).petitionNo).toBe(formatPetitionNo('SZ', Number(year), Number(seq) + 1));
    await t.database.db.updateTable('petition_sequence').set({ last_value: 999_999 }).where('year', '=', Number(year)).execute();
    expect(json(await register(body)).petitionNo).toBe(`SZ-${year}-1000000`);
    // A registration refused inside its transaction takes no number.
    expect((await register({ ...body, unitIds: [999_999] })).statusCode).toBe(400);
    expect(json(await register(body)).petitionNo).toBe(`SZ-${year}-1000001`);
  });

  it('R1.5: a receptionist of another window cannot open the visit (403) nor act on it', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    const res = await t.app.inject({ method: 'GET', url: `/api/matters/${matterId}`, headers: { cookie: reception2 } });
    expect(res.statusCode).toBe(403);
    expect(json(res).error).toBe('auth.notYourWindow');
    const act = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/accept`,
      headers: { cookie: reception2 },
      payload: { version: 1 },
    });
    expect(act.statusCode).toBe(403);
    const list = json<{ items: { id: number }[] }>(await t.app.inject({ method: 'GET', url: '/api/matters?scope=all', headers: { cookie: reception2 } })).items;
    expect(list.map((m) => m.id)).not.toContain(matterId);
  });

  it('R1.5, R1.6, R1.27: accept, notice, direct reply with sign-off closes the matter, every step on the timeline', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    const open = json(await t.app.inject({ method: 'GET', url: `/api/matters/${matterId}`, headers: { cookie: reception1 } }));
    expect(open.state).toBe('registered');
    expect(open.allowedActions).toEqual(['accept', 'notAccept', 'noLongerAccept']);
    expect(open.proposedVisitKind).toBe('repeat'); // the same person came before (earlier tests)
    expect(open.earlierMatters.length).toBeGreaterThan(0);

    // A unit of the earlier handling that does not exist is refused on its field, and nothing changes.
    const unknownUnit = await t.app.inject({
      method: 'PUT',
      url: `/api/matters/${matterId}/reception`,
      headers: { cookie: reception1 },
      payload: { visitKind: 'repeat', earlierHandling: [{ unitName: '某局', decision: '已答复' }, { unitId: 999_999, decision: '已调解未果' }], version: 1 },
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(json(unknownUnit)).toMatchObject({ error: 'registration.unitNotFound', fields: [{ path: 'earlierHandling.1.unitId' }] });

    const rec = await t.app.inject({
      method: 'PUT',
      url: `/api/matters/${matterId}/reception`,
      headers: { cookie: reception1 },
      payload: { visitKind: 'repeat', earlierHandling: [{ unitName: '吴中区人社局', date: '2026-10-10', decision: '已调解未果' }], version: 1 },
    });
    expect(rec.statusCode).toBe(200);

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/accept`,
      headers: { cookie: reception1 },
      payload: { reason: '属于本窗口职责范围', version: 2 },
    });
    expect(accepted.statusCode).toBe(200);
    expect(json(accepted).state).toBe('accepted');
    expect(json(accepted).allowedActions).toEqual(expect.arrayContaining(['directReply', 'startMediation', 'proposeAssignment']));
    expect(json(accepted).allowedActions).not.toContain('transferToCounty'); // R1.8: the locality is the city

    const notice = json(await t.app.inject({ method: 'GET', url: `/api/matters/${matterId}/notice`, headers: { cookie: reception1 } }));
    expect(notice).toMatchObject({ hallName: '苏州市联合接访大厅', acceptance: 'accepted', reason: '属于本窗口职责范围' });

    const noSig = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/directReply`,
      headers: { cookie: reception1 },
      payload: { reply: '依据劳动保障监察条例，责成企业限期支付', agrees: true, ceases: true, version: 3 },
    });
    expect(noSig.statusCode).toBe(400);
    expect(json(noSig).error).toBe('matter.signatureRequired');

    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/directReply`,
      headers: { cookie: reception1 },
      payload: { reply: '依据劳动保障监察条例，责成企业限期支付', agrees: true, ceases: true, signedName: '张三', version: 3 },
    });
    expect(closed.statusCode).toBe(200);
    const detail = json(closed);
    expect(detail.state).toBe('closed');
    expect(detail.closedAt).toBeTruthy();
    expect(detail.allowedActions).toEqual(['rate']); // no opinion: no review to request
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'recordReception', 'accept', 'directReply']);
    expect(detail.timeline.every((e: { actorName: string | null; at: string }) => e.actorName && e.at)).toBe(true);
    expect(detail.directReplies[0]).toMatchObject({ agrees: true, ceases: true, signedName: '张三' });

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'matter').where('entity_id', '=', String(matterId)).orderBy('id').execute();
    // The printed notice carries the petitioner's full name: its view is audited too (issue 8 §3);
    // so is opening the detail (matter.view, once: the actions' answers write none).
    expect(audit.map((a) => a.action)).toEqual(['matter.register', 'matter.view', 'matter.recordReception', 'matter.accept', 'notice.view', 'matter.directReply']);
    expect(JSON.parse(audit[5].before_data!)).toMatchObject({ state: 'accepted' });
    expect(JSON.parse(audit[5].after_data!)).toMatchObject({ state: 'closed' });
  });

  it('R1.6: a petitioner who disagrees leaves the matter open, accepted', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    await t.app.inject({ method: 'POST', url: `/api/matters/${matterId}/actions/accept`, headers: { cookie: reception1 }, payload: { version: 1 } });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/directReply`,
      headers: { cookie: reception1 },
      payload: { reply: '政策解释', agrees: false, ceases: false, version: 2 },
    });
    expect(json(res)).toMatchObject({ state: 'accepted', closedAt: null });
  });

  it('R1.5b: not-accept needs the legal channel; refused input changes nothing', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    const events = async () =>
      (await t.database.db.selectFrom('matter_event').select('id').where('matter_id', '=', matterId).execute()).length;
    const before = await events();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/notAccept`,
      headers: { cookie: reception1 },
      payload: { reason: '属于劳动争议', version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: 'matter.channelRequired', fields: [{ path: 'channel' }] });
    expect(await events()).toBe(before);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${matterId}/actions/notAccept`,
      headers: { cookie: reception1 },
      payload: { reason: '属于劳动争议', channel: '苏州市劳动人事争议仲裁委员会', version: 1 },
    });
    expect(json(ok).state).toBe('notAccepted');
    const notice = json(await t.app.inject({ method: 'GET', url: `/api/matters/${matterId}/notice`, headers: { cookie: reception1 } }));
    expect(notice).toMatchObject({ acceptance: 'notAccepted', channel: '苏州市劳动人事争议仲裁委员会' });
  });

  it('a stale version is refused with 409', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    await t.app.inject({ method: 'POST', url: `/api/matters/${matterId}/actions/accept`, headers: { cookie: reception1 }, payload: { version: 1 } });
    const again = await t.app.inject({ method: 'POST', url: `/api/matters/${matterId}/actions/accept`, headers: { cookie: reception1 }, payload: { version: 1 } });
    expect(again.statusCode).toBe(409);
  });

  it('R1.5a: a skip-level visit is proposed for a county matter with no county record', async () => {
    const base = await demoRegistration(t);
    const res = await register({ ...base, petitioner: { ...base.petitioner, name: '李四', idNumber: '440524188001010014' }, localityCode: '320506', unitIds: [] });
    const d = json(await t.app.inject({ method: 'GET', url: `/api/matters/${json(res).matterId}`, headers: { cookie: reception1 } }));
    expect(d.proposedVisitKind).toBe('skipLevel');
  });

  it('lookup finds an existing petitioner by ID and shows earlier visits; full values only through an audited reveal', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/petitioners/lookup?idType=resident&idNumber=11010519491231002x',
      headers: { cookie: registrar },
    });
    const body = json(res);
    expect(body.petitioner).toMatchObject({ name: '张三', idNumberMasked: '1101**********002X', phoneMasked: '138****5678' });
    expect(body.earlierMatters.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('13812345678');
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/petitioners/${body.petitioner.id}/reveal`,
      headers: { cookie: reception1 },
      payload: { field: 'phone' },
    });
    expect(json(reveal).value).toBe('13812345678');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'pii.reveal').execute();
    expect(audit.length).toBe(1);
    expect(audit[0].after_data).toBe('{"field":"phone"}');
  });

  it('a registrar cannot decide; an administrator cannot register', async () => {
    const { matterId } = json(await register(await demoRegistration(t)));
    const r1 = await t.app.inject({ method: 'POST', url: `/api/matters/${matterId}/actions/accept`, headers: { cookie: registrar }, payload: { version: 1 } });
    expect(r1.statusCode).toBe(403);
    const admin = await t.login('admin');
    const r2 = await t.app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: admin }, payload: await demoRegistration(t) });
    expect(r2.statusCode).toBe(403);
  });
});
