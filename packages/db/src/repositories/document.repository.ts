import type { Insertable, Kysely } from 'kysely';
import type { DB, DocumentTable } from '../schema.ts';

/** Numbered official documents: one sequence per hall, kind and year; content frozen at issue. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async nextNumber(hallId: number, kind: string, year: number): Promise<number> {
    const row = await this.db
      .insertInto('document_sequence')
      .values({ hall_id: hallId, kind, year, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['hall_id', 'kind', 'year']).doUpdateSet((eb) => ({ last_value: eb('document_sequence.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  }
  insert(v: Insertable<DocumentTable>) {
    return this.db.insertInto('document').values(v).returningAll().executeTakeFirstOrThrow();
  }
  get(id: number) {
    return this.db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  }
  ofMatter(matterId: number) {
    return this.db.selectFrom('document').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }
  ofAccountability(id: number) {
    return this.db.selectFrom('document').selectAll().where('accountability_id', '=', id).orderBy('id').execute();
  }
}
