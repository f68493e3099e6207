/** Who works on inquiries (the server's accountabilityScope) and what waits on whom (the domain's table). */
import type { AccountabilitySummary, Me } from '@hall/contracts';
import { allowedAccountabilityActions, isAccountabilityFinal } from '@hall/domain';
import { Permission, can, canAny } from '../../lib/policy';

/** The director, deputies and the accountability office see the hall's inquiries; a window its own. */
export const seesAccountability = (me: Me | null | undefined) =>
  canAny(me, [Permission.accountabilityApprove, Permission.accountabilityHandle]) ||
  (can(me, Permission.accountabilityPropose) && me?.windowId != null);

export const mayPropose = (me: Me | null | undefined) => can(me, Permission.accountabilityPropose);

/** The steps the user may take on an inquiry now (the same table the server decides with). */
export const actionsFor = (me: Me | null | undefined, s: Pick<AccountabilitySummary, 'state'>) =>
  me ? allowedAccountabilityActions(s.state, me.roles) : [];

export const waitsOn = (me: Me | null | undefined, s: Pick<AccountabilitySummary, 'state'>) =>
  actionsFor(me, s).length > 0;

export const isFinal = (s: Pick<AccountabilitySummary, 'state'>) => isAccountabilityFinal(s.state);
