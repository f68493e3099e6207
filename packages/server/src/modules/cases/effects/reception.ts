/** Effects of the reception stage (R1.5, R1.5b) and of direct handling at the window (R1.6–R1.12). */
import { invalid } from '@hall/domain';
import { type MatterRow, int } from '@hall/db';
import { closeDeadlines } from '../deadlines.ts';
import { relatedClosedForGood } from '../case-facts.ts';
import { type EffectEnv, type EffectTable, at, by, note, openCaseDeadline, unitOrThrow } from './env.ts';

type Actions = 'accept' | 'notAccept' | 'noLongerAccept' | 'directReply' | 'transferToCounty' | 'transferToChannel' | 'recordLegalAid';

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

export const receptionEffects: Pick<EffectTable, Actions> = {
  async accept(env, i) {
    // The hall disposes of an accepted matter within 15 days (national limit): transfer, reply, mediate or assign.
    const d = await openCaseDeadline(env, { kind: 'dispose', rule: 'dispose', start: env.today });
    // R1.9: the same matter was closed for good before, so the workflow row asked why this one is a new
    // matter; the reason stays on the record as a note (the case's records) and on the event.
    const closedForGood = relatedClosedForGood(env.b);
    const newMatterReason = closedForGood.length > 0 ? i.newMatterReason.trim() : '';
    if (newMatterReason) {
      await note(env, 'newMatterReason', newMatterReason, {
        earlierMatterIds: closedForGood.map((e) => e.id),
        earlierPetitionNos: closedForGood.map((e) => e.petitionNo),
      });
    }
    return {
      changes: decision(env, i.reason, null),
      note: i.reason || newMatterReason || null,
      data: { disposeDue: d.due, ...(newMatterReason ? { newMatterReason, earlierPetitionNos: closedForGood.map((e) => e.petitionNo) } : {}) },
    };
  },
  async notAccept(env, i) {
    return { changes: decision(env, i.reason, i.channel ?? null), note: i.reason, data: { channel: i.channel ?? null } };
  },
  async noLongerAccept(env, i) {
    return { changes: decision(env, i.reason, null), note: i.reason };
  },

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
    // R1.8: the county of the matter's locality answers the petitioner; that the unit is one of its
    // units (facts.countyUnitIds) is the workflow row's input check; here, that it exists and is active.
    const unit = await unitOrThrow(env, i.unitId);
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
};
