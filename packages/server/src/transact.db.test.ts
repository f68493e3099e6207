/**
 * transact(): one transaction per attempt, bounded retries of serialization failures and deadlocks
 * (40001, 40P01; SQLITE_BUSY*), nothing of a failed attempt committed, other errors never retried.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { createTestApp, type TestApp } from './testing.ts';
import { transact } from './transact.ts';

const codeError = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });

describe.each(testDialects())('transact on %s', (dialect) => {
  let t: TestApp;
  let unitIds: number[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    unitIds = (await t.database.db.selectFrom('unit').select('id').orderBy('id').limit(2).execute()).map((u) => u.id);
  });
  afterAll(() => t?.close());

  const nameOf = async (id: number) =>
    (await t.database.db.selectFrom('unit').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
  const rename = (trx: Parameters<Parameters<typeof transact>[1]>[1], id: number, name: string) =>
    trx.updateTable('unit').set({ name }).where('id', '=', id).execute();

  it.each(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'])(
    'retries %s; the failed attempts’ writes are rolled back',
    async (code) => {
      const id = unitIds[0]!;
      const original = await nameOf(id);
      let attempts = 0;
      const out = await transact(t.deps, async (_r, trx) => {
        attempts++;
        await rename(trx, id, `${original}·${attempts}`);
        if (attempts < 3) throw codeError(code);
        return attempts;
      });
      expect(out).toBe(3);
      expect(await nameOf(id)).toBe(`${original}·3`);
      await t.database.db.updateTable('unit').set({ name: original }).where('id', '=', id).execute();
    },
  );

  it('gives up after the bounded number of retries (default 3) and commits nothing', async () => {
    const id = unitIds[0]!;
    const original = await nameOf(id);
    let attempts = 0;
    await expect(
      transact(t.deps, async (_r, trx) => {
        attempts++;
        await rename(trx, id, 'never');
        throw codeError('40001');
      }),
    ).rejects.toMatchObject({ code: '40001' });
    expect(attempts).toBe(4);
    expect(await nameOf(id)).toBe(original);
    attempts = 0;
    await expect(
      transact(
        t.deps,
        async () => {
          attempts++;
          throw codeError('40P01');
        },
        { retries: 0 },
      ),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toBe(1);
  });

  it('never retries other errors (domain errors, constraint violations)', async () => {
    let attempts = 0;
    await expect(
      transact(t.deps, async () => {
        attempts++;
        throw conflict('matter.stale');
      }),
    ).rejects.toMatchObject({ code: 'matter.stale' });
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(
      transact(t.deps, async () => {
        attempts++;
        throw codeError('23505');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });

  it.runIf(dialect === 'postgres')(
    'a real deadlock (40P01) between two changes: the victim is retried, both commit',
    async () => {
      const [a, b] = unitIds as [number, number];
      const [nameA, nameB] = [await nameOf(a), await nameOf(b)];
      // Each transaction locks one row, waits until the other holds its row, then wants the other's.
      let firstA = true;
      let firstB = true;
      let releaseA!: () => void;
      let releaseB!: () => void;
      const aLocked = new Promise<void>((r) => (releaseA = r));
      const bLocked = new Promise<void>((r) => (releaseB = r));
      let attempts = 0;
      const one = transact(t.deps, async (_r, trx) => {
        attempts++;
        await rename(trx, a, `${nameA}·x`);
        if (firstA) {
          firstA = false;
          releaseA();
          await bLocked;
        }
        await rename(trx, b, `${nameB}·x`);
      });
      const two = transact(t.deps, async (_r, trx) => {
        attempts++;
        await rename(trx, b, `${nameB}·y`);
        if (firstB) {
          firstB = false;
          releaseB();
          await aLocked;
        }
        await rename(trx, a, `${nameA}·y`);
      });
      await Promise.all([one, two]);
      expect(attempts).toBe(3); // one of the two was chosen as the deadlock victim and ran again
      const names = [await nameOf(a), await nameOf(b)];
      expect([
        [`${nameA}·x`, `${nameB}·x`],
        [`${nameA}·y`, `${nameB}·y`],
      ]).toContainEqual(names);
      await sql`update unit set name = ${nameA} where id = ${a}`.execute(t.database.db);
      await sql`update unit set name = ${nameB} where id = ${b}`.execute(t.database.db);
    },
  );
});
