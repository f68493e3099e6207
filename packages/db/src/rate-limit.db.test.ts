/**
 * The shared window counters (issue 8 §4) on every dialect in DIALECTS: one atomic upsert per hit
 * (parallel hits on PostgreSQL with a pool of 10 each get their own count), a window that opens at
 * the first hit, restart/reset/purge; and the web-security migration marking an installation that
 * was seeded with the demo before it.
 */
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';
import { migrate } from './database.ts';
import { repositories } from './repositories.ts';
import { createTestDatabase, type TestDatabase, testDialects } from './testing.ts';

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 2, 0, s)).toISOString();

describe.each(testDialects())('rate limit counters on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { poolSize: 10 });
  });
  afterAll(() => t?.drop());

  it('parallel hits on one bucket are counted one by one: no count twice, none lost', async () => {
    const r = repositories(t.db);
    const hits = await Promise.all(Array.from({ length: 40 }, () => r.rateLimits.hit('b:parallel', at(0), at(60))));
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(hits.map((h) => h.expiresAt))).toEqual(new Set([at(60)]));
  });

  it('a window opens at the first hit; a hit after it ends opens a new one', async () => {
    const r = repositories(t.db).rateLimits;
    expect(await r.hit('b:window', at(0), at(60))).toEqual({ hits: 1, expiresAt: at(60) });
    expect(await r.hit('b:window', at(30), at(90))).toEqual({ hits: 2, expiresAt: at(60) });
    expect(await r.hit('b:window', at(59), at(119))).toEqual({ hits: 3, expiresAt: at(60) });
    expect(await r.hit('b:window', at(60), at(120))).toEqual({ hits: 1, expiresAt: at(120) });
    await r.restart('b:window', at(70), at(970), 5);
    expect(await r.hit('b:window', at(71), at(131))).toEqual({ hits: 6, expiresAt: at(970) });
    await r.reset('b:window');
    expect(await r.find('b:window')).toBeUndefined();
    await r.hit('b:old', at(0), at(10));
    await r.hit('b:new', at(0), at(100));
    await r.purge(at(50));
    expect(await r.find('b:old')).toBeUndefined();
    expect(await r.find('b:new')).toBeDefined();
  });

  it('settings: set, overwrite, read', async () => {
    const s = repositories(t.db).settings;
    expect(await s.get('x')).toBeNull();
    await s.set('x', 'a', at(0));
    await s.set('x', 'b', at(1));
    expect(await s.get('x')).toBe('b');
  });

  it('the migration marks a database seeded with the demo before it as a demo installation', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } });
      const names = Object.keys(migrations);
      const before = names[names.indexOf('20261204020000_web_security') - 1];
      const down = await migrator.migrateTo(before);
      expect(down.error).toBeUndefined();
      await repositories(db.db).org.insertHall({ code: 'SZ', name: '苏州市联合接访大厅', kind: 'petition', active: 1 });
      expect(await migrate(db.db)).toEqual(names.slice(names.indexOf('20261204020000_web_security')));
      expect(await repositories(db.db).settings.get('demo')).toBe('true');
    } finally {
      await db.drop();
    }
  });
});
