/** Effects while the unit handles the case: urging and supervision (R1.7, R1.20), the deadline and its extension (R1.19), the opinion and its delivery (R1.21). */
import { DomainError, applyExtension, conflict, invalid } from '@hall/domain';
import { int } from '@hall/db';
import { activeDeadlineOf } from '../case.bundle.ts';
import { closeDeadlines, deadlineOf, raiseProvisionalAlert } from '../deadlines.ts';
import { type EffectEnv, type EffectTable, at, by, caseDocument, note, openCaseDeadline } from './env.ts';

type Actions =
  | 'urge'
  | 'summonHandler'
  | 'supervise'
  | 'requestExtension'
  | 'approveExtension'
  | 'refuseExtension'
  | 'fileSpecialReport'
  | 'issueOpinion'
  | 'recordDelivery'
  | 'unitSignOff';

/**
 * The unit an urge or a summons is counted for (R1.7: in the unit's record). While the case is
 * objected the assignment is cleared, but the unit that objected is the one being urged.
 */
function urgedUnit(env: EffectEnv): number | null {
  if (env.m.assigned_unit_id !== null) return env.m.assigned_unit_id;
  return env.m.state === 'objected' ? (env.b.m.assignments.at(-1)?.unit_id ?? null) : null;
}

const pendingExtension = (env: EffectEnv) => {
  const ext = env.b.m.extensions.find((e) => e.status === 'pending');
  if (!ext) throw conflict('extension.nonePending');
  return ext;
};

export const handlingEffects: Pick<EffectTable, Actions> = {
  async urge(env, i) {
    const unitId = urgedUnit(env);
    await note(env, 'urge', i.reason, undefined, unitId);
    return { note: i.reason, data: { unitId } };
  },
  async summonHandler(env, i) {
    if (Number.isNaN(Date.parse(i.summonedFor))) throw invalid('validation.invalidFormat', {}, 'summonedFor');
    const unitId = urgedUnit(env);
    await note(env, 'summon', i.note || null, { summonedFor: i.summonedFor }, unitId);
    return { note: i.note || null, data: { summonedFor: i.summonedFor, unitId } };
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

  async requestExtension(env, i) {
    const handle = activeDeadlineOf(env.b, 'handle');
    if (!handle) throw conflict('deadline.noneActive');
    // Checked against the cap when asked, not only when approved: the unit hears at once.
    const check = applyExtension(deadlineOf(handle), { days: i.days, reason: i.reason }, await env.calendar());
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
    const ext = pendingExtension(env);
    const handle = env.b.m.deadlines.find((d) => d.id === ext.deadline_id)!;
    const res = applyExtension(deadlineOf(handle), { days: ext.days, reason: ext.reason, approvedBy: env.ctx.actor.displayName, at: at(env) }, await env.calendar());
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
    const ext = pendingExtension(env);
    await env.r.cases.updateExtension(ext.id, { status: 'refused', decided_at: at(env), decided_by: by(env), decision_note: i.reason });
    return { note: i.reason, data: { days: ext.days } };
  },
  async fileSpecialReport(env, i) {
    await note(env, 'specialReport', i.report, undefined, env.m.assigned_unit_id);
    return { note: i.report };
  },

  async issueOpinion(env, i) {
    const { r, m, ctx } = env;
    const doc = await caseDocument(env, 'handlingOpinion', {
      petitionNo: m.petition_no,
      petitionerName: env.b.m.petitioner_name_enc,
      unitName: env.b.m.assigned_unit_name ?? null,
      summary: m.summary,
      demands: m.demands,
      outcome: i.outcome,
      facts: i.facts,
      reasons: i.reasons,
      basis: i.basis,
      issuedOn: env.today,
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
    // The delivery day (not later than today) is the workflow row's input check.
    const op = env.b.m.opinions.at(-1)!;
    await env.r.cases.updateOpinion(op.id, {
      delivery_way: i.way,
      delivered_on: i.deliveredOn,
      petitioner_signed: int(i.signed),
      petitioner_view: i.view,
      delivery_note: i.note || null,
    });
    await closeDeadlines(env.r, env.ctx, env.m.id, ['reviewRequest'], 'cancelled');
    // The petitioner may request review within 30 days of receiving the opinion.
    const d = await openCaseDeadline(env, { kind: 'reviewRequest', rule: 'reviewRequest', start: i.deliveredOn });
    return { note: i.note || null, data: { way: i.way, signed: i.signed, view: i.view, reviewRequestDue: d.due } };
  },
  async unitSignOff(env, i) {
    const op = env.b.m.opinions.at(-1)!;
    await env.r.cases.updateOpinion(op.id, { head_name: i.headName, sealed: int(i.sealed), signed_off_at: at(env), signed_off_by: by(env) });
    return { data: { headName: i.headName, sealed: i.sealed } };
  },
};
