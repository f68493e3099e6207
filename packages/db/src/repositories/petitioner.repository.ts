import type { Kysely } from 'kysely';
import type { DB, NewPetitioner, PetitionerUpdate } from '../schema.ts';

/** Petitioners. Personal data arrives here already encrypted and masked; lookup is by keyed hash. */
export class PetitionerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findByIdHash(idHash: string) {
    return this.db.selectFrom('petitioner').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }
  findById(id: number) {
    return this.db.selectFrom('petitioner').selectAll().where('id', '=', id).executeTakeFirst();
  }
  insert(v: NewPetitioner) {
    return this.db.insertInto('petitioner').values(v).returningAll().executeTakeFirstOrThrow();
  }
  update(id: number, v: PetitionerUpdate) {
    return this.db.updateTable('petitioner').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
}
