/**
 * What an action's effect is handed and returns, and the helpers the stages share. The workflow
 * table has already said the action is allowed; CaseService.act runs the effect, then saves the
 * state, the timeline event and the audit row in the same transaction (R1.27).
 *
 * Effects read the case from its bundle (loaded once at the start of the transaction), never again
 * from the database: an action costs a fixed number of queries.
 */
import type { ActionData } from '@hall/contracts';
import { type MatterAction, type MatterState, type WorkCalendar, conflict, invalid } from '@hall/domain';
import type { MatterRow, Repositories, UnitRow } from '@hall/db';
import type { Ctx } from '../../../context.ts';
import type { PiiCipher } from '../../../pii.ts';
import type { CaseBundle } from '../case.bundle.ts';
import { closeDeadlines, deadlineOf, openDeadline } from '../deadlines.ts';
import { issueDocument } from '../../documents/documents.ts';

export interface EffectEnv {
  ctx: Ctx;
  r: Repositories;
  /** The case as loaded for this action (its records; `b.m` is the matter). */
  b: CaseBundle;
  m: MatterRow;
  to: MatterState;
  /** The working-day calendar, read on first use (most actions open no deadline). */
  calendar: () => Promise<WorkCalendar>;
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

export type Effect<A extends MatterAction> = (env: EffectEnv, input: ActionData[A]) => Promise<EffectResult>;
export type EffectTable = { [A in MatterAction]: Effect<A> };

export const at = (env: EffectEnv) => env.ctx.now.toISOString();
export const by = (env: EffectEnv) => env.ctx.actor.id;

export function note(env: EffectEnv, kind: string, text: string | null, data?: unknown, unitId?: number | null) {
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

export type BundleAssignment = CaseBundle['m']['assignments'][number];

export function currentAssignment(env: EffectEnv): BundleAssignment {
  const a = env.b.m.assignments.at(-1);
  if (!a) throw conflict('assignment.none');
  return a;
}

export async function unitOrThrow(env: EffectEnv, unitId: number, field = 'unitId'): Promise<UnitRow> {
  const u = await env.r.org.getUnit(unitId);
  if (!u || !u.active) throw invalid('registration.unitNotFound', {}, field);
  return u;
}

/** A numbered document of this case, in the hall's name (the hall is on the bundle). */
export const caseDocument = (env: EffectEnv, kind: Parameters<typeof issueDocument>[2], content: Record<string, unknown>) =>
  issueDocument(env.r, env.ctx, kind, { matterId: env.m.id, content }, { id: env.b.m.hall_id, code: env.b.m.hall_code, name: env.b.m.hall_name });

export const openCaseDeadline = async (env: EffectEnv, o: Omit<Parameters<typeof openDeadline>[3], 'matterId'>) =>
  openDeadline(env.r, env.ctx, await env.calendar(), { matterId: env.m.id, ...o });

/**
 * Assigns the case (R1.16–R1.19): the letter in the hall's name, the handling deadline and the
 * objection period. `a` is the assignment being approved (an existing row), or a new one (the
 * hall's reassignment, inserted already assigned). One write of the assignment either way.
 */
export async function assign(
  env: EffectEnv,
  a: { existing: Pick<BundleAssignment, 'id' | 'unit_id' | 'origin' | 'limit_days'> } | { insert: { unit: UnitRow; origin: string; limitDays: number | null; note?: string } },
  unitName: string,
  decisionNote?: string,
) {
  const { r, m } = env;
  const unitId = 'existing' in a ? a.existing.unit_id : a.insert.unit.id;
  const origin = 'existing' in a ? a.existing.origin : a.insert.origin;
  const limitDays = 'existing' in a ? a.existing.limit_days : a.insert.limitDays;
  // R1.14: after a mediation agreement the unit finishes within one week or by the date it promised.
  const fromMediation = origin === 'mediation' || origin === 'directorMeeting';
  const handle = await openCaseDeadline(env, {
    kind: 'handle',
    rule: fromMediation && !limitDays ? 'mediationAgreement' : 'handle',
    start: env.today,
    amount: limitDays ?? undefined,
  });
  const objection = await openCaseDeadline(env, { kind: 'objection', rule: 'objection', start: env.today });
  const letter = await caseDocument(env, 'assignmentLetter', {
    petitionNo: m.petition_no,
    unitName,
    summary: m.summary,
    demands: m.demands,
    origin,
    assignedOn: env.today,
    due: handle.due,
    dueComputation: deadlineOf(handle).computation,
    objectionDue: objection.due,
  });
  const assigned = {
    status: 'assigned',
    decided_at: at(env),
    decided_by: by(env),
    letter_document_id: letter.id,
    deadline_id: handle.id,
    objection_deadline_id: objection.id,
    ...(decisionNote ? { decision_note: decisionNote } : {}),
  };
  let assignmentId: number;
  if ('existing' in a) {
    await r.cases.updateAssignment(a.existing.id, assigned);
    assignmentId = a.existing.id;
  } else {
    const row = await r.cases.insertAssignment({
      ...newAssignment(env, { unitId, origin, limitDays, note: a.insert.note }),
      ...assigned,
    });
    assignmentId = row.id;
  }
  await closeDeadlines(r, env.ctx, m.id, ['dispose'], 'met');
  return {
    changes: {
      assigned_unit_id: unitId,
      leader_day: origin === 'leaderDay' ? 1 : m.leader_day,
      origin,
      round: m.round ?? 1,
    },
    data: { assignmentId, unitId, unitName, letterNo: letter.number, due: handle.due, objectionDue: objection.due },
  };
}

/** The columns of a proposed assignment (R1.16). */
function newAssignment(env: EffectEnv, o: { unitId: number; origin: string; limitDays?: number | null; note?: string }) {
  return {
    matter_id: env.m.id,
    unit_id: o.unitId,
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
  };
}

export async function proposeAssignment(env: EffectEnv, o: { unitId: number; origin: string; limitDays?: number | null; note?: string }) {
  const unit = await unitOrThrow(env, o.unitId);
  const a = await env.r.cases.insertAssignment(newAssignment(env, { ...o, unitId: unit.id }));
  return { row: a, unit, data: { assignmentId: a.id, unitId: unit.id, unitName: unit.name, origin: o.origin, limitDays: o.limitDays ?? null } };
}
