/**
 * The one way a service runs a change: `fn` in one database transaction, retried a bounded number of
 * times when the database asks for it (issue 8 §1): PostgreSQL serialization failures (40001) and
 * deadlocks (40P01), and on SQLite a SQLITE_BUSY* that outlived the busy timeout. Every attempt is
 * a fresh transaction; a failed attempt has rolled back, so nothing half-written is committed.
 *
 * `fn` may run more than once: effects that must happen once (publishing to the floor bus, sending
 * anything out) belong after `transact` returns, never inside `fn`.
 */
import { isRetryableTransactionError, repositories, type DB, type Repositories } from '@hall/db';
import type { Transaction } from 'kysely';
import type { Deps } from './context.ts';

export const DEFAULT_RETRIES = 3;

/** Small jittered backoff: 10–30 ms, then 20–60 ms, 40–120 ms … (capped at 500 ms). */
function backoffMs(attempt: number): number {
  const base = Math.min(500, 10 * 2 ** attempt);
  return base + Math.random() * 2 * base;
}

export async function transact<T>(
  deps: Pick<Deps, 'database'>,
  fn: (r: Repositories, trx: Transaction<DB>) => Promise<T>,
  opts: { retries?: number } = {},
): Promise<T> {
  const retries = opts.retries ?? DEFAULT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.database.db.transaction().execute(async (trx) => {
        const r = repositories(trx);
        // Audit rows (issue 8 §2) are appended at the end of the transaction: the chain head is the
        // last lock taken and is held only for the commit.
        r.audit.defer();
        const out = await fn(r, trx);
        await r.audit.flush();
        return out;
      });
    } catch (err) {
      if (attempt >= retries || !isRetryableTransactionError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
