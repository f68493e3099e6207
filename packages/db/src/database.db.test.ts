/** Migrations and the dialect-sensitive pieces of the data layer, on every dialect in DIALECTS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, migrate } from './database.ts';
import { migrations } from './migrations/index.ts';
import { repositories } from './repositories.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './testing.ts';

describe.each(testDialects())('data layer on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { poolSize: 10 });
  });
  afterAll(() => t?.drop());

  it('applies every frozen migration, and a second run applies none', async () => {
    const done = await t.db.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(done.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations));
    expect(await migrate(t.db)).toEqual([]);
  });

  it('per-year petition sequences are separate and never hand out a number twice under concurrency', async () => {
    const hall = await repositories(t.db).org.insertHall({ code: 'T1', name: '测试大厅', kind: 'petition', active: 1 });
    const values = await Promise.all(
      Array.from({ length: 40 }, () => t.db.transaction().execute((trx) => repositories(trx).matters.nextSequence(hall.id, 2026))),
    );
    expect(new Set(values).size).toBe(40);
    expect(Math.max(...values)).toBe(40);
    expect(await repositories(t.db).matters.nextSequence(hall.id, 2027)).toBe(1);
  });

  it('recognises unique violations from either driver', async () => {
    const err = await repositories(t.db)
      .org.insertHall({ code: 'T1', name: '重复', kind: 'petition', active: 1 })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });

  it('stores Chinese text unchanged', async () => {
    const u = await repositories(t.db).org.insertUnit({ name: '市信访局（测试）', kind: 'other', division_code: null, active: 1 });
    expect((await repositories(t.db).org.getUnit(u.id))!.name).toBe('市信访局（测试）');
  });
});
