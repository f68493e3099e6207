/**
 * Work lists (R1.7, R1.20, issue 3 inbox): the open cases in a staff member's scope and, for all of
 * them at once, the records their workflow facts and supervision schedules need. Every batch query
 * takes the same scope and selects its matters with a subquery, so a director's inbox over hundreds of
 * open cases is a fixed handful of queries, never one per case, and no long id lists are sent.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Which matters: the hall's, in these states, optionally of one window and/or one unit (either matches). */
export interface WorkScope {
  hallId: number;
  states: readonly string[];
  windowId?: number | null;
  unitId?: number | null;
  /**
   * Narrower candidates (the inbox, issue 9 §3): when given, a matter is in scope only if it is in the
   * states above (and the window / unit) AND in one of these parts. Each part is a superset of what a
   * category can hold, so the workflow's own check still decides, over far fewer cases.
   */
  parts?: readonly WorkPart[];
}

export interface WorkPart {
  states: readonly string[];
  /** Only the window's cases (a window's work) … */
  windowId?: number;
  /** … or only the unit's (a unit's work). */
  unitId?: number;
  /** Only cases with an extension request waiting. */
  pendingExtension?: boolean;
  /** Only cases whose active handling deadline fell before this day (overdue). */
  handleDueBefore?: string;
}

const count = (v: unknown) => Number(v ?? 0);

export class WorklistRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The ids of the matters in scope, as a subquery. */
  private scoped(f: WorkScope) {
    let q = this.db.selectFrom('matter').select('matter.id').where('matter.hall_id', '=', f.hallId);
    q = f.states.length ? q.where('matter.state', 'in', f.states) : q.where('matter.id', '=', -1);
    const windowId = f.windowId ?? null;
    const unitId = f.unitId ?? null;
    if (windowId !== null && unitId !== null) {
      q = q.where((eb) => eb.or([eb('matter.window_id', '=', windowId), eb('matter.assigned_unit_id', '=', unitId)]));
    } else if (windowId !== null) {
      q = q.where('matter.window_id', '=', windowId);
    } else if (unitId !== null) {
      q = q.where('matter.assigned_unit_id', '=', unitId);
    }
    if (f.parts) {
      const parts = f.parts.filter((p) => p.states.length > 0);
      if (parts.length === 0) return q.where('matter.id', '=', -1);
      q = q.where((eb) =>
        eb.or(
          parts.map((p) => {
            const conds = [eb('matter.state', 'in', p.states)];
            if (p.windowId !== undefined) conds.push(eb('matter.window_id', '=', p.windowId));
            if (p.unitId !== undefined) conds.push(eb('matter.assigned_unit_id', '=', p.unitId));
            // Probes per candidate through the (matter_id, …) indexes: the candidates are the cases in
            // the part's states; an id list of every passed deadline would be far longer.
            if (p.pendingExtension) {
              conds.push(
                eb.exists(eb.selectFrom('extension').select('extension.id').whereRef('extension.matter_id', '=', 'matter.id').where('extension.status', '=', 'pending')),
              );
            }
            if (p.handleDueBefore !== undefined) {
              conds.push(
                eb.exists(
                  eb
                    .selectFrom('deadline')
                    .select('deadline.id')
                    .whereRef('deadline.matter_id', '=', 'matter.id')
                    .where('deadline.kind', '=', 'handle')
                    .where('deadline.status', '=', 'active')
                    .where('deadline.due', '<', p.handleDueBefore),
                ),
              );
            }
            return eb.and(conds);
          }),
        ),
      );
    }
    return q;
  }

  /**
   * The matters of a scope: its subquery, or the ids already found (the batch reads the matters once,
   * then every record list by their ids, instead of evaluating the scope eight times).
   */
  private within(f: WorkScope | readonly number[]) {
    if (!Array.isArray(f)) return this.scoped(f as WorkScope);
    return (f as readonly number[]).length ? [...(f as readonly number[])] : [-1];
  }

  /** The matters in scope with the names a work list shows. */
  matters(f: WorkScope) {
    return this.db
      .selectFrom('matter')
      .innerJoin('petitioner', 'petitioner.id', 'matter.petitioner_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('unit', 'unit.id', 'matter.assigned_unit_id')
      .select([
        'matter.id',
        'matter.petition_no',
        'matter.state',
        'matter.summary',
        'matter.version',
        'matter.window_id',
        'matter.receptionist_id',
        'matter.assigned_unit_id',
        'matter.leader_day',
        'matter.registered_at',
        'petitioner.name_enc as petitioner_name_enc',
        'hall_window.name as window_name',
        'unit.name as unit_name',
      ])
      .where('matter.id', 'in', this.scoped(f))
      .orderBy('matter.id')
      .execute();
  }

  /** When each matter in scope entered its current state: its last state-changing event. */
  stateSince(f: WorkScope | readonly number[]) {
    return this.db
      .selectFrom('matter_event')
      .select(['matter_id', (eb) => eb.fn.max('at').as('at')])
      .where('matter_id', 'in', this.within(f))
      .where('to_state', 'is not', null)
      .where((eb) => eb.or([eb('from_state', 'is', null), eb('from_state', '<>', eb.ref('to_state'))]))
      .groupBy('matter_id')
      .execute();
  }

  /** Assignments of the matters in scope, oldest first (the last one per matter is the current one). */
  assignments(f: WorkScope | readonly number[]) {
    return this.db
      .selectFrom('assignment')
      .select(['id', 'matter_id', 'unit_id', 'status', 'proposed_at', 'decided_at', 'responded_at'])
      .where('matter_id', 'in', this.within(f))
      .orderBy('id')
      .execute();
  }

  /** Active deadlines of the given kinds, oldest first. */
  activeDeadlines(f: WorkScope | readonly number[], kinds: readonly string[]) {
    return this.db
      .selectFrom('deadline')
      .select(['id', 'matter_id', 'kind', 'due'])
      .where('status', '=', 'active')
      .where('kind', 'in', kinds)
      .where('matter_id', 'in', this.within(f))
      .orderBy('id')
      .execute();
  }

  pendingExtensions(f: WorkScope | readonly number[]) {
    return this.db
      .selectFrom('extension')
      .select(['id', 'matter_id', 'days', 'requested_at'])
      .where('status', '=', 'pending')
      .where('matter_id', 'in', this.within(f))
      .orderBy('id')
      .execute();
  }

  /** The matters in scope with a note of this kind (e.g. the leader-day special report, R1.22a). */
  async mattersWithNote(f: WorkScope | readonly number[], kind: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('matter_note')
      .select('matter_id')
      .distinct()
      .where('kind', '=', kind)
      .where('matter_id', 'in', this.within(f))
      .execute();
    return rows.map((r) => r.matter_id);
  }

  /** Opinions of the matters in scope, oldest first (the last one per matter is the latest). */
  opinions(f: WorkScope | readonly number[]) {
    return this.db
      .selectFrom('opinion')
      .select(['id', 'matter_id', 'petitioner_view', 'issued_at', 'delivered_on'])
      .where('matter_id', 'in', this.within(f))
      .orderBy('id')
      .execute();
  }

  supervisionActs(f: WorkScope | readonly number[]) {
    return this.db
      .selectFrom('supervision_act')
      .select(['matter_id', 'kind', 'on_date'])
      .where('matter_id', 'in', this.within(f))
      .orderBy('id')
      .execute();
  }

  // ---- accountability proposals (R1.23) ----

  /** How many accountability inquiries wait for approval (state 'proposed'). */
  async countAccountabilityProposed(hallId: number): Promise<number> {
    const row = await this.db
      .selectFrom('accountability')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('hall_id', '=', hallId)
      .where('state', '=', 'proposed')
      .executeTakeFirst();
    return count(row?.n);
  }

  /** The oldest proposals waiting for approval, with their matter. */
  accountabilityProposed(hallId: number, limit: number) {
    return this.db
      .selectFrom('accountability')
      .innerJoin('matter', 'matter.id', 'accountability.matter_id')
      .innerJoin('petitioner', 'petitioner.id', 'matter.petitioner_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('unit', 'unit.id', 'accountability.unit_id')
      .select([
        'accountability.id',
        'accountability.matter_id',
        'accountability.created_at',
        'matter.petition_no',
        'matter.summary',
        'matter.state',
        'petitioner.name_enc as petitioner_name_enc',
        'hall_window.name as window_name',
        'unit.name as unit_name',
      ])
      .where('accountability.hall_id', '=', hallId)
      .where('accountability.state', '=', 'proposed')
      .orderBy('accountability.id')
      .limit(limit)
      .execute();
  }

  // ---- urges (R1.7) ----

  /** Urges per unit on the hall's matters (optionally one unit): count and the last one's time. */
  async urgeCountsByUnit(hallId: number, unitId?: number) {
    let q = this.db
      .selectFrom('matter_note')
      .innerJoin('matter', 'matter.id', 'matter_note.matter_id')
      .innerJoin('unit', 'unit.id', 'matter_note.unit_id')
      .select([
        'unit.id as unit_id',
        'unit.name as unit_name',
        (eb) => eb.fn.countAll().as('n'),
        (eb) => eb.fn.max('matter_note.at').as('last_at'),
      ])
      .where('matter_note.kind', '=', 'urge')
      .where('matter.hall_id', '=', hallId);
    if (unitId !== undefined) q = q.where('matter_note.unit_id', '=', unitId);
    const rows = await q.groupBy(['unit.id', 'unit.name']).execute();
    return rows
      .map((r) => ({
        unitId: r.unit_id,
        unitName: r.unit_name,
        count: count(r.n),
        lastAt: (r.last_at as string | null) ?? null,
      }))
      .sort((a, b) => b.count - a.count || a.unitId - b.unitId);
  }

  /** The urges themselves, newest first: of one unit and/or on one window's matters. */
  urges(f: { hallId: number; unitId?: number; windowId?: number; limit: number }) {
    let q = this.db
      .selectFrom('matter_note')
      .innerJoin('matter', 'matter.id', 'matter_note.matter_id')
      .innerJoin('unit', 'unit.id', 'matter_note.unit_id')
      .leftJoin('staff_user', 'staff_user.id', 'matter_note.by_id')
      .select([
        'matter_note.id',
        'unit.id as unit_id',
        'unit.name as unit_name',
        'matter_note.matter_id',
        'matter.petition_no',
        'matter_note.text',
        'matter_note.at',
        'staff_user.display_name as by_name',
      ])
      .where('matter_note.kind', '=', 'urge')
      .where('matter.hall_id', '=', f.hallId);
    if (f.unitId !== undefined) q = q.where('matter_note.unit_id', '=', f.unitId);
    if (f.windowId !== undefined) q = q.where('matter.window_id', '=', f.windowId);
    return q.orderBy('matter_note.at', 'desc').orderBy('matter_note.id', 'desc').limit(f.limit).execute();
  }
}
