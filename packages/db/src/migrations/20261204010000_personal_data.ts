/**
 * Issue 8 §3: names and birth dates encrypted at rest like ID numbers, phones and addresses.
 *
 * A migration cannot encrypt (it has no key and stays frozen), so it only reshapes: the columns that
 * held plain names and birth dates are renamed to `*_enc` (text: a ciphertext is longer than the old
 * varchar(50)), and keyed-hash columns for exact name look-ups are added. Values still in clear from
 * before this migration are sealed by the server's start-up step (`sealLegacyPersonalData`, run by
 * main.ts and the test app before serving), which tells a ciphertext from legacy plaintext by its
 * format ("v1:…" / "v2:<kid>:…") and is idempotent.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

const RENAMES: [table: string, from: string, to: string][] = [
  ['petitioner', 'name', 'name_enc'],
  ['petitioner', 'birth_date', 'birth_enc'],
  ['matter_representative', 'name', 'name_enc'],
  ['direct_reply', 'signed_name', 'signed_name_enc'],
  ['hall_visit', 'person_name', 'person_name_enc'],
  ['disorder_entry', 'person_name', 'person_name_enc'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, from, to] of RENAMES) {
    await db.schema.alterTable(table).renameColumn(from, to).execute();
    // SQLite does not enforce varchar lengths; PostgreSQL does.
    if (isPostgres(db))
      await db.schema
        .alterTable(table)
        .alterColumn(to, (c) => c.setDataType('text'))
        .execute();
  }
  await db.schema.alterTable('petitioner').addColumn('name_hash', 'varchar(64)').execute();
  await db.schema.createIndex('petitioner_name_hash_idx').on('petitioner').column('name_hash').execute();
  await db.schema.alterTable('disorder_entry').addColumn('person_name_hash', 'varchar(64)').execute();
  await db.schema
    .createIndex('disorder_entry_name_hash_idx')
    .on('disorder_entry')
    .columns(['hall_id', 'person_name_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('disorder_entry_name_hash_idx').execute();
  await db.schema.alterTable('disorder_entry').dropColumn('person_name_hash').execute();
  await db.schema.dropIndex('petitioner_name_hash_idx').execute();
  await db.schema.alterTable('petitioner').dropColumn('name_hash').execute();
  for (const [table, from, to] of RENAMES.toReversed()) {
    await db.schema.alterTable(table).renameColumn(to, from).execute();
  }
}
