import { describe, it, expect } from 'vitest';
import { Permission, ROLES, ROLE_PERMISSIONS, Role, can, permissionsOf } from './roles.ts';

const P = Permission;

/*
 * R1.0 / R1.1 / R1.4 / R1.5 / R1.6: who may do what. One row per role, one column per permission:
 * Y = must hold, . = must not hold. Changing the hall's access policy means changing this table.
 */
const COLUMNS = [
  P.visitorRegister,
  P.matterReadOwnWindow,
  P.matterReadAll,
  P.matterDecide,
  P.matterReply,
  P.piiReveal,
  P.orgManage,
  P.auditRead,
] as const;

// prettier-ignore
const TABLE: readonly (readonly [Role, string])[] = [
  //                 register  ownWindow  readAll  decide  reply  pii  org  audit
  ['registrar',      'Y         .          .        .       .      Y    .    .'],
  ['receptionist',   '.         Y          .        Y       Y      Y    .    .'],
  ['office',         'Y         .          Y        .       .      Y    .    Y'],
  ['deputyDirector', '.         .          Y        .       .      Y    .    Y'],
  ['director',       '.         .          Y        .       .      Y    .    Y'],
  ['admin',          '.         .          .        .       .      .    Y    Y'],
];

const cells = TABLE.flatMap(([role, row]) => {
  const marks = row.split(/\s+/);
  if (marks.length !== COLUMNS.length) throw new Error(`table row for ${role} has ${marks.length} columns`);
  return COLUMNS.map((perm, i) => [role, perm, marks[i] === 'Y'] as const);
});

describe('R1.0 role permission table', () => {
  it('covers every role', () => {
    expect(TABLE.map(([r]) => r).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
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
    for (const p of Object.values(Permission)) {
      expect(
        ROLES.some((r) => can([r], p)),
        p,
      ).toBe(true);
    }
  });
});

describe('R1.1 / R1.5 / R1.6 the rules the table spells out', () => {
  it('R1.1 registrar can register but cannot decide or reply', () => {
    expect(can(['registrar'], P.visitorRegister)).toBe(true);
    expect(can(['registrar'], P.matterDecide)).toBe(false);
    expect(can(['registrar'], P.matterReply)).toBe(false);
  });

  it('R1.5 / R1.6 receptionist can decide and reply and read its own window, but not read all', () => {
    expect(can(['receptionist'], P.matterDecide)).toBe(true);
    expect(can(['receptionist'], P.matterReply)).toBe(true);
    expect(can(['receptionist'], P.matterReadOwnWindow)).toBe(true);
    expect(can(['receptionist'], P.matterReadAll)).toBe(false);
  });

  it.each([['office'], ['director'], ['deputyDirector']] as const)('R1.4 %s reads every matter of the hall', (role) => {
    expect(can([role], P.matterReadAll)).toBe(true);
  });

  it('admin can manage the organisation but can neither register nor decide nor see PII', () => {
    expect(can(['admin'], P.orgManage)).toBe(true);
    expect(can(['admin'], P.visitorRegister)).toBe(false);
    expect(can(['admin'], P.matterDecide)).toBe(false);
    expect(can(['admin'], P.matterReply)).toBe(false);
    expect(can(['admin'], P.piiReveal)).toBe(false);
  });

  it('only the admin manages the organisation', () => {
    expect(ROLES.filter((r) => can([r], P.orgManage))).toEqual(['admin']);
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
