/**
 * Roles and what each may do (R1.0). The server checks the permission at the route and the
 * resource scope (window, hall) in the service; the UI hides what the role cannot do.
 */
export const Role = {
  registrar: 'registrar',
  receptionist: 'receptionist',
  office: 'office',
  deputyDirector: 'deputyDirector',
  director: 'director',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export const Permission = {
  /** Register a visitor and look petitioners up by ID (R1.1). */
  visitorRegister: 'visitor:register',
  /** Read matters routed to one's own window (R1.5). */
  matterReadOwnWindow: 'matter:read:window',
  /** Read every matter of the hall (office, director: R1.4). */
  matterReadAll: 'matter:read:all',
  /** Decide accept / not accept / no longer accept (R1.5, R1.5b). */
  matterDecide: 'matter:decide',
  /** Reply directly and record the petitioner's view (R1.6). */
  matterReply: 'matter:reply',
  /** Show a full ID number, phone or address: audited every time. */
  piiReveal: 'pii:reveal',
  /** Halls, windows, units, staff, categories, divisions. */
  orgManage: 'org:manage',
  /** Read the audit trail. */
  auditRead: 'audit:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  registrar: [P.visitorRegister, P.piiReveal],
  receptionist: [P.matterReadOwnWindow, P.matterDecide, P.matterReply, P.piiReveal],
  office: [P.visitorRegister, P.matterReadAll, P.piiReveal, P.auditRead],
  deputyDirector: [P.matterReadAll, P.piiReveal, P.auditRead],
  director: [P.matterReadAll, P.piiReveal, P.auditRead],
  admin: [P.orgManage, P.auditRead],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
