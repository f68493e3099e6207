import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Window counters kept in the database (issue 8 §4), so that a limit holds across every app instance
 * on one database. One row per bucket; a window opens at the bucket's first hit and lasts the given
 * length: a hit inside it adds one, a hit after it opens a new window at one. The upsert is a single
 * statement, atomic on both databases (PostgreSQL's ON CONFLICT row lock; SQLite's single writer),
 * and both evaluate every SET expression against the old row.
 */
export class RateLimitRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Counts one hit at `now`; returns the hits in the open window (this one included) and when it ends. */
  async hit(bucket: string, now: string, windowEnd: string): Promise<{ hits: number; expiresAt: string }> {
    const open = sql<boolean>`rate_limit.expires_at > excluded.window_start`;
    const row = await this.db
      .insertInto('rate_limit')
      .values({ bucket, window_start: now, hits: 1, expires_at: windowEnd })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          hits: sql<number>`case when ${open} then rate_limit.hits + 1 else 1 end`,
          window_start: sql<string>`case when ${open} then rate_limit.window_start else excluded.window_start end`,
          expires_at: sql<string>`case when ${open} then rate_limit.expires_at else excluded.expires_at end`,
        }),
      )
      .returning(['hits', 'expires_at'])
      .executeTakeFirstOrThrow();
    return { hits: Number(row.hits), expiresAt: row.expires_at };
  }

  /** Opens a new window now with the given count (e.g. an unknown username "locks" like an account). */
  async restart(bucket: string, now: string, windowEnd: string, hits: number) {
    await this.db
      .updateTable('rate_limit')
      .set({ window_start: now, expires_at: windowEnd, hits })
      .where('bucket', '=', bucket)
      .execute();
  }

  /** Forgets the bucket (e.g. a successful sign-in clears its username's count). */
  async reset(bucket: string) {
    await this.db.deleteFrom('rate_limit').where('bucket', '=', bucket).execute();
  }

  find(bucket: string) {
    return this.db.selectFrom('rate_limit').selectAll().where('bucket', '=', bucket).executeTakeFirst();
  }

  /** Drops counters whose window has ended. */
  async purge(now: string) {
    await this.db.deleteFrom('rate_limit').where('expires_at', '<', now).execute();
  }
}

/** Facts about the installation (key/value). */
export class SettingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  async set(key: string, value: string, at: string) {
    await this.db
      .insertInto('app_setting')
      .values({ key, value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
  }
}
