/**
 * The test factories on every dialect (issue 9 §1): a case made by newMatter in each state of the
 * workflow opens through the real API in that state, offers exactly the actions the workflow table
 * offers there (with the facts its records imply), and takes a representative next action. The
 * petitioner is sealed as at the desk (the registration's lookup finds it), and petition numbers come
 * from the hall's sequence (a registration after the factories gets the next one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  MATTER_STATES,
  type MatterFacts,
  type MatterState,
  NO_FACTS,
  type Role,
  allowedActions,
  chinaDate,
  computeDeadline,
  gb11643CheckChar,
} from '@hall/domain';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { newMatter, newPetitioner, pathTo } from './factories.ts';
import { loadCalendar } from './modules/cases/calendar.ts';
import { createTestApp, demoRegistration, json, type TestApp } from './testing.ts';

const USERS = ['registrar', 'reception1', 'director', 'handler1', 'head1'] as const;
type User = (typeof USERS)[number];

const HAS_OPINION: MatterState[] = [
  'opinionIssued',
  'opinionDelivered',
  'underReview',
  'awaitingSignOff',
  'closed',
  'closedDeemed',
  'inReview',
  'reviewed',
  'inReReview',
  'terminated',
];
const REVIEW_REQUEST_OPEN: MatterState[] = [
  'opinionDelivered',
  'underReview',
  'awaitingSignOff',
  'closed',
  'closedDeemed',
];
const RATING_OPEN: MatterState[] = ['closed', 'closedDeemed', 'reviewed', 'terminated'];
/** The states in which the case is in the hands of the unit it was assigned to (市人社局, handler1 reads it). */
const WITH_UNIT: MatterState[] = [
  'assigned',
  'handling',
  'opinionIssued',
  'opinionDelivered',
  'underReview',
  'awaitingSignOff',
  'closed',
  'closedDeemed',
  'inReview',
  'reviewed',
  'inReReview',
  'terminated',
];

/** The guard facts a factory case of each state has (its records, today): what the workflow's buttons read. */
function factsOf(state: MatterState, today: string): MatterFacts {
  return {
    ...NO_FACTS,
    today,
    noLongerMediable: state === 'closedDeemed',
    objectionOpen: state === 'assigned',
    hasOpinion: HAS_OPINION.includes(state),
    petitionerView:
      state === 'closedDeemed' ? 'disagree' : HAS_OPINION.includes(state) && state !== 'opinionIssued' ? 'agree' : null,
    reviewWindowOpen: REVIEW_REQUEST_OPEN.includes(state),
    reReviewWindowOpen: state === 'reviewed',
    ratingOpen: RATING_OPEN.includes(state),
  };
}

describe.each(testDialects())('test factories on %s', (dialect) => {
  let t: TestApp;
  const cookies = {} as Record<User, string>;
  const roles = {} as Record<User, Role[]>;
  let hrss: number;
  let housing: number;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const r = repositories(t.database.db);
    for (const u of USERS) {
      cookies[u] = await t.login(u);
      roles[u] = (await r.staff.findByUsername(u))!.roles as Role[];
    }
    const units = await r.org.listUnits();
    hrss = units.find((u) => u.name === '市人力资源和社会保障局')!.id;
    housing = units.find((u) => u.name === '市住房和城乡建设局')!.id;
    today = chinaDate(t.clock.now);
  });
  afterAll(() => t?.close());

  const get = (url: string, who: User) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  const detail = async (id: number, who: User = 'director') => {
    const res = await get(`/api/matters/${id}`, who);
    expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
    return json(res);
  };
  async function act(id: number, who: User, action: string, body: Record<string, unknown> = {}) {
    const { version } = await detail(id);
    return t.app.inject({
      method: 'POST',
      url: `/api/matters/${id}/actions/${action}`,
      headers: { cookie: cookies[who] },
      payload: { ...body, version },
    });
  }

  const passAll = Object.fromEntries(
    ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map(
      (k) => [k, { pass: true, note: '' }],
    ),
  );
  /** A representative next action of each state, by whom, with what, and where it leads (none in the three final states). */
  const NEXT = (): Record<
    MatterState,
    { who: User; action: string; body?: Record<string, unknown>; to: MatterState } | null
  > => ({
    registered: { who: 'reception1', action: 'accept', to: 'accepted' },
    accepted: { who: 'reception1', action: 'proposeAssignment', body: { unitId: hrss }, to: 'assignmentProposed' },
    notAccepted: null,
    noLongerAccepted: null,
    transferred: null,
    mediating: { who: 'reception1', action: 'notifyAcceptance', to: 'mediating' },
    assignmentProposed: { who: 'director', action: 'approveAssignment', to: 'assigned' },
    assigned: { who: 'handler1', action: 'signFor', to: 'handling' },
    objected: { who: 'reception1', action: 'reassign', body: { unitId: housing }, to: 'assigned' },
    handling: {
      who: 'handler1',
      action: 'issueOpinion',
      body: {
        outcome: 'support',
        facts: '企业拖欠工资属实',
        reasons: '依据劳动合同法',
        basis: '《劳动合同法》第三十条',
      },
      to: 'opinionIssued',
    },
    opinionIssued: {
      who: 'handler1',
      action: 'recordDelivery',
      body: { way: 'inPerson', deliveredOn: today, signed: true, view: 'agree' },
      to: 'opinionDelivered',
    },
    opinionDelivered: {
      who: 'head1',
      action: 'unitSignOff',
      body: { headName: '周强', sealed: true },
      to: 'underReview',
    },
    underReview: { who: 'reception1', action: 'reviewCase', body: { criteria: passAll }, to: 'awaitingSignOff' },
    awaitingSignOff: { who: 'director', action: 'signOff', to: 'closed' },
    closed: {
      who: 'reception1',
      action: 'requestReview',
      body: { organ: '苏州市人民政府', requestedOn: today },
      to: 'inReview',
    },
    closedDeemed: {
      who: 'reception1',
      action: 'requestReview',
      body: { organ: '苏州市人民政府', requestedOn: today },
      to: 'inReview',
    },
    inReview: { who: 'reception1', action: 'recordReviewResult', body: { result: '维持原处理意见' }, to: 'reviewed' },
    reviewed: {
      who: 'reception1',
      action: 'requestReReview',
      body: { organ: '江苏省人民政府', requestedOn: today },
      to: 'inReReview',
    },
    inReReview: {
      who: 'reception1',
      action: 'recordReReviewResult',
      body: { result: '维持复查意见' },
      to: 'terminated',
    },
    terminated: {
      who: 'reception1',
      action: 'rate',
      body: { unitRating: 'satisfied', officeRating: 'basicallySatisfied' },
      to: 'terminated',
    },
  });

  it.each(MATTER_STATES)(
    '%s: opens in that state with the workflow’s actions, and the next step works through the API',
    async (state) => {
      const m = await newMatter(t, { state });
      const facts = factsOf(state, today);
      const readers: User[] = [
        'director',
        'reception1',
        ...(WITH_UNIT.includes(state) ? (['handler1', 'head1'] as const) : []),
      ];
      for (const who of readers) {
        const d = await detail(m.id, who);
        expect(d.state, who).toBe(state);
        expect(d.petitionNo).toBe(m.petitionNo);
        expect([...d.allowedActions].sort(), who).toEqual(allowedActions(state, roles[who], facts).sort());
      }
      // The timeline is the path: registration, then one state-changing event per step.
      const d = await detail(m.id);
      expect(d.timeline.map((e: { action: string }) => e.action)).toEqual([
        'register',
        ...pathTo(state).map((s) => s.action),
      ]);
      const audited = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'matter')
        .where('entity_id', '=', String(m.id))
        .orderBy('id')
        .execute();
      expect(audited.map((a) => a.action).filter((a) => a !== 'matter.view')).toEqual([
        'matter.register',
        ...pathTo(state).map((s) => `matter.${s.action}`),
      ]);

      const next = NEXT()[state];
      if (!next) {
        expect(d.allowedActions).toEqual([]);
        const refused = await act(m.id, 'reception1', 'accept');
        expect(refused.statusCode).toBe(409);
        return;
      }
      const res = await act(m.id, next.who, next.action, next.body);
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res).state).toBe(next.to);
    },
  );

  it('the records a state implies: the dispose deadline by the real calendar, the assignment with its deadlines and letter, the opinion, closing', async () => {
    const calendar = await loadCalendar(repositories(t.database.db));
    const due = (rule: 'dispose' | 'handle' | 'objection', amount?: number) =>
      computeDeadline({ rule, start: today, calendar, rules: DEFAULT_RULES, amount, at: t.clock.now.toISOString() })
        .due;
    const active = (d: { case: { deadlines: { kind: string; status: string; due: string }[] } }) =>
      Object.fromEntries(d.case.deadlines.filter((x) => x.status === 'active').map((x) => [x.kind, x.due]));

    const accepted = await detail((await newMatter(t, { state: 'accepted' })).id);
    expect(active(accepted)).toEqual({ dispose: due('dispose') });

    const assigned = await detail((await newMatter(t, { state: 'assigned', unitId: housing, limitDays: 10 })).id);
    expect(active(assigned)).toEqual({ handle: due('handle', 10), objection: due('objection') });
    expect(assigned.case.deadlines.find((x: { kind: string }) => x.kind === 'dispose').status).toBe('met');
    expect(assigned.case.assignments).toMatchObject([
      { unitId: housing, status: 'assigned', limitDays: 10, decidedAt: t.clock.now.toISOString() },
    ]);
    expect(assigned.case.assignments[0].letterDocumentId).toEqual(expect.any(Number));
    // Another unit's handler does not see it; its own does.
    expect((await get(`/api/matters/${assigned.id}`, 'handler1')).statusCode).toBe(403);

    const handling = await detail((await newMatter(t, { state: 'handling' })).id, 'handler1');
    expect(active(handling)).toEqual({ handle: due('handle') });
    expect(handling.case.assignments).toMatchObject([{ unitId: hrss, status: 'signed' }]);

    const closed = await detail((await newMatter(t, { state: 'closed' })).id);
    expect(closed.case.opinions).toMatchObject([{ outcome: 'support', petitionerView: 'agree', sealed: true }]);
    expect(closed.closedAt).toBe(t.clock.now.toISOString());
    expect(Object.keys(active(closed))).toEqual(['reviewRequest']);

    const objected = await detail((await newMatter(t, { state: 'objected' })).id);
    expect(active(objected)).toEqual({});
    expect(objected.case.assignments).toMatchObject([{ status: 'objected' }]);
  });

  it('a petitioner is sealed as at the desk: the ID lookup finds it; a given petitioner, window and time are kept; numbers never collide with registrations', async () => {
    const body = '32050619900101123';
    const wrong = gb11643CheckChar(body) === '0' ? '1' : '0';
    const p = await newPetitioner(t, { name: '李四', idNumber: body + wrong }).catch(() => null);
    // An invalid check character is refused, not sealed.
    expect(p).toBeNull();
    const idNumber = '11010519491231002X';
    const q = await newPetitioner(t, { name: '李四', idNumber });
    const lookup = json(await get(`/api/petitioners/lookup?idType=resident&idNumber=${idNumber}`, 'registrar'));
    expect(lookup.petitioner).toMatchObject({ id: q.id });

    const window2 = (await repositories(t.database.db).org.listWindows()).find((w) => w.number === 2)!;
    const registeredAt = new Date(t.clock.now.getTime() - 3_600_000);
    const m = await newMatter(t, { state: 'accepted', petitionerId: q.id, windowId: window2.id, registeredAt });
    const d = await detail(m.id);
    expect(d).toMatchObject({
      registeredAt: registeredAt.toISOString(),
      windowId: window2.id,
      petitioner: { id: q.id, name: '李四' },
    });
    expect((await get(`/api/matters/${m.id}`, 'reception1')).statusCode).toBe(403); // window 1 does not see window 2's visitor

    // The registration at the desk finds the factory's petitioner and takes the next number.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { cookie: cookies.registrar },
      payload: await demoRegistration(t),
    });
    expect(res.statusCode, res.body).toBe(200);
    const reg = json(res);
    const seq = (no: string) => Number(no.split('-').at(-1));
    expect(seq(reg.petitionNo)).toBe(seq(m.petitionNo) + 1);
    expect((await detail(reg.matterId)).petitioner.id).toBe(q.id);
  });
});
