/**
 * Frozen. The case lifecycle (issue 3): unit staff, transfers, notes (urges, summons, legal aid,
 * notices, special reports), mediation meetings, assignments, deadlines and extensions, supervision,
 * opinions, reviews, higher review, satisfaction, accountability inquiries with their dossiers,
 * numbered documents, the administrator's holiday years and alerts.
 */
import type { Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // Role names grew ('accountabilityOfficer' is 21 characters). SQLite does not enforce varchar lengths.
  if (isPostgres(db)) {
    await db.schema.alterTable('staff_role').alterColumn('role', (c) => c.setDataType('varchar(40)')).execute();
  }
  await db.schema.alterTable('staff_user').addColumn('unit_id', 'integer', (c) => c.references('unit.id')).execute();

  for (const [name, type] of [
    ['origin', 'varchar(20)'],
    ['leader_day', 'integer'],
    ['assigned_unit_id', 'integer'],
    ['round', 'integer'],
    ['no_reasonable_demand', 'integer'],
  ] as const) {
    await db.schema.alterTable('matter').addColumn(name, type).execute();
  }

  await idColumn(db, db.schema.createTable('transfer'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('matter_note'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('text', 'text')
    .addColumn('data', 'text')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('matter_note_matter_idx').on('matter_note').columns(['matter_id', 'kind']).execute();
  await db.schema.createIndex('matter_note_unit_idx').on('matter_note').columns(['unit_id', 'kind']).execute();

  await idColumn(db, db.schema.createTable('mediation_meeting'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('chair', 'varchar(50)', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('promised_date', 'varchar(10)')
    .addColumn('document_id', 'integer')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('deadline'))
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('rule_id', 'varchar(30)', (c) => c.notNull())
    .addColumn('start', 'varchar(10)', (c) => c.notNull())
    .addColumn('due', 'varchar(10)', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    /** The whole domain Deadline (rule set, unit, amount, computation, extensions, history) as JSON. */
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadline_matter_idx').on('deadline').columns(['matter_id', 'kind']).execute();
  await db.schema.createIndex('deadline_status_due_idx').on('deadline').columns(['status', 'due']).execute();

  await idColumn(db, db.schema.createTable('assignment'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('origin', 'varchar(20)', (c) => c.notNull())
    .addColumn('limit_days', 'integer')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('proposed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('proposed_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('proposal_note', 'text')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decided_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('decision_note', 'text')
    .addColumn('letter_document_id', 'integer')
    .addColumn('deadline_id', 'integer', (c) => c.references('deadline.id'))
    .addColumn('objection_deadline_id', 'integer', (c) => c.references('deadline.id'))
    .addColumn('responded_at', 'varchar(30)')
    .addColumn('responded_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('objection_reason', 'text')
    .execute();
  await db.schema.createIndex('assignment_matter_idx').on('assignment').column('matter_id').execute();

  await idColumn(db, db.schema.createTable('extension'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('deadline.id'))
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decided_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('decision_note', 'text')
    .addColumn('petitioner_told_on', 'varchar(10)')
    .execute();

  await idColumn(db, db.schema.createTable('supervision_act'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('demand', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('supervision_act_matter_idx').on('supervision_act').columns(['matter_id', 'kind']).execute();

  await idColumn(db, db.schema.createTable('opinion'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('document_id', 'integer')
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('delivery_way', 'varchar(20)')
    .addColumn('delivered_on', 'varchar(10)')
    .addColumn('petitioner_signed', 'integer')
    .addColumn('petitioner_view', 'varchar(20)')
    .addColumn('delivery_note', 'text')
    .addColumn('head_name', 'varchar(50)')
    .addColumn('sealed', 'integer')
    .addColumn('signed_off_at', 'varchar(30)')
    .addColumn('signed_off_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('case_review'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('higher_review'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('organ', 'varchar(100)', (c) => c.notNull())
    .addColumn('requested_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline_id', 'integer', (c) => c.references('deadline.id'))
    .addColumn('result', 'text')
    .addColumn('result_at', 'varchar(30)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('satisfaction'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('target', 'varchar(10)', (c) => c.notNull())
    .addColumn('rating', 'varchar(30)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('accountability'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('trigger', 'varchar(30)', (c) => c.notNull())
    /** System-detected proposals carry a key (trigger + deadline) so that a case gets one proposal per lapse. */
    .addColumn('source_key', 'varchar(60)', (c) => c.unique())
    .addColumn('state', 'varchar(30)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('rectify_due', 'varchar(10)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await idColumn(db, db.schema.createTable('accountability_event'))
    .addColumn('accountability_id', 'integer', (c) => c.notNull().references('accountability.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(30)')
    .addColumn('to_state', 'varchar(30)')
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .addColumn('document_id', 'integer')
    .execute();

  await db.schema
    .createTable('document_sequence')
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_sequence_pk', ['hall_id', 'kind', 'year'])
    .execute();
  await idColumn(db, db.schema.createTable('document'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('number', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .addColumn('accountability_id', 'integer', (c) => c.references('accountability.id'))
    /** What the document says, frozen when it is issued. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('document_matter_idx').on('document').column('matter_id').execute();

  await db.schema
    .createTable('holiday_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('admin_alert'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('key', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('params', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(30)')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible');
}
