import { describe, it, expect } from 'vitest';
import { Permission, ROLES, ROLE_PERMISSIONS, type Role } from './roles.ts';
import {
  MATTER_ACTIONS,
  MATTER_STATES,
  MATTER_TRANSITIONS,
  allowedActions,
  decideTransition,
  isFinal,
  type ActionInput,
  type MatterAction,
  type MatterState,
  type Transition,
} from './workflow.ts';

/*
 * The workflow table is the single source of truth for what may happen to a matter (R1.5, R1.5b,
 * R1.6). These tests walk the table itself, so a new row is covered as soon as it is added: the
 * only thing a new *action* needs is a valid input below (the Record type makes tsc demand it).
 */

const REPLY = '经核实，您反映的问题属于咨询类，政策规定明确，现当场答复如下。';

/** An input that satisfies the guard of the row with this action and destination. */
const VALID_INPUT: Record<MatterAction, (to: MatterState) => ActionInput> = {
  accept: () => ({ reason: '' }),
  notAccept: () => ({ reason: '属于劳动仲裁范围', channel: '劳动人事争议仲裁委员会' }),
  noLongerAccept: () => ({ reason: '已三级终结' }),
  directReply: (to) =>
    to === 'closed'
      ? { reply: REPLY, agrees: true, ceases: true, signedName: '张三' }
      : { reply: REPLY, agrees: false, ceases: false },
};

const validInput = (t: Transition): ActionInput => VALID_INPUT[t.action](t.to);

const holders = (p: Permission): Role[] => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));

/** Rows that compete for the same (from, action): decideTransition chooses between them. */
const siblings = (t: Transition) => MATTER_TRANSITIONS.filter((x) => x.from === t.from && x.action === t.action);

/** Roles that hold no permission of any row for (from, action): they must get 'forbidden'. */
const lackers = (t: Transition): Role[] =>
  ROLES.filter((r) => !siblings(t).some((x) => ROLE_PERMISSIONS[r].includes(x.permission)));

const rowName = (t: Transition) => `${t.rule} ${t.from} --${t.action}--> ${t.to}`;

describe('MATTER_TRANSITIONS table is well formed', () => {
  it.each(MATTER_TRANSITIONS.map((t) => [rowName(t), t] as const))(
    '%s: states, permission and rule id are known',
    (_n, t) => {
      expect(MATTER_STATES).toContain(t.from);
      expect(MATTER_STATES).toContain(t.to);
      expect(MATTER_ACTIONS).toContain(t.action);
      expect(Object.values(Permission)).toContain(t.permission);
      expect(t.rule).toMatch(/^R\d+\.\d+[a-z]?$/);
    },
  );

  it.each(MATTER_TRANSITIONS.map((t) => [rowName(t), t] as const))('%s: some role holds its permission', (_n, t) => {
    expect(holders(t.permission).length).toBeGreaterThan(0);
  });

  it.each(MATTER_TRANSITIONS.map((t) => [rowName(t), t] as const))(
    '%s: the valid input used by these tests passes the row guard',
    (_n, t) => {
      expect(t.accepts?.(validInput(t))).toBeUndefined();
    },
  );

  it.each(MATTER_ACTIONS.map((a) => [a] as const))('action %s appears in at least one row', (a) => {
    expect(MATTER_TRANSITIONS.some((t) => t.action === a)).toBe(true);
  });

  it('every state in MATTER_STATES is reachable from registered through the table (R1.1 → R1.5/R1.6)', () => {
    const seen = new Set<MatterState>(['registered']);
    const queue: MatterState[] = ['registered'];
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const t of MATTER_TRANSITIONS) {
        if (t.from === s && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...MATTER_STATES].sort());
  });
});

describe('decideTransition: every row of MATTER_TRANSITIONS', () => {
  for (const t of MATTER_TRANSITIONS) {
    describe(rowName(t), () => {
      it.each(holders(t.permission).map((r) => [r] as const))(
        `allowed for %s (holds ${t.permission}) and lands on ${t.to}`,
        (role) => {
          const d = decideTransition(t.from, t.action, [role], validInput(t));
          expect(d).toEqual({ ok: true, transition: t });
          if (d.ok) {
            expect(d.transition).toBe(t);
            expect(d.transition.to).toBe(t.to);
          }
        },
      );

      it.each(lackers(t).map((r) => [r] as const))(`refused as forbidden for %s (lacks ${t.permission})`, (role) => {
        expect(decideTransition(t.from, t.action, [role], validInput(t))).toEqual({
          ok: false,
          kind: 'forbidden',
          code: 'auth.forbidden',
        });
      });

      it('refused as forbidden with no roles at all', () => {
        expect(decideTransition(t.from, t.action, [], validInput(t))).toMatchObject({ ok: false, kind: 'forbidden' });
      });

      it('allowed when a permitted role is combined with roles that lack the permission', () => {
        const d = decideTransition(t.from, t.action, [...lackers(t), holders(t.permission)[0]], validInput(t));
        expect(d).toEqual({ ok: true, transition: t });
      });
    });
  }
});

describe('decideTransition: conflict from every state that has no row for the action', () => {
  const cases = MATTER_ACTIONS.flatMap((action) => {
    const row = MATTER_TRANSITIONS.find((t) => t.action === action)!;
    return MATTER_STATES.filter((s) => !MATTER_TRANSITIONS.some((t) => t.from === s && t.action === action)).map(
      (state) => [action, state, row] as const,
    );
  });

  it('there are such cases (the table does not allow every action everywhere)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s from %s is a conflict, even for every role with a valid input', (action, state, row) => {
    expect(decideTransition(state, action, ROLES, validInput(row))).toEqual({
      ok: false,
      kind: 'conflict',
      code: 'matter.actionNotAllowedInState',
    });
  });

  it.each(cases)('%s from %s is a conflict (not forbidden) even with no roles', (action, state, row) => {
    expect(decideTransition(state, action, [], validInput(row))).toMatchObject({ ok: false, kind: 'conflict' });
  });
});

describe('R1.5 / R1.5b decisions: guards', () => {
  const rec: Role[] = ['receptionist'];

  it('R1.5 accept needs no reason', () => {
    expect(decideTransition('registered', 'accept', rec, { reason: '' })).toMatchObject({
      ok: true,
      transition: { to: 'accepted' },
    });
  });

  it('R1.5b notAccept without channel is invalid: matter.channelRequired on field channel', () => {
    expect(decideTransition('registered', 'notAccept', rec, { reason: '属于劳动仲裁范围' })).toEqual({
      ok: false,
      kind: 'invalid',
      code: 'matter.channelRequired',
      field: 'channel',
    });
  });

  it.each([[null], [''], ['   '], ['\u3000']])('R1.5b notAccept with blank channel %j is invalid', (channel) => {
    expect(decideTransition('registered', 'notAccept', rec, { reason: '属于劳动仲裁范围', channel })).toMatchObject({
      ok: false,
      kind: 'invalid',
      code: 'matter.channelRequired',
      field: 'channel',
    });
  });

  it('R1.5b notAccept without reason is invalid: matter.reasonRequired on field reason', () => {
    expect(decideTransition('registered', 'notAccept', rec, { reason: '', channel: '劳动人事争议仲裁委员会' })).toEqual(
      { ok: false, kind: 'invalid', code: 'matter.reasonRequired', field: 'reason' },
    );
  });

  it('R1.5b notAccept with neither reason nor channel reports the reason first', () => {
    expect(decideTransition('registered', 'notAccept', rec, {})).toMatchObject({
      kind: 'invalid',
      code: 'matter.reasonRequired',
      field: 'reason',
    });
  });

  it.each([[''], ['  '], [undefined]])('R1.5b / R1.9 noLongerAccept with reason %j is invalid', (reason) => {
    expect(decideTransition('registered', 'noLongerAccept', rec, { reason })).toEqual({
      ok: false,
      kind: 'invalid',
      code: 'matter.reasonRequired',
      field: 'reason',
    });
  });

  it('R1.5b notAccept with reason and channel lands on notAccepted', () => {
    expect(
      decideTransition('registered', 'notAccept', rec, { reason: '属于诉讼范围', channel: '人民法院' }),
    ).toMatchObject({ ok: true, transition: { to: 'notAccepted', rule: 'R1.5b' } });
  });
});

describe('R1.6 direct reply: guards', () => {
  const rec: Role[] = ['receptionist'];

  it('R1.6 agrees + ceases without signature is invalid: matter.signatureRequired on field signedName', () => {
    expect(decideTransition('accepted', 'directReply', rec, { reply: REPLY, agrees: true, ceases: true })).toEqual({
      ok: false,
      kind: 'invalid',
      code: 'matter.signatureRequired',
      field: 'signedName',
    });
  });

  it.each([[null], [''], ['  ']])('R1.6 agrees + ceases with blank signature %j is invalid', (signedName) => {
    expect(
      decideTransition('accepted', 'directReply', rec, { reply: REPLY, agrees: true, ceases: true, signedName }),
    ).toMatchObject({ ok: false, kind: 'invalid', code: 'matter.signatureRequired', field: 'signedName' });
  });

  it.each([
    ['agrees and ceases', true, true],
    ['disagrees', false, false],
  ])('R1.6 blank reply is invalid (%s): matter.replyRequired on field reply', (_n, agrees, ceases) => {
    for (const reply of ['', '   ']) {
      expect(decideTransition('accepted', 'directReply', rec, { reply, agrees, ceases, signedName: '张三' })).toEqual({
        ok: false,
        kind: 'invalid',
        code: 'matter.replyRequired',
        field: 'reply',
      });
    }
  });

  it('R1.6 petitioner agrees, ceases and signs: closed', () => {
    expect(
      decideTransition('accepted', 'directReply', rec, {
        reply: REPLY,
        agrees: true,
        ceases: true,
        signedName: '张三',
      }),
    ).toMatchObject({ ok: true, transition: { to: 'closed', rule: 'R1.6' } });
  });

  it.each([
    ['disagrees, does not cease', false, false],
    ['agrees but does not cease', true, false],
    ['disagrees but says he ceases', false, true],
  ])('R1.6 petitioner %s: the matter stays accepted', (_n, agrees, ceases) => {
    const d = decideTransition('accepted', 'directReply', rec, { reply: REPLY, agrees, ceases, signedName: '张三' });
    expect(d).toMatchObject({ ok: true, transition: { from: 'accepted', to: 'accepted' } });
  });

  it('R1.6 a disagreeing petitioner need not sign', () => {
    expect(
      decideTransition('accepted', 'directReply', rec, { reply: REPLY, agrees: false, ceases: false }),
    ).toMatchObject({ ok: true, transition: { to: 'accepted' } });
  });

  it('R1.6 direct reply is not possible before the matter is accepted', () => {
    expect(
      decideTransition('registered', 'directReply', rec, {
        reply: REPLY,
        agrees: true,
        ceases: true,
        signedName: '张三',
      }),
    ).toMatchObject({ ok: false, kind: 'conflict' });
  });
});

describe('allowedActions: the buttons the UI shows', () => {
  it('R1.5 receptionist in registered: accept, notAccept, noLongerAccept', () => {
    expect([...allowedActions('registered', ['receptionist'])].sort()).toEqual(
      ['accept', 'noLongerAccept', 'notAccept'].sort(),
    );
  });

  it('R1.6 receptionist in accepted: directReply once, although two rows carry it', () => {
    expect(allowedActions('accepted', ['receptionist'])).toEqual(['directReply']);
  });

  it('registrar in registered: nothing', () => {
    expect(allowedActions('registered', ['registrar'])).toEqual([]);
  });

  it.each(MATTER_STATES.map((s) => [s] as const))('registrar in %s: nothing', (s) => {
    expect(allowedActions(s, ['registrar'])).toEqual([]);
  });

  it.each(MATTER_STATES.map((s) => [s] as const))('nobody has an action in %s when it is final', (s) => {
    if (isFinal(s)) expect(allowedActions(s, ROLES)).toEqual([]);
  });

  // allowedActions lists exactly the actions decideTransition would not refuse as conflict/forbidden.
  const combos = MATTER_STATES.flatMap((s) => ROLES.map((r) => [s, r] as const));
  it.each(combos)('in %s for %s it agrees with decideTransition', (state, role) => {
    const listed = allowedActions(state, [role]);
    for (const action of MATTER_ACTIONS) {
      const rows = MATTER_TRANSITIONS.filter((t) => t.from === state && t.action === action);
      const d = decideTransition(state, action, [role], rows.length ? validInput(rows[0]) : {});
      const reachable = d.ok || d.kind === 'invalid';
      expect(listed.includes(action), `${action}`).toBe(reachable);
    }
  });
});

describe('isFinal', () => {
  it.each([['closed'], ['notAccepted'], ['noLongerAccepted']] as const)('%s is final (R1.5b, R1.6)', (s) => {
    expect(isFinal(s)).toBe(true);
  });

  it.each([['registered'], ['accepted']] as const)('%s is not final', (s) => {
    expect(isFinal(s)).toBe(false);
  });

  it.each(MATTER_STATES.map((s) => [s] as const))('%s is final exactly when no row leaves it', (s) => {
    expect(isFinal(s)).toBe(!MATTER_TRANSITIONS.some((t) => t.from === s));
  });
});
