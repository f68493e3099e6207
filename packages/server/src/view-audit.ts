/**
 * Views of personal data (issue 8 §3: "every view of it is audited"). A single-record view that opens
 * a petitioner's full name (the matter's detail, the ticket served at the window with the visitor's
 * registration) records the view through the one audit helper, in a transaction of its own (a GET has
 * none).
 *
 * Policy: ONE row per actor, record and view kind per `VIEW_AUDIT_WINDOW_MS` (10 minutes). The window
 * panel polls every 4 s and a detail screen is re-fetched after every action; each refetch within the
 * window is the same view and writes nothing (a row per poll would flood the trail and take the
 * chain's head lock every 4 s per window). Another actor, another record, or the same actor after the
 * window: a new row. The check reads the audit trail itself, so it holds across instances and
 * restarts; two simultaneous first views may both write (one row too many, never one too few).
 *
 * A mutating call whose answer shows the record (an action on the matter, calling a ticket) writes no
 * view row: its own audit row names the same actor, record and request.
 *
 * The row names the record and, in `after`, ids only (never a name, number, phone or address).
 */
import { repositories } from '@hall/db';
import { audit } from './audit.ts';
import type { Ctx, Deps } from './context.ts';
import { transact } from './transact.ts';

export const VIEW_AUDIT_WINDOW_MS = 10 * 60_000;

export interface ViewEntry {
  entity: string;
  entityId: number;
  /** e.g. `matter.view`, `ticket.view`. */
  action: string;
  /** Ids only: e.g. `{ petitionerId }`. */
  after?: Record<string, number | string | null>;
}

export async function auditView(deps: Pick<Deps, 'database'>, ctx: Ctx, e: ViewEntry): Promise<void> {
  const since = new Date(ctx.now.getTime() - VIEW_AUDIT_WINDOW_MS).toISOString();
  const seen = await repositories(deps.database.db).audit.viewedSince({
    actorId: ctx.actor.id,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    since,
  });
  if (seen) return;
  await transact(deps, (r) =>
    audit(r, ctx, { entity: e.entity, entityId: e.entityId, action: e.action, after: e.after }),
  );
}
