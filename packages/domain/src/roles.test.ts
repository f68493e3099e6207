import { describe, it, expect } from 'vitest';
import { Permission, ROLES, ROLE_PERMISSIONS, Role, can, permissionsOf } from './roles.ts';
import { MATTER_TRANSITIONS, type MatterAction } from './workflow.ts';

const P = Permission;

/*
 * R1.0: who may do what. One row per role, one column per permission: Y = must hold, . = must not
 * hold. Changing the hall's access policy means changing this table (and saying why).
 *
 * The intent encoded here: the registrar registers (and sees the ID it types); a receptionist and a
 * group lead do the window's work (decide, reply, transfer, mediate, propose assignment, supervise,
 * review, record review requests and ratings) but do not approve assignments, decide extensions or
 * close; the group lead also reads every matter; the office registers, reads all, urges, records
 * review requests and ratings; the director and deputies approve assignment, decide extensions,
 * close and approve accountability, but neither register nor act as a unit; a unit handler responds
 * to, handles and issues the opinion of its own unit's cases, and (R1.8) records the receipt and
 * the answer of a matter transferred to its county unit; the unit head signs and seals; the
 * accountability officer carries out inquiries; the admin manages the organisation and the
 * calendar, reads the audit trail, and does no case work and sees no personal data.
 * The hall floor (issue 4): windows and the registration desk call tickets and issue them; the
 * guide records entry checks and guidance, issues tickets, records incidents and reads the disorder
 * list; security records entry checks and incidents; the group lead and leadership approve the list
 * and read the queue statistics; the admin configures the queue services.
 */
const COLUMNS = [
  P.visitorRegister,
  P.matterReadOwnWindow,
  P.matterReadOwnUnit,
  P.matterReadAll,
  P.matterDecide,
  P.matterReply,
  P.matterUrge,
  P.matterTransfer,
  P.matterMediate,
  P.assignmentPropose,
  P.assignmentApprove,
  P.assignmentRespond,
  P.unitHandle,
  P.extensionDecide,
  P.opinionIssue,
  P.opinionSignOff,
  P.supervisionRecord,
  P.caseReview,
  P.caseClose,
  P.reviewRecord,
  P.satisfactionRecord,
  P.accountabilityPropose,
  P.accountabilityApprove,
  P.accountabilityHandle,
  P.piiReveal,
  P.orgManage,
  P.auditRead,
  P.queueIssue,
  P.queueServe,
  P.queueManage,
  P.queueStats,
  P.entryRecord,
  P.guideRecord,
  P.disorderRecord,
  P.disorderRead,
  P.disorderApprove,
  P.transferAnswer,
] as const;

// prettier-ignore
const TABLE: readonly (readonly [Role, string])[] = [
  //                        reg own own all dec rep urg trf med prp apr rsp hdl ext iss sgn sup rev cls rvw sat acP acA acH pii org aud qIs qSv qMg qSt ent gui dRc dRd dAp tAn
  //                            win unt                                                                  rec
  ['registrar',             'Y   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   .   Y   Y   .   .   Y   .   Y   .   .   .'],
  ['receptionist',          '.   Y   .   .   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   Y   Y   .   Y   Y   Y   .   .   Y   .   .   Y   Y   .   .   .   .   Y   .   .   .'],
  ['groupLead',             '.   Y   .   Y   Y   Y   Y   Y   Y   Y   .   .   .   .   .   .   Y   Y   .   Y   Y   Y   .   .   Y   .   .   Y   Y   .   Y   .   .   Y   Y   Y   .'],
  ['office',                'Y   .   .   Y   .   .   Y   .   .   .   .   .   .   .   .   .   .   .   .   Y   Y   .   .   .   Y   .   Y   .   .   .   Y   .   .   .   Y   .   .'],
  ['deputyDirector',        '.   .   .   Y   .   .   .   .   .   .   Y   .   .   Y   .   .   .   .   Y   .   .   Y   Y   .   Y   .   Y   .   .   .   Y   .   .   .   Y   Y   .'],
  ['director',              '.   .   .   Y   .   .   .   .   .   .   Y   .   .   Y   .   .   .   .   Y   .   .   Y   Y   .   Y   .   Y   .   .   .   Y   .   .   .   Y   Y   .'],
  ['unitHandler',           '.   .   Y   .   .   .   .   .   .   .   .   Y   Y   .   Y   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y'],
  ['unitHead',              '.   .   Y   .   .   .   .   .   .   .   .   Y   .   .   .   Y   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .'],
  ['accountabilityOfficer', '.   .   .   Y   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   .   .   .   .   .   .   .   .   .   .   .   .'],
  ['guide',                 '.   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   .   .   Y   Y   Y   Y   .   .'],
  ['security',              '.   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   .   Y   .   .   .'],
  ['admin',                 '.   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   .   Y   Y   .   .   Y   Y   .   .   .   .   .   .'],
];

const cells = TABLE.flatMap(([role, row]) => {
  const marks = row.split(/\s+/);
  if (marks.length !== COLUMNS.length)
    throw new Error(`table row for ${role} has ${marks.length} columns, not ${COLUMNS.length}`);
  return COLUMNS.map((perm, i) => [role, perm, marks[i] === 'Y'] as const);
});

describe('R1.0 role × permission table', () => {
  it('covers every role and every permission', () => {
    expect(TABLE.map(([r]) => r).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect([...COLUMNS].sort()).toEqual(Object.values(Permission).sort());
  });

  it.each(cells)('%s → %s: %s', (role, perm, expected) => {
    expect(can([role], perm)).toBe(expected);
    expect(permissionsOf([role]).has(perm)).toBe(expected);
  });

  it('every granted permission is a known Permission, none listed twice', () => {
    const known = new Set<string>(Object.values(Permission));
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      for (const p of perms) expect(known.has(p), `${role}: ${p}`).toBe(true);
      expect(new Set(perms).size, role).toBe(perms.length);
    }
  });

  it('every Permission is held by at least one role (no dead permission)', () => {
    for (const p of Object.values(Permission))
      expect(
        ROLES.some((r) => can([r], p)),
        p,
      ).toBe(true);
  });
});

/*
 * The same policy seen from the workflow: what each role can do to a matter (any state, any facts).
 * Derived from MATTER_TRANSITIONS, so a new row with a permission lands in the right role's list.
 */
const WINDOW_ACTIONS: MatterAction[] = [
  'accept',
  'notAccept',
  'noLongerAccept',
  'directReply',
  'transferToCounty',
  'transferToChannel',
  'recordLegalAid',
  'startMediation',
  'recordMeeting',
  'notifyAcceptance',
  'proposeAssignment',
  'reassign',
  'urge',
  'summonHandler',
  'supervise',
  'reviewCase',
  'requestReview',
  'recordReviewResult',
  'requestReReview',
  'recordReReviewResult',
  'rate',
];
const LEADERSHIP_ACTIONS: MatterAction[] = [
  'approveAssignment',
  'refuseAssignment',
  'approveExtension',
  'refuseExtension',
  'signOff',
  'deemClosed',
];
const ROLE_ACTIONS: Record<Role, MatterAction[]> = {
  registrar: [],
  receptionist: WINDOW_ACTIONS,
  groupLead: WINDOW_ACTIONS,
  office: [
    'urge',
    'summonHandler',
    'requestReview',
    'recordReviewResult',
    'requestReReview',
    'recordReReviewResult',
    'rate',
  ],
  deputyDirector: LEADERSHIP_ACTIONS,
  director: LEADERSHIP_ACTIONS,
  // R1.8: a county unit's handler also records the receipt and the answer of a matter transferred to it.
  unitHandler: ['signFor', 'object', 'requestExtension', 'fileSpecialReport', 'issueOpinion', 'recordDelivery', 'countyReceive', 'countyAnswer'],
  unitHead: ['signFor', 'object', 'unitSignOff'],
  accountabilityOfficer: [],
  guide: [],
  security: [],
  admin: [],
};

describe('R1.0 what each role can do in the matter workflow', () => {
  it.each(ROLES.map((r) => [r] as const))('%s', (role) => {
    const actions = new Set(MATTER_TRANSITIONS.filter((t) => can([role], t.permission)).map((t) => t.action));
    expect([...actions].sort()).toEqual([...ROLE_ACTIONS[role]].sort());
  });

  it('every workflow action belongs to some role', () => {
    const all = new Set(Object.values(ROLE_ACTIONS).flat());
    for (const t of MATTER_TRANSITIONS) expect(all, t.action).toContain(t.action);
  });
});

describe('R1.0 the rules the table spells out', () => {
  it('R1.1 the registrar registers and sees the ID it types, serves the desk\'s queue, nothing else', () => {
    expect([...permissionsOf(['registrar'])].sort()).toEqual(
      [P.piiReveal, P.visitorRegister, P.queueServe, P.queueIssue, P.entryRecord, P.disorderRecord].sort(),
    );
  });

  it('R1.5 / R1.6 a receptionist does the window’s work on its own window, but reads no other window', () => {
    for (const p of [
      P.matterReadOwnWindow,
      P.matterDecide,
      P.matterReply,
      P.matterMediate,
      P.assignmentPropose,
      P.caseReview,
    ])
      expect(can(['receptionist'], p), p).toBe(true);
    expect(can(['receptionist'], P.matterReadAll)).toBe(false);
  });

  it('R1.16 / R1.19 / R1.21 a receptionist neither approves an assignment, decides an extension nor closes', () => {
    for (const p of [P.assignmentApprove, P.extensionDecide, P.caseClose, P.accountabilityApprove])
      expect(can(['receptionist'], p), p).toBe(false);
  });

  it('R1.14 / R1.20 a group lead does the window’s work and reads the whole hall (leads a group of windows)', () => {
    for (const p of ROLE_PERMISSIONS.receptionist) expect(can(['groupLead'], p), p).toBe(true);
    expect(can(['groupLead'], P.matterReadAll)).toBe(true);
    for (const p of [P.assignmentApprove, P.extensionDecide, P.caseClose]) expect(can(['groupLead'], p), p).toBe(false);
  });

  it.each([['director'], ['deputyDirector']] as const)(
    'R1.16 / R1.19 / R1.21 / R1.23 %s approves assignment, decides extensions, closes, approves inquiries',
    (role) => {
      for (const p of [P.assignmentApprove, P.extensionDecide, P.caseClose, P.accountabilityApprove, P.matterReadAll])
        expect(can([role], p), p).toBe(true);
    },
  );

  it.each([['director'], ['deputyDirector']] as const)(
    '%s neither registers nor decides at the window nor acts as a unit',
    (role) => {
      for (const p of [
        P.visitorRegister,
        P.matterDecide,
        P.assignmentRespond,
        P.unitHandle,
        P.opinionIssue,
        P.opinionSignOff,
        P.orgManage,
      ])
        expect(can([role], p), p).toBe(false);
    },
  );

  it('the director and the deputy directors hold the same permissions', () => {
    expect(permissionsOf(['director'])).toEqual(permissionsOf(['deputyDirector']));
  });

  it('R1.18–R1.21 a unit handler responds, handles and issues the opinion, for its own unit only', () => {
    for (const p of [P.matterReadOwnUnit, P.assignmentRespond, P.unitHandle, P.opinionIssue])
      expect(can(['unitHandler'], p), p).toBe(true);
    for (const p of [P.matterReadAll, P.matterReadOwnWindow, P.opinionSignOff, P.extensionDecide, P.caseClose])
      expect(can(['unitHandler'], p), p).toBe(false);
  });

  it('R1.21 only the unit head signs and seals the opinion', () => {
    expect(ROLES.filter((r) => can([r], P.opinionSignOff))).toEqual(['unitHead']);
    expect(can(['unitHead'], P.matterReadAll)).toBe(false);
  });

  it('R1.24 / R1.25 only the accountability officer carries out inquiries; approving them is the leadership’s', () => {
    expect(ROLES.filter((r) => can([r], P.accountabilityHandle))).toEqual(['accountabilityOfficer']);
    expect(ROLES.filter((r) => can([r], P.accountabilityApprove)).sort()).toEqual(['deputyDirector', 'director']);
  });

  it.each([['office'], ['director'], ['deputyDirector'], ['groupLead'], ['accountabilityOfficer']] as const)(
    'R1.4 %s reads every matter of the hall',
    (role) => {
      expect(can([role], P.matterReadAll)).toBe(true);
    },
  );

  it('admin manages the organisation and reads the audit trail, but does no case work and sees no personal data', () => {
    expect([...permissionsOf(['admin'])].sort()).toEqual([P.auditRead, P.orgManage, P.queueManage, P.queueStats].sort());
    expect(MATTER_TRANSITIONS.filter((t) => can(['admin'], t.permission))).toEqual([]);
  });

  it('only the admin manages the organisation', () => {
    expect(ROLES.filter((r) => can([r], P.orgManage))).toEqual(['admin']);
  });

  it('personal data is shown to the registrar, the windows, the office and the leadership only', () => {
    expect(ROLES.filter((r) => can([r], P.piiReveal)).sort()).toEqual(
      ['registrar', 'receptionist', 'groupLead', 'office', 'deputyDirector', 'director'].sort(),
    );
  });
});

describe('permissionsOf / can with several roles', () => {
  it('permissionsOf unions the roles', () => {
    expect(permissionsOf(['registrar', 'receptionist'])).toEqual(
      new Set([...ROLE_PERMISSIONS.registrar, ...ROLE_PERMISSIONS.receptionist]),
    );
  });

  it('permissionsOf of every role is every permission', () => {
    expect(permissionsOf(ROLES)).toEqual(new Set(Object.values(Permission)));
  });

  it('permissionsOf of no roles is empty; repeating a role changes nothing', () => {
    expect(permissionsOf([]).size).toBe(0);
    expect(permissionsOf(['office', 'office'])).toEqual(permissionsOf(['office']));
  });

  it('can is true when any of the roles holds the permission', () => {
    expect(can(['admin', 'receptionist'], P.matterDecide)).toBe(true);
    expect(can(['admin', 'registrar'], P.matterDecide)).toBe(false);
    expect(can([], P.auditRead)).toBe(false);
  });

  it('an unknown role (e.g. stale data from the database) grants nothing and does not throw', () => {
    const ghost = 'ghost' as Role;
    expect(permissionsOf([ghost]).size).toBe(0);
    expect(can([ghost], P.auditRead)).toBe(false);
    expect(permissionsOf([ghost, 'admin'])).toEqual(new Set(ROLE_PERMISSIONS.admin));
  });

  it('permissionsOf agrees with can for every combination of two roles', () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const set = permissionsOf([a, b]);
        for (const p of Object.values(Permission)) expect(set.has(p), `${a}+${b} ${p}`).toBe(can([a, b], p));
      }
    }
  });
});
