/**
 * Roles and what each may do (R1.0). The server checks the permission at the route and the
 * resource scope (window, unit, hall) in the service; the UI hides what the role cannot do.
 */
export const Role = {
  registrar: 'registrar',
  receptionist: 'receptionist',
  /** 分组牵头人: leads a group of windows in mediation and supervision (R1.14, R1.20). */
  groupLead: 'groupLead',
  office: 'office',
  deputyDirector: 'deputyDirector',
  director: 'director',
  /** 承办单位经办人: staff of a responsible unit who handle assigned cases (R1.18–R1.21). */
  unitHandler: 'unitHandler',
  /** 承办单位负责人: signs and seals the unit's handling opinion (R1.21). */
  unitHead: 'unitHead',
  /** 责任查究室: carries out accountability inquiries (R1.24, R1.25). */
  accountabilityOfficer: 'accountabilityOfficer',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export const Permission = {
  /** Register a visitor and look petitioners up by ID (R1.1). */
  visitorRegister: 'visitor:register',
  /** Read matters routed to one's own window (R1.5). */
  matterReadOwnWindow: 'matter:read:window',
  /** Read matters assigned to one's own unit (R1.18). */
  matterReadOwnUnit: 'matter:read:unit',
  /** Read every matter of the hall (office, director: R1.4). */
  matterReadAll: 'matter:read:all',
  /** Decide accept / not accept / no longer accept (R1.5, R1.5b). */
  matterDecide: 'matter:decide',
  /** Reply directly and record the petitioner's view (R1.6). */
  matterReply: 'matter:reply',
  /** Urge the handling unit, summon its handler (R1.7). */
  matterUrge: 'matter:urge',
  /** Transfer to a county, to reconsideration/arbitration or judicial windows, legal aid (R1.8, R1.10–R1.12). */
  matterTransfer: 'matter:transfer',
  /** In-hall mediation: meetings, their outcome, the notice of acceptance and deadline (R1.13–R1.15). */
  matterMediate: 'matter:mediate',
  /** Propose filing and assignment; reassign after an objection (R1.16). */
  assignmentPropose: 'assignment:propose',
  /** Approve or refuse filing and assignment (R1.16). */
  assignmentApprove: 'assignment:approve',
  /** The unit signs for or objects to an assignment (R1.18). */
  assignmentRespond: 'assignment:respond',
  /** Apply for an extension; file the leader-day special report (R1.19, R1.22a). */
  unitHandle: 'unit:handle',
  /** Approve or refuse an extension (R1.19). */
  extensionDecide: 'extension:decide',
  /** Issue the handling opinion and record its delivery (R1.21). */
  opinionIssue: 'opinion:issue',
  /** The unit head signs and seals the opinion (R1.21). */
  opinionSignOff: 'opinion:signOff',
  /** Supervise an assigned case: tracking, callback, inspection (R1.20). */
  supervisionRecord: 'supervision:record',
  /** Review a case against the five criteria (R1.22). */
  caseReview: 'case:review',
  /** Final sign-off: close, or deem closed (R1.21). */
  caseClose: 'case:close',
  /** Record a request for review/re-review and the higher organ's result (复查/复核). */
  reviewRecord: 'review:record',
  /** Record the petitioner's rating (satisfaction). */
  satisfactionRecord: 'satisfaction:record',
  /** Propose an accountability inquiry (R1.23). */
  accountabilityPropose: 'accountability:propose',
  /** Approve an inquiry, an investigation (R1.23, R1.24). */
  accountabilityApprove: 'accountability:approve',
  /** Carry out the inquiry: notice, rectification, investigation (R1.24, R1.25). */
  accountabilityHandle: 'accountability:handle',
  /** Show a full ID number, phone or address: audited every time. */
  piiReveal: 'pii:reveal',
  /** Halls, windows, units, staff, categories, divisions, the holiday calendar. */
  orgManage: 'org:manage',
  /** Read the audit trail. */
  auditRead: 'audit:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
/** The window's work: reception, direct handling, mediation, proposing assignment, supervising, reviewing. */
const WINDOW: Permission[] = [
  P.matterReadOwnWindow,
  P.matterDecide,
  P.matterReply,
  P.matterUrge,
  P.matterTransfer,
  P.matterMediate,
  P.assignmentPropose,
  P.supervisionRecord,
  P.caseReview,
  P.reviewRecord,
  P.satisfactionRecord,
  P.accountabilityPropose,
  P.piiReveal,
];
const LEADERSHIP: Permission[] = [
  P.matterReadAll,
  P.assignmentApprove,
  P.extensionDecide,
  P.caseClose,
  P.accountabilityApprove,
  P.accountabilityPropose,
  P.piiReveal,
  P.auditRead,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  registrar: [P.visitorRegister, P.piiReveal],
  receptionist: WINDOW,
  groupLead: [...WINDOW, P.matterReadAll],
  office: [P.visitorRegister, P.matterReadAll, P.matterUrge, P.reviewRecord, P.satisfactionRecord, P.piiReveal, P.auditRead],
  deputyDirector: LEADERSHIP,
  director: LEADERSHIP,
  unitHandler: [P.matterReadOwnUnit, P.assignmentRespond, P.unitHandle, P.opinionIssue],
  unitHead: [P.matterReadOwnUnit, P.opinionSignOff, P.assignmentRespond],
  accountabilityOfficer: [P.matterReadAll, P.accountabilityHandle],
  admin: [P.orgManage, P.auditRead],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
