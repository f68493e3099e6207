/**
 * Frozen. Indexes for what the screens filter and sort on (issue 9 §1): every case record read by
 * its matter, the matter lists (reception by hall or window, a petitioner's earlier matters, a unit's
 * cases, the work lists by state) in the order they show (registered_at desc, id desc) so that a
 * page is read from the index without a sort, the accountability inbox, the urge list and the
 * queue's per-window and per-service lookups. Ends with ANALYZE so the planner sees them at once.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './helpers.ts';

/** Case records read by their matter that had no index on matter_id yet (the others had one). */
const BY_MATTER = [
  'transfer',
  'mediation_meeting',
  'extension',
  'opinion',
  'case_review',
  'higher_review',
  'satisfaction',
  'accountability',
  'direct_reply',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of BY_MATTER) {
    await db.schema.createIndex(`${table}_matter_idx`).on(table).column('matter_id').execute();
  }

  // The lists order by (registered_at desc, id desc). On SQLite every index ends with the rowid (id),
  // so the existing (window_id, registered_at) and (hall_id, registered_at) indexes already are these
  // two: creating them again would only slow every registration down. PostgreSQL needs the id column.
  if (isPostgres(db)) {
    await db.schema.createIndex('matter_window_registered_id_idx').on('matter').columns(['window_id', 'registered_at', 'id']).execute();
    await db.schema.createIndex('matter_hall_registered_id_idx').on('matter').columns(['hall_id', 'registered_at', 'id']).execute();
  }
  // A petitioner's earlier matters (newest first).
  await db.schema
    .createIndex('matter_petitioner_registered_idx')
    .on('matter')
    .columns(['petitioner_id', 'registered_at', 'id'])
    .execute();
  // Work lists and state-filtered lists of a hall.
  await db.schema
    .createIndex('matter_hall_state_registered_idx')
    .on('matter')
    .columns(['hall_id', 'state', 'registered_at', 'id'])
    .execute();
  // A unit's cases (also every lookup by assigned_unit_id alone, so no plain index beside it).
  await db.schema
    .createIndex('matter_assigned_unit_registered_idx')
    .on('matter')
    .columns(['assigned_unit_id', 'registered_at', 'id'])
    .execute();

  // R1.8: a county's cases include the matters transferred to it directly.
  await db.schema.createIndex('transfer_unit_idx').on('transfer').columns(['unit_id', 'matter_id']).execute();
  // The accountability inbox: a hall's inquiries in a state, by id.
  await db.schema.createIndex('accountability_hall_state_idx').on('accountability').columns(['hall_id', 'state', 'id']).execute();
  // The urge list: notes of a kind, newest first.
  await db.schema.createIndex('matter_note_kind_at_idx').on('matter_note').columns(['kind', 'at', 'id']).execute();
  // The queue: tickets parked at a window; a service's waiting tickets and its recent service times.
  await db.schema.createIndex('queue_ticket_window_status_idx').on('queue_ticket').columns(['window_id', 'status']).execute();
  await db.schema
    .createIndex('queue_ticket_service_status_idx')
    .on('queue_ticket')
    .columns(['current_service_id', 'status', 'ended_at', 'id'])
    .execute();

  await sql`analyze`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'queue_ticket_service_status_idx',
    'queue_ticket_window_status_idx',
    'matter_note_kind_at_idx',
    'accountability_hall_state_idx',
    'transfer_unit_idx',
    'matter_assigned_unit_registered_idx',
    'matter_hall_state_registered_idx',
    'matter_petitioner_registered_idx',
    ...(isPostgres(db) ? ['matter_hall_registered_id_idx', 'matter_window_registered_id_idx'] : []),
    ...BY_MATTER.map((t) => `${t}_matter_idx`),
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
