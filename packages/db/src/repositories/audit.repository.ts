import type { Kysely } from 'kysely';
import { toJson } from '../json.ts';
import type { DB } from '../schema.ts';

export interface AuditInput {
  at: string;
  actorId: number | null;
  requestId: string | null;
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** The audit trail (R1.27): written in the same transaction as the change it records. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(a: AuditInput) {
    await this.db
      .insertInto('audit_log')
      .values({
        at: a.at,
        actor_id: a.actorId,
        request_id: a.requestId,
        entity: a.entity,
        entity_id: String(a.entityId),
        action: a.action,
        before_data: toJson(a.before),
        after_data: toJson(a.after),
      })
      .execute();
  }

  list(f: { entity?: string; entityId?: string; limit: number }) {
    let q = this.db
      .selectFrom('audit_log')
      .leftJoin('staff_user', 'staff_user.id', 'audit_log.actor_id')
      .selectAll('audit_log')
      .select('staff_user.display_name as actor_name');
    if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
    if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
    return q.orderBy('audit_log.id', 'desc').limit(f.limit).execute();
  }
}
