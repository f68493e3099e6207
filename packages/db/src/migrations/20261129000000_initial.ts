/**
 * Frozen: never edit a migration that has shipped; add a new one. Takes Kysely<any> so it does
 * not change when the app's types do.
 */
import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('hall'))
    .addColumn('code', 'varchar(10)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('division')
    .addColumn('code', 'varchar(12)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(12)', (c) => c.references('division.code'))
    .execute();

  await idColumn(db, db.schema.createTable('unit'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('division_code', 'varchar(12)', (c) => c.references('division.code'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await idColumn(db, db.schema.createTable('hall_window'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('hall_window_number_uq', ['hall_id', 'number'])
    .execute();

  await idColumn(db, db.schema.createTable('staff_user'))
    .addColumn('username', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('window_id', 'integer', (c) => c.references('hall_window.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_role')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_role_pk', ['staff_id', 'role'])
    .execute();

  await db.schema
    .createTable('staff_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await idColumn(db, db.schema.createTable('content_category'))
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)')
    .addColumn('parent_id', 'integer', (c) => c.references('content_category.id'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('category_route')
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('content_category.id'))
    .addColumn('window_id', 'integer', (c) => c.notNull().references('hall_window.id'))
    .addPrimaryKeyConstraint('category_route_pk', ['hall_id', 'category_id'])
    .execute();

  await idColumn(db, db.schema.createTable('petitioner'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(40)', (c) => c.notNull())
    .addColumn('sex', 'varchar(10)')
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'varchar(30)')
    .addColumn('address_enc', 'text')
    .addColumn('address_masked', 'varchar(40)')
    .addColumn('ethnicity', 'varchar(20)')
    .addColumn('workplace', 'varchar(100)')
    .addColumn('occupation', 'varchar(50)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('petition_sequence')
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_sequence_pk', ['hall_id', 'year'])
    .execute();

  await idColumn(db, db.schema.createTable('matter'))
    .addColumn('hall_id', 'integer', (c) => c.notNull().references('hall.id'))
    .addColumn('petition_no', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('query_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('petitioner_id', 'integer', (c) => c.notNull().references('petitioner.id'))
    .addColumn('form', 'varchar(10)', (c) => c.notNull())
    .addColumn('registered_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('registered_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('window_id', 'integer', (c) => c.notNull().references('hall_window.id'))
    .addColumn('receptionist_id', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('state', 'varchar(30)', (c) => c.notNull())
    .addColumn('visit_kind', 'varchar(20)')
    .addColumn('proposed_visit_kind', 'varchar(20)')
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('content_category.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('demands', 'text', (c) => c.notNull())
    .addColumn('locality_code', 'varchar(12)', (c) => c.references('division.code'))
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('markers', 'text', (c) => c.notNull())
    .addColumn('earlier_handling', 'text', (c) => c.notNull())
    .addColumn('other_doc_reason', 'varchar(200)')
    .addColumn('rules_acknowledged_at', 'varchar(30)')
    .addColumn('security_check', 'varchar(20)', (c) => c.notNull())
    .addColumn('security_note', 'varchar(200)')
    .addColumn('acceptance', 'varchar(20)')
    .addColumn('decision_reason', 'text')
    .addColumn('decision_channel', 'varchar(200)')
    .addColumn('decided_at', 'varchar(30)')
    .addColumn('decided_by', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('matter_query_code_uq', ['hall_id', 'query_code'])
    .execute();
  await db.schema.createIndex('matter_window_registered_idx').on('matter').columns(['window_id', 'registered_at']).execute();
  await db.schema.createIndex('matter_petitioner_idx').on('matter').column('petitioner_id').execute();
  await db.schema.createIndex('matter_hall_registered_idx').on('matter').columns(['hall_id', 'registered_at']).execute();

  await db.schema
    .createTable('matter_unit')
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('matter_unit_pk', ['matter_id', 'unit_id'])
    .execute();

  await idColumn(db, db.schema.createTable('matter_representative'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_type', 'varchar(20)')
    .addColumn('id_enc', 'text')
    .addColumn('id_masked', 'varchar(40)')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'varchar(30)')
    .execute();
  await db.schema.createIndex('matter_representative_matter_idx').on('matter_representative').column('matter_id').execute();

  await idColumn(db, db.schema.createTable('direct_reply'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('agrees', 'integer', (c) => c.notNull())
    .addColumn('ceases', 'integer', (c) => c.notNull())
    .addColumn('signed_name', 'varchar(50)')
    .addColumn('replied_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('replied_by', 'integer', (c) => c.references('staff_user.id'))
    .execute();

  await idColumn(db, db.schema.createTable('matter_event'))
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('matter.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff_user.id'))
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(30)')
    .addColumn('to_state', 'varchar(30)')
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('matter_event_matter_idx').on('matter_event').columns(['matter_id', 'id']).execute();

  await idColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('request_id', 'varchar(64)')
    .addColumn('entity', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('before_data', 'text')
    .addColumn('after_data', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['staff_id', 'key'])
    .execute();
  void sql;
}

export async function down(): Promise<void> {
  throw new Error('The initial migration is not reversible');
}
