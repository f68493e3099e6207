/**
 * Test data for the floor's database tests: a guide and a security officer of their own, and the
 * demo seed's queue service for window 1.
 */
import type { Role } from '@hall/domain';
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

  const [service] = await r.queue.servicesOfWindow(window1);
  if (!service) throw new Error('the demo seed has no queue service for window 1');
  return { hallId: hall.id, window1, window2, serviceId: service.id };
}
