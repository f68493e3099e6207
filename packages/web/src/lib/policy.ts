/** A small policy helper: the UI shows what the signed-in user's permissions allow. */
import { Permission } from '@hall/domain';
import type { Me } from '@hall/contracts';

export { Permission };

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}

export function canAny(me: Me | null | undefined, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => can(me, p));
}

/** Where a user starts after signing in (by role). */
export function homePath(me: Me): string {
  if (me.roles.includes('registrar')) return '/register';
  if (me.roles.includes('receptionist')) return '/reception';
  if (me.roles.includes('admin')) return '/admin';
  // The guide and security staff work at the door (issue 4: R2.2, R4.1).
  if (me.roles.includes('guide') || me.roles.includes('security')) return '/floor/guide';
  if (can(me, Permission.matterReadOwnUnit) && !can(me, Permission.matterReadAll)) return '/cases';
  return '/reception';
}

/** Whether the user's permissions open a path of the app (e.g. a page to return to after signing in). */
export function mayOpen(me: Me, path: string): boolean {
  const p = path.split(/[?#]/)[0];
  if (p === '/' || p === '') return true;
  if (p.startsWith('/register')) return can(me, Permission.visitorRegister);
  if (p.startsWith('/reception')) return canAny(me, [Permission.matterReadOwnWindow, Permission.matterReadAll]);
  if (p.startsWith('/matters') || p.startsWith('/documents'))
    return canAny(me, [Permission.matterReadOwnWindow, Permission.matterReadOwnUnit, Permission.matterReadAll]);
  if (p.startsWith('/cases')) return can(me, Permission.matterReadOwnUnit);
  if (p.startsWith('/inbox') || p.startsWith('/supervision') || p.startsWith('/accountability')) return true;
  if (p.startsWith('/floor/guide')) return canAny(me, [Permission.guideRecord, Permission.entryRecord]);
  if (p.startsWith('/floor/disorder')) return can(me, Permission.disorderRead);
  if (p.startsWith('/queue/window')) return can(me, Permission.queueServe);
  if (p.startsWith('/queue/stats')) return can(me, Permission.queueStats);
  if (p.startsWith('/queue/services')) return can(me, Permission.queueManage);
  if (p.startsWith('/admin/audit')) return canAny(me, [Permission.orgManage, Permission.auditRead]);
  if (p.startsWith('/admin')) return can(me, Permission.orgManage) || can(me, Permission.auditRead);
  return false;
}
