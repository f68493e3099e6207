/**
 * Effects of the county's records on a matter transferred to it directly (R1.8): its receipt, then
 * the answer it gave the petitioner, each a note of the county unit on the matter (the state stays
 * `transferred`). Who may write them (that county unit's staff) is matter-access.ts's check; once
 * each, and the answer after the receipt, the workflow row's guard.
 */
import { conflict } from '@hall/domain';
import { countyUnitOf } from '../matter-access.ts';
import { type EffectEnv, type EffectTable, note } from './env.ts';

type Actions = 'countyReceive' | 'countyAnswer';

function countyUnit(env: EffectEnv) {
  const unitId = countyUnitOf(env.b.m);
  if (unitId === null) throw conflict('transfer.notToCounty');
  const unitName = env.b.m.transfers.filter((t) => t.kind === 'county').at(-1)?.unit_name ?? null;
  return { unitId, unitName };
}

export const countyEffects: Pick<EffectTable, Actions> = {
  async countyReceive(env, i) {
    const { unitId, unitName } = countyUnit(env);
    await note(env, 'countyReceipt', i.note.trim() || null, undefined, unitId);
    return { note: i.note.trim() || null, data: { unitId, unitName } };
  },
  async countyAnswer(env, i) {
    const { unitId, unitName } = countyUnit(env);
    const answer = i.answer.trim();
    await note(env, 'countyAnswer', answer, { answeredOn: i.answeredOn }, unitId);
    return { note: answer, data: { unitId, unitName, answeredOn: i.answeredOn } };
  },
};
