/** Who gets which work list: read from the permissions the server checks (the server scopes each list). */
import { ALERT_READER_ROLES, type Me } from '@hall/contracts';
import { Permission, canAny } from '../../lib/policy';

const READ_MATTERS = [Permission.matterReadAll, Permission.matterReadOwnWindow, Permission.matterReadOwnUnit] as const;

/** The permissions that give a user at least one inbox category (the server's CATEGORIES). */
const INBOX = [
  ...READ_MATTERS,
  Permission.assignmentApprove,
  Permission.extensionDecide,
  Permission.caseClose,
  Permission.accountabilityApprove,
  Permission.assignmentRespond,
  Permission.opinionIssue,
  Permission.opinionSignOff,
  Permission.matterDecide,
  Permission.assignmentPropose,
  Permission.caseReview,
  Permission.supervisionRecord,
] as const;

export const hasInbox = (me: Me | null | undefined) => canAny(me, INBOX);
/** The supervision schedule and the urges: whoever reads cases (window, unit, hall). */
export const seesSupervision = (me: Me | null | undefined) => canAny(me, READ_MATTERS);
/** The administrator and the leadership read the open alerts (GET /api/alerts). */
export const readsAlerts = (me: Me | null | undefined) => !!me && me.roles.some((r) => ALERT_READER_ROLES.includes(r));
/** The hall's readers choose a window; window staff see their own. */
export const readsAllWindows = (me: Me | null | undefined) => canAny(me, [Permission.matterReadAll]);
