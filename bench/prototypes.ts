/**
 * The generator's prototypes (bench/generate.ts): one real matter per lifecycle path and end state,
 * walked through the real app (Fastify inject, the demo organisation, the given personal-data key)
 * on a scratch in-memory SQLite database. Their rows — the matter and every record the walk wrote
 * (units, timeline, deadlines, assignments, letters, opinions, meetings, reviews, satisfaction…) —
 * are what the generator then copies in bulk, with new ids, petitioners, texts and dates. So every
 * generated matter has exactly the records the app itself writes on the way to its state.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '@hall/db';
import { gb11643CheckChar } from '@hall/domain';
import { createTestApp, json } from '../packages/server/src/testing.ts';

/** Who works a matter of a family: its window, receptionist, category, unit and that unit's staff. */
interface Family {
  key: string;
  window: number;
  receptionist: string;
  category: string;
  locality: string;
  /** The unit in matter_unit at registration (empty: none named). */
  units: string[];
  /** The unit the matter is assigned to, its handler and head (null: the unit has no head in the demo). */
  assignTo: string;
  handler: string;
  head: string | null;
  /** A county the matter may be transferred to (R1.8), when its locality is a county. */
  countyOffice?: string;
}

export const FAMILIES: Family[] = [
  {
    key: 'hrss',
    window: 1,
    receptionist: 'reception1',
    category: '06.01',
    locality: '320500',
    units: ['市人力资源和社会保障局'],
    assignTo: '市人力资源和社会保障局',
    handler: 'handler1',
    head: 'head1',
  },
  {
    key: 'housing',
    window: 2,
    receptionist: 'reception2',
    category: '15.01',
    locality: '320500',
    units: ['市住房和城乡建设局'],
    assignTo: '市住房和城乡建设局',
    handler: 'handler2',
    head: null,
  },
  {
    key: 'general',
    window: 6,
    receptionist: 'reception6',
    category: '11',
    locality: '320506',
    units: [],
    assignTo: '吴中区人民政府',
    handler: 'countyh',
    head: null,
    countyOffice: '吴中区信访局',
  },
];

/** One step of a walk: `day` days after the registration (0 = the same day), who, which action, its input. */
interface Step {
  day: number;
  who: string;
  action: string;
  body?: Record<string, unknown>;
}

export interface Prototype {
  family: string;
  /** A name for the path (e.g. `closed-signOff`). */
  path: string;
  state: string;
  matterId: number;
  /** Days from the registration to the last step. */
  span: number;
  /** Final (closed for good or out of the hall's hands) or still open. */
  final: boolean;
}

const FINAL = new Set([
  'notAccepted',
  'noLongerAccepted',
  'transferred',
  'closed',
  'closedDeemed',
  'reviewed',
  'terminated',
]);

const pass = { pass: true, note: '' };
const criteria = (fail?: string) =>
  Object.fromEntries(
    ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map(
      (k) => [k, k === fail ? { pass: false, note: '证据不足，需补充调查' } : pass],
    ),
  );

/** The walks of one family; `D` is replaced by the China date of the step's day. */
function walks(
  f: Family,
  unitIds: Record<string, number>,
): { path: string; steps: Step[]; needsHead?: boolean; county?: boolean }[] {
  const rec = f.receptionist;
  const unitId = unitIds[f.assignTo]!;
  const accept: Step = { day: 0, who: rec, action: 'accept' };
  const propose: Step = {
    day: 1,
    who: rec,
    action: 'proposeAssignment',
    body: { unitId, note: '属该单位职责，建议交办' },
  };
  const approve: Step = { day: 2, who: 'director', action: 'approveAssignment' };
  const signFor: Step = { day: 3, who: f.handler, action: 'signFor' };
  const toHandling = [accept, propose, approve, signFor];
  const opinion = (day: number, outcome = 'support'): Step => ({
    day,
    who: f.handler,
    action: 'issueOpinion',
    body: {
      outcome,
      facts: '经调查核实，信访人反映的情况基本属实',
      reasons: '依据有关法律法规和政策规定',
      basis: '《信访工作条例》及相关规定',
    },
  });
  const delivery = (day: number, view = 'agree'): Step => ({
    day,
    who: f.handler,
    action: 'recordDelivery',
    body: { way: view === 'agree' ? 'inPerson' : 'post', deliveredOn: 'D', signed: view === 'agree', view },
  });
  const toDelivered = [...toHandling, opinion(25), delivery(28)];
  const signOff: Step = { day: 30, who: f.head ?? '', action: 'unitSignOff', body: { headName: '周强', sealed: true } };
  const review: Step = { day: 32, who: rec, action: 'reviewCase', body: { criteria: criteria() } };
  const toAwaiting = [...toDelivered, signOff, review];
  const closed = [...toAwaiting, { day: 33, who: 'director', action: 'signOff' }];
  const rate: Step = {
    day: 35,
    who: rec,
    action: 'rate',
    body: { unitRating: 'satisfied', officeRating: 'basicallySatisfied' },
  };
  const reqReview: Step = {
    day: 45,
    who: rec,
    action: 'requestReview',
    body: { organ: '苏州市人民政府', requestedOn: 'D' },
  };
  const reviewResult: Step = {
    day: 75,
    who: 'office',
    action: 'recordReviewResult',
    body: { result: '维持原处理意见' },
  };
  const reqReReview: Step = {
    day: 85,
    who: rec,
    action: 'requestReReview',
    body: { organ: '江苏省人民政府', requestedOn: 'D' },
  };
  const reReviewResult: Step = {
    day: 115,
    who: 'office',
    action: 'recordReReviewResult',
    body: { result: '维持复查意见' },
  };
  const meeting = (day: number, level: string, outcome: string, chair: string): Step => ({
    day,
    who: rec,
    action: 'recordMeeting',
    body: {
      level,
      heldOn: 'D',
      chair,
      participants: '信访人、责任单位、窗口工作人员',
      outcome,
      summary: outcome === 'agreement' ? '经调解双方达成一致，由责任单位督促落实' : '调解未达成一致',
      ...(outcome === 'agreement' ? { unitId } : {}),
    },
  });
  const list: { path: string; steps: Step[]; needsHead?: boolean; county?: boolean }[] = [
    { path: 'registered', steps: [] },
    { path: 'accepted', steps: [accept] },
    {
      path: 'accepted-legalAid',
      steps: [
        accept,
        {
          day: 0,
          who: rec,
          action: 'recordLegalAid',
          body: { qualifies: true, note: '符合法律援助条件，已告知申请途径' },
        },
      ],
    },
    {
      path: 'notAccepted',
      steps: [
        {
          day: 0,
          who: rec,
          action: 'notAccept',
          body: { reason: '属于劳动仲裁受理范围', channel: '劳动人事争议仲裁委员会' },
        },
      ],
    },
    {
      path: 'noLongerAccepted',
      steps: [{ day: 0, who: rec, action: 'noLongerAccept', body: { reason: '同一事项已办理终结' } }],
    },
    {
      path: 'closed-directReply',
      steps: [
        accept,
        {
          day: 0,
          who: rec,
          action: 'directReply',
          body: { reply: '已当场解释相关政策，信访人表示理解', agrees: true, ceases: true, signedName: '签名' },
        },
        { day: 1, who: rec, action: 'rate', body: { unitRating: 'notRated', officeRating: 'satisfied' } },
      ],
    },
    {
      path: 'transferred-channel',
      steps: [
        accept,
        {
          day: 0,
          who: rec,
          action: 'transferToChannel',
          body: { channel: 'arbitration', consent: true, note: '经信访人同意转仲裁窗口' },
        },
      ],
    },
    {
      path: 'mediating',
      steps: [accept, { day: 0, who: rec, action: 'startMediation' }, meeting(2, 'group', 'noAgreement', '郑华')],
    },
    {
      path: 'mediating-notice',
      steps: [
        accept,
        { day: 0, who: rec, action: 'startMediation' },
        { day: 1, who: rec, action: 'notifyAcceptance', body: { note: '案件办理期间请勿重复或越级上访' } },
      ],
    },
    { path: 'assignmentProposed', steps: [accept, propose] },
    {
      path: 'assignmentProposed-mediation',
      steps: [
        accept,
        { day: 0, who: rec, action: 'startMediation' },
        meeting(1, 'group', 'noAgreement', '郑华'),
        meeting(3, 'deputyDirector', 'agreement', '孙建国'),
      ],
    },
    { path: 'assigned', steps: [accept, propose, approve] },
    {
      path: 'objected',
      steps: [
        accept,
        propose,
        approve,
        { day: 3, who: f.handler, action: 'object', body: { reason: '不属本单位职责' } },
      ],
    },
    {
      path: 'handling',
      steps: [
        ...toHandling,
        { day: 10, who: rec, action: 'urge', body: { reason: '信访人来电反映进展缓慢' } },
        {
          day: 12,
          who: rec,
          action: 'supervise',
          body: { kind: 'weekly', demand: '加快核查进度', progress: '已约谈相关当事人' },
        },
      ],
    },
    {
      path: 'handling-extended',
      steps: [
        ...toHandling,
        { day: 50, who: f.handler, action: 'requestExtension', body: { days: 30, reason: '情况复杂，需调取有关记录' } },
        { day: 51, who: 'director', action: 'approveExtension' },
      ],
    },
    { path: 'opinionIssued', steps: [...toHandling, opinion(25)] },
    { path: 'opinionDelivered', steps: toDelivered },
    { path: 'underReview', steps: [...toDelivered, signOff], needsHead: true },
    { path: 'awaitingSignOff', steps: toAwaiting, needsHead: true },
    { path: 'closed-signOff', steps: [...closed, rate], needsHead: true },
    {
      path: 'closed-secondRound',
      steps: [
        ...toDelivered,
        signOff,
        { day: 32, who: rec, action: 'reviewCase', body: { criteria: criteria('evidenceConclusive') } },
        opinion(40),
        delivery(42),
        { ...signOff, day: 43 },
        { ...review, day: 44 },
        { day: 45, who: 'director', action: 'signOff' },
      ],
      needsHead: true,
    },
    {
      path: 'closedDeemed',
      steps: [
        ...toHandling,
        opinion(25, 'notSupport'),
        delivery(28, 'disagree'),
        signOff,
        review,
        { day: 33, who: 'director', action: 'deemClosed', body: { reason: '信访人不同意处理意见但无合理诉求' } },
      ],
      needsHead: true,
    },
    { path: 'inReview', steps: [...closed, rate, reqReview], needsHead: true },
    { path: 'reviewed', steps: [...closed, rate, reqReview, reviewResult], needsHead: true },
    { path: 'inReReview', steps: [...closed, rate, reqReview, reviewResult, reqReReview], needsHead: true },
    {
      path: 'terminated',
      steps: [...closed, rate, reqReview, reviewResult, reqReReview, reReviewResult],
      needsHead: true,
    },
  ];
  if (f.countyOffice) {
    list.push({
      path: 'transferred-county',
      steps: [
        accept,
        {
          day: 0,
          who: rec,
          action: 'transferToCounty',
          body: { unitId: unitIds[f.countyOffice], note: '依照条例直转属地' },
        },
      ],
      county: true,
    });
  }
  return list.filter((w) => !w.needsHead || f.head);
}

export interface PrototypeSet {
  db: Kysely<DB>;
  /** The registration instant of every walk (day 0). */
  startAt: Date;
  prototypes: Prototype[];
  close(): Promise<void>;
}

/**
 * Walks every prototype on a scratch database. `start` is the registration instant of every walk
 * (a working-day morning); the clock moves forward by whole days for the later steps.
 */
export async function buildPrototypes(key: Buffer, start = new Date('2026-03-02T01:30:00Z')): Promise<PrototypeSet> {
  const t = await createTestApp('sqlite', { key });
  const db = t.database.db;
  const units = Object.fromEntries(
    (await db.selectFrom('unit').select(['id', 'name']).execute()).map((u) => [u.name, u.id]),
  );
  const windows = Object.fromEntries(
    (await db.selectFrom('hall_window').select(['id', 'number']).execute()).map((w) => [w.number, w.id]),
  );
  const staff = Object.fromEntries(
    (await db.selectFrom('staff_user').select(['id', 'username']).execute()).map((s) => [s.username, s.id]),
  );
  const categories = Object.fromEntries(
    (await db.selectFrom('content_category').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );

  const cookies: Record<string, string> = {};
  const cookie = async (who: string) => (cookies[who] ??= await t.login(who));
  t.clock.now = start;

  interface Walk {
    family: Family;
    path: string;
    steps: Step[];
    matterId: number;
    next: number;
  }
  const all: Walk[] = [];
  for (const f of FAMILIES) {
    for (const w of walks(f, units)) {
      // A person of their own per walk: R1.9 looks at the same person's earlier matters.
      const body17 = `32050819700101${String(all.length).padStart(3, '0')}`;
      const reg = await t.app.inject({
        method: 'POST',
        url: '/api/registrations',
        headers: { cookie: await cookie('registrar') },
        payload: {
          petitioner: {
            name: '原型',
            idType: 'resident',
            idNumber: body17 + gb11643CheckChar(body17),
            phone: '13812345678',
            address: '苏州市姑苏区人民路1号',
          },
          peopleCount: 1,
          representatives: [],
          rulesAcknowledged: true,
          securityCheck: 'passed',
          categoryId: categories[f.category],
          purpose: 'demand',
          summary: '原型事项',
          demands: '原型诉求',
          localityCode: f.locality,
          unitIds: f.units.map((u) => units[u]),
          earlierHandling: [],
          windowId: windows[f.window],
          receptionistId: staff[f.receptionist],
        },
      });
      if (reg.statusCode !== 200) throw new Error(`prototype registration: ${reg.body}`);
      all.push({ family: f, path: w.path, steps: w.steps, matterId: json(reg).matterId, next: 0 });
    }
  }
  // The walks in step with the clock: every step of day d of every walk, then the next day.
  const days = [...new Set(all.flatMap((w) => w.steps.map((s) => s.day)))].sort((a, b) => a - b);
  for (const day of days) {
    t.clock.now = new Date(start.getTime() + day * 86_400_000 + 60_000 * (day === 0 ? 10 : 0));
    // Sessions do not expire on the moved clock (a scratch database).
    await sql`update staff_session set created_at = ${t.clock.now.toISOString()}, last_seen_at = ${t.clock.now.toISOString()}`.execute(
      db,
    );
    const chinaDay = new Date(t.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const w of all) {
      while (w.next < w.steps.length && w.steps[w.next]!.day === day) {
        const s = w.steps[w.next++]!;
        const who = await cookie(s.who);
        const detail = await t.app.inject({
          method: 'GET',
          url: `/api/matters/${w.matterId}`,
          headers: { cookie: who },
        });
        if (detail.statusCode !== 200)
          throw new Error(
            `prototype ${w.family.key}/${w.path}: detail for ${s.who}: ${detail.statusCode} ${detail.body}`,
          );
        const body = Object.fromEntries(Object.entries(s.body ?? {}).map(([k, v]) => [k, v === 'D' ? chinaDay : v]));
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/matters/${w.matterId}/actions/${s.action}`,
          headers: { cookie: who },
          payload: { ...body, version: json(detail).version },
        });
        if (res.statusCode !== 200)
          throw new Error(
            `prototype ${w.family.key}/${w.path}: ${s.action} by ${s.who}: ${res.statusCode} ${res.body}`,
          );
      }
    }
  }
  const prototypes: Prototype[] = [];
  for (const w of all) {
    const m = await db.selectFrom('matter').select('state').where('id', '=', w.matterId).executeTakeFirstOrThrow();
    prototypes.push({
      family: w.family.key,
      path: w.path,
      state: m.state,
      matterId: w.matterId,
      span: w.steps.length ? w.steps[w.steps.length - 1]!.day : 0,
      final: FINAL.has(m.state),
    });
  }
  return { db, startAt: start, prototypes, close: () => t.close() };
}
