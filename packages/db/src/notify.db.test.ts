/**
 * The change notifier behind the floor bus (issue 4, "Several instances"): a message reaches every
 * subscriber of every instance, the publishing one included; on PostgreSQL between two connections
 * to one database (two app instances), and after the listening connection is lost it comes back by
 * itself and tells its subscribers (`null`) that messages may have been missed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import { type Notifier, createNotifier } from './notify.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './testing.ts';

/** Collects what a subscriber receives; `next()` waits for the next message (tests time out otherwise). */
function inbox(n: Notifier) {
  const got: (string | null)[] = [];
  let wake: (() => void) | null = null;
  n.subscribe((m) => {
    got.push(m);
    wake?.();
  });
  return {
    got,
    async next(): Promise<string | null> {
      while (got.length === 0) await new Promise<void>((r) => (wake = r));
      wake = null;
      return got.shift()!;
    },
  };
}

describe.each(testDialects())('notifier on %s', (dialect) => {
  let t: TestDatabase;
  const open: Notifier[] = [];
  const notifier = async (database: Database, opts: Parameters<typeof createNotifier>[2] = {}) => {
    const n = createNotifier(database, 'hall_test', opts);
    open.push(n);
    await n.ready();
    return n;
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await Promise.all(open.map((n) => n.close()));
    await t?.drop();
  });

  it('refuses a channel name that is not a plain identifier', () => {
    expect(() => createNotifier(t, 'floor; drop table hall', {})).toThrow(/bad channel/);
  });

  it('delivers a message to the publishing instance itself, in order, with Chinese text intact', async () => {
    const n = await notifier(t);
    const box = inbox(n);
    await n.publish('叫号 A001');
    await n.publish('{"hallId":1}');
    expect(await box.next()).toBe('叫号 A001');
    expect(await box.next()).toBe('{"hallId":1}');
  });

  it('stops delivering to a subscriber that unsubscribed', async () => {
    const n = await notifier(t);
    const kept = inbox(n);
    const gone: (string | null)[] = [];
    const off = n.subscribe((m) => gone.push(m));
    off();
    await n.publish('x');
    expect(await kept.next()).toBe('x');
    expect(gone).toEqual([]);
  });

  if (dialect === 'postgres') {
    it('delivers across two instances (two connection pools on one database), both ways', async () => {
      const second = openDatabase({ url: t.url, onPoolError: () => {} });
      try {
        const a = await notifier(t);
        const b = await notifier(second);
        const atA = inbox(a);
        const atB = inbox(b);
        await b.publish('from b');
        expect(await atA.next()).toBe('from b');
        expect(await atB.next()).toBe('from b');
        await a.publish('from a');
        expect(await atB.next()).toBe('from a');
        expect(await atA.next()).toBe('from a');
      } finally {
        await second.destroy();
      }
    });

    it('reconnects when the listening connection is killed, tells subscribers (null), then delivers again', async () => {
      const errors: Error[] = [];
      const n = await notifier(t, { reconnectMs: 50, onError: (e) => errors.push(e) });
      const box = inbox(n);
      const killed = await sql<{ pid: number }>`
        select pg_terminate_backend(pid) as pid from pg_stat_activity
        where datname = current_database() and application_name = 'hall-listen-hall_test'`.execute(t.db);
      // Every notifier of this file listens on the channel; all of them are cut and come back.
      expect(killed.rows.length).toBeGreaterThanOrEqual(1);
      expect(await box.next()).toBeNull();
      expect(errors.length).toBeGreaterThanOrEqual(1);
      await n.publish('after');
      expect(await box.next()).toBe('after');
    });

    it('closing while a reconnect is pending leaves no listening connection behind', async () => {
      const n = createNotifier(t, 'hall_close_test', { reconnectMs: 20, onError: () => {} });
      await n.ready();
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = 'hall-listen-hall_close_test'`.execute(t.db);
      await n.close();
      const sessions = async () =>
        (
          await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and application_name = 'hall-listen-hall_close_test'`.execute(t.db)
        ).rows[0].n;
      // The killed session leaves the list; then, well past the reconnect delay, no new one appears.
      while ((await sessions()) > 0) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100));
      expect(await sessions()).toBe(0);
    });
  }
});
