/**
 * Bulk access to every column that holds sealed personal data (issue 8 §3), for the start-up step
 * that seals legacy plaintext and for `npm run keys:rotate`. Everything else reads and writes these
 * columns through its own repository; this one walks them in id order, in batches.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { DB } from '../schema.ts';

/** Every table with sealed columns, and those columns. A new sealed column must be added here. */
export const SEALED_COLUMNS = {
  petitioner: ['name_enc', 'id_enc', 'birth_enc', 'phone_enc', 'address_enc'],
  matter_representative: ['name_enc', 'id_enc', 'phone_enc'],
  direct_reply: ['signed_name_enc'],
  hall_visit: ['person_name_enc', 'id_enc'],
  disorder_entry: ['person_name_enc', 'id_enc'],
} as const;
export type SealedTable = keyof typeof SEALED_COLUMNS;

/** Frozen document content that carries a sealed value under this key (a notice addressed to the petitioner). */
export const DOCUMENT_SEALED_KEYS = ['petitionerName'] as const;

export class PersonalDataRepository {
  // The same columns of several tables are walked by name: typed loosely here, checked by SEALED_COLUMNS.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly db: Kysely<any>;
  constructor(db: Kysely<DB>) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    this.db = db as unknown as Kysely<any>;
  }

  /**
   * The next rows (id > afterId) of which some sealed column does not start with one of `okPrefixes`
   * (SQL LIKE patterns such as 'v2:1a2b3c4d:%'): the rows still to seal or to re-encrypt.
   */
  async rowsToReseal(table: SealedTable, okPrefixes: readonly string[], afterId: number, limit: number) {
    const cols = SEALED_COLUMNS[table];
    return (await this.db
      .selectFrom(table)
      .selectAll()
      .where('id', '>', afterId)
      .where((eb) =>
        eb.or(
          cols.map((c) =>
            eb.and([eb(c, 'is not', null), eb(c, '!=', ''), ...okPrefixes.map((p) => eb(c, 'not like', p))]),
          ),
        ),
      )
      .orderBy('id')
      .limit(limit)
      .execute()) as ({ id: number } & Record<string, string | number | null>)[];
  }

  /**
   * Writes the new values only if the sealed columns still hold what was read (`expected`): a row
   * changed meanwhile by the app (a returning visitor's new phone) is not overwritten with stale
   * values; the caller reads it again. True when the row was written.
   */
  async update(
    table: SealedTable,
    id: number,
    values: Record<string, string | null>,
    expected: Record<string, unknown>,
  ) {
    let q = this.db.updateTable(table).set(values).where('id', '=', id);
    for (const col of SEALED_COLUMNS[table]) {
      const v = expected[col];
      q = v === null || v === undefined ? q.where(col, 'is', null) : q.where(col, '=', v);
    }
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Documents whose frozen content holds a personal value not under one of `okPrefixes`. */
  async documentsToReseal(okPrefixes: readonly string[], afterId: number, limit: number) {
    return (await this.db
      .selectFrom('document')
      .select(['id', 'content'])
      .where('id', '>', afterId)
      .where((eb) =>
        eb.or(
          DOCUMENT_SEALED_KEYS.map((k) =>
            eb.and([
              eb('content', 'like', `%"${k}":"%`),
              ...okPrefixes.map((p) => eb('content', 'not like', `%"${k}":"${p}`)),
            ]),
          ),
        ),
      )
      .orderBy('id')
      .limit(limit)
      .execute()) as { id: number; content: string }[];
  }
  async updateDocumentContent(id: number, content: string) {
    await this.db.updateTable('document').set({ content }).where('id', '=', id).execute();
  }

  /** Timeline events of direct replies written before names were sealed: their data named the signer. */
  async replyEventsWithSignedName(afterId: number, limit: number) {
    return (await this.db
      .selectFrom('matter_event')
      .select(['id', 'data'])
      .where('id', '>', afterId)
      .where('action', '=', 'directReply')
      .where('data', 'like', '%"signedName":"%')
      .orderBy('id')
      .limit(limit)
      .execute()) as { id: number; data: string }[];
  }
  async updateEventData(id: number, data: string) {
    await this.db.updateTable('matter_event').set({ data }).where('id', '=', id).execute();
  }

  /**
   * SQLite: rewrites the file and empties the WAL, so that no freed page still holds a value written
   * before it was sealed (or under a key since rotated away). PostgreSQL: nothing (a dump never shows
   * dead tuples; see docs/operations.md).
   */
  async compact() {
    if (!(this.db.getExecutor().adapter instanceof SqliteAdapter)) return;
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.db);
    await sql`VACUUM`.execute(this.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.db);
  }

  /**
   * After a rotation: queue tickets keep the lookup hash of their petitioner (under the new key);
   * a ticket not linked to a petitioner has no sealed ID to re-hash from, and its hash is cleared.
   */
  async rehashTickets() {
    await this.db
      .updateTable('queue_ticket')
      .set((eb) => ({
        id_hash: eb
          .selectFrom('petitioner')
          .select('petitioner.id_hash')
          .whereRef('petitioner.id', '=', 'queue_ticket.petitioner_id'),
      }))
      .where('id_hash', 'is not', null)
      .execute();
  }
}
