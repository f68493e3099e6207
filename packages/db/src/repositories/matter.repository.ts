import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { isPostgresDb } from '../dialect.ts';
import type { DB, NewMatter } from '../schema.ts';

export interface MatterListFilter {
  hallId: number;
  windowId?: number;
  /** A unit's cases: those assigned to it … */
  assignedUnitId?: number;
  /**
   * … and, for a county unit, those transferred to it directly (R1.8), which count among its open
   * cases (`states`) until it records its answer. Only for county units: the condition is an OR, so
   * the page is sorted rather than read in the order of an index.
   */
  withCountyTransfers?: boolean;
  /** Registered at or after this instant (ISO). */
  from?: string;
  to?: string;
  states?: readonly string[];
  petitionerId?: number;
  excludeId?: number;
  q?: string;
  /** Lookup hashes of `q` as a full name (names are sealed: an exact match only, never a substring). */
  nameHashes?: readonly string[];
  /** Lookup hashes of `q` as a whole ID number, under every document type and key. */
  idHashes?: readonly string[];
}

/** The last row of the page before: the list goes on after it (keyset paging, issue 9 §2). */
export interface MatterListAfter {
  registeredAt: string;
  id: number;
}

/** Where the next page starts, and how many rows at most. The limit is always given: no silent cap. */
export interface MatterPageRange {
  after?: MatterListAfter;
  limit: number;
}

/**
 * The columns of a matter's summary row as every list shows it (joined with petitioner, hall_window,
 * content_category and `staff_user as receptionist`): the lists and the person's earlier matters.
 */
export const SUMMARY_COLUMNS = [
  'matter.id',
  'matter.petition_no',
  'matter.registered_at',
  'matter.state',
  'matter.visit_kind',
  'matter.petitioner_id',
  'matter.category_id',
  'matter.summary',
  'matter.window_id',
  'matter.receptionist_id',
  'matter.people_count',
  'matter.locality_code',
  'petitioner.name_enc as petitioner_name_enc',
  'petitioner.id_masked',
  'content_category.name as category_name',
  'hall_window.name as window_name',
  'receptionist.display_name as receptionist_name',
] as const;

/** A state filter wider than this many states is "broad" (see `filtered`). */
const BROAD_STATES = 4;

export class MatterRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private get pg() {
    return isPostgresDb(this.db);
  }

  /** Next number of the hall's per-year sequence: one atomic upsert, so concurrent registrations never share one. */
  async nextSequence(hallId: number, year: number): Promise<number> {
    const row = await this.db
      .insertInto('petition_sequence')
      .values({ hall_id: hallId, year, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['hall_id', 'year']).doUpdateSet((eb) => ({ last_value: eb('petition_sequence.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  }

  /**
   * Inserts a matter numbered from the hall's per-year counter (issue 9 §3). On PostgreSQL the number
   * is taken in the statement that inserts the matter (a CTE advances the counter), so the counter's
   * row is locked from here to the commit, not from the start of the registration; on SQLite, whose
   * writers are serialised anyway, the counter's upsert and the insert are two statements. `format`
   * is the number's shape: `${prefix}` and the sequence padded to `pad` digits (never cut).
   */
  async insertNumbered(v: Omit<NewMatter, 'petition_no'>, o: { hallId: number; year: number; prefix: string; pad: number }) {
    if (!this.pg) {
      const seq = await this.nextSequence(o.hallId, o.year);
      return this.insert({ ...v, petition_no: `${o.prefix}${String(seq).padStart(o.pad, '0')}` });
    }
    const digits = sql<string>`(select last_value::text from seq)`;
    return this.db
      .with('seq', (db) =>
        db
          .insertInto('petition_sequence')
          .values({ hall_id: o.hallId, year: o.year, last_value: 1 })
          .onConflict((oc) => oc.columns(['hall_id', 'year']).doUpdateSet((eb) => ({ last_value: eb('petition_sequence.last_value', '+', 1) })))
          .returning('last_value'),
      )
      .insertInto('matter')
      .values({
        ...v,
        petition_no: sql<string>`${o.prefix} || case when length(${digits}) >= ${o.pad} then ${digits} else lpad(${digits}, ${o.pad}, '0') end`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  insert(v: NewMatter) {
    return this.db.insertInto('matter').values(v).returningAll().executeTakeFirstOrThrow();
  }
  async insertUnits(matterId: number, unitIds: readonly number[]) {
    if (unitIds.length === 0) return;
    await this.db
      .insertInto('matter_unit')
      .values([...new Set(unitIds)].map((unit_id) => ({ matter_id: matterId, unit_id })))
      .execute();
  }
  async insertRepresentatives(
    rows: {
      matter_id: number;
      name_enc: string;
      id_type: string | null;
      id_enc: string | null;
      id_masked: string | null;
      phone_enc: string | null;
      phone_masked: string | null;
    }[],
  ) {
    if (rows.length) await this.db.insertInto('matter_representative').values(rows).execute();
  }

  findById(id: number) {
    return this.db.selectFrom('matter').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The list's rows, filtered: shared by the page and its count, so that the total counts exactly
   * what the pages show. Only `matter` is read here (the count joins nothing); a search by the
   * petitioner's name or number asks for the people in a subquery.
   */
  private filtered(f: MatterListFilter, ordered = false) {
    let q = this.db.selectFrom('matter').where('matter.hall_id', '=', f.hallId);
    if (f.windowId !== undefined) q = q.where('matter.window_id', '=', f.windowId);
    if (f.assignedUnitId !== undefined && !f.withCountyTransfers) q = q.where('matter.assigned_unit_id', '=', f.assignedUnitId);
    else if (f.assignedUnitId !== undefined) {
      const unitId = f.assignedUnitId;
      // A county's cases: those assigned to it, and those transferred to it directly (R1.8).
      q = q.where((eb) =>
        eb.or([
          eb('matter.assigned_unit_id', '=', unitId),
          eb(
            'matter.id',
            'in',
            eb.selectFrom('transfer').select('transfer.matter_id').where('transfer.kind', '=', 'county').where('transfer.unit_id', '=', unitId),
          ),
        ]),
      );
    }
    if (f.from) q = q.where('matter.registered_at', '>=', f.from);
    if (f.to) q = q.where('matter.registered_at', '<', f.to);
    const states = f.states;
    if (states?.length && f.withCountyTransfers && f.assignedUnitId !== undefined) {
      const unitId = f.assignedUnitId;
      // R1.8: at the county, a matter transferred to it stays open until the county records its answer.
      q = q.where((eb) =>
        eb.or([
          eb('matter.state', 'in', states),
          eb.and([
            eb('matter.state', '=', 'transferred'),
            eb(
              'matter.id',
              'not in',
              eb.selectFrom('matter_note').select('matter_note.matter_id').where('matter_note.kind', '=', 'countyAnswer').where('matter_note.unit_id', '=', unitId),
            ),
          ]),
        ]),
      );
    } else if (states?.length && ordered && states.length > BROAD_STATES && !this.pg) {
      // SQLite: a page of a broad state filter (the open cases: fifteen states, the newest first) is read
      // backwards along (hall_id, registered_at) and filtered, not gathered from fifteen index ranges and
      // sorted — the open cases are the recent ones. The unary + keeps the planner off the state index.
      q = q.where(sql<string>`+${sql.ref('matter.state')}`, 'in', states);
    } else if (states?.length) q = q.where('matter.state', 'in', states);
    if (f.petitionerId !== undefined) q = q.where('matter.petitioner_id', '=', f.petitionerId);
    if (f.excludeId !== undefined) q = q.where('matter.id', '!=', f.excludeId);
    if (f.q) {
      const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
      const names = f.nameHashes?.length ? f.nameHashes : null;
      const ids = f.idHashes?.length ? f.idHashes : null;
      q = q.where((eb) =>
        eb.or([
          eb('matter.petition_no', 'like', like),
          ...(names || ids
            ? [
                eb(
                  'matter.petitioner_id',
                  'in',
                  eb
                    .selectFrom('petitioner')
                    .select('petitioner.id')
                    .where((p) =>
                      p.or([
                        ...(names ? [p('petitioner.name_hash', 'in', names)] : []),
                        ...(ids ? [p('petitioner.id_hash', 'in', ids)] : []),
                      ]),
                    ),
                ),
              ]
            : []),
          eb('matter.summary', 'like', like),
        ]) as Expression<SqlBool>,
      );
    }
    return q;
  }

  /** How many rows the list has in all, with the same filters as its pages: one count. */
  async count(f: MatterListFilter): Promise<number> {
    const row = await this.filtered(f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Summary rows joined with the names a list shows, newest first (registered_at desc, id desc),
   * `limit` rows after `after`. The keyset condition `(registered_at, id) < (after)` is written as
   * `registered_at <= ? and (registered_at < ? or id < ?)`: the first half bounds the range of the
   * (…, registered_at, id) indexes on both SQLite and PostgreSQL, the second drops the ties already shown.
   */
  list(f: MatterListFilter & MatterPageRange) {
    let q = this.filtered(f, true)
      .innerJoin('petitioner', 'petitioner.id', 'matter.petitioner_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('content_category', 'content_category.id', 'matter.category_id')
      .leftJoin('staff_user as receptionist', 'receptionist.id', 'matter.receptionist_id')
      .select(SUMMARY_COLUMNS);
    const after = f.after;
    if (after) {
      q = q
        .where('matter.registered_at', '<=', after.registeredAt)
        .where((eb) => eb.or([eb('matter.registered_at', '<', after.registeredAt), eb('matter.id', '<', after.id)]));
    }
    return q.orderBy('matter.registered_at', 'desc').orderBy('matter.id', 'desc').limit(f.limit).execute();
  }

  /** Whether the petitioner has a matter in the hall (at the window, if given): one indexed probe. */
  async petitionerHasMatterAt(hallId: number, petitionerId: number, windowId?: number): Promise<boolean> {
    let q = this.db.selectFrom('matter').select('id').where('hall_id', '=', hallId).where('petitioner_id', '=', petitionerId);
    if (windowId !== undefined) q = q.where('window_id', '=', windowId);
    return (await q.limit(1).executeTakeFirst()) !== undefined;
  }

  unitIdsOf(matterIds: readonly number[]) {
    if (matterIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('matter_unit').selectAll().where('matter_id', 'in', matterIds).execute();
  }
  representativesOf(matterId: number) {
    return this.db.selectFrom('matter_representative').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  /** Optimistic update: applies only when the version still matches; returns the new row or undefined. */
  updateVersioned(id: number, version: number, v: Partial<Omit<NewMatter, 'id' | 'version'>>) {
    return this.db
      .updateTable('matter')
      .set({ ...v, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  insertEvent(v: {
    matter_id: number;
    at: string;
    actor_id: number | null;
    action: string;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
    data: string | null;
  }) {
    return this.db.insertInto('matter_event').values(v).execute();
  }
  events(matterId: number) {
    return this.db
      .selectFrom('matter_event')
      .leftJoin('staff_user', 'staff_user.id', 'matter_event.actor_id')
      .selectAll('matter_event')
      .select('staff_user.display_name as actor_name')
      .where('matter_event.matter_id', '=', matterId)
      .orderBy('matter_event.id')
      .execute();
  }

  insertDirectReply(v: {
    matter_id: number;
    reply: string;
    agrees: number;
    ceases: number;
    signed_name_enc: string | null;
    replied_at: string;
    replied_by: number | null;
  }) {
    return this.db.insertInto('direct_reply').values(v).returningAll().executeTakeFirstOrThrow();
  }
  directReplies(matterId: number) {
    return this.db
      .selectFrom('direct_reply')
      .leftJoin('staff_user', 'staff_user.id', 'direct_reply.replied_by')
      .selectAll('direct_reply')
      .select('staff_user.display_name as replied_by_name')
      .where('direct_reply.matter_id', '=', matterId)
      .orderBy('direct_reply.id')
      .execute();
  }
}
