/**
 * Test data for the floor's database tests: a guide and a security officer, the priority groups,
 * and a queue service for window 1 (the demo seed's own are used when it has them).
 */
import { DEFAULT_PRIORITIES, type Role } from '@hall/domain';
import { repositories } from '@hall/db';
import { hashPassword } from '../auth/auth.service.ts';
import { DEMO_PASSWORD } from '../../demo/seed.ts';
import type { TestApp } from '../../testing.ts';

export interface FloorFixtures {
  hallId: number;
  window1: number;
  window2: number;
  /** A service window 1 calls (the routed window of demoRegistration). */
  serviceId: number;
}

export async function floorFixtures(t: TestApp): Promise<FloorFixtures> {
  const db = t.database.db;
  const r = repositories(db);
  const hall = (await r.org.listHalls())[0];
  const windowOf = async (n: number) =>
    (
      await db
        .selectFrom('hall_window')
        .select('id')
        .where('number', '=', n)
        .where('hall_id', '=', hall.id)
        .executeTakeFirstOrThrow()
    ).id;
  const [window1, window2] = [await windowOf(1), await windowOf(2)];

  const hash = await hashPassword(DEMO_PASSWORD);
  const account = async (username: string, roles: Role[], windowId: number | null) => {
    if (await r.staff.findByUsername(username)) return;
    const s = await r.staff.insert({
      username,
      display_name: username,
      password_hash: hash,
      hall_id: hall.id,
      window_id: windowId,
      active: 1,
      created_at: t.clock.now.toISOString(),
    });
    await r.staff.setRoles(s.id, roles);
  };
  await account('t-guide', ['guide'], null);
  await account('t-security', ['security'], null);

  if ((await r.queue.listPriorities(hall.id)).length === 0) {
    await r.queue.replacePriorities(
      hall.id,
      DEFAULT_PRIORITIES.map((p) => ({ code: p.code, name: p.name, name_en: p.nameEn, weight: p.weight })),
    );
  }
  let service = (await r.queue.servicesOfWindow(window1))[0];
  if (!service) {
    service = await r.queue.insertService({
      hall_id: hall.id,
      code: 'tHrss',
      prefix: 'TA',
      name: '人社业务',
      name_en: 'Labour and social security',
      kind: 'departmentWindow',
      opens_at: '00:00',
      closes_at: '24:00',
      daily_max: 999,
      max_recalls: 2,
      sort: 0,
      active: 1,
    });
    await r.queue.setServiceWindows(service.id, [window1]);
  }
  return { hallId: hall.id, window1, window2, serviceId: service.id };
}
