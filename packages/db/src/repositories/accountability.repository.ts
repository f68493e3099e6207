/**
 * Accountability inquiries (R1.23–R1.25): the lists with the case's names, and the lock that lets
 * one app instance sweep per cycle. The rows themselves are written through CaseRepository
 * (insertAccountability, insertAccountabilityOnce, updateAccountability, insertAccountabilityEvent).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { DB } from '../schema.ts';

export interface AccountabilityListFilter {
  hallId: number;
  states?: readonly string[];
  /** Only inquiries about matters of this window (the assigning window's view). */
  windowId?: number;
  matterId?: number;
  id?: number;
}

export class AccountabilityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * On PostgreSQL: a transaction-level advisory lock, taken without waiting; true when this
   * transaction holds it (released at commit or rollback). On SQLite there is one writer anyway: true.
   * Call it inside a transaction (on a pooled connection outside one, the lock would end at once).
   */
  async tryTransactionLock(key: number): Promise<boolean> {
    if (!(this.db.getExecutor().adapter instanceof PostgresAdapter)) return true;
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${sql.lit(key)}) as locked`.execute(this.db);
    return rows[0]?.locked === true;
  }

  /** Inquiries with the names their lists show, newest first. */
  list(f: AccountabilityListFilter) {
    let q = this.db
      .selectFrom('accountability')
      .innerJoin('matter', 'matter.id', 'accountability.matter_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('unit', 'unit.id', 'accountability.unit_id')
      .leftJoin('staff_user as creator', 'creator.id', 'accountability.created_by')
      .selectAll('accountability')
      .select([
        'matter.petition_no',
        'matter.summary as matter_summary',
        'matter.state as matter_state',
        'matter.window_id',
        'hall_window.name as window_name',
        'unit.name as unit_name',
        'creator.display_name as created_by_name',
      ])
      .where('accountability.hall_id', '=', f.hallId);
    if (f.states?.length) q = q.where('accountability.state', 'in', f.states);
    if (f.windowId !== undefined) q = q.where('matter.window_id', '=', f.windowId);
    if (f.matterId !== undefined) q = q.where('accountability.matter_id', '=', f.matterId);
    if (f.id !== undefined) q = q.where('accountability.id', '=', f.id);
    return q.orderBy('accountability.id', 'desc').execute();
  }

  /** Which of these source keys already have their proposal (the sweep skips those lapses). */
  async existingSourceKeys(keys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('accountability')
        .select('source_key')
        .where('source_key', 'in', chunk)
        .execute();
      for (const r of rows) if (r.source_key) out.add(r.source_key);
    }
    return out;
  }

  async get(hallId: number, id: number) {
    return (await this.list({ hallId, id }))[0];
  }
}

export type AccountabilityListRow = Awaited<ReturnType<AccountabilityRepository['list']>>[number];
