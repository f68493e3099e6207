/**
 * Limits that hold across every app instance on one database (issue 8 §4): window counters in the
 * `rate_limit` table (a window opens at a bucket's first hit), one atomic upsert per hit. Used for
 * sign-in (per address, per username) and the public kiosk's tickets (per address).
 */
import { DomainError } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Deps } from './context.ts';

export interface Limit {
  /** e.g. `login:ip:10.0.0.8`; the window length is part of the stored bucket name. */
  bucket: string;
  max: number;
  windowSeconds: number;
}

const bucketName = (limit: Pick<Limit, 'bucket' | 'windowSeconds'>) => `${limit.bucket}/${limit.windowSeconds}`;

/** Counters of ended windows are dropped at most this often per instance. */
const PURGE_EVERY_MS = 60_000;

export class RateLimiter {
  private lastPurge = 0;
  constructor(private readonly deps: Pick<Deps, 'database' | 'clock'>) {}

  /** Counts one hit; `retryAfter` (seconds) when the limit is exceeded, else null. A max of 0 is no limit. */
  async hit(limit: Limit): Promise<{ hits: number; retryAfter: number | null; expiresAt: string }> {
    const now = this.deps.clock().getTime();
    if (limit.max <= 0) return { hits: 0, retryAfter: null, expiresAt: new Date(now).toISOString() };
    const repo = repositories(this.deps.database.db).rateLimits;
    if (now - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = now;
      await repo.purge(new Date(now).toISOString());
    }
    const { hits, expiresAt } = await repo.hit(
      bucketName(limit),
      new Date(now).toISOString(),
      new Date(now + limit.windowSeconds * 1000).toISOString(),
    );
    const retryAfter = hits <= limit.max ? null : Math.max(1, Math.ceil((Date.parse(expiresAt) - now) / 1000));
    return { hits, retryAfter, expiresAt };
  }

  /** Throws 429 (`code`, with `seconds` for the message and the Retry-After header) when over the limit. */
  async enforce(limit: Limit, code: string) {
    const { retryAfter } = await this.hit(limit);
    if (retryAfter !== null) throw new DomainError('tooMany', code, { seconds: retryAfter });
  }

  /** Opens a new window of `seconds` now, already holding `hits`. */
  async restart(limit: Omit<Limit, 'max'>, hits: number, seconds: number): Promise<string> {
    const now = this.deps.clock().getTime();
    const end = new Date(now + seconds * 1000).toISOString();
    await repositories(this.deps.database.db).rateLimits.restart(
      bucketName(limit),
      new Date(now).toISOString(),
      end,
      hits,
    );
    return end;
  }

  async reset(limit: Omit<Limit, 'max'>) {
    await repositories(this.deps.database.db).rateLimits.reset(bucketName(limit));
  }
}
