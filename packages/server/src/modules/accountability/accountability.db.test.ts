/**
 * Accountability over HTTP and the sweep, on every dialect (R1.23–R1.25): the sweep finds a case
 * past its deadline (fake clock) and opens one proposal per lapse, however often it runs and on
 * however many app instances; staff propose the other two triggers; the inquiry's path to a
 * self-inspection notice, poor rectification and an investigation, with its dossier; who may do what.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, repositories } from '@hall/db';
import { chinaDate } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { newMatter } from '../../factories.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';
import { SWEEP_LOCK_KEY, runSweep, startSweep } from './sweep.ts';

describe.each(testDialects())('accountability on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let hrss: number; // 市人力资源和社会保障局

  beforeAll(async () => {
    t = await createTestApp(dialect);
    hrss = (
      await t.database.db
        .selectFrom('unit')
        .select('id')
        .where('name', '=', '市人力资源和社会保障局')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t?.close());

  const signedInAt: Record<string, number> = {};
  /** A request as a demo user; signs in again once the fake clock has moved past the idle timeout. */
  async function req(who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) {
    if (!cookies[who] || t.clock.now.getTime() - (signedInAt[who] ?? 0) > 10 * 60_000) {
      cookies[who] = await t.login(who);
      signedInAt[who] = t.clock.now.getTime();
    }
    return t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });
  }
  const getMatter = async (id: number) => json(await req('director', 'GET', `/api/matters/${id}`));
  async function act(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const res = await req(who, 'POST', `/api/matters/${id}/actions/${action}`, {
      ...body,
      version: (await getMatter(id)).version,
    });
    if (res.statusCode !== 200) throw new Error(`${action} by ${who}: ${res.statusCode} ${res.body}`);
    return json(res);
  }
  const days = (n: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + n * 86_400_000);
  };
  const today = () => chinaDate(t.clock.now);
  const dayAfter = (d: string) => new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10);
  /** Moves the clock to 10:00 in China on the given day. */
  const setDay = (d: string) => {
    t.clock.now = new Date(`${d}T02:00:00Z`);
  };

  /** A case of window 1 assigned to 市人社局 and signed for, today (the factory): in the unit's hands. */
  async function handlingCase() {
    const { id } = await newMatter(t, { state: 'handling', unitId: hrss });
    const d = await getMatter(id);
    expect(d.state).toBe('handling');
    const handle = d.case.deadlines.find(
      (x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active',
    );
    return { id, due: handle.due as string };
  }
  const inquiriesOf = async (matterId: number, who = 'director') =>
    json<{ id: number; trigger: string; state: string; version: number }[]>(
      await req(who, 'GET', `/api/accountability?matterId=${matterId}`),
    );

  it('R1.23: a fake clock drives a case past its deadline; the sweep opens exactly one proposal, however often it runs', async () => {
    const c = await handlingCase();
    setDay(c.due); // the due day itself is still in time
    expect((await runSweep(t.deps, t.clock.now)).created).toEqual([]);
    expect(await inquiriesOf(c.id)).toEqual([]);

    setDay(dayAfter(c.due));
    const first = await runSweep(t.deps, t.clock.now);
    const second = await runSweep(t.deps, t.clock.now);
    days(3);
    const third = await runSweep(t.deps, t.clock.now);
    expect(first.ran).toBe(true);
    const list = await inquiriesOf(c.id);
    expect(list).toHaveLength(1);
    expect(first.created).toContain(list[0].id);
    expect([...second.created, ...third.created]).not.toContain(list[0].id);
    expect(list[0]).toMatchObject({
      trigger: 'overdueNoExtension',
      state: 'proposed',
      systemDetected: true,
      unitName: '市人力资源和社会保障局',
    });

    // The reason follows the reader's language; the dossier starts with the system's proposal.
    await req('director', 'GET', '/api/auth/me');
    const en = json(
      await t.app.inject({
        method: 'GET',
        url: `/api/accountability/${list[0].id}`,
        headers: { cookie: cookies.director, 'accept-language': 'en' },
      }),
    );
    expect(en.reason).toContain(`deadline ${c.due}`);
    expect(en.reason).toContain('overdue by 1 day(s)');
    const zh = json(await req('director', 'GET', `/api/accountability/${list[0].id}`));
    expect(zh.reason).toContain('未申请延期');
    expect(zh.events).toMatchObject([
      {
        action: 'propose',
        toState: 'proposed',
        actorName: null,
        data: { source: 'sweep', trigger: 'overdueNoExtension', due: c.due, daysOverdue: 1 },
      },
    ]);
    expect(zh.allowedActions).toEqual(['approve', 'reject']);

    // The case's timeline shows it; the audit trail has it.
    const m = await getMatter(c.id);
    expect(m.timeline.filter((e: { action: string }) => e.action === 'accountabilityProposed')).toHaveLength(1);
    expect(m.case.accountability).toMatchObject([{ id: list[0].id, trigger: 'overdueNoExtension', state: 'proposed' }]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'accountability')
      .where('entity_id', '=', String(list[0].id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['accountability.propose']);
  });

  it('R1.23, R1.19: past the extended deadline after an approved extension the trigger is "overdue"; a pending request waits for the decision', async () => {
    const c = await handlingCase();
    await act(c.id, 'handler1', 'requestExtension', { days: 10, reason: '需补充调查取证' });
    setDay(dayAfter(c.due)); // past the first due day, the request still waiting
    await runSweep(t.deps, t.clock.now);
    expect(await inquiriesOf(c.id)).toEqual([]);

    const approved = await act(c.id, 'director', 'approveExtension');
    const extended = approved.case.deadlines.find(
      (x: { kind: string; status: string }) => x.kind === 'handle' && x.status === 'active',
    ).due;
    expect(extended > c.due).toBe(true);
    await runSweep(t.deps, t.clock.now); // within the extended deadline
    expect(await inquiriesOf(c.id)).toEqual([]);

    setDay(dayAfter(extended));
    await runSweep(t.deps, t.clock.now);
    await runSweep(t.deps, t.clock.now);
    const list = await inquiriesOf(c.id);
    expect(list).toHaveLength(1);
    expect(list[0].trigger).toBe('overdue');
  });

  it('R1.23: a case whose handling opinion was issued in time gets no proposal', async () => {
    const c = await handlingCase();
    await act(c.id, 'handler1', 'issueOpinion', {
      outcome: 'support',
      facts: '经查，企业确有欠薪',
      reasons: '依法应予支付',
      basis: '《劳动合同法》第三十条',
    });
    setDay(dayAfter(dayAfter(c.due)));
    await runSweep(t.deps, t.clock.now);
    expect(await inquiriesOf(c.id)).toEqual([]);
  });

  it('R1.23: two sweeps at the same moment (two app instances on PostgreSQL, one instance twice on SQLite) open exactly one proposal', async () => {
    const c = await handlingCase();
    setDay(dayAfter(c.due));
    const instances = [t.deps];
    let second: Awaited<ReturnType<typeof buildApp>> | undefined;
    let secondDb: ReturnType<typeof openDatabase> | undefined;
    if (dialect === 'postgres') {
      // A second app on a second connection pool to the same database, as a second server would be.
      secondDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
      second = await buildApp({
        config: testConfig(),
        database: secondDb,
        key: randomBytes(32),
        clock: () => t.clock.now,
      });
      instances.push(second.deps);
    }
    try {
      const results = await Promise.all([...instances, ...instances].map((deps) => runSweep(deps, t.clock.now)));
      const list = await inquiriesOf(c.id);
      expect(list).toHaveLength(1);
      expect(results.flatMap((r) => r.created).filter((id) => id === list[0].id)).toHaveLength(1);
      const rows = await t.database.db
        .selectFrom('accountability')
        .select('id')
        .where('matter_id', '=', c.id)
        .execute();
      expect(rows).toHaveLength(1);
      const events = await t.database.db
        .selectFrom('matter_event')
        .select('id')
        .where('matter_id', '=', c.id)
        .where('action', '=', 'accountabilityProposed')
        .execute();
      expect(events).toHaveLength(1);
    } finally {
      await second?.app.close();
      await secondDb?.destroy();
    }
  });

  if (dialect === 'postgres')
    it('R1.23: while one instance sweeps (holds the advisory lock) another skips the cycle; the unique key stops a second proposal even without the lock', async () => {
      const c = await handlingCase();
      setDay(dayAfter(c.due));
      const otherDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
      try {
        await otherDb.db.transaction().execute(async (trx) => {
          expect(await repositories(trx).accountability.tryTransactionLock(SWEEP_LOCK_KEY)).toBe(true);
          const skipped = await runSweep(t.deps, t.clock.now);
          expect(skipped).toMatchObject({ ran: false, created: [] });
        });
        expect(await inquiriesOf(c.id)).toEqual([]);
        // Lock released at commit: the next cycle sweeps.
        expect((await runSweep(t.deps, t.clock.now)).ran).toBe(true);
        const [proposal] = await inquiriesOf(c.id);
        expect(proposal).toBeDefined();
        const key = (
          await t.database.db
            .selectFrom('accountability')
            .select('source_key')
            .where('id', '=', proposal.id)
            .executeTakeFirstOrThrow()
        ).source_key!;
        // Two inserts of the same lapse at the same moment, with no lock: one row.
        const { hall_id } = await t.database.db
          .selectFrom('matter')
          .select('hall_id')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow();
        const row = {
          hall_id,
          matter_id: c.id,
          unit_id: hrss,
          trigger: 'overdue',
          state: 'proposed',
          reason: 'x',
          rectify_due: null,
          created_at: t.clock.now.toISOString(),
          created_by: null,
        };
        const keyB = `${key}:b`;
        const inserted = await Promise.all(
          [t.database.db, otherDb.db, t.database.db, otherDb.db].map((db) =>
            db
              .transaction()
              .execute((trx) => repositories(trx).cases.insertAccountabilityOnce({ ...row, source_key: keyB })),
          ),
        );
        expect(inserted.filter(Boolean)).toHaveLength(1);
        await t.database.db.deleteFrom('accountability').where('source_key', '=', keyB).execute();
      } finally {
        await otherDb.destroy();
      }
    });

  it('R1.23: the scheduler (startSweep) runs a cycle at start and stops cleanly', async () => {
    const c = await handlingCase();
    setDay(dayAfter(c.due));
    // The first cycle's log line says which proposals it opened (or the error it hit).
    let sweep: ReturnType<typeof startSweep> | undefined;
    const firstCycle = new Promise<number[]>((resolve, reject) => {
      sweep = startSweep(t.deps, {
        intervalMs: 3_600_000,
        log: {
          info: (o) => resolve((o as { created: number[] }).created),
          error: (o) => reject((o as { err: unknown }).err),
        },
      });
    });
    const ids = await firstCycle;
    await sweep!.stop();
    const list = await inquiriesOf(c.id);
    expect(list).toHaveLength(1);
    expect(ids).toContain(list[0].id);
    expect(startSweep(t.deps, { intervalMs: 0 })).toBeDefined(); // 0: off
  });

  it('R1.23–R1.25: approve → self-inspection notice (numbered 查) → poor rectification → the director approves an investigation → concluded; the dossier lists every step', async () => {
    const c = await handlingCase();
    setDay(dayAfter(c.due));
    await runSweep(t.deps, t.clock.now);
    const [proposal] = await inquiriesOf(c.id);
    const step = (who: string, action: string, body: Record<string, unknown> = {}, version?: number) =>
      req(who, 'POST', `/api/accountability/${proposal.id}/actions/${action}`, {
        ...body,
        version: version ?? current.version,
      });
    let current = json(await req('director', 'GET', `/api/accountability/${proposal.id}`));
    const ok = async (who: string, action: string, body: Record<string, unknown> = {}) => {
      const res = await step(who, action, body);
      if (res.statusCode !== 200) throw new Error(`${action} by ${who}: ${res.statusCode} ${res.body}`);
      current = json(res);
      return current;
    };

    // R1.23: a window cannot approve; the accountability office cannot either; a deputy can.
    expect((await step('reception1', 'approve')).statusCode).toBe(403);
    expect((await step('inquiry', 'approve')).statusCode).toBe(403);
    expect((await ok('deputy', 'approve')).state).toBe('approved');
    expect(current.allowedActions).toEqual([]);
    const asOfficer = json(await req('inquiry', 'GET', `/api/accountability/${proposal.id}`));
    expect(asOfficer.allowedActions).toEqual(['sendNotice']);

    // R1.24: the office sends the self-inspection notice with a rectification deadline.
    expect((await step('director', 'sendNotice', { demands: '查明超期原因', rectifyDays: 15 })).statusCode).toBe(403);
    const noDue = await step('inquiry', 'sendNotice', { demands: '查明超期原因' });
    expect(noDue.statusCode).toBe(400);
    expect(json(noDue)).toMatchObject({
      error: 'accountability.rectifyDueRequired',
      fields: [{ path: 'rectifyDays' }],
    });
    const noticed = await ok('inquiry', 'sendNotice', {
      demands: '请于期限内查明超期原因并报送整改报告',
      rectifyDays: 15,
    });
    expect(noticed.state).toBe('noticeSent');
    expect(noticed.rectifyDue > today()).toBe(true);
    const notice = noticed.documents.find((d: { kind: string }) => d.kind === 'selfInspectionNotice');
    expect(notice.number).toMatch(/^SZ查〔\d{4}〕\d+号$/);
    expect(notice.content).toMatchObject({
      unitName: '市人力资源和社会保障局',
      rectifyDue: noticed.rectifyDue,
      petitionNo: noticed.petitionNo,
    });
    // The dossier holds the case's documents too (the assignment letter).
    expect(noticed.documents.map((d: { kind: string }) => d.kind)).toContain('assignmentLetter');

    // The notice's print page: the unit it is addressed to and the office may read it; another window may not.
    const printed = await req('handler1', 'GET', `/api/documents/${notice.id}`);
    expect(printed.statusCode).toBe(200);
    expect(json(printed)).toMatchObject({
      number: notice.number,
      accountabilityId: proposal.id,
      matterId: c.id,
      content: { demands: '请于期限内查明超期原因并报送整改报告' },
    });
    expect((await req('inquiry', 'GET', `/api/documents/${notice.id}`)).statusCode).toBe(200);
    expect((await req('reception2', 'GET', `/api/documents/${notice.id}`)).statusCode).toBe(403);
    expect((await req('handler2', 'GET', `/api/documents/${notice.id}`)).statusCode).toBe(403);
    expect((await req('inquiry', 'GET', '/api/documents/999999')).statusCode).toBe(404);

    // R1.24: poor rectification; only the director approves the investigation.
    expect(json(await step('inquiry', 'recordRectification', { quality: 'poor' }))).toMatchObject({
      error: 'accountability.rectificationNoteRequired',
    });
    expect(
      (await ok('inquiry', 'recordRectification', { quality: 'poor', note: '整改报告未查明原因，措施空泛' })).state,
    ).toBe('rectificationPoor');
    const deputy = await step('deputy', 'approveInvestigation');
    expect(deputy.statusCode).toBe(403);
    expect(json(deputy).error).toBe('accountability.directorOnly');
    expect((await ok('director', 'approveInvestigation', { note: '同意立案调查' })).state).toBe(
      'investigationApproved',
    );

    // A stale version is refused; then the office concludes with findings.
    const stale = await step('inquiry', 'concludeInvestigation', { findings: 'x' }, current.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error).toBe('accountability.stale');
    const done = await ok('inquiry', 'concludeInvestigation', {
      findings: '经办人未按期办理且未申请延期，建议予以通报批评',
    });
    expect(done.state).toBe('concluded');
    expect(done.allowedActions).toEqual([]);
    expect((await step('director', 'approve')).statusCode).toBe(409);

    // R1.25: the dossier lists every step, who took it, and the notice's number.
    expect(done.events.map((e: { action: string }) => e.action)).toEqual([
      'propose',
      'approve',
      'sendNotice',
      'recordRectification',
      'approveInvestigation',
      'concludeInvestigation',
    ]);
    expect(done.events.map((e: { toState: string }) => e.toState)).toEqual([
      'proposed',
      'approved',
      'noticeSent',
      'rectificationPoor',
      'investigationApproved',
      'concluded',
    ]);
    expect(done.events[2]).toMatchObject({
      documentId: notice.id,
      documentNumber: notice.number,
      actorName: expect.any(String),
    });
    expect(done.events[3]).toMatchObject({ note: '整改报告未查明原因，措施空泛', data: { quality: 'poor' } });
    expect(done.events[5].note).toContain('通报批评');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'accountability')
      .where('entity_id', '=', String(proposal.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'accountability.propose',
      'accountability.approve',
      'accountability.sendNotice',
      'accountability.recordRectification',
      'accountability.approveInvestigation',
      'accountability.concludeInvestigation',
    ]);
  });

  it('R1.24: a good rectification ends the inquiry; a rejected proposal needs a reason', async () => {
    const c = await handlingCase();
    const created = json(
      await req('reception1', 'POST', '/api/accountability', {
        matterId: c.id,
        trigger: 'wrongHandling',
        reason: '未调查核实即出具意见',
      }),
    );
    const run = async (who: string, action: string, body: Record<string, unknown>) => {
      const cur = json(await req('director', 'GET', `/api/accountability/${created.id}`));
      return req(who, 'POST', `/api/accountability/${created.id}/actions/${action}`, { ...body, version: cur.version });
    };
    expect((await run('director', 'approve', {})).statusCode).toBe(200);
    const due = dayAfter(dayAfter(today()));
    expect(json(await run('inquiry', 'sendNotice', { demands: '自查', rectifyDue: due })).rectifyDue).toBe(due);
    const good = json(await run('inquiry', 'recordRectification', { quality: 'good', note: '已重新调查并出具意见' }));
    expect(good.state).toBe('rectified');
    expect(good.allowedActions).toEqual([]);

    const other = json(
      await req('reception1', 'POST', '/api/accountability', {
        matterId: c.id,
        trigger: 'dereliction',
        reason: '失职',
      }),
    );
    const cur = json(await req('director', 'GET', `/api/accountability/${other.id}`));
    const noReason = await req('director', 'POST', `/api/accountability/${other.id}/actions/reject`, {
      version: cur.version,
    });
    expect(json(noReason)).toMatchObject({ error: 'accountability.reasonRequired', fields: [{ path: 'reason' }] });
    const rejected = await req('director', 'POST', `/api/accountability/${other.id}/actions/reject`, {
      reason: '情节轻微，已批评教育',
      version: cur.version,
    });
    expect(json(rejected).state).toBe('rejected');
  });

  it('R1.23: staff propose for wrong handling or dereliction, for a case of their window that a unit was given', async () => {
    const c = await handlingCase();
    const ok = await req('reception1', 'POST', '/api/accountability', {
      matterId: c.id,
      trigger: 'dereliction',
      reason: '失职造成群体性事件',
    });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({
      trigger: 'dereliction',
      state: 'proposed',
      systemDetected: false,
      reason: '失职造成群体性事件',
      createdByName: expect.any(String),
    });
    expect(json(ok).events[0]).toMatchObject({ action: 'propose', data: { source: 'staff' } });
    expect(
      (await getMatter(c.id)).timeline.some(
        (e: { action: string; data: { accountabilityId?: number } }) =>
          e.action === 'accountabilityProposed' && e.data.accountabilityId === json(ok).id,
      ),
    ).toBe(true);

    // Leadership proposes too.
    expect(
      (
        await req('director', 'POST', '/api/accountability', {
          matterId: c.id,
          trigger: 'wrongHandling',
          reason: '处理错误',
        })
      ).statusCode,
    ).toBe(200);
    // Not the system's triggers; a reason; not another window's case; not unit staff or the office.
    expect(
      (await req('reception1', 'POST', '/api/accountability', { matterId: c.id, trigger: 'overdue', reason: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      json(await req('reception1', 'POST', '/api/accountability', { matterId: c.id, trigger: 'dereliction' })),
    ).toMatchObject({ error: 'accountability.reasonRequired' });
    const otherWindow = await req('reception2', 'POST', '/api/accountability', {
      matterId: c.id,
      trigger: 'dereliction',
      reason: 'x',
    });
    expect(otherWindow.statusCode).toBe(403);
    expect(json(otherWindow).error).toBe('auth.notYourWindow');
    for (const who of ['handler1', 'office', 'inquiry', 'registrar']) {
      expect(
        (await req(who, 'POST', '/api/accountability', { matterId: c.id, trigger: 'dereliction', reason: 'x' }))
          .statusCode,
        who,
      ).toBe(403);
    }
    // A case no unit was given.
    const fresh = (await newMatter(t, { state: 'accepted' })).id;
    const notAssigned = await req('reception1', 'POST', '/api/accountability', {
      matterId: fresh,
      trigger: 'dereliction',
      reason: 'x',
    });
    expect(notAssigned.statusCode).toBe(409);
    expect(json(notAssigned).error).toBe('accountability.notAssigned');
  });

  it('who sees inquiries: leadership and the accountability office all; the assigning window its own; nobody else', async () => {
    const c = await handlingCase();
    const created = json(
      await req('reception1', 'POST', '/api/accountability', {
        matterId: c.id,
        trigger: 'wrongHandling',
        reason: '处理错误',
      }),
    );
    for (const who of ['director', 'deputy', 'inquiry', 'reception1']) {
      const list = json<{ id: number }[]>(await req(who, 'GET', '/api/accountability'));
      expect(
        list.map((x) => x.id),
        who,
      ).toContain(created.id);
      expect((await req(who, 'GET', `/api/accountability/${created.id}`)).statusCode, who).toBe(200);
    }
    expect(
      json<{ id: number }[]>(await req('reception2', 'GET', '/api/accountability')).map((x) => x.id),
    ).not.toContain(created.id);
    expect((await req('reception2', 'GET', `/api/accountability/${created.id}`)).statusCode).toBe(403);
    for (const who of ['handler1', 'office', 'admin', 'registrar']) {
      expect((await req(who, 'GET', '/api/accountability')).statusCode, who).toBe(403);
      expect((await req(who, 'GET', `/api/accountability/${created.id}`)).statusCode, who).toBe(403);
    }
    const filtered = json<{ state: string }[]>(await req('director', 'GET', '/api/accountability?state=proposed'));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((x) => x.state === 'proposed')).toBe(true);
    expect((await req('director', 'GET', '/api/accountability/999999')).statusCode).toBe(404);
    expect((await req('director', 'GET', '/api/accountability?state=bogus')).statusCode).toBe(400);
  });
});
