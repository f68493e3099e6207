/**
 * Frozen: the hall floor (issue 4): queue services and their windows, priority groups, per-day
 * ticket numbering, tickets and their events (R2.1); the entry check and guide desk visits (R4.1,
 * R2.2); the disorder list with its incidents and alerts (R2.3).
 */
import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('queue_service'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('code', 'varchar(30)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(80)')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('opens_at', 'varchar(5)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(5)', (c) => c.notNull())
    .addColumn('daily_max', 'integer', (c) => c.notNull())
    .addColumn('max_recalls', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('queue_service_code_uq', ['hall_id', 'code'])
    .addUniqueConstraint('queue_service_prefix_uq', ['hall_id', 'prefix'])
    .execute();

  await db.schema
    .createTable('queue_service_window')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('queue_service.id').onDelete('cascade'))
    .addColumn('window_id', 'integer', (c) => c.notNull().references('hall_window.id'))
    .addPrimaryKeyConstraint('queue_service_window_pk', ['service_id', 'window_id'])
    .execute();

  await db.schema
    .createTable('queue_priority')
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(30)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(50)')
    .addColumn('weight', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_priority_pk', ['hall_id', 'code'])
    .execute();

  await db.schema
    .createTable('queue_sequence')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('queue_service.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_sequence_pk', ['service_id', 'day'])
    .execute();

  await idColumn(db, db.schema.createTable('hall_visit'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('by_id', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('person_name', 'varchar(50)')
    .addColumn('id_type', 'varchar(20)')
    .addColumn('id_hash', 'varchar(64)')
    .addColumn('id_enc', 'text')
    .addColumn('id_masked', 'varchar(40)')
    .addColumn('security_check', 'varchar(20)')
    .addColumn('security_note', 'varchar(200)')
    .addColumn('purpose', 'text')
    .addColumn('outcome', 'varchar(20)')
    .addColumn('service_id', 'integer', (c) => c.references('queue_service.id'))
    .addColumn('security_informed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_question', 'text')
    .addColumn('legal_answer', 'text')
    .addColumn('note', 'text')
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .execute();
  await db.schema.createIndex('hall_visit_hall_at_idx').on('hall_visit').columns(['hall_id', 'at']).execute();

  await idColumn(db, db.schema.createTable('queue_ticket'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    // The service that numbered the ticket (the numbering's key below) …
    .addColumn('service_id', 'integer', (c) => c.notNull().references('queue_service.id'))
    // … and the queue it waits in now: another service's after a transfer (it keeps its number).
    .addColumn('current_service_id', 'integer', (c) => c.notNull().references('queue_service.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'varchar(10)', (c) => c.notNull())
    .addColumn('priority', 'varchar(20)', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('issued_via', 'varchar(20)', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('petitioner_id', 'integer', (c) => c.references('petitioner.id'))
    .addColumn('id_hash', 'varchar(64)')
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .addColumn('visit_id', 'integer', (c) => c.references('hall_visit.id'))
    .addColumn('target_window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('called_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('called_at', 'varchar(30)')
    .addColumn('first_called_at', 'varchar(30)')
    .addColumn('recall_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'varchar(30)')
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('parked_at', 'varchar(30)')
    .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // A number is never issued twice: one row per service, day and sequence value.
    .addUniqueConstraint('queue_ticket_number_uq', ['service_id', 'day', 'seq'])
    .execute();
  await db.schema.createIndex('queue_ticket_hall_day_idx').on('queue_ticket').columns(['hall_id', 'day', 'status']).execute();
  await db.schema.createIndex('queue_ticket_matter_idx').on('queue_ticket').column('matter_id').execute();
  // A window holds one ticket at a time (called or serving): the database refuses a second one,
  // which is what makes two presses of "call next" at the same window safe.
  await db.schema
    .createIndex('queue_ticket_window_current_uq')
    .on('queue_ticket')
    .column('window_id')
    .unique()
    .where(sql.ref('status'), 'in', ['called', 'serving'])
    .execute();

  await idColumn(db, db.schema.createTable('queue_event'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('queue_ticket.id'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)')
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('queue_event_ticket_idx').on('queue_event').columns(['ticket_id', 'id']).execute();
  await db.schema.createIndex('queue_event_hall_idx').on('queue_event').columns(['hall_id', 'id']).execute();

  await idColumn(db, db.schema.createTable('disorder_entry'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('person_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)')
    .addColumn('id_hash', 'varchar(64)')
    .addColumn('id_enc', 'text')
    .addColumn('id_masked', 'varchar(40)')
    .addColumn('description', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('expires_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decided_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('decision_note', 'text')
    .addColumn('removed_at', 'varchar(30)')
    .addColumn('removed_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('removal_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('disorder_entry_hash_idx').on('disorder_entry').columns(['hall_id', 'id_hash']).execute();

  await idColumn(db, db.schema.createTable('disorder_incident'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('disorder_entry.id'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('informed', 'text', (c) => c.notNull())
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('queue_ticket.id'))
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('disorder_incident_entry_idx').on('disorder_incident').column('entry_id').execute();

  await idColumn(db, db.schema.createTable('disorder_alert'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('disorder_entry.id'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('queue_ticket.id'))
    .addColumn('matter_id', 'integer', (c) => c.references('matter.id'))
    .addColumn('visit_id', 'integer', (c) => c.references('hall_visit.id'))
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('acknowledged_at', 'varchar(30)')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('disorder_alert_hall_idx').on('disorder_alert').columns(['hall_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'disorder_alert',
    'disorder_incident',
    'disorder_entry',
    'queue_event',
    'queue_ticket',
    'hall_visit',
    'queue_sequence',
    'queue_priority',
    'queue_service_window',
    'queue_service',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
