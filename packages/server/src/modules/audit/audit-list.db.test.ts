/**
 * The audit trail's list pages with a cursor and tells its total (issue 9 §2), on every dialect:
 * walking the pages gives every row exactly once, newest first, with and without filters; a forged
 * cursor is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositories } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { createTestApp, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('the audit list in pages on %s', (dialect) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const r = repositories(t.database.db);
    for (let i = 0; i < 13; i++) {
      await r.audit.append({
        at: t.clock.now.toISOString(),
        actorId: null,
        requestId: `paging-${i}`,
        entity: 'pagingProbe',
        entityId: String(i % 2),
        action: 'pagingProbe.touch',
        after: { i },
      });
    }
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin } });

  async function expected(f: { entity?: string; entityId?: string }) {
    let q = t.database.db.selectFrom('audit_log').select('id');
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    return (await q.execute()).map((x) => Number(x.id)).sort((a, b) => b - a);
  }

  async function walk(query: string, limit: number) {
    const ids: number[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/audit?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = json<{ items: { id: number }[]; total: number; nextCursor: string | null }>(res);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((e) => e.id));
      totals.add(page.total);
      cursor = page.nextCursor;
      expect(++pages).toBeLessThan(200);
    } while (cursor !== null);
    return { ids, totals: [...totals], pages };
  }

  it.each([2, 3, 5])('walks the trail with limit=%i: every row once, newest first, the total on every page', async (limit) => {
    for (const f of [{ entity: 'pagingProbe' }, { entity: 'pagingProbe', entityId: '1' }, {}]) {
      // The walk itself writes nothing: the trail does not move under it.
      const want = await expected(f);
      const query = Object.entries(f).map(([k, v]) => `&${k}=${v}`).join('');
      const { ids, totals, pages } = await walk(query, limit);
      expect(ids, JSON.stringify(f)).toEqual(want);
      expect(totals).toEqual([want.length]);
      expect(pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
      if (f.entity && !f.entityId) expect(pages).toBeGreaterThanOrEqual(3);
    }
  });

  it('refuses a cursor it did not write with a 400', async () => {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    for (const cursor of ['abc', b64('0'), b64('-1'), b64('1x'), b64('2026-11-30T00:00:00.000Z|1'), b64('9'.repeat(20))]) {
      const res = await get(`/api/audit?cursor=${cursor}`);
      expect(res.statusCode, `${cursor}: ${res.body}`).toBe(400);
      expect(json(res).error).toBe('list.badCursor');
    }
    expect((await get('/api/audit?cursor=%2F%2F')).statusCode).toBe(400);
  });
});
