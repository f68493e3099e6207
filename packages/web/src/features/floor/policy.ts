/** Who sees which part of the floor (the server checks the same permissions on every route). */
import type { Me } from '@hall/contracts';
import { Permission, can, canAny } from '../../lib/policy';

/** The desk at the door: the guide (R2.2) or security staff recording the entry check (R4.1). */
export const usesGuideDesk = (me: Me | null | undefined) =>
  canAny(me, [Permission.guideRecord, Permission.entryRecord]);

/** Security staff record the check only; the guide's part (purpose, direction) is not theirs. */
export const guides = (me: Me | null | undefined) => can(me, Permission.guideRecord);

export const readsDisorder = (me: Me | null | undefined) => can(me, Permission.disorderRead);
export const recordsDisorder = (me: Me | null | undefined) => can(me, Permission.disorderRecord);
export const issuesTickets = (me: Me | null | undefined) => can(me, Permission.queueIssue);

/**
 * Windows (queue:serve) get the day's alerts in the header: the server answers a window with its
 * own, a reader of the list with the hall's; staff serving at no window have none to see.
 */
export const seesWindowAlerts = (me: Me | null | undefined) =>
  can(me, Permission.queueServe) && (me?.windowId != null || readsDisorder(me));

/** The case behind an alert or incident opens only for those who read cases (not the guide). */
export const readsMatters = (me: Me | null | undefined) =>
  canAny(me, [Permission.matterReadOwnWindow, Permission.matterReadAll]);
