/**
 * The public kiosk takes no sign-in (issue 4, capability 2): one address may take only so many tickets
 * a minute (HALL_KIOSK_TICKETS_PER_MINUTE), so that a script cannot take the day's numbers. Staff
 * tickets are never limited. Past the limit the answer is 429 with a translated message and
 * Retry-After, and nothing is written. The count is kept in the database (issue 8 §4): it holds across
 * app instances.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@hall/db';
import { testDialects } from '@hall/db/testing';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createTestApp, json, type TestApp } from '../../testing.ts';

describe.each(testDialects())('kiosk limit on %s', (dialect) => {
  let t: TestApp;
  let serviceId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { kioskTicketsPerMinute: 3 } });
    const info = json(await t.app.inject({ method: 'GET', url: '/api/public/halls/SZ/kiosk' }));
    serviceId = info.services.find((s: { prefix: string }) => s.prefix === 'G').id;
  });
  afterAll(() => t?.close());

  const tickets = () => t.database.db.selectFrom('queue_ticket').select('number').orderBy('id').execute();

  it('the fourth kiosk ticket in a minute from one address is refused, in the visitor’s language; staff go on', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/halls/SZ/tickets', payload: { serviceId } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/public/halls/SZ/tickets',
      payload: { serviceId },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(refused.statusCode).toBe(429);
    expect(json(refused).error).toBe('kiosk.tooMany');
    expect(json(refused).message).toMatch(/^取号过于频繁，请 \d+ 秒后再试/);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/public/halls/SZ/tickets',
      payload: { serviceId },
      headers: { 'accept-language': 'en' },
    });
    expect(json(en).message).toMatch(/^Too many tickets from this kiosk/);
    expect((await tickets()).map((x) => x.number)).toEqual(['G001', 'G002', 'G003']);

    // Another kiosk (address) is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/public/halls/SZ/tickets',
      payload: { serviceId },
      remoteAddress: '10.0.0.8',
    });
    expect(other.statusCode, other.body).toBe(200);

    // The guide desk issues as staff: not the kiosk's limit.
    const guide = await t.login('guide');
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/queue/tickets',
        headers: { cookie: guide },
        payload: { serviceId },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await tickets()).toHaveLength(8);
  });

  it('the limit is kept in the database: it holds across instances (PostgreSQL) and says when to come back', async () => {
    const apps: FastifyInstance[] = [t.app];
    let secondDb: Database | undefined;
    if (dialect === 'postgres') {
      secondDb = openDatabase({ url: t.database.url, onPoolError: () => {} });
      const { app } = await buildApp({
        config: testConfig({ kioskTicketsPerMinute: 3 }),
        database: secondDb,
        key: randomBytes(32),
        clock: () => t.clock.now,
      });
      await app.ready();
      apps.push(app);
    }
    try {
      const take = (i: number) =>
        apps[i % apps.length].inject({
          method: 'POST',
          url: '/api/public/halls/SZ/tickets',
          payload: { serviceId },
          remoteAddress: '10.0.5.1',
        });
      // In parallel over both instances: exactly three get a ticket.
      const answers = await Promise.all([0, 1, 2, 3, 4, 5].map(take));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 429, 429, 429]);
      const refused = answers.find((a) => a.statusCode === 429)!;
      const seconds = Number(refused.headers['retry-after']);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(json(refused).message).toContain(`${seconds} 秒`);
      // A minute later the kiosk may take tickets again.
      t.clock.now = new Date(t.clock.now.getTime() + 61_000);
      expect((await take(1)).statusCode).toBe(200);
    } finally {
      if (apps[1]) await apps[1].close();
      await secondDb?.destroy();
    }
  });
});
