/**
 * The lists read their page from an index in the order they show, without sorting (issue 9 §1):
 * SQLite's query plans for the reception list (by hall, by window), a unit's list, a petitioner's
 * earlier matters, a state-filtered list, the urge list and the accountability inbox, on a few
 * thousand generated matters after ANALYZE. (PostgreSQL's plans depend on its cost estimates; they
 * are chosen by cost; see docs/operations.md, "Indexes and statistics".)
 */
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './database.ts';
import { repositories } from './repositories.ts';
import type { DB } from './schema.ts';
import { testDialects } from './testing.ts';

describe.skipIf(!testDialects().includes('sqlite'))('query plans of the lists on SQLite', () => {
  const captured: CompiledQuery[] = [];
  let db: Kysely<DB>;

  beforeAll(async () => {
    db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
      log: (e) => {
        if (e.level === 'query') captured.push(e.query);
      },
    });
    await migrate(db);
    const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const h of [1, 2]) await raw.insertInto('hall').values({ code: `H${h}`, name: `h${h}`, kind: 'petition', active: 1 }).execute();
    for (let u = 1; u <= 5; u++) await raw.insertInto('unit').values({ name: `u${u}`, kind: 'other', active: 1 }).execute();
    for (let w = 1; w <= 20; w++) {
      await raw.insertInto('hall_window').values({ hall_id: w <= 10 ? 1 : 2, number: w, name: `w${w}`, kind: 'reception', active: 1 }).execute();
    }
    const at = '2026-01-01T00:00:00.000Z';
    await raw
      .insertInto('petitioner')
      .values(Array.from({ length: 2000 }, (_, i) => ({ name_enc: 'x', id_type: 'id', id_hash: `h${i}`, id_enc: 'x', id_masked: 'x', created_at: at, updated_at: at })))
      .execute();
    const states = ['registered', 'accepted', 'handling', 'closed', 'closed', 'closed'];
    for (let i = 0; i < 6000; i += 500) {
      await raw
        .insertInto('matter')
        .values(
          Array.from({ length: 500 }, (_, k) => {
            const n = i + k;
            const w = 1 + ((n * 7) % 20);
            return {
              hall_id: w <= 10 ? 1 : 2,
              petition_no: `P${n}`,
              query_code: `Q${n}`,
              petitioner_id: 1 + ((n * 13) % 2000),
              form: 'visit',
              registered_at: new Date(Date.parse(at) + ((n * 7919) % 330) * 86_400_000 + n * 1000).toISOString(),
              window_id: w,
              state: states[n % states.length],
              purpose: 'p',
              summary: 's',
              demands: 'd',
              people_count: 1,
              markers: '[]',
              earlier_handling: '[]',
              security_check: 'passed',
              assigned_unit_id: n % 3 === 0 ? 1 + (n % 5) : null,
            };
          }),
        )
        .execute();
    }
    await sql`analyze`.execute(db);
  });
  afterAll(() => db?.destroy());

  async function plan(run: () => Promise<unknown>): Promise<string[]> {
    captured.length = 0;
    await run();
    const q = captured[0]!;
    const rows = await db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` });
    return rows.rows.map((row) => row.detail);
  }

  const r = () => repositories(db);
  const AFTER = { registeredAt: '2026-06-01T00:00:00.000Z', id: 3000 };
  it.each([
    ['the reception list of a hall', () => r().matters.list({ hallId: 1, limit: 200 }), 'matter_hall_registered_idx'],
    ['the reception list of a window', () => r().matters.list({ hallId: 1, windowId: 3, limit: 200 }), 'matter_window_registered_idx'],
    ['a unit’s cases', () => r().matters.list({ hallId: 1, assignedUnitId: 2, limit: 200 }), 'matter_assigned_unit_registered_idx'],
    ['a petitioner’s earlier matters', () => r().matters.list({ hallId: 1, petitionerId: 77, limit: 50 }), 'matter_petitioner_registered_idx'],
    ['a hall’s cases in one state', () => r().matters.list({ hallId: 1, states: ['handling'], limit: 200 }), 'matter_hall_state_registered_idx'],
    // A later page (keyset cursor, issue 9 §2) reads on from the same index.
    ['a later page of the hall’s list', () => r().matters.list({ hallId: 1, after: AFTER, limit: 51 }), 'matter_hall_registered_idx'],
    ['a later page of a window’s list', () => r().matters.list({ hallId: 1, windowId: 3, after: AFTER, limit: 51 }), 'matter_window_registered_idx'],
    ['a later page of a unit’s cases', () => r().matters.list({ hallId: 1, assignedUnitId: 2, after: AFTER, limit: 51 }), 'matter_assigned_unit_registered_idx'],
    ['the urge list', () => r().worklist.urges({ hallId: 1, limit: 50 }), 'matter_note_kind_at_idx'],
    ['the accountability inbox', () => r().worklist.accountabilityProposed(1, 20), 'accountability_hall_state_idx'],
  ] as const)('%s reads its index in order, with no sort', async (_name, run, index) => {
    const lines = await plan(run);
    expect(lines.join('\n')).toContain(`USING INDEX ${index} `);
    expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([]);
  });
});
