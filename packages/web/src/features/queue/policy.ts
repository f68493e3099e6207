/** Who sees which queue screen: the permissions the server checks on the same routes. */
import type { Me } from '@hall/contracts';
import { Permission, can } from '../../lib/policy';

/** The window's calling panel: receptionists, the registration desk (a window of the queue too). */
export const servesQueue = (me: Me | null | undefined) => can(me, Permission.queueServe);
export const readsQueueStats = (me: Me | null | undefined) => can(me, Permission.queueStats);
/** Services, priority weights, and the links to the hall's kiosk and board pages. */
export const managesQueue = (me: Me | null | undefined) => can(me, Permission.queueManage);
