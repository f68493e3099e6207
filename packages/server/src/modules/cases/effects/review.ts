/** Effects of review and re-review by the higher organs (复查/复核, R1.21). */
import { closeDeadlines } from '../deadlines.ts';
import { type EffectEnv, type EffectResult, type EffectTable, at, by, openCaseDeadline } from './env.ts';

type Actions = 'requestReview' | 'recordReviewResult' | 'requestReReview' | 'recordReReviewResult';

async function higherReview(
  env: EffectEnv,
  level: 'review' | 'reReview',
  organ: string,
  requestedOn: string,
  requestKind: 'reviewRequest' | 'reReviewRequest',
  answerRule: 'reviewAnswer' | 'reReviewAnswer',
): Promise<EffectResult> {
  // The request day (not later than today, within the window) is the workflow row's input check.
  await closeDeadlines(env.r, env.ctx, env.m.id, [requestKind], 'met');
  const answer = await openCaseDeadline(env, { kind: answerRule, rule: answerRule, start: requestedOn });
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
  const hr = env.b.m.higher_reviews.filter((h) => h.level === level).pop()!;
  await env.r.cases.updateHigherReview(hr.id, { result, result_at: at(env) });
  await closeDeadlines(env.r, env.ctx, env.m.id, [answerKind], 'met');
}

export const reviewEffects: Pick<EffectTable, Actions> = {
  async requestReview(env, i) {
    return higherReview(env, 'review', i.organ, i.requestedOn, 'reviewRequest', 'reviewAnswer');
  },
  async recordReviewResult(env, i) {
    await answerHigherReview(env, 'review', i.result, 'reviewAnswer');
    const d = await openCaseDeadline(env, { kind: 'reReviewRequest', rule: 'reReviewRequest', start: env.today });
    return { note: i.result, data: { reReviewRequestDue: d.due } };
  },
  async requestReReview(env, i) {
    return higherReview(env, 'reReview', i.organ, i.requestedOn, 'reReviewRequest', 'reReviewAnswer');
  },
  async recordReReviewResult(env, i) {
    await answerHigherReview(env, 'reReview', i.result, 'reReviewAnswer');
    return { note: i.result, data: { terminated: true } };
  },
};
