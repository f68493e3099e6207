/**
 * Who may see and act on a matter (HOUSE rule 4: the per-resource check after the route's
 * permission check). One place, used by every service that touches matters.
 */
import { type MatterAction, Permission, can } from '@hall/domain';
import type { MatterRow } from '@hall/db';
import type { Actor } from '../../context.ts';

/**
 * The matter's scope. `transfers` (the case bundle's) lets the county a matter was transferred to
 * in; a caller without them (a bare matter row) lets only the hall, the window and the assigned unit in.
 */
type Scoped = Pick<MatterRow, 'hall_id' | 'window_id' | 'assigned_unit_id'> & {
  transfers?: readonly { kind: string; unit_id: number | null }[];
};

/** R1.8: the unit a matter was transferred to directly as its county (the latest such transfer), if any. */
export const countyUnitOf = (m: Scoped): number | null => m.transfers?.filter((t) => t.kind === 'county').at(-1)?.unit_id ?? null;

/** The actor works for the unit the matter was assigned to, or transferred to as the county (R1.8). */
const ownUnit = (actor: Actor, m: Scoped) =>
  actor.unitId !== null && (actor.unitId === m.assigned_unit_id || actor.unitId === countyUnitOf(m));

/** The hall's readers see all; window staff their window's visitors; unit staff their unit's cases (assigned or transferred to it). */
export function mayReadMatter(actor: Actor, m: Scoped): boolean {
  if (m.hall_id !== actor.hallId) return false;
  if (can(actor.roles, Permission.matterReadAll)) return true;
  if (can(actor.roles, Permission.matterReadOwnWindow) && actor.windowId === m.window_id) return true;
  return can(actor.roles, Permission.matterReadOwnUnit) && ownUnit(actor, m);
}

/** Acting: the hall's readers, the matter's own window, or its unit (the row's permission decides the rest). */
export function mayActOnMatter(actor: Actor, m: Scoped): boolean {
  return (
    m.hall_id === actor.hallId &&
    (can(actor.roles, Permission.matterReadAll) || (actor.windowId !== null && actor.windowId === m.window_id) || ownUnit(actor, m))
  );
}

/** R1.8: the county's records of a transferred matter, kept by the staff of that county unit alone. */
const COUNTY_ACTIONS: readonly MatterAction[] = ['countyReceive', 'countyAnswer'];

/** An action on a matter one may act on: the county's own records only by the county's staff (R1.8). */
export const mayTakeAction = (actor: Actor, m: Scoped, action: MatterAction): boolean =>
  !COUNTY_ACTIONS.includes(action) || (actor.unitId !== null && actor.unitId === countyUnitOf(m));

/** The refusal a user of that kind should read. */
export const notYours = (actor: Actor) => (actor.unitId !== null ? 'auth.notYourUnit' : 'auth.notYourWindow');
