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
  /** 导访员 / 导诉员: the guide at the door (R2.2, R2.3). */
  guide: 'guide',
  /** 安检员: the security check at entry (R4.1). */
  security: 'security',
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
  /** The county a matter was transferred to records its receipt and the answer it gave the petitioner (R1.8). */
  transferAnswer: 'transfer:answer',
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
  /** Issue a queue ticket for a visitor at a desk (R2.1, R2.2). */
  queueIssue: 'queue:issue',
  /** Call and serve tickets at one's window (R2.1). */
  queueServe: 'queue:serve',
  /** Services, their windows, priority groups (issue 4). */
  queueManage: 'queue:manage',
  /** Queue statistics per service and window. */
  queueStats: 'queue:stats',
  /** Record the security check at entry (R4.1). */
  entryRecord: 'entry:record',
  /** The guide desk: purpose, direction, out-of-scope visitors, procedural answers (R2.2). */
  guideRecord: 'guide:record',
  /** Record a disorder incident (R2.3). */
  disorderRecord: 'disorder:record',
  /** Read the disorder list (every view audited) and see the hall's alerts (R2.3). */
  disorderRead: 'disorder:read',
  /** Put a person on the disorder list with an expiry date, reject, remove (R2.3). */
  disorderApprove: 'disorder:approve',
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
  P.queueServe,
  P.queueIssue,
  P.disorderRecord,
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
  // The registration desk is a window of the queue too (the petition-registration service).
  registrar: [P.visitorRegister, P.piiReveal, P.queueServe, P.queueIssue, P.entryRecord, P.disorderRecord],
  receptionist: WINDOW,
  groupLead: [...WINDOW, P.matterReadAll, P.queueStats, P.disorderRead, P.disorderApprove],
  office: [
    P.visitorRegister,
    P.matterReadAll,
    P.matterUrge,
    P.reviewRecord,
    P.satisfactionRecord,
    P.piiReveal,
    P.auditRead,
    P.queueStats,
    P.disorderRead,
  ],
  deputyDirector: [...LEADERSHIP, P.queueStats, P.disorderRead, P.disorderApprove],
  director: [...LEADERSHIP, P.queueStats, P.disorderRead, P.disorderApprove],
  unitHandler: [P.matterReadOwnUnit, P.assignmentRespond, P.unitHandle, P.opinionIssue, P.transferAnswer],
  unitHead: [P.matterReadOwnUnit, P.opinionSignOff, P.assignmentRespond],
  accountabilityOfficer: [P.matterReadAll, P.accountabilityHandle],
  guide: [P.guideRecord, P.entryRecord, P.queueIssue, P.disorderRecord, P.disorderRead],
  security: [P.entryRecord, P.disorderRecord],
  admin: [P.orgManage, P.auditRead, P.queueManage, P.queueStats],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
