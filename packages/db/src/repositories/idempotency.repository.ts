import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Idempotency keys: the first request with a key claims it inside its transaction; a concurrent
 * duplicate blocks on the primary key until the first commits, then sees a unique violation and
 * replays the stored response.
 */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  claim(v: { staff_id: number; key: string; scope: string; request_hash: string; created_at: string }) {
    return this.db.insertInto('idempotency_key').values({ ...v, response: null }).execute();
  }
  complete(staffId: number, key: string, response: unknown) {
    return this.db
      .updateTable('idempotency_key')
      .set({ response: JSON.stringify(response) })
      .where('staff_id', '=', staffId)
      .where('key', '=', key)
      .execute();
  }
  find(staffId: number, key: string) {
    return this.db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('staff_id', '=', staffId)
      .where('key', '=', key)
      .executeTakeFirst();
  }
}
