/** Effects of assignment to a responsible unit (R1.16–R1.18). */
import { conflict, invalid } from '@hall/domain';
import { closeDeadlines } from '../deadlines.ts';
import { type EffectTable, assign, at, by, currentAssignment, proposeAssignment, unitOrThrow } from './env.ts';

type Actions = 'proposeAssignment' | 'approveAssignment' | 'refuseAssignment' | 'signFor' | 'object' | 'reassign';

export const assignmentEffects: Pick<EffectTable, Actions> = {
  async proposeAssignment(env, i) {
    return { note: i.note || null, data: (await proposeAssignment(env, i)).data };
  },
  async approveAssignment(env, i) {
    const a = currentAssignment(env);
    if (a.status !== 'proposed') throw conflict('assignment.none');
    const out = await assign(env, { existing: a }, a.unit_name, i.note || undefined);
    return { ...out, note: i.note || null };
  },
  async refuseAssignment(env, i) {
    const a = currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'refused', decided_at: at(env), decided_by: by(env), decision_note: i.reason });
    return { note: i.reason };
  },
  async signFor(env, i) {
    const a = currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'signed', responded_at: at(env), responded_by: by(env) });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['objection'], 'met');
    return { note: i.note || null, data: { assignmentId: a.id } };
  },
  async object(env, i) {
    const a = currentAssignment(env);
    await env.r.cases.updateAssignment(a.id, { status: 'objected', responded_at: at(env), responded_by: by(env), objection_reason: i.reason });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['objection', 'handle'], 'cancelled');
    return { changes: { assigned_unit_id: null }, note: i.reason, data: { assignmentId: a.id, unitId: a.unit_id } };
  },
  async reassign(env, i) {
    // The hall reassigns in its own name after a justified objection (R1.18): approved at once.
    const previous = currentAssignment(env);
    if (previous.unit_id === i.unitId) throw invalid('assignment.sameUnit', {}, 'unitId');
    const unit = await unitOrThrow(env, i.unitId);
    const out = await assign(env, { insert: { unit, origin: previous.origin, limitDays: previous.limit_days, note: i.note } }, unit.name);
    return { ...out, note: i.note || null, data: { ...out.data, previousUnitId: previous.unit_id } };
  },
};
