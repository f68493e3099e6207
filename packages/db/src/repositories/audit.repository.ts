import { type Kysely, PostgresAdapter } from 'kysely';
import { AUDIT_GENESIS_HASH, type ChainHead, type ChainRow, auditRowHash } from '../audit-chain.ts';
import { toJson } from '../json.ts';
import type { AuditVerificationTable, DB } from '../schema.ts';
import type { Insertable } from 'kysely';

export interface AuditInput {
  at: string;
  actorId: number | null;
  requestId: string | null;
  hallId?: number | null;
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The audit trail (R1.27): written in the same transaction as the change it records, only through
 * the server's `audit()` helper. Rows are chained (audit-chain.ts); the table refuses UPDATE and
 * DELETE (triggers).
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Appends one row to the chain. On PostgreSQL the chain head row is locked FOR UPDATE until the
   * transaction ends, so appends from every app instance take seq numbers one after another and
   * each row links to the row committed before it. Every appender takes only this one lock in the
   * audit table, so appends cannot deadlock with each other; with `defer()` (the transaction
   * helper) it is also the last lock the transaction takes.
   */
  async append(a: AuditInput): Promise<void> {
    if (this.pending) this.pending.push(a);
    else await this.write([a]);
  }

  private pending: AuditInput[] | null = null;

  /**
   * From now on appends wait in memory until `flush()`: the transaction helper defers them to the
   * end of its transaction, so the chain head is locked last and only for the commit (no lock
   * cycle with the rows the change locked, e.g. a queue's sequence row).
   */
  defer() {
    this.pending ??= [];
  }

  /** Writes the deferred appends, in call order: one head read, one insert, one head update. */
  async flush(): Promise<void> {
    const list = this.pending ?? [];
    this.pending = null;
    if (list.length) await this.write(list);
  }

  /** Appends rows to the chain, each linked to the one before: three statements however many. */
  private async write(list: readonly AuditInput[]): Promise<{ seq: number; hash: string }> {
    const pg = this.db.getExecutor().adapter instanceof PostgresAdapter;
    let q = this.db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1);
    if (pg) q = q.forUpdate();
    const head = (await q.executeTakeFirst()) ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows = list.map((a) => {
      const row = {
        at: a.at,
        actor_id: a.actorId,
        request_id: a.requestId,
        hall_id: a.hallId ?? null,
        entity: a.entity,
        entity_id: String(a.entityId),
        action: a.action,
        before_data: toJson(a.before),
        after_data: toJson(a.after),
      };
      seq += 1;
      const hash = auditRowHash(prev, { ...row, seq });
      const out = { ...row, seq, prev_hash: prev, hash };
      prev = hash;
      return out;
    });
    await this.db.insertInto('audit_log').values(rows).execute();
    await this.db
      .insertInto('audit_chain_head')
      .values({ id: 1, seq, hash: prev })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash: prev }))
      .execute();
    return { seq, hash: prev };
  }

  private filtered(f: { entity?: string; entityId?: string }) {
    let q = this.db.selectFrom('audit_log');
    if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
    if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
    return q;
  }

  /** The trail newest first, `limit` rows with ids below `beforeId` (keyset paging, issue 9 §2). */
  list(f: { entity?: string; entityId?: string; beforeId?: number; limit: number }) {
    let q = this.filtered(f)
      .leftJoin('staff_user', 'staff_user.id', 'audit_log.actor_id')
      .selectAll('audit_log')
      .select('staff_user.display_name as actor_name');
    if (f.beforeId !== undefined) q = q.where('audit_log.id', '<', f.beforeId);
    return q.orderBy('audit_log.id', 'desc').limit(f.limit).execute();
  }

  /** How many rows the trail has with these filters (the list's total). */
  async count(f: { entity?: string; entityId?: string }): Promise<number> {
    const row = await this.filtered(f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Rows of one request (tests, the coverage check). */
  byRequest(requestId: string) {
    return this.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  }

  /**
   * Whether this actor's view of this record was audited at or after `since` (ISO instant): the
   * view-audit policy writes one `*.view` row per actor, record and window of time, not one per poll.
   * One indexed look-up (audit_log_entity_idx).
   */
  async viewedSince(v: { actorId: number; entity: string; entityId: string | number; action: string; since: string }) {
    const row = await this.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', v.entity)
      .where('entity_id', '=', String(v.entityId))
      .where('action', '=', v.action)
      .where('actor_id', '=', v.actorId)
      .where('at', '>=', v.since)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async chainHead(): Promise<ChainHead | null> {
    const h = await this.db
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return h ? { seq: Number(h.seq), hash: h.hash } : null;
  }

  /** A page of the chain in seq order: rows with afterSeq < seq ≤ uptoSeq, then rows never sealed (seq null). */
  async chainPage(afterSeq: number, uptoSeq: number, limit: number): Promise<ChainRow[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .where('seq', '<=', uptoSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), seq: r.seq === null ? null : Number(r.seq) }));
  }

  /** Rows without seq or hash (possible on SQLite only when written around the app); the first one. */
  async firstUnsealed(): Promise<ChainRow | null> {
    const r = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) => eb.or([eb('seq', 'is', null), eb('hash', 'is', null), eb('prev_hash', 'is', null)]))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return r ? { ...r, id: Number(r.id), seq: r.seq === null ? null : Number(r.seq) } : null;
  }

  async recordVerification(v: Insertable<AuditVerificationTable>) {
    const row = await this.db.insertInto('audit_verification').values(v).returningAll().executeTakeFirstOrThrow();
    return row;
  }

  /** The latest verification, and the latest intact one (whose head must still be there). */
  lastVerification() {
    return this.db.selectFrom('audit_verification').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  }
  lastIntactVerification() {
    return this.db
      .selectFrom('audit_verification')
      .selectAll()
      .where('ok', '=', 1)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  dailyOn(day: string) {
    return this.db.selectFrom('audit_verification').select('id').where('daily_on', '=', day).executeTakeFirst();
  }
}
