/**
 * The case's read model (issue 9 §2): everything the case screen and the workflow need, in two
 * one query whatever the case holds.
 *
 *  `load(id)`: the matter joined with its petitioner, hall, locality, window, category and the
 *     names of the staff and unit it names, and every record list of the case as a JSON array
 *     built by the database (json_agg on PostgreSQL, json_group_array on SQLite), each record with
 *     the names it shows joined in: no second round trip to turn ids into names, and never "every
 *     unit and every staff member"; the same person's earlier matters as summary rows, each with
 *     its unit ids; and the calendar's years. `earlier(...)` is the person's history alone (registration).
 *
 * SQLite's json_object needs the columns by name, so each table's columns are listed here; a test
 * (case-bundle.db.test.ts) compares the lists with the tables, so a migration that adds a column
 * fails until the bundle carries it.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { isPostgresDb, jsonArrayOf, jsonValue } from '../dialect.ts';
import { preparedName } from '../database.ts';
import { SUMMARY_COLUMNS } from './matter.repository.ts';
import type { DB } from '../schema.ts';

/** Every column of each table the bundle reads (checked against the tables by a test). */
export const BUNDLE_COLUMNS = {
  transfer: ['id', 'matter_id', 'kind', 'unit_id', 'window_id', 'consent', 'note', 'at', 'by_id'],
  matter_note: ['id', 'matter_id', 'kind', 'unit_id', 'text', 'data', 'at', 'by_id'],
  mediation_meeting: [
    'id',
    'matter_id',
    'level',
    'held_on',
    'chair',
    'participants',
    'outcome',
    'summary',
    'unit_id',
    'promised_date',
    'document_id',
    'at',
    'by_id',
  ],
  deadline: [
    'id',
    'matter_id',
    'kind',
    'rule_id',
    'start',
    'due',
    'provisional',
    'status',
    'detail',
    'created_at',
    'updated_at',
  ],
  assignment: [
    'id',
    'matter_id',
    'unit_id',
    'origin',
    'limit_days',
    'status',
    'proposed_at',
    'proposed_by',
    'proposal_note',
    'decided_at',
    'decided_by',
    'decision_note',
    'letter_document_id',
    'deadline_id',
    'objection_deadline_id',
    'responded_at',
    'responded_by',
    'objection_reason',
  ],
  extension: [
    'id',
    'matter_id',
    'deadline_id',
    'days',
    'reason',
    'status',
    'requested_at',
    'requested_by',
    'decided_at',
    'decided_by',
    'decision_note',
    'petitioner_told_on',
  ],
  supervision_act: ['id', 'matter_id', 'kind', 'demand', 'progress', 'on_date', 'at', 'by_id'],
  opinion: [
    'id',
    'matter_id',
    'round',
    'outcome',
    'facts',
    'reasons',
    'basis',
    'document_id',
    'issued_at',
    'issued_by',
    'delivery_way',
    'delivered_on',
    'petitioner_signed',
    'petitioner_view',
    'delivery_note',
    'head_name',
    'sealed',
    'signed_off_at',
    'signed_off_by',
  ],
  case_review: ['id', 'matter_id', 'round', 'criteria', 'passed', 'at', 'by_id'],
  higher_review: [
    'id',
    'matter_id',
    'level',
    'organ',
    'requested_on',
    'deadline_id',
    'result',
    'result_at',
    'at',
    'by_id',
  ],
  satisfaction: ['id', 'matter_id', 'target', 'rating', 'at', 'by_id'],
  document: ['id', 'hall_id', 'kind', 'number', 'matter_id', 'accountability_id', 'content', 'issued_at', 'issued_by'],
  accountability: [
    'id',
    'hall_id',
    'matter_id',
    'unit_id',
    'trigger',
    'source_key',
    'state',
    'reason',
    'rectify_due',
    'version',
    'created_at',
    'created_by',
  ],
  matter_event: ['id', 'matter_id', 'at', 'actor_id', 'action', 'from_state', 'to_state', 'note', 'data'],
  direct_reply: ['id', 'matter_id', 'reply', 'agrees', 'ceases', 'signed_name_enc', 'replied_at', 'replied_by'],
  matter_representative: ['id', 'matter_id', 'name_enc', 'id_type', 'id_enc', 'id_masked', 'phone_enc', 'phone_masked'],
} as const satisfies { [T in keyof DB]?: readonly (keyof DB[T] & string)[] };

type Listed = keyof typeof BUNDLE_COLUMNS;

/** A matter id no row has: where the compiled bundle query takes the real one. */
const SENTINEL_ID = -2_000_000_017;
const COMPILED = new Map<string, CompiledQuery>();

const parse = <T>(v: unknown): T[] => jsonValue(v as T[] | string | null) ?? [];

export class CaseBundleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private get pg() {
    return isPostgresDb(this.db);
  }

  /** A correlated JSON array of a subquery's rows, in its order, on either dialect (same signature). */
  private get array() {
    return jsonArrayOf(this.db);
  }

  /** One query: the matter, its petitioner and names, and every record list of the case. */
  /** The bundle's query for one matter (built once per dialect and limit: see `load`). */
  private query(matterId: number, earlierLimit: number) {
    const c = <T extends Listed>(t: T) =>
      BUNDLE_COLUMNS[t].map((k) => `${t}.${k}`) as unknown as `${T}.${(typeof BUNDLE_COLUMNS)[T][number]}`[];
    return this.db
      .selectFrom('matter')
      .innerJoin('petitioner', 'petitioner.id', 'matter.petitioner_id')
      .innerJoin('hall', 'hall.id', 'matter.hall_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('division', 'division.code', 'matter.locality_code')
      .leftJoin('content_category', 'content_category.id', 'matter.category_id')
      .leftJoin('staff_user as receptionist', 'receptionist.id', 'matter.receptionist_id')
      .leftJoin('staff_user as registrar', 'registrar.id', 'matter.registered_by')
      .leftJoin('staff_user as decider', 'decider.id', 'matter.decided_by')
      .leftJoin('unit as assigned', 'assigned.id', 'matter.assigned_unit_id')
      .selectAll('matter')
      .select([
        'petitioner.name_enc as petitioner_name_enc',
        'petitioner.name_hash as petitioner_name_hash',
        'petitioner.id_type as petitioner_id_type',
        'petitioner.id_hash as petitioner_id_hash',
        'petitioner.id_enc as petitioner_id_enc',
        'petitioner.id_masked as petitioner_id_masked',
        'petitioner.sex as petitioner_sex',
        'petitioner.birth_enc as petitioner_birth_enc',
        'petitioner.phone_enc as petitioner_phone_enc',
        'petitioner.phone_masked as petitioner_phone_masked',
        'petitioner.address_enc as petitioner_address_enc',
        'petitioner.address_masked as petitioner_address_masked',
        'petitioner.ethnicity as petitioner_ethnicity',
        'petitioner.workplace as petitioner_workplace',
        'petitioner.occupation as petitioner_occupation',
        'petitioner.created_at as petitioner_created_at',
        'petitioner.updated_at as petitioner_updated_at',
      ])
      .select([
        'hall.name as hall_name',
        'hall.code as hall_code',
        'hall_window.name as window_name',
        'division.name as locality_name',
        'division.level as locality_level',
        'content_category.name as category_name',
        'receptionist.display_name as receptionist_name',
        'registrar.display_name as registered_by_name',
        'decider.display_name as decided_by_name',
        'assigned.name as assigned_unit_name',
      ])
      .select((eb) => [
        this.array(
          eb
            .selectFrom('matter_unit')
            .innerJoin('unit', 'unit.id', 'matter_unit.unit_id')
            .select(['unit.id', 'unit.name', 'unit.kind', 'unit.division_code'])
            .whereRef('matter_unit.matter_id', '=', 'matter.id')
            .orderBy('unit.id'),
        ).as('units'),
        // R1.8: the units of the matter's locality (the county's own units and petition office).
        this.array(
          eb
            .selectFrom('unit')
            .select(['unit.id', 'unit.kind', 'unit.active'])
            .whereRef('unit.division_code', '=', 'matter.locality_code')
            .orderBy('unit.id'),
        ).as('locality_units'),
        this.array(
          eb
            .selectFrom('matter_representative')
            .select(c('matter_representative'))
            .whereRef('matter_representative.matter_id', '=', 'matter.id')
            .orderBy('matter_representative.id'),
        ).as('representatives'),
        this.array(
          eb
            .selectFrom('matter_event')
            .leftJoin('staff_user', 'staff_user.id', 'matter_event.actor_id')
            .select([...c('matter_event'), 'staff_user.display_name as actor_name'])
            .whereRef('matter_event.matter_id', '=', 'matter.id')
            .orderBy('matter_event.id'),
        ).as('events'),
        this.array(
          eb
            .selectFrom('direct_reply')
            .leftJoin('staff_user', 'staff_user.id', 'direct_reply.replied_by')
            .select([...c('direct_reply'), 'staff_user.display_name as replied_by_name'])
            .whereRef('direct_reply.matter_id', '=', 'matter.id')
            .orderBy('direct_reply.id'),
        ).as('direct_replies'),
        this.array(
          eb
            .selectFrom('transfer')
            .leftJoin('unit', 'unit.id', 'transfer.unit_id')
            .leftJoin('hall_window', 'hall_window.id', 'transfer.window_id')
            .leftJoin('staff_user', 'staff_user.id', 'transfer.by_id')
            .select([
              ...c('transfer'),
              'unit.name as unit_name',
              'hall_window.name as window_name',
              'staff_user.display_name as by_name',
            ])
            .whereRef('transfer.matter_id', '=', 'matter.id')
            .orderBy('transfer.id'),
        ).as('transfers'),
        this.array(
          eb
            .selectFrom('matter_note')
            .leftJoin('unit', 'unit.id', 'matter_note.unit_id')
            .leftJoin('staff_user', 'staff_user.id', 'matter_note.by_id')
            .select([...c('matter_note'), 'unit.name as unit_name', 'staff_user.display_name as by_name'])
            .whereRef('matter_note.matter_id', '=', 'matter.id')
            .orderBy('matter_note.id'),
        ).as('notes'),
        this.array(
          eb
            .selectFrom('mediation_meeting')
            .leftJoin('unit', 'unit.id', 'mediation_meeting.unit_id')
            .leftJoin('staff_user', 'staff_user.id', 'mediation_meeting.by_id')
            .select([...c('mediation_meeting'), 'unit.name as unit_name', 'staff_user.display_name as by_name'])
            .whereRef('mediation_meeting.matter_id', '=', 'matter.id')
            .orderBy('mediation_meeting.id'),
        ).as('meetings'),
        this.array(
          eb
            .selectFrom('assignment')
            .innerJoin('unit', 'unit.id', 'assignment.unit_id')
            .leftJoin('staff_user as proposer', 'proposer.id', 'assignment.proposed_by')
            .leftJoin('staff_user as decider', 'decider.id', 'assignment.decided_by')
            .select([
              ...c('assignment'),
              'unit.name as unit_name',
              'unit.active as unit_active',
              'proposer.display_name as proposed_by_name',
              'decider.display_name as decided_by_name',
            ])
            .whereRef('assignment.matter_id', '=', 'matter.id')
            .orderBy('assignment.id'),
        ).as('assignments'),
        this.array(
          eb
            .selectFrom('deadline')
            .select(c('deadline'))
            .whereRef('deadline.matter_id', '=', 'matter.id')
            .orderBy('deadline.id'),
        ).as('deadlines'),
        this.array(
          eb
            .selectFrom('extension')
            .leftJoin('staff_user as requester', 'requester.id', 'extension.requested_by')
            .leftJoin('staff_user as decider', 'decider.id', 'extension.decided_by')
            .select([
              ...c('extension'),
              'requester.display_name as requested_by_name',
              'decider.display_name as decided_by_name',
            ])
            .whereRef('extension.matter_id', '=', 'matter.id')
            .orderBy('extension.id'),
        ).as('extensions'),
        this.array(
          eb
            .selectFrom('supervision_act')
            .leftJoin('staff_user', 'staff_user.id', 'supervision_act.by_id')
            .select([...c('supervision_act'), 'staff_user.display_name as by_name'])
            .whereRef('supervision_act.matter_id', '=', 'matter.id')
            .orderBy('supervision_act.id'),
        ).as('supervision'),
        this.array(
          eb
            .selectFrom('opinion')
            .select(c('opinion'))
            .whereRef('opinion.matter_id', '=', 'matter.id')
            .orderBy('opinion.id'),
        ).as('opinions'),
        this.array(
          eb
            .selectFrom('case_review')
            .leftJoin('staff_user', 'staff_user.id', 'case_review.by_id')
            .select([...c('case_review'), 'staff_user.display_name as by_name'])
            .whereRef('case_review.matter_id', '=', 'matter.id')
            .orderBy('case_review.id'),
        ).as('reviews'),
        this.array(
          eb
            .selectFrom('higher_review')
            .select(c('higher_review'))
            .whereRef('higher_review.matter_id', '=', 'matter.id')
            .orderBy('higher_review.id'),
        ).as('higher_reviews'),
        this.array(
          eb
            .selectFrom('satisfaction')
            .select(c('satisfaction'))
            .whereRef('satisfaction.matter_id', '=', 'matter.id')
            .orderBy('satisfaction.id'),
        ).as('satisfaction'),
        this.array(
          eb
            .selectFrom('document')
            .leftJoin('staff_user', 'staff_user.id', 'document.issued_by')
            .select([...c('document'), 'staff_user.display_name as issued_by_name'])
            .whereRef('document.matter_id', '=', 'matter.id')
            .orderBy('document.id'),
        ).as('documents'),
        this.array(
          eb
            .selectFrom('accountability')
            .select(c('accountability'))
            .whereRef('accountability.matter_id', '=', 'matter.id')
            .whereRef('accountability.hall_id', '=', 'matter.hall_id')
            .orderBy('accountability.id', 'desc'),
        ).as('accountability'),
        // The person's matters registered before this one, newest first, each with its unit ids
        // (R1.5a, R1.9). The petitioner is the matter's own, so no join for the name.
        this.array(
          eb
            .selectFrom('matter as e')
            .innerJoin('hall_window as ew', 'ew.id', 'e.window_id')
            .leftJoin('content_category as ec', 'ec.id', 'e.category_id')
            .leftJoin('staff_user as er', 'er.id', 'e.receptionist_id')
            .select([
              'e.id',
              'e.petition_no',
              'e.registered_at',
              'e.state',
              'e.visit_kind',
              'e.petitioner_id',
              'e.category_id',
              'e.summary',
              'e.window_id',
              'e.receptionist_id',
              'e.people_count',
              'e.locality_code',
              'ec.name as category_name',
              'ew.name as window_name',
              'er.display_name as receptionist_name',
            ])
            .select((e2) => [
              this.array(
                e2
                  .selectFrom('matter_unit as eu')
                  .select('eu.unit_id')
                  .whereRef('eu.matter_id', '=', 'e.id')
                  .orderBy('eu.unit_id'),
              ).as('units'),
            ])
            .whereRef('e.hall_id', '=', 'matter.hall_id')
            .whereRef('e.petitioner_id', '=', 'matter.petitioner_id')
            .whereRef('e.id', '<', 'matter.id')
            .orderBy('e.registered_at', 'desc')
            .orderBy('e.id', 'desc')
            .limit(earlierLimit),
        ).as('earlier'),
        // The working-day calendar's loaded years (a handful of rows): deadlines are computed with it.
        this.array(
          eb
            .selectFrom('holiday_year')
            .select(['holiday_year.year', 'holiday_year.holidays', 'holiday_year.workdays', 'holiday_year.source'])
            .orderBy('holiday_year.year'),
        ).as('calendar_years'),
      ])
      .where('matter.id', '=', matterId);
  }

  /**
   * One query: the matter, its petitioner and names, and every record list of the case. The query
   * is large, and building it (not running it) was a third of a case detail's CPU: it is compiled
   * once per dialect and limit, and run with the matter's id in place of a sentinel parameter.
   */
  async load(matterId: number, earlierLimit = 200) {
    type Row = Awaited<ReturnType<ReturnType<CaseBundleRepository['query']>['executeTakeFirst']>>;
    const key = `${this.pg ? 'pg' : 'sqlite'}:${earlierLimit}`;
    let compiled = COMPILED.get(key);
    if (!compiled) {
      compiled = this.query(SENTINEL_ID, earlierLimit).compile();
      if (compiled.parameters.filter((p) => p === SENTINEL_ID).length !== 1)
        throw new Error('case bundle: the matter id must be one parameter');
      COMPILED.set(key, compiled);
    }
    const parameters = compiled.parameters.map((p) => (p === SENTINEL_ID ? matterId : p));
    const result = await this.db.executeQuery<NonNullable<Row>>(
      CompiledQuery.raw(preparedName(`case_bundle_${earlierLimit}`, compiled.sql), [...parameters]),
    );
    const row = result.rows[0];
    if (!row) return undefined;
    // SQLite hands the arrays over as JSON text; PostgreSQL as parsed JSON.
    return {
      ...row,
      units: parse<(typeof row.units)[number]>(row.units),
      locality_units: parse<(typeof row.locality_units)[number]>(row.locality_units),
      representatives: parse<(typeof row.representatives)[number]>(row.representatives),
      events: parse<(typeof row.events)[number]>(row.events),
      direct_replies: parse<(typeof row.direct_replies)[number]>(row.direct_replies),
      transfers: parse<(typeof row.transfers)[number]>(row.transfers),
      notes: parse<(typeof row.notes)[number]>(row.notes),
      meetings: parse<(typeof row.meetings)[number]>(row.meetings),
      assignments: parse<(typeof row.assignments)[number]>(row.assignments),
      deadlines: parse<(typeof row.deadlines)[number]>(row.deadlines),
      extensions: parse<(typeof row.extensions)[number]>(row.extensions),
      supervision: parse<(typeof row.supervision)[number]>(row.supervision),
      opinions: parse<(typeof row.opinions)[number]>(row.opinions),
      reviews: parse<(typeof row.reviews)[number]>(row.reviews),
      higher_reviews: parse<(typeof row.higher_reviews)[number]>(row.higher_reviews),
      satisfaction: parse<(typeof row.satisfaction)[number]>(row.satisfaction),
      documents: parse<(typeof row.documents)[number]>(row.documents),
      accountability: parse<(typeof row.accountability)[number]>(row.accountability),
      earlier: parse<(typeof row.earlier)[number]>(row.earlier).map((e) => ({
        ...e,
        petitioner_name_enc: row.petitioner_name_enc,
        id_masked: row.petitioner_id_masked,
        // Nested arrays: SQLite hands the inner one over as text.
        unit_ids: parse<{ unit_id: number }>(e.units).map((u) => u.unit_id),
      })),
      calendar_years: parse<(typeof row.calendar_years)[number]>(row.calendar_years),
    };
  }

  /**
   * The same person's matters (registered before `beforeId` if given; newest first, at most `limit`), as the
   * lists show them, each with its unit ids. Keyed on the (petitioner_id, registered_at, id) index.
   */
  async earlier(f: { hallId: number; petitionerId: number; beforeId?: number; limit: number }) {
    let q = this.db
      .selectFrom('matter')
      .innerJoin('petitioner', 'petitioner.id', 'matter.petitioner_id')
      .innerJoin('hall_window', 'hall_window.id', 'matter.window_id')
      .leftJoin('content_category', 'content_category.id', 'matter.category_id')
      .leftJoin('staff_user as receptionist', 'receptionist.id', 'matter.receptionist_id')
      .select(SUMMARY_COLUMNS)
      .select((eb) => [
        this.array(
          eb
            .selectFrom('matter_unit')
            .select('matter_unit.unit_id')
            .whereRef('matter_unit.matter_id', '=', 'matter.id')
            .orderBy('matter_unit.unit_id'),
        ).as('units'),
      ])
      .where('matter.hall_id', '=', f.hallId)
      .where('matter.petitioner_id', '=', f.petitionerId);
    if (f.beforeId !== undefined) q = q.where('matter.id', '<', f.beforeId);
    const rows = await q.orderBy('matter.registered_at', 'desc').orderBy('matter.id', 'desc').limit(f.limit).execute();
    return rows.map((x) => ({ ...x, unit_ids: parse<{ unit_id: number }>(x.units).map((u) => u.unit_id) }));
  }

  /** The columns each listed table really has (the completeness test). */
  async tableColumns(table: string): Promise<string[]> {
    if (this.pg) {
      const r = await sql<{
        column_name: string;
      }>`select column_name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(
        this.db,
      );
      return r.rows.map((x) => x.column_name);
    }
    const r = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(this.db);
    return r.rows.map((x) => x.name);
  }
}

export type CaseBundleRow = NonNullable<Awaited<ReturnType<CaseBundleRepository['load']>>>;
export type EarlierMatterRow = Awaited<ReturnType<CaseBundleRepository['earlier']>>[number];
