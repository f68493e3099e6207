/**
 * Test factories (issue 9 §1, HOUSE rule 10): petitioners and cases inserted through the real
 * repositories, in the state a test needs, instead of walking the journey over HTTP in every file
 * (the journeys are walked once, in the lifecycle tests and the browser journeys).
 *
 * `newMatter(t, { state: 'handling', unitId })` writes what that state implies, step by step along one
 * path of the workflow table (MATTER_TRANSITIONS): for every step the records its effect would have
 * written (deadlines computed by the domain with the real calendar, the assignment and its letter, the
 * opinion and its delivery, the higher reviews…), the matter's columns, a timeline event and an audit
 * row, in one transaction. Each step is checked against the workflow table, so a factory that no
 * longer matches the workflow fails loudly instead of building a case the server would never make.
 * Test-only: nothing outside *.test.ts imports this file.
 */
import { Markers } from '@hall/contracts';
import {
  type IdType,
  type MatterAction,
  type MatterState,
  MATTER_TRANSITIONS,
  type Role,
  addDays,
  checkIdentity,
  chinaDate,
  chinaYear,
  formatPetitionNo,
  gb11643CheckChar,
  permissionsOf,
  queryCodeFromBytes,
} from '@hall/domain';
import { type MatterRow, type PetitionerRow, type Repositories, type StaffWithRoles, toJson } from '@hall/db';
import { audit } from './audit.ts';
import type { Ctx } from './context.ts';
import { transact } from './transact.ts';
import type { TestApp } from './testing.ts';
import { loadCalendar } from './modules/cases/calendar.ts';
import { closeDeadlines, openDeadline } from './modules/cases/deadlines.ts';
import { issueDocument } from './modules/documents/documents.ts';
import { idLookupHashes, sealAddress, sealIdNumber, sealName, sealPhone } from './modules/reception/personal-data.ts';

// ---- petitioners ---------------------------------------------------------------------------------

let idCounter = 0;

/**
 * A fresh valid resident ID number (GB 11643 check character), different on every call of the process:
 * a birth day in 1970–1989 and a sequence, so no two factory petitioners of a test file share a lookup hash.
 */
export function uniqueIdNumber(): string {
  const n = idCounter++;
  const birth = addDays('1970-01-01', n % 7300).replaceAll('-', '');
  const body = `320506${birth}${String(Math.floor(n / 7300) % 1000).padStart(3, '0')}`;
  return body + gb11643CheckChar(body);
}

export interface PetitionerOverrides {
  name?: string;
  idType?: IdType;
  /** Plain; normalised and sealed like at the desk. Default: a fresh valid resident number. */
  idNumber?: string;
  phone?: string | null;
  address?: string | null;
  ethnicity?: string | null;
  workplace?: string | null;
  occupation?: string | null;
  at?: Date;
}

/** A petitioner sealed exactly as registration seals one (registration.service.ts): keyed hashes, ciphertext, masks. */
export async function newPetitioner(t: TestApp, o: PetitionerOverrides = {}): Promise<PetitionerRow> {
  return transact(t.deps, (r) => insertPetitioner(t, r, o));
}

async function insertPetitioner(t: TestApp, r: Repositories, o: PetitionerOverrides): Promise<PetitionerRow> {
  const cipher = t.deps.cipher;
  const now = o.at ?? t.clock.now;
  const idType = o.idType ?? 'resident';
  const check = checkIdentity(idType, o.idNumber ?? uniqueIdNumber(), chinaDate(now));
  if (!check.ok) throw new Error(`newPetitioner: invalid ID number (${check.code})`);
  const normalized = check.info.normalized;
  const existing = await r.petitioners.findByIdHash(idLookupHashes(cipher, idType, normalized));
  if (existing) throw new Error('newPetitioner: a petitioner with this ID number exists');
  const name = sealName(cipher, o.name ?? '张三');
  return r.petitioners.insert({
    name_enc: name.enc,
    name_hash: name.hash,
    ...sealIdNumber(cipher, idType, normalized),
    ...sealPhone(cipher, o.phone === undefined ? '13812345678' : o.phone),
    ...sealAddress(cipher, o.address === undefined ? '苏州市吴中区东吴北路1号' : o.address),
    ethnicity: o.ethnicity ?? null,
    workplace: o.workplace ?? null,
    occupation: o.occupation ?? null,
    id_type: idType,
    sex: check.info.sex ?? null,
    birth_enc: cipher.encryptOpt(check.info.birthDate ?? null),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
}

// ---- matters -------------------------------------------------------------------------------------

/** Who takes a step: the matter's window, the hall's leadership, the unit's handler or its head. */
type Who = 'window' | 'leader' | 'unit' | 'head';

interface Step {
  from: MatterState;
  action: MatterAction;
  by: Who;
}

/**
 * The step into each state (after registration), one path of the workflow table per state; a state's
 * whole path is its step's `from` path plus the step. closedDeemed: the petitioner disagreed.
 */
const STEP_INTO: Record<Exclude<MatterState, 'registered'>, Step> = {
  accepted: { from: 'registered', action: 'accept', by: 'window' },
  notAccepted: { from: 'registered', action: 'notAccept', by: 'window' },
  noLongerAccepted: { from: 'registered', action: 'noLongerAccept', by: 'window' },
  transferred: { from: 'accepted', action: 'transferToChannel', by: 'window' },
  mediating: { from: 'accepted', action: 'startMediation', by: 'window' },
  assignmentProposed: { from: 'accepted', action: 'proposeAssignment', by: 'window' },
  assigned: { from: 'assignmentProposed', action: 'approveAssignment', by: 'leader' },
  objected: { from: 'assigned', action: 'object', by: 'unit' },
  handling: { from: 'assigned', action: 'signFor', by: 'unit' },
  opinionIssued: { from: 'handling', action: 'issueOpinion', by: 'unit' },
  opinionDelivered: { from: 'opinionIssued', action: 'recordDelivery', by: 'unit' },
  underReview: { from: 'opinionDelivered', action: 'unitSignOff', by: 'head' },
  awaitingSignOff: { from: 'underReview', action: 'reviewCase', by: 'window' },
  closed: { from: 'awaitingSignOff', action: 'signOff', by: 'leader' },
  closedDeemed: { from: 'awaitingSignOff', action: 'deemClosed', by: 'leader' },
  inReview: { from: 'closed', action: 'requestReview', by: 'window' },
  reviewed: { from: 'inReview', action: 'recordReviewResult', by: 'window' },
  inReReview: { from: 'reviewed', action: 'requestReReview', by: 'window' },
  terminated: { from: 'inReReview', action: 'recordReReviewResult', by: 'window' },
};

/** The steps from registration to `state`, in order. */
export function pathTo(state: MatterState): (Step & { to: MatterState })[] {
  if (state === 'registered') return [];
  const step = STEP_INTO[state];
  return [...pathTo(step.from), { ...step, to: state }];
}

export interface MatterOverrides {
  /** Default 'registered'. */
  state?: MatterState;
  /** The routed window (default: window 1, 市人社局窗口). */
  windowId?: number;
  /** The receptionist at the window (default: the window's first receptionist, if any). */
  receptionistId?: number | null;
  /** The unit the matter is routed to and, from assignmentProposed on, assigned to (default: 市人社局). */
  unitId?: number;
  /** Default: a new petitioner (newPetitioner). */
  petitionerId?: number;
  /** Default: t.clock.now. */
  registeredAt?: Date;
  /** When the steps after registration were taken (default: registeredAt); their deadlines count from this day. */
  at?: Date;
  /** Default: content category 06 (劳动社保). */
  categoryId?: number;
  localityCode?: string;
  summary?: string;
  demands?: string;
  proposedVisitKind?: string;
  /** The assignment's origin (default 'window') and the limit the assigning side set instead of the 60 days (R1.19). */
  origin?: string;
  limitDays?: number | null;
  /** The petitioner's view of the delivered opinion (default 'agree'; 'disagree' on the way to closedDeemed). */
  petitionerView?: 'agree' | 'disagree' | 'none';
}

export interface NewMatter {
  id: number;
  petitionNo: string;
  queryCode: string;
  petitionerId: number;
  windowId: number;
  unitId: number;
  /** The matter row as it is after the last step. */
  row: MatterRow;
}

interface Env {
  r: Repositories;
  m: MatterRow;
  unitId: number;
  o: MatterOverrides;
  ctx: Ctx;
  today: string;
  hall: { id: number; code: string; name: string };
  calendar: Awaited<ReturnType<typeof loadCalendar>>;
}

const at = (e: Env) => e.ctx.now.toISOString();
const by = (e: Env) => e.ctx.actor.id;

const ctxOf = (s: StaffWithRoles, now: Date): Ctx => ({
  actor: {
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    roles: s.roles as Role[],
    permissions: permissionsOf(s.roles as Role[]),
    hallId: s.hall_id,
    windowId: s.window_id,
    unitId: s.unit_id,
    sessionId: 'factory',
  },
  requestId: 'factory',
  now,
  lang: 'zh-CN',
});

const deadline = (e: Env, kind: Parameters<typeof openDeadline>[3]['kind'], start = e.today, amount?: number) =>
  openDeadline(e.r, e.ctx, e.calendar, { matterId: e.m.id, kind, rule: kind, start, amount });

const currentAssignment = async (e: Env) => (await e.r.cases.assignments(e.m.id)).at(-1)!;
const currentOpinion = async (e: Env) => (await e.r.cases.opinions(e.m.id)).at(-1)!;

/**
 * What each step writes besides the state, the event and the audit row (the records the real effect
 * writes, modules/cases/effects/*), and the matter's changed columns.
 */
const WRITES: { [A in MatterAction]?: (e: Env) => Promise<Partial<MatterRow> | void> } = {
  async accept(e) {
    await deadline(e, 'dispose');
    return decision(e, 'accepted', null);
  },
  async notAccept(e) {
    return { ...decision(e, 'notAccepted', 'litigation'), decision_reason: '属于诉讼渠道' };
  },
  async noLongerAccept(e) {
    return { ...decision(e, 'noLongerAccepted', null), decision_reason: '已办理终结' };
  },
  async transferToChannel(e) {
    await e.r.cases.insertTransfer({
      matter_id: e.m.id,
      kind: 'arbitration',
      unit_id: null,
      window_id: null,
      consent: 1,
      note: null,
      at: at(e),
      by_id: by(e),
    });
    await closeDeadlines(e.r, e.ctx, e.m.id, ['dispose'], 'met');
    return { closed_at: at(e) };
  },
  async startMediation(e) {
    await e.r.cases.insertNote({
      matter_id: e.m.id,
      kind: 'mediationStarted',
      unit_id: null,
      text: null,
      data: null,
      at: at(e),
      by_id: by(e),
    });
  },
  async proposeAssignment(e) {
    await e.r.cases.insertAssignment({
      matter_id: e.m.id,
      unit_id: e.unitId,
      origin: e.o.origin ?? 'window',
      limit_days: e.o.limitDays ?? null,
      status: 'proposed',
      proposed_at: at(e),
      proposed_by: by(e),
      proposal_note: null,
      decided_at: null,
      decided_by: null,
      decision_note: null,
      letter_document_id: null,
      deadline_id: null,
      objection_deadline_id: null,
      responded_at: null,
      responded_by: null,
      objection_reason: null,
    });
  },
  async approveAssignment(e) {
    const a = await currentAssignment(e);
    const unit = (await e.r.org.getUnit(a.unit_id))!;
    const fromMediation = a.origin === 'mediation' || a.origin === 'directorMeeting';
    const handle = await openDeadline(e.r, e.ctx, e.calendar, {
      matterId: e.m.id,
      kind: 'handle',
      rule: fromMediation && !a.limit_days ? 'mediationAgreement' : 'handle',
      start: e.today,
      amount: a.limit_days ?? undefined,
    });
    const objection = await deadline(e, 'objection');
    const letter = await issueDocument(
      e.r,
      e.ctx,
      'assignmentLetter',
      {
        matterId: e.m.id,
        content: {
          petitionNo: e.m.petition_no,
          unitName: unit.name,
          summary: e.m.summary,
          demands: e.m.demands,
          origin: a.origin,
          assignedOn: e.today,
          due: handle.due,
          objectionDue: objection.due,
        },
      },
      e.hall,
    );
    await e.r.cases.updateAssignment(a.id, {
      status: 'assigned',
      decided_at: at(e),
      decided_by: by(e),
      letter_document_id: letter.id,
      deadline_id: handle.id,
      objection_deadline_id: objection.id,
    });
    await closeDeadlines(e.r, e.ctx, e.m.id, ['dispose'], 'met');
    return {
      assigned_unit_id: a.unit_id,
      origin: a.origin,
      leader_day: a.origin === 'leaderDay' ? 1 : e.m.leader_day,
      round: e.m.round ?? 1,
    };
  },
  async object(e) {
    const a = await currentAssignment(e);
    await e.r.cases.updateAssignment(a.id, {
      status: 'objected',
      responded_at: at(e),
      responded_by: by(e),
      objection_reason: '不属于本单位职责',
    });
    await closeDeadlines(e.r, e.ctx, e.m.id, ['objection', 'handle'], 'cancelled');
    return { assigned_unit_id: null };
  },
  async signFor(e) {
    const a = await currentAssignment(e);
    await e.r.cases.updateAssignment(a.id, { status: 'signed', responded_at: at(e), responded_by: by(e) });
    await closeDeadlines(e.r, e.ctx, e.m.id, ['objection'], 'met');
  },
  async issueOpinion(e) {
    const unit = e.m.assigned_unit_id === null ? undefined : await e.r.org.getUnit(e.m.assigned_unit_id);
    const content = {
      outcome: 'support',
      facts: '经调查，反映的问题属实',
      reasons: '依据有关规定',
      basis: '《信访工作条例》第三十二条',
    };
    const doc = await issueDocument(
      e.r,
      e.ctx,
      'handlingOpinion',
      {
        matterId: e.m.id,
        content: {
          petitionNo: e.m.petition_no,
          unitName: unit?.name ?? null,
          summary: e.m.summary,
          demands: e.m.demands,
          ...content,
          issuedOn: e.today,
        },
      },
      e.hall,
    );
    await e.r.cases.insertOpinion({
      matter_id: e.m.id,
      round: e.m.round ?? 1,
      ...content,
      document_id: doc.id,
      issued_at: at(e),
      issued_by: by(e),
      delivery_way: null,
      delivered_on: null,
      petitioner_signed: null,
      petitioner_view: null,
      delivery_note: null,
      head_name: null,
      sealed: null,
      signed_off_at: null,
      signed_off_by: null,
    });
    await closeDeadlines(e.r, e.ctx, e.m.id, ['handle'], 'met');
  },
  async recordDelivery(e) {
    const view =
      e.o.petitionerView ??
      (pathTo(e.o.state ?? 'registered').some((s) => s.action === 'deemClosed') ? 'disagree' : 'agree');
    await e.r.cases.updateOpinion((await currentOpinion(e)).id, {
      delivery_way: 'inPerson',
      delivered_on: e.today,
      petitioner_signed: 1,
      petitioner_view: view,
      delivery_note: null,
    });
    await deadline(e, 'reviewRequest');
  },
  async unitSignOff(e) {
    await e.r.cases.updateOpinion((await currentOpinion(e)).id, {
      head_name: e.ctx.actor.displayName,
      sealed: 1,
      signed_off_at: at(e),
      signed_off_by: by(e),
    });
  },
  async reviewCase(e) {
    const criteria = Object.fromEntries(
      ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map(
        (k) => [k, { pass: true, note: '' }],
      ),
    );
    await e.r.cases.insertReview({
      matter_id: e.m.id,
      round: e.m.round ?? 1,
      criteria: JSON.stringify(criteria),
      passed: 1,
      at: at(e),
      by_id: by(e),
    });
  },
  async signOff(e) {
    return { closed_at: at(e) };
  },
  async deemClosed(e) {
    return { closed_at: at(e), no_reasonable_demand: 1 };
  },
  async requestReview(e) {
    await higherReview(e, 'review', 'reviewRequest', 'reviewAnswer');
  },
  async recordReviewResult(e) {
    await answerHigherReview(e, 'review', 'reviewAnswer');
    await deadline(e, 'reReviewRequest');
  },
  async requestReReview(e) {
    await higherReview(e, 'reReview', 'reReviewRequest', 'reReviewAnswer');
  },
  async recordReReviewResult(e) {
    await answerHigherReview(e, 'reReview', 'reReviewAnswer');
  },
};

function decision(e: Env, acceptance: MatterState, channel: string | null): Partial<MatterRow> {
  return {
    acceptance,
    decision_reason: null,
    decision_channel: channel,
    decided_at: at(e),
    decided_by: by(e),
    visit_kind: e.m.visit_kind ?? e.m.proposed_visit_kind,
  };
}

async function higherReview(
  e: Env,
  level: 'review' | 'reReview',
  request: 'reviewRequest' | 'reReviewRequest',
  answer: 'reviewAnswer' | 'reReviewAnswer',
) {
  await closeDeadlines(e.r, e.ctx, e.m.id, [request], 'met');
  const d = await deadline(e, answer);
  const organ = level === 'review' ? '苏州市人民政府' : '江苏省人民政府';
  await e.r.cases.insertHigherReview({
    matter_id: e.m.id,
    level,
    organ,
    requested_on: e.today,
    deadline_id: d.id,
    result: null,
    result_at: null,
    at: at(e),
    by_id: by(e),
  });
}

async function answerHigherReview(e: Env, level: 'review' | 'reReview', answer: 'reviewAnswer' | 'reReviewAnswer') {
  const hr = (await e.r.cases.higherReviews(e.m.id)).filter((h) => h.level === level).at(-1)!;
  await e.r.cases.updateHigherReview(hr.id, { result: '维持原处理意见', result_at: at(e) });
  await closeDeadlines(e.r, e.ctx, e.m.id, [answer], 'met');
}

/** The demo references a matter needs unless the test names its own. */
async function defaults(r: Repositories) {
  const [window, category, unit] = await Promise.all([
    r.org.listWindows().then((ws) => ws.find((w) => w.number === 1)!),
    r.org.listCategories().then((cs) => cs.find((c) => c.code === '06')!),
    r.org.listUnits().then((us) => us.find((u) => u.name === '市人力资源和社会保障局')!),
  ]);
  return { window, category, unit };
}

/**
 * A case in `o.state`, consistent with it: the records every step of the path to it implies, each
 * step's timeline event and audit row (R1.27), written in one transaction through the repositories.
 */
export async function newMatter(t: TestApp, o: MatterOverrides = {}): Promise<NewMatter> {
  const state = o.state ?? 'registered';
  const path = pathTo(state);
  for (const s of path) {
    if (!MATTER_TRANSITIONS.some((x) => x.from === s.from && x.action === s.action && x.to === s.to)) {
      throw new Error(`newMatter: the workflow has no row ${s.from} --${s.action}--> ${s.to}`);
    }
  }
  const registeredAt = o.registeredAt ?? t.clock.now;
  const stepsAt = o.at ?? registeredAt;
  return transact(t.deps, async (r) => {
    const d = await defaults(r);
    const windowId = o.windowId ?? d.window.id;
    const window = (await r.org.getWindow(windowId))!;
    const hall = (await r.org.getHall(window.hall_id))!;
    const unitId = o.unitId ?? d.unit.id;
    const staff = (await r.staff.list(hall.id)).filter((s) => s.active);
    const withRole = (role: string, f: (s: StaffWithRoles) => boolean = () => true) =>
      staff.find((s) => s.roles.includes(role) && f(s));
    const director = withRole('director') ?? staff[0];
    const receptionist =
      o.receptionistId === undefined
        ? withRole('receptionist', (s) => s.window_id === windowId)
        : staff.find((s) => s.id === o.receptionistId);
    const handler = withRole('unitHandler', (s) => s.unit_id === unitId);
    const actors: Record<Who, StaffWithRoles> = {
      window: receptionist ?? withRole('groupLead', (s) => s.window_id === windowId) ?? director,
      leader: director,
      unit: handler ?? director,
      head: withRole('unitHead', (s) => s.unit_id === unitId) ?? handler ?? director,
    };
    const registrar = withRole('registrar') ?? director;

    const petitionerId = o.petitionerId ?? (await insertPetitioner(t, r, { at: registeredAt })).id;
    const year = chinaYear(registeredAt);
    const petitionNo = formatPetitionNo(hall.code, year, await r.matters.nextSequence(hall.id, year));
    const queryCode = queryCodeFromBytes(t.deps.randomBytes(8));
    const regAt = registeredAt.toISOString();
    let m = await r.matters.insert({
      hall_id: hall.id,
      petition_no: petitionNo,
      query_code: queryCode,
      petitioner_id: petitionerId,
      form: 'visit',
      registered_at: regAt,
      registered_by: registrar.id,
      window_id: windowId,
      receptionist_id: o.receptionistId === undefined ? (receptionist?.id ?? null) : o.receptionistId,
      state: 'registered',
      visit_kind: null,
      proposed_visit_kind: o.proposedVisitKind ?? 'first',
      purpose: 'demand',
      category_id: o.categoryId ?? d.category.id,
      summary: o.summary ?? '某公司拖欠工资三个月未付',
      demands: o.demands ?? '要求公司支付拖欠的工资',
      locality_code: o.localityCode ?? '320500',
      people_count: 1,
      markers: JSON.stringify(Markers.parse({})),
      earlier_handling: '[]',
      other_doc_reason: null,
      rules_acknowledged_at: regAt,
      security_check: 'passed',
      security_note: null,
      acceptance: null,
      decision_reason: null,
      decision_channel: null,
      decided_at: null,
      decided_by: null,
      closed_at: null,
    });
    await r.matters.insertUnits(m.id, [unitId]);
    const registerCtx = ctxOf(registrar, registeredAt);
    await r.matters.insertEvent({
      matter_id: m.id,
      at: regAt,
      actor_id: registrar.id,
      action: 'register',
      from_state: null,
      to_state: 'registered',
      note: null,
      data: toJson({ petitionNo, windowId, factory: true }),
    });
    await audit(r, registerCtx, {
      entity: 'matter',
      entityId: m.id,
      action: 'matter.register',
      after: { petitionNo, windowId, petitionerId },
    });

    const calendar = await loadCalendar(r);
    for (const s of path) {
      const ctx = ctxOf(actors[s.by], stepsAt);
      const env: Env = { r, m, unitId, o: { ...o, state }, ctx, today: chinaDate(stepsAt), hall, calendar };
      const changes = (await WRITES[s.action]?.(env)) ?? {};
      const updated = await r.matters.updateVersioned(m.id, m.version, { ...changes, state: s.to });
      if (!updated) throw new Error('newMatter: the matter changed under the factory');
      await r.matters.insertEvent({
        matter_id: m.id,
        at: ctx.now.toISOString(),
        actor_id: ctx.actor.id,
        action: s.action,
        from_state: s.from,
        to_state: s.to,
        note: null,
        data: toJson({ factory: true }),
      });
      await audit(r, ctx, {
        entity: 'matter',
        entityId: m.id,
        action: `matter.${s.action}`,
        before: { state: s.from },
        after: { ...changes, state: s.to },
      });
      m = updated;
    }
    return { id: m.id, petitionNo, queryCode, petitionerId, windowId, unitId, row: m };
  });
}
