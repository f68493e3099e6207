/**
 * What each workflow action writes besides the state change: the records of the step (meetings,
 * assignments, deadlines, opinions, reviews…) and its numbered document. The workflow table has
 * already said the action is allowed; MatterService.act runs the effect, then saves the state,
 * the timeline event and the audit row in the same transaction.
 */
import type { ActionData } from '@hall/contracts';
import {
  DomainError,
  type MatterAction,
  type MatterState,
  type WorkCalendar,
  applyExtension,
  conflict,
  daysBetween,
  invalid,
} from '@hall/domain';
import { type MatterRow, type Repositories, int } from '@hall/db';
import type { Ctx } from '../../context.ts';
import { activeDeadline, closeDeadlines, deadlineOf, openDeadline, raiseProvisionalAlert } from './deadlines.ts';
import { issueDocument } from '../documents/documents.ts';
import type { PiiCipher } from '../../pii.ts';

export interface EffectEnv {
  ctx: Ctx;
  r: Repositories;
  m: MatterRow;
  to: MatterState;
  calendar: WorkCalendar;
  /** Today in China, 'YYYY-MM-DD'. */
  today: string;
  /** Seals personal data an effect writes (issue 8 §3). */
  cipher: PiiCipher;
}

export interface EffectResult {
  changes?: Partial<MatterRow>;
  note?: string | null;
  data?: Record<string, unknown>;
}

type Effect<A extends MatterAction> = (env: EffectEnv, input: ActionData[A]) => Promise<EffectResult>;

const at = (env: EffectEnv) => env.ctx.now.toISOString();
const by = (env: EffectEnv) => env.ctx.actor.id;

async function note(env: EffectEnv, kind: string, text: string | null, data?: unknown, unitId?: number | null) {
  return env.r.cases.insertNote({
    matter_id: env.m.id,
    kind,
    unit_id: unitId ?? null,
    text,
    data: data === undefined ? null : JSON.stringify(data),
    at: at(env),
    by_id: by(env),
  });
}

async function currentAssignment(env: EffectEnv) {
  const a = (await env.r.cases.assignments(env.m.id)).pop();
  if (!a) throw conflict('assignment.none');
  return a;
}

async function unitOrThrow(env: EffectEnv, unitId: number, field = 'unitId') {
  const u = await env.r.org.getUnit(unitId);
  if (!u || !u.active) throw invalid('registration.unitNotFound', {}, field);
  return u;
}

/** Approves an assignment: the letter in the hall's name, the handling deadline and the objection period (R1.16–R1.19). */
async function assign(env: EffectEnv, assignmentId: number) {
  const { r, m, ctx } = env;
  const a = (await r.cases.assignments(m.id)).find((x) => x.id === assignmentId)!;
  const unit = (await r.org.getUnit(a.unit_id))!;
  // R1.14: after a mediation agreement the unit finishes within one week or by the date it promised.
  const fromMediation = a.origin === 'mediation' || a.origin === 'directorMeeting';
  const handle = await openDeadline(r, ctx, env.calendar, {
    matterId: m.id,
    kind: 'handle',
    rule: fromMediation && !a.limit_days ? 'mediationAgreement' : 'handle',
    start: env.today,
    amount: a.limit_days ?? undefined,
  });
  const objection = await openDeadline(r, ctx, env.calendar, { matterId: m.id, kind: 'objection', rule: 'objection', start: env.today });
  const letter = await issueDocument(r, ctx, 'assignmentLetter', {
    matterId: m.id,
    content: {
      petitionNo: m.petition_no,
      unitName: unit.name,
      summary: m.summary,
      demands: m.demands,
      origin: a.origin,
      assignedOn: env.today,
      due: handle.due,
      dueComputation: deadlineOf(handle).computation,
      objectionDue: objection.due,
    },
  });
  await r.cases.updateAssignment(a.id, {
    status: 'assigned',
    decided_at: at(env),
    decided_by: by(env),
    letter_document_id: letter.id,
    deadline_id: handle.id,
    objection_deadline_id: objection.id,
  });
  await closeDeadlines(r, ctx, m.id, ['dispose'], 'met');
  return {
    changes: {
      assigned_unit_id: unit.id,
      leader_day: a.origin === 'leaderDay' ? 1 : m.leader_day,
      origin: a.origin,
      round: m.round ?? 1,
    },
    data: { unitId: unit.id, unitName: unit.name, letterNo: letter.number, due: handle.due, objectionDue: objection.due },
  };
}

async function proposeAssignment(env: EffectEnv, o: { unitId: number; origin: string; limitDays?: number | null; note?: string }) {
  const unit = await unitOrThrow(env, o.unitId);
  const a = await env.r.cases.insertAssignment({
    matter_id: env.m.id,
    unit_id: unit.id,
    origin: o.origin,
    limit_days: o.limitDays ?? null,
    status: 'proposed',
    proposed_at: at(env),
    proposed_by: by(env),
    proposal_note: o.note || null,
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
  return { assignmentId: a.id, unitId: unit.id, unitName: unit.name, origin: o.origin, limitDays: o.limitDays ?? null };
}

const LEVEL_DOC = { directorMeeting: true } as Record<string, boolean>;

export const EFFECTS: { [A in MatterAction]: Effect<A> } = {
  // ---- reception (R1.5, R1.5b) ----
  async accept(env, i) {
    // The hall disposes of an accepted matter within 15 days (national limit): transfer, reply, mediate or assign.
    const d = await openDeadline(env.r, env.ctx, env.calendar, { matterId: env.m.id, kind: 'dispose', rule: 'dispose', start: env.today });
    return { changes: decision(env, i.reason, null), note: i.reason || null, data: { disposeDue: d.due } };
  },
  async notAccept(env, i) {
    return { changes: decision(env, i.reason, i.channel ?? null), note: i.reason, data: { channel: i.channel ?? null } };
  },
  async noLongerAccept(env, i) {
    return { changes: decision(env, i.reason, null), note: i.reason };
  },

  // ---- direct handling (R1.6–R1.12) ----
  async directReply(env, i) {
    await env.r.matters.insertDirectReply({
      matter_id: env.m.id,
      reply: i.reply,
      agrees: int(i.agrees),
      ceases: int(i.ceases),
      signed_name_enc: env.cipher.encryptOpt(i.signedName?.trim() || null),
      replied_at: at(env),
      replied_by: by(env),
    });
    if (env.to === 'closed') await closeDeadlines(env.r, env.ctx, env.m.id, ['dispose'], 'met');
    return {
      changes: env.to === 'closed' ? { closed_at: at(env) } : {},
      note: i.reply,
      // The signer's name stays sealed in the reply row; the timeline only says that it was signed.
      data: { agrees: i.agrees, ceases: i.ceases, signed: !!i.signedName?.trim() },
    };
  },
  async transferToCounty(env, i) {
    const unit = await unitOrThrow(env, i.unitId);
    // R1.8: the county of the matter's locality answers the petitioner.
    if (!['county', 'countyOffice'].includes(unit.kind) || unit.division_code !== env.m.locality_code) {
      throw invalid('transfer.notTheCounty', {}, 'unitId');
    }
    await env.r.cases.insertTransfer({ matter_id: env.m.id, kind: 'county', unit_id: unit.id, window_id: null, consent: 0, note: i.note || null, at: at(env), by_id: by(env) });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['dispose'], 'met');
    return { changes: { closed_at: at(env) }, note: i.note || null, data: { unitId: unit.id, unitName: unit.name } };
  },
  async transferToChannel(env, i) {
    if (!i.channel) throw invalid('matter.channelRequired', {}, 'channel');
    if (i.windowId) {
      const w = await env.r.org.getWindow(i.windowId);
      if (!w || w.hall_id !== env.m.hall_id) throw invalid('registration.windowNotFound', {}, 'windowId');
    }
    await env.r.cases.insertTransfer({
      matter_id: env.m.id,
      kind: i.channel,
      unit_id: null,
      window_id: i.windowId ?? null,
      consent: int(i.consent),
      note: i.note || null,
      at: at(env),
      by_id: by(env),
    });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['dispose'], 'met');
    return { changes: { closed_at: at(env) }, note: i.note || null, data: { channel: i.channel, windowId: i.windowId ?? null, consent: i.consent } };
  },
  async recordLegalAid(env, i) {
    await note(env, 'legalAid', i.note, { qualifies: i.qualifies });
    return { note: i.note, data: { qualifies: i.qualifies } };
  },

  // ---- mediation (R1.13–R1.15) ----
  async startMediation(env, i) {
    await note(env, 'mediationStarted', i.note || null);
    return { note: i.note || null };
  },
  async recordMeeting(env, i) {
    const { r, ctx, m } = env;
    if (i.heldOn > env.today) throw invalid('mediation.meetingInFuture', {}, 'heldOn');
    if (i.promisedDate && i.promisedDate < i.heldOn) throw invalid('mediation.promisedBeforeMeeting', {}, 'promisedDate');
    const unit = i.unitId ? await unitOrThrow(env, i.unitId) : null;
    const meeting = await r.cases.insertMeeting({
      matter_id: m.id,
      level: i.level,
      held_on: i.heldOn,
      chair: i.chair,
      participants: i.participants,
      outcome: i.outcome,
      summary: i.summary,
      unit_id: unit?.id ?? null,
      promised_date: i.promisedDate ?? null,
      document_id: null,
      at: at(env),
      by_id: by(env),
    });
    let minutesNo: string | null = null;
    if (LEVEL_DOC[i.level]) {
      // R1.15: the director's meeting's decision is printed as minutes.
      const doc = await issueDocument(r, ctx, 'minutes', {
        matterId: m.id,
        content: { petitionNo: m.petition_no, heldOn: i.heldOn, chair: i.chair, participants: i.participants, summary: i.summary, outcome: i.outcome, unitName: unit?.name ?? null, promisedDate: i.promisedDate ?? null },
      });
      await r.cases.updateMeeting(meeting.id, { document_id: doc.id });
      minutesNo = doc.number;
    }
    const data: Record<string, unknown> = { level: i.level, outcome: i.outcome, minutesNo };
    if (env.to === 'assignmentProposed') {
      // R1.14, R1.17: the agreement is filed and assigned in the hall's name, with its deadline.
      const limitDays = i.promisedDate ? Math.max(1, daysBetween(env.today, i.promisedDate)) : null;
      Object.assign(
        data,
        await proposeAssignment(env, {
          unitId: unit!.id,
          origin: i.level === 'group' || i.level === 'deputyDirector' ? 'mediation' : 'directorMeeting',
          limitDays,
          note: i.summary,
        }),
      );
    }
    return { note: i.summary, data };
  },
  async notifyAcceptance(env, i) {
    // R1.13: a matter not finished the same day: the petitioner is told the acceptance and the deadline.
    const dispose = await activeDeadline(env.r, env.m.id, 'dispose');
    const petitioner = (await env.r.petitioners.findById(env.m.petitioner_id))!;
    const doc = await issueDocument(env.r, env.ctx, 'acceptanceNotice', {
      matterId: env.m.id,
      content: {
        petitionNo: env.m.petition_no,
        queryCode: env.m.query_code,
        // Addressed to the petitioner: the full name, kept sealed in the frozen content (issue 8 §3).
        petitionerName: petitioner.name_enc,
        summary: env.m.summary,
        acceptedOn: env.m.decided_at,
        due: dispose?.due ?? null,
        dueComputation: dispose ? deadlineOf(dispose).computation : null,
        note: i.note || null,
      },
    });
    return { note: i.note || null, data: { documentNo: doc.number, due: dispose?.due ?? null } };
  },

  // ---- assignment (R1.16–R1.18) ----
  async proposeAssignment(env, i) {
    return { note: i.note || null, data: await proposeAssignment(env, i) };
  },
  async approveAssignment(env, i) {
    const a = await currentAssignment(env);
    if (a.status !== 'proposed') throw conflict('assignment.none');
    const out = await assign(env, a.id);
    if (i.note) await env.r.cases.updateAssignment(a.id, { decision_note: i.note });
    return { ...out, note: i.note || null };
  },
  async refuseAssignment(env, i) {
    const a = await currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'refused', decided_at: at(env), decided_by: by(env), decision_note: i.reason });
    return { note: i.reason };
  },
  async signFor(env, i) {
    const a = await currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'signed', responded_at: at(env), responded_by: by(env) });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['objection'], 'met');
    return { note: i.note || null, data: { assignmentId: a.id } };
  },
  async object(env, i) {
    const a = await currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'objected', responded_at: at(env), responded_by: by(env), objection_reason: i.reason });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['objection', 'handle'], 'cancelled');
    return { changes: { assigned_unit_id: null }, note: i.reason, data: { assignmentId: a.id, unitId: a.unit_id } };
  },
  async reassign(env, i) {
    // The hall reassigns in its own name after a justified objection (R1.18): approved at once.
    const previous = await currentAssignment(env);
    if (previous.unit_id === i.unitId) throw invalid('assignment.sameUnit', {}, 'unitId');
    const proposed = await proposeAssignment(env, { unitId: i.unitId, origin: previous.origin, limitDays: previous.limit_days, note: i.note });
    const out = await assign(env, proposed.assignmentId);
    return { ...out, note: i.note || null, data: { ...out.data, previousUnitId: previous.unit_id } };
  },

  // ---- in progress (R1.7, R1.20) ----
  async urge(env, i) {
    await note(env, 'urge', i.reason, undefined, env.m.assigned_unit_id);
    return { note: i.reason, data: { unitId: env.m.assigned_unit_id } };
  },
  async summonHandler(env, i) {
    if (Number.isNaN(Date.parse(i.summonedFor))) throw invalid('validation.invalidFormat', {}, 'summonedFor');
    await note(env, 'summon', i.note || null, { summonedFor: i.summonedFor }, env.m.assigned_unit_id);
    return { note: i.note || null, data: { summonedFor: i.summonedFor, unitId: env.m.assigned_unit_id } };
  },
  async supervise(env, i) {
    await env.r.cases.insertSupervision({
      matter_id: env.m.id,
      kind: i.kind,
      demand: i.demand,
      progress: i.progress,
      on_date: env.today,
      at: at(env),
      by_id: by(env),
    });
    return { note: i.progress, data: { kind: i.kind, demand: i.demand } };
  },

  // ---- deadline and extension (R1.19) ----
  async requestExtension(env, i) {
    const handle = await activeDeadline(env.r, env.m.id, 'handle');
    if (!handle) throw conflict('deadline.noneActive');
    // Checked against the cap when asked, not only when approved: the unit hears at once.
    const check = applyExtension(deadlineOf(handle), { days: i.days, reason: i.reason }, env.calendar);
    if (!check.ok) throw new DomainError('invalid', check.code, check.params, [{ path: 'days', code: check.code, params: check.params }]);
    await env.r.cases.insertExtension({
      matter_id: env.m.id,
      deadline_id: handle.id,
      days: i.days,
      reason: i.reason,
      status: 'pending',
      requested_at: at(env),
      requested_by: by(env),
      decided_at: null,
      decided_by: null,
      decision_note: null,
      petitioner_told_on: null,
    });
    return { note: i.reason, data: { days: i.days, currentDue: handle.due } };
  },
  async approveExtension(env, i) {
    const ext = (await env.r.cases.extensions(env.m.id)).find((e) => e.status === 'pending')!;
    const handle = (await env.r.cases.getDeadline(ext.deadline_id))!;
    const res = applyExtension(deadlineOf(handle), { days: ext.days, reason: ext.reason, approvedBy: env.ctx.actor.displayName, at: at(env) }, env.calendar);
    if (!res.ok) throw new DomainError('invalid', res.code, res.params);
    await raiseProvisionalAlert(env.r, res.deadline, at(env));
    await env.r.cases.updateDeadline(handle.id, {
      due: res.deadline.due,
      provisional: int(res.deadline.provisional),
      detail: JSON.stringify(res.deadline),
      updated_at: at(env),
    });
    // R1.19: the petitioner is told of the extension and its reason.
    await env.r.cases.updateExtension(ext.id, {
      status: 'approved',
      decided_at: at(env),
      decided_by: by(env),
      decision_note: i.note || null,
      petitioner_told_on: i.petitionerToldOn ?? env.today,
    });
    return { note: i.note || null, data: { days: ext.days, previousDue: handle.due, due: res.deadline.due } };
  },
  async refuseExtension(env, i) {
    const ext = (await env.r.cases.extensions(env.m.id)).find((e) => e.status === 'pending')!;
    await env.r.cases.updateExtension(ext.id, { status: 'refused', decided_at: at(env), decided_by: by(env), decision_note: i.reason });
    return { note: i.reason, data: { days: ext.days } };
  },
  async fileSpecialReport(env, i) {
    await note(env, 'specialReport', i.report, undefined, env.m.assigned_unit_id);
    return { note: i.report };
  },

  // ---- opinion, review, closing (R1.21, R1.22) ----
  async issueOpinion(env, i) {
    const { r, m, ctx } = env;
    const unit = m.assigned_unit_id ? await r.org.getUnit(m.assigned_unit_id) : undefined;
    const petitioner = (await r.petitioners.findById(m.petitioner_id))!;
    const doc = await issueDocument(r, ctx, 'handlingOpinion', {
      matterId: m.id,
      content: { petitionNo: m.petition_no, petitionerName: petitioner.name_enc, unitName: unit?.name ?? null, summary: m.summary, demands: m.demands, outcome: i.outcome, facts: i.facts, reasons: i.reasons, basis: i.basis, issuedOn: env.today },
    });
    await r.cases.insertOpinion({
      matter_id: m.id,
      round: m.round ?? 1,
      outcome: i.outcome,
      facts: i.facts,
      reasons: i.reasons,
      basis: i.basis,
      document_id: doc.id,
      issued_at: at(env),
      issued_by: by(env),
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
    await closeDeadlines(r, ctx, m.id, ['handle'], 'met');
    return { note: i.reasons, data: { outcome: i.outcome, documentNo: doc.number } };
  },
  async recordDelivery(env, i) {
    const op = (await env.r.cases.opinions(env.m.id)).pop()!;
    if (i.deliveredOn > env.today) throw invalid('opinion.deliveredInFuture', {}, 'deliveredOn');
    await env.r.cases.updateOpinion(op.id, {
      delivery_way: i.way,
      delivered_on: i.deliveredOn,
      petitioner_signed: int(i.signed),
      petitioner_view: i.view,
      delivery_note: i.note || null,
    });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['reviewRequest'], 'cancelled');
    // The petitioner may request review within 30 days of receiving the opinion.
    const d = await openDeadline(env.r, env.ctx, env.calendar, { matterId: env.m.id, kind: 'reviewRequest', rule: 'reviewRequest', start: i.deliveredOn });
    return { note: i.note || null, data: { way: i.way, signed: i.signed, view: i.view, reviewRequestDue: d.due } };
  },
  async unitSignOff(env, i) {
    const op = (await env.r.cases.opinions(env.m.id)).pop()!;
    await env.r.cases.updateOpinion(op.id, { head_name: i.headName, sealed: int(i.sealed), signed_off_at: at(env), signed_off_by: by(env) });
    return { data: { headName: i.headName, sealed: i.sealed } };
  },
  async reviewCase(env, i) {
    const passed = env.to !== 'handling';
    await env.r.cases.insertReview({
      matter_id: env.m.id,
      round: env.m.round ?? 1,
      criteria: JSON.stringify(i.criteria),
      passed: int(passed),
      at: at(env),
      by_id: by(env),
    });
    if (passed) return { data: { passed, criteria: i.criteria } };
    // R1.22: back to the unit for further investigation or re-handling — a new round, within the
    // deadline that was running (it reopens; the sweep watches it again).
    const handle = (await env.r.cases.deadlines(env.m.id)).filter((d) => d.kind === 'handle').pop();
    if (handle) await env.r.cases.updateDeadline(handle.id, { status: 'active', updated_at: at(env) });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['reviewRequest'], 'cancelled');
    return { changes: { round: (env.m.round ?? 1) + 1 }, data: { passed, criteria: i.criteria } };
  },
  async signOff(env, i) {
    return { changes: { closed_at: at(env) }, note: i.note || null };
  },
  async deemClosed(env, i) {
    // R1.21, R1.9: no reasonable demand; the petitioner is pointed to review and re-review.
    return { changes: { closed_at: at(env), no_reasonable_demand: 1 }, note: i.reason };
  },

  // ---- review and re-review (复查/复核) ----
  async requestReview(env, i) {
    return higherReview(env, 'review', i.organ, i.requestedOn, 'reviewRequest', 'reviewAnswer');
  },
  async recordReviewResult(env, i) {
    await answerHigherReview(env, 'review', i.result, 'reviewAnswer');
    const d = await openDeadline(env.r, env.ctx, env.calendar, { matterId: env.m.id, kind: 'reReviewRequest', rule: 'reReviewRequest', start: env.today });
    return { note: i.result, data: { reReviewRequestDue: d.due } };
  },
  async requestReReview(env, i) {
    return higherReview(env, 'reReview', i.organ, i.requestedOn, 'reReviewRequest', 'reReviewAnswer');
  },
  async recordReReviewResult(env, i) {
    await answerHigherReview(env, 'reReview', i.result, 'reReviewAnswer');
    return { note: i.result, data: { terminated: true } };
  },

  // ---- satisfaction ----
  async rate(env, i) {
    for (const [target, rating] of [
      ['unit', i.unitRating],
      ['office', i.officeRating],
    ] as const) {
      await env.r.cases.insertSatisfaction({ matter_id: env.m.id, target, rating, at: at(env), by_id: by(env) });
    }
    return { data: { unitRating: i.unitRating, officeRating: i.officeRating } };
  },
};

function decision(env: EffectEnv, reason: string, channel: string | null): Partial<MatterRow> {
  return {
    acceptance: env.to,
    decision_reason: reason.trim() || null,
    decision_channel: channel?.trim() || null,
    decided_at: at(env),
    decided_by: by(env),
    visit_kind: env.m.visit_kind ?? env.m.proposed_visit_kind,
  };
}

async function higherReview(
  env: EffectEnv,
  level: 'review' | 'reReview',
  organ: string,
  requestedOn: string,
  requestKind: 'reviewRequest' | 'reReviewRequest',
  answerRule: 'reviewAnswer' | 'reReviewAnswer',
): Promise<EffectResult> {
  const window = await activeDeadline(env.r, env.m.id, requestKind);
  if (requestedOn > env.today) throw invalid('review.requestedInFuture', {}, 'requestedOn');
  if (!window || requestedOn > window.due) throw invalid('review.windowClosed', {}, 'requestedOn');
  await closeDeadlines(env.r, env.ctx, env.m.id, [requestKind], 'met');
  const answer = await openDeadline(env.r, env.ctx, env.calendar, { matterId: env.m.id, kind: answerRule, rule: answerRule, start: requestedOn });
  await env.r.cases.insertHigherReview({
    matter_id: env.m.id,
    level,
    organ,
    requested_on: requestedOn,
    deadline_id: answer.id,
    result: null,
    result_at: null,
    at: at(env),
    by_id: by(env),
  });
  return { note: organ, data: { level, organ, requestedOn, answerDue: answer.due } };
}

async function answerHigherReview(env: EffectEnv, level: 'review' | 'reReview', result: string, answerKind: 'reviewAnswer' | 'reReviewAnswer') {
  const hr = (await env.r.cases.higherReviews(env.m.id)).filter((h) => h.level === level).pop()!;
  await env.r.cases.updateHigherReview(hr.id, { result, result_at: at(env) });
  await closeDeadlines(env.r, env.ctx, env.m.id, [answerKind], 'met');
}

