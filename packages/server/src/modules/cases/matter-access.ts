/**
 * Who may see and act on a matter (HOUSE rule 4: the per-resource check after the route's
 * permission check). One place, used by every service that touches matters.
 */
import { Permission, can } from '@hall/domain';
import type { MatterRow } from '@hall/db';
import type { Actor } from '../../context.ts';

type Scoped = Pick<MatterRow, 'hall_id' | 'window_id' | 'assigned_unit_id'>;

/** The hall's readers see all; window staff their window's visitors; unit staff their unit's cases. */
export function mayReadMatter(actor: Actor, m: Scoped): boolean {
  if (m.hall_id !== actor.hallId) return false;
  if (can(actor.roles, Permission.matterReadAll)) return true;
  if (can(actor.roles, Permission.matterReadOwnWindow) && actor.windowId === m.window_id) return true;
  return can(actor.roles, Permission.matterReadOwnUnit) && actor.unitId !== null && actor.unitId === m.assigned_unit_id;
}

/** Acting: the hall's readers, the matter's own window, or the unit it is assigned to (the row's permission decides the rest). */
export function mayActOnMatter(actor: Actor, m: Scoped): boolean {
  return (
    m.hall_id === actor.hallId &&
    (can(actor.roles, Permission.matterReadAll) ||
      (actor.windowId !== null && actor.windowId === m.window_id) ||
      (actor.unitId !== null && actor.unitId === m.assigned_unit_id))
  );
}

/** The refusal a user of that kind should read. */
export const notYours = (actor: Actor) => (actor.unitId !== null ? 'auth.notYourUnit' : 'auth.notYourWindow');
