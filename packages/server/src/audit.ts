/**
 * The one way rows reach the audit trail (R1.27). Call it inside the transaction of the change it
 * records (`r` from `repositories(trx)`), as late in the transaction as the change allows: on
 * PostgreSQL appending takes the audit chain's head lock, which is then held until commit.
 *
 * - `audit(r, ctx, e)`: a signed-in staff member's action; actor, time (ctx.now) and request id come from ctx.
 * - `auditAs(r, who, e)`: no signed-in actor (the public kiosk, a failed sign-in, system jobs, a restore):
 *   the caller says who (usually `actorId: null`), when, and which request or job.
 */
import type { Repositories } from '@hall/db';
import type { Ctx } from './context.ts';

export interface AuditEntry {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The hall the change belongs to; defaults to the actor's hall (audit) or who.hallId (auditAs). */
  hallId?: number | null;
}

export interface AuditWho {
  actorId: number | null;
  /** ISO timestamp or the Date of the change. */
  at: string | Date;
  /** The request id, or a job id such as `sweep:<at>`, `audit-verify:<day>`, `restore:<at>`. */
  requestId: string | null;
  hallId?: number | null;
}

export async function audit(r: Repositories, ctx: Ctx, e: AuditEntry): Promise<void> {
  await auditAs(r, { actorId: ctx.actor.id, at: ctx.now, requestId: ctx.requestId, hallId: ctx.actor.hallId }, e);
}

export async function auditAs(r: Repositories, who: AuditWho, e: AuditEntry): Promise<void> {
  await r.audit.append({
    at: typeof who.at === 'string' ? who.at : who.at.toISOString(),
    actorId: who.actorId,
    requestId: who.requestId,
    hallId: e.hallId !== undefined ? e.hallId : (who.hallId ?? null),
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before,
    after: e.after,
  });
}
