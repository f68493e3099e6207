/** Effects of the review against the five criteria, closing and the rating (R1.21, R1.22, R1.9). */
import { int } from '@hall/db';
import { closeDeadlines } from '../deadlines.ts';
import { type EffectTable, at, by } from './env.ts';

type Actions = 'reviewCase' | 'signOff' | 'deemClosed' | 'rate';

export const closingEffects: Pick<EffectTable, Actions> = {
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
    const handle = env.b.m.deadlines.filter((d) => d.kind === 'handle').pop();
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
