/**
 * Opening and closing deadlines of a case (R1.19). Each row keeps the domain's whole Deadline (rule,
 * rule set, start, computation, extensions, history) so it can be shown and recomputed; a deadline
 * that needed a year with no official holiday notice raises an alert for the administrator.
 */
import { type Deadline, DEFAULT_RULES, type RuleId, type WorkCalendar, computeDeadline, deadlineAlert } from '@hall/domain';
import { type DeadlineRow, type Repositories, fromJson } from '@hall/db';
import type { Ctx } from '../../context.ts';

export type DeadlineKind =
  | 'dispose'
  | 'handle'
  | 'objection'
  | 'reviewRequest'
  | 'reviewAnswer'
  | 'reReviewRequest'
  | 'reReviewAnswer';

export async function raiseProvisionalAlert(r: Repositories, d: Deadline, at: string) {
  const alert = deadlineAlert(d);
  if (!alert) return;
  for (const year of d.provisionalYears) {
    await r.calendar.raiseAlert({ kind: 'calendar.provisional', key: `calendar.provisional:${year}`, params: JSON.stringify({ year }), created_at: at });
  }
}

export async function openDeadline(
  r: Repositories,
  ctx: Ctx,
  calendar: WorkCalendar,
  o: { matterId: number; kind: DeadlineKind; rule: RuleId; start: string; amount?: number },
): Promise<DeadlineRow> {
  const at = ctx.now.toISOString();
  const d = computeDeadline({ rule: o.rule, start: o.start, calendar, rules: DEFAULT_RULES, amount: o.amount, at });
  await raiseProvisionalAlert(r, d, at);
  return r.cases.insertDeadline({
    matter_id: o.matterId,
    kind: o.kind,
    rule_id: o.rule,
    start: o.start,
    due: d.due,
    provisional: d.provisional ? 1 : 0,
    status: 'active',
    detail: JSON.stringify(d),
    created_at: at,
    updated_at: at,
  });
}

export const deadlineOf = (row: DeadlineRow) => fromJson<Deadline>(row.detail, null as unknown as Deadline);

/** Active deadlines of the given kinds become `status` (met, cancelled…), in one statement. */
export function closeDeadlines(r: Repositories, ctx: Ctx, matterId: number, kinds: readonly DeadlineKind[], status: 'met' | 'cancelled') {
  return r.cases.closeActiveDeadlines(matterId, kinds, status, ctx.now.toISOString());
}
