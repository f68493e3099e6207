import type { Kysely } from 'kysely';
import type { DB, NewPetitioner, PetitionerUpdate } from '../schema.ts';

/** Petitioners. Personal data arrives here already encrypted and masked; lookup is by keyed hash. */
export class PetitionerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** By the ID's lookup hash; several hashes (one per configured key) while a key rotation is under way. */
  findByIdHash(idHash: string | readonly string[]) {
    const hashes = typeof idHash === 'string' ? [idHash] : idHash;
    return this.db.selectFrom('petitioner').selectAll().where('id_hash', 'in', hashes).executeTakeFirst();
  }
  /** Petitioners with this full name (its lookup hashes), for the exact name look-up. */
  findByNameHash(nameHashes: readonly string[], limit = 50) {
    return this.db.selectFrom('petitioner').selectAll().where('name_hash', 'in', nameHashes).orderBy('id').limit(limit).execute();
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
