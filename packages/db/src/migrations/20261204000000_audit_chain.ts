/**
 * Frozen: never edit a migration that has shipped; add a new one. Takes Kysely<any> so it does
 * not change when the app's types do.
 *
 * The tamper-evident audit trail (R1.27, issue 8 §2):
 * - audit_log gets seq (1, 2, 3 … one chain over the whole table), hall_id, prev_hash and hash;
 *   hash = sha256_hex(prev_hash + "\n" + JSON.stringify(["hall-audit-v1", seq, at, actor_id,
 *   request_id, hall_id, entity, entity_id, action, before_data, after_data])), genesis prev_hash
 *   "0" × 64. The computation is copied here (not imported) so this migration stays frozen.
 * - Rows already there are chained in id order.
 * - audit_chain_head (one row): the last seq and hash; appending locks it (FOR UPDATE on PostgreSQL).
 * - audit_verification: a record of each verification (when, who or what, result, head seq and hash).
 * - Triggers refuse UPDATE and DELETE on audit_log on both databases, and TRUNCATE on PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { idColumn, isPostgres } from './helpers.ts';

const GENESIS = '0'.repeat(64);
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

function rowHash(prev: string, r: Record<string, unknown>, seq: number): string {
  const canonical = JSON.stringify([
    'hall-audit-v1',
    seq,
    s(r.at),
    n(r.actor_id),
    s(r.request_id),
    n(r.hall_id),
    s(r.entity),
    s(r.entity_id),
    s(r.action),
    s(r.before_data),
    s(r.after_data),
  ]);
  return createHash('sha256').update(`${prev}\n${canonical}`).digest('hex');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('hall_id', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'varchar(64)').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'varchar(64)').execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addCheckConstraint('audit_chain_head_one_row', sql`id = 1`)
    .execute();

  // Chain the rows already there, in id order (before the triggers exist).
  let prev = GENESIS;
  let seq = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      seq++;
      const hash = rowHash(prev, row, seq);
      await db.updateTable('audit_log').set({ seq, prev_hash: prev, hash }).where('id', '=', row.id).execute();
      prev = hash;
      lastId = Number(row.id);
    }
  }
  await db.insertInto('audit_chain_head').values({ id: 1, seq, hash: prev }).execute();

  await db.schema.createIndex('audit_log_seq_uq').on('audit_log').column('seq').unique().execute();
  if (pg) {
    await sql`alter table audit_log alter column seq set not null, alter column prev_hash set not null, alter column hash set not null`.execute(
      db,
    );
  }

  await idColumn(db, db.schema.createTable('audit_verification'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    // 'cli' (npm run audit:verify), 'admin' (the administrator's screen), 'daily' (the scheduled job)
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('head_seq', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('problem', 'varchar(20)')
    .addColumn('broken_id', 'integer')
    .addColumn('broken_seq', 'integer')
    .addColumn('detail', 'text')
    // The China date of a daily run: one per day across instances.
    .addColumn('daily_on', 'varchar(10)', (c) => c.unique())
    .execute();

  if (pg) {
    await sql`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only (%)', tg_op using errcode = '55000';
      end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only (UPDATE)'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only (DELETE)'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(db);
    await sql`drop function if exists audit_log_append_only()`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
  }
  await db.schema.dropTable('audit_verification').execute();
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropIndex('audit_log_seq_uq').execute();
  for (const c of ['hash', 'prev_hash', 'hall_id', 'seq'])
    await db.schema.alterTable('audit_log').dropColumn(c).execute();
}
