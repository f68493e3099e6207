import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_STATES,
  ACCOUNTABILITY_TRANSITIONS,
  type AccountabilityAction,
  type AccountabilityInput,
  type AccountabilityState,
  type AccountabilityTransition,
  allowedAccountabilityActions,
  checkManualProposal,
  decideAccountability,
  isAccountabilityFinal,
  lapseKey,
  overdueTriggers,
  rectificationDue,
} from './accountability.ts';
import { WorkCalendar } from './calendar.ts';
import { MESSAGES } from './messages.ts';
import { Permission, ROLES, ROLE_PERMISSIONS, type Role } from './roles.ts';

/*
 * The inquiry's transition table (R1.23–R1.25) is walked row by row, like the matter workflow's:
 * a new row is covered as soon as it is added; a new action only needs a valid input below.
 */

const TODAY = '2026-11-30';
const facts = { today: TODAY };

const VALID_INPUT: Record<AccountabilityAction, (to: AccountabilityState) => AccountabilityInput> = {
  approve: () => ({}),
  reject: () => ({ reason: '已按期办结，系统数据滞后' }),
  sendNotice: () => ({ demands: '查明超期原因，提出整改措施', rectifyDays: 15 }),
  recordRectification: (to) =>
    to === 'rectified'
      ? { quality: 'good', note: '已落实整改措施' }
      : { quality: 'poor', note: '整改报告敷衍，未查明原因' },
  approveInvestigation: () => ({}),
  concludeInvestigation: () => ({ findings: '经办人未按规定调查核实，建议通报批评' }),
};
const validInput = (t: AccountabilityTransition) => VALID_INPUT[t.action](t.to);
const rowName = (t: AccountabilityTransition) => `${t.rule} ${t.from} --${t.action}--> ${t.to}`;
const rows = ACCOUNTABILITY_TRANSITIONS.map((t) => [rowName(t), t] as const);
const mayTake = (t: AccountabilityTransition, r: Role) =>
  ROLE_PERMISSIONS[r].includes(t.permission) && (!t.roles || t.roles.includes(r));
const siblings = (t: AccountabilityTransition) =>
  ACCOUNTABILITY_TRANSITIONS.filter((x) => x.from === t.from && x.action === t.action);

describe('ACCOUNTABILITY_TRANSITIONS is well formed (R1.23–R1.25)', () => {
  it.each(rows)('%s: states, action, permission and rule id are known', (_n, t) => {
    expect(ACCOUNTABILITY_STATES).toContain(t.from);
    expect(ACCOUNTABILITY_STATES).toContain(t.to);
    expect(ACCOUNTABILITY_ACTIONS).toContain(t.action);
    expect(Object.values(Permission)).toContain(t.permission);
    expect(t.rule).toMatch(/^R1\.2[345]$/);
  });

  it.each(rows)('%s: some role may take it', (_n, t) => {
    expect(ROLES.some((r) => mayTake(t, r))).toBe(true);
  });

  it.each(rows)('%s: the valid input passes its check', (_n, t) => {
    expect(t.accepts?.(validInput(t), facts)).toBeUndefined();
  });

  it.each(ACCOUNTABILITY_ACTIONS.map((a) => [a]))('action %s has a row', (a) => {
    expect(ACCOUNTABILITY_TRANSITIONS.some((t) => t.action === a)).toBe(true);
  });

  it('every state is reachable from proposed, and the ends are rejected, rectified and concluded', () => {
    const seen = new Set<AccountabilityState>(['proposed']);
    const queue: AccountabilityState[] = ['proposed'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const t of ACCOUNTABILITY_TRANSITIONS) {
        if (t.from === s && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ACCOUNTABILITY_STATES].sort());
    expect(ACCOUNTABILITY_STATES.filter(isAccountabilityFinal).sort()).toEqual(['concluded', 'rectified', 'rejected']);
  });

  it('every code a row can produce is in the message catalogue, in both languages', () => {
    const codes = new Set<string>(['accountability.actionNotAllowedInState', 'accountability.directorOnly']);
    const inputs: AccountabilityInput[] = [
      {},
      { reason: ' ' },
      { demands: 'x' },
      { demands: 'x', rectifyDays: 0 },
      { demands: 'x', rectifyDays: 5, rectifyDue: '2026-12-30' },
      { demands: 'x', rectifyDue: TODAY },
      { quality: 'good' },
      { quality: 'poor', note: 'x' },
      { quality: 'good', note: 'x' },
      { findings: '' },
    ];
    for (const t of ACCOUNTABILITY_TRANSITIONS)
      for (const i of inputs) {
        const f = t.accepts?.(i, facts);
        if (f) codes.add(f.code);
      }
    for (const trigger of ['overdue', 'wrongHandling', 'x'])
      for (const reason of ['', '理由'])
        for (const hasAssignedUnit of [true, false]) {
          const f = checkManualProposal({ trigger, reason, hasAssignedUnit });
          if (f) codes.add(f.code);
        }
    for (const c of codes) {
      expect(MESSAGES[c]?.['zh-CN'], c).toBeTruthy();
      expect(MESSAGES[c]?.en, c).toBeTruthy();
    }
  });
});

describe('decideAccountability: each row, by the roles that hold it and by those that do not', () => {
  it.each(rows)('%s: allowed with its permission and a valid input', (_n, t) => {
    for (const r of ROLES.filter((x) => mayTake(t, x))) {
      const d = decideAccountability(t.from, t.action, [r], validInput(t), facts);
      expect(d).toMatchObject({ ok: true, transition: { to: t.to } });
      expect(allowedAccountabilityActions(t.from, [r])).toContain(t.action);
    }
  });

  it.each(rows)('%s: forbidden to every other role', (_n, t) => {
    for (const r of ROLES.filter((x) => !siblings(t).some((s) => mayTake(s, x)))) {
      const d = decideAccountability(t.from, t.action, [r], validInput(t), facts);
      expect(d.ok).toBe(false);
      expect(d).toMatchObject({ kind: 'forbidden' });
      expect(allowedAccountabilityActions(t.from, [r])).not.toContain(t.action);
    }
  });

  it.each(ACCOUNTABILITY_STATES.map((s) => [s]))('from %s, an action without a row is a conflict', (s) => {
    for (const a of ACCOUNTABILITY_ACTIONS.filter(
      (a) => !ACCOUNTABILITY_TRANSITIONS.some((t) => t.from === s && t.action === a),
    )) {
      expect(decideAccountability(s, a, [...ROLES], {}, facts)).toMatchObject({
        ok: false,
        kind: 'conflict',
        code: 'accountability.actionNotAllowedInState',
      });
    }
  });

  it('R1.23: the director or a deputy approves a proposal; a window cannot', () => {
    expect(allowedAccountabilityActions('proposed', ['director'])).toEqual(['approve', 'reject']);
    expect(allowedAccountabilityActions('proposed', ['deputyDirector'])).toEqual(['approve', 'reject']);
    expect(allowedAccountabilityActions('proposed', ['receptionist'])).toEqual([]);
    expect(decideAccountability('proposed', 'reject', ['director'], { reason: ' ' }, facts)).toMatchObject({
      ok: false,
      kind: 'invalid',
      code: 'accountability.reasonRequired',
      field: 'reason',
    });
  });

  it('R1.24: only the director approves the investigation; the deputy is told so', () => {
    expect(decideAccountability('rectificationPoor', 'approveInvestigation', ['director'], {}, facts).ok).toBe(true);
    expect(
      decideAccountability('rectificationPoor', 'approveInvestigation', ['deputyDirector'], {}, facts),
    ).toMatchObject({
      ok: false,
      kind: 'forbidden',
      code: 'accountability.directorOnly',
    });
    expect(
      decideAccountability('rectificationPoor', 'approveInvestigation', ['accountabilityOfficer'], {}, facts),
    ).toMatchObject({
      kind: 'forbidden',
      code: 'auth.forbidden',
    });
    expect(allowedAccountabilityActions('rectificationPoor', ['deputyDirector'])).toEqual([]);
  });

  it('R1.24: the notice needs demands and one rectification period: 1–90 days, or a day after today', () => {
    const d = (i: AccountabilityInput) =>
      decideAccountability('approved', 'sendNotice', ['accountabilityOfficer'], i, facts);
    expect(d({ rectifyDays: 10 })).toMatchObject({ code: 'accountability.demandsRequired', field: 'demands' });
    expect(d({ demands: 'x' })).toMatchObject({ code: 'accountability.rectifyDueRequired', field: 'rectifyDays' });
    expect(d({ demands: 'x', rectifyDays: 0 })).toMatchObject({ code: 'accountability.rectifyDaysInvalid' });
    expect(d({ demands: 'x', rectifyDays: 91 })).toMatchObject({ code: 'accountability.rectifyDaysInvalid' });
    expect(d({ demands: 'x', rectifyDays: 2.5 })).toMatchObject({ code: 'accountability.rectifyDaysInvalid' });
    expect(d({ demands: 'x', rectifyDays: 90 }).ok).toBe(true);
    expect(d({ demands: 'x', rectifyDue: TODAY })).toMatchObject({
      code: 'accountability.rectifyDueNotAfterToday',
      field: 'rectifyDue',
    });
    expect(d({ demands: 'x', rectifyDue: '2026-02-30' })).toMatchObject({ code: 'validation.invalidFormat' });
    expect(d({ demands: 'x', rectifyDue: '2026-12-01' }).ok).toBe(true);
    expect(d({ demands: 'x', rectifyDays: 5, rectifyDue: '2026-12-10' })).toMatchObject({
      code: 'accountability.rectifyDaysOrDue',
    });
  });

  it('R1.24: the rectification is good (the inquiry ends) or poor (towards an investigation), always with a note', () => {
    const d = (i: AccountabilityInput) =>
      decideAccountability('noticeSent', 'recordRectification', ['accountabilityOfficer'], i, facts);
    expect(d({ quality: 'good', note: '已整改' })).toMatchObject({ ok: true, transition: { to: 'rectified' } });
    expect(d({ quality: 'poor', note: '未整改' })).toMatchObject({ ok: true, transition: { to: 'rectificationPoor' } });
    expect(d({ note: 'x' })).toMatchObject({ code: 'accountability.qualityRequired', field: 'quality' });
    expect(d({ quality: 'poor' })).toMatchObject({ code: 'accountability.rectificationNoteRequired', field: 'note' });
    expect(
      decideAccountability('investigationApproved', 'concludeInvestigation', ['accountabilityOfficer'], {}, facts),
    ).toMatchObject({
      code: 'accountability.findingsRequired',
    });
  });

  it('R1.23: a staff proposal needs one of the two manual triggers, a reason and a case given to a unit', () => {
    expect(
      checkManualProposal({ trigger: 'wrongHandling', reason: '未调查核实', hasAssignedUnit: true }),
    ).toBeUndefined();
    expect(checkManualProposal({ trigger: 'dereliction', reason: '失职', hasAssignedUnit: true })).toBeUndefined();
    expect(checkManualProposal({ trigger: 'overdue', reason: 'x', hasAssignedUnit: true })).toMatchObject({
      code: 'accountability.manualTriggerOnly',
    });
    expect(checkManualProposal({ trigger: 'dereliction', reason: ' ', hasAssignedUnit: true })).toMatchObject({
      field: 'reason',
    });
    expect(checkManualProposal({ trigger: 'dereliction', reason: 'x', hasAssignedUnit: false })).toMatchObject({
      code: 'accountability.notAssigned',
    });
  });
});

describe('rectificationDue (R1.24)', () => {
  const calendar = new WorkCalendar();
  it('counts calendar days from the day after today and moves off a day off', () => {
    // 2026-11-30 + 15 = 2026-12-15 (Tuesday): kept.
    expect(rectificationDue({ rectifyDays: 15 }, TODAY, calendar)).toMatchObject({ due: '2026-12-15' });
    // 2026-09-20 + 10 = 09-30 (working day before National Day); + 11 = 10-01 (holiday) → 10-08.
    expect(rectificationDue({ rectifyDays: 11 }, '2026-09-20', calendar).due).toBe('2026-10-08');
    expect(rectificationDue({ rectifyDays: 11 }, '2026-09-20', calendar).computation['zh-CN']).toContain(
      '顺延至 2026-10-08',
    );
  });
  it('keeps a day the office set', () => {
    expect(rectificationDue({ rectifyDue: '2026-12-20' }, TODAY, calendar).due).toBe('2026-12-20');
  });
});

describe('overdueTriggers: the sweep rule (R1.23)', () => {
  const handle = (over: Partial<{ id: number; matterId: number; kind: string; status: string; due: string }> = {}) => ({
    id: 1,
    matterId: 10,
    kind: 'handle',
    status: 'active',
    due: '2026-11-20',
    ...over,
  });

  it('the due day itself is in time; the next day it is overdue without an extension', () => {
    expect(overdueTriggers({ deadlines: [handle({ due: TODAY })], extensions: [], today: TODAY })).toEqual([]);
    expect(overdueTriggers({ deadlines: [handle({ due: '2026-11-29' })], extensions: [], today: TODAY })).toEqual([
      {
        deadlineId: 1,
        matterId: 10,
        trigger: 'overdueNoExtension',
        due: '2026-11-29',
        daysOverdue: 1,
        sourceKey: 'overdue:1:2026-11-29',
      },
    ]);
  });

  it('past an extended deadline (an extension was asked and approved): overdue', () => {
    const [f] = overdueTriggers({
      deadlines: [handle({ due: '2026-11-25' })],
      extensions: [{ deadlineId: 1, status: 'approved', requestedOn: '2026-10-20' }],
      today: TODAY,
    });
    expect(f).toMatchObject({ trigger: 'overdue', daysOverdue: 5 });
  });

  it('asked in time but refused, and late: overdue', () => {
    const [f] = overdueTriggers({
      deadlines: [handle()],
      extensions: [{ deadlineId: 1, status: 'refused', requestedOn: '2026-11-18' }],
      today: TODAY,
    });
    expect(f.trigger).toBe('overdue');
  });

  it('a request waiting for the director: not reported until decided', () => {
    expect(
      overdueTriggers({
        deadlines: [handle()],
        extensions: [{ deadlineId: 1, status: 'pending', requestedOn: '2026-11-19' }],
        today: TODAY,
      }),
    ).toEqual([]);
  });

  it('a request asked only after the lapse does not count as asking', () => {
    const [f] = overdueTriggers({
      deadlines: [handle()],
      extensions: [{ deadlineId: 1, status: 'pending', requestedOn: '2026-11-25' }],
      today: TODAY,
    });
    expect(f.trigger).toBe('overdueNoExtension');
  });

  it("another deadline's extensions do not count", () => {
    const [f] = overdueTriggers({
      deadlines: [handle()],
      extensions: [{ deadlineId: 2, status: 'approved', requestedOn: '2026-11-01' }],
      today: TODAY,
    });
    expect(f.trigger).toBe('overdueNoExtension');
  });

  it('met, cancelled and other kinds of deadline are not swept', () => {
    expect(
      overdueTriggers({
        deadlines: [
          handle({ status: 'met' }),
          handle({ id: 2, status: 'cancelled' }),
          handle({ id: 3, kind: 'dispose' }),
          handle({ id: 4, kind: 'reviewRequest' }),
        ],
        extensions: [],
        today: TODAY,
      }),
    ).toEqual([]);
  });

  it('one lapse, one key: the same deadline and due day give the same key on every sweep, whatever the trigger', () => {
    const before = overdueTriggers({ deadlines: [handle()], extensions: [], today: '2026-11-21' })[0];
    const later = overdueTriggers({
      deadlines: [handle()],
      extensions: [{ deadlineId: 1, status: 'refused', requestedOn: '2026-11-20' }],
      today: '2026-12-05',
    })[0];
    expect(before.trigger).not.toBe(later.trigger);
    expect(before.sourceKey).toBe(later.sourceKey);
    expect(lapseKey(1, '2026-11-20')).toBe(before.sourceKey);
    // A new due day (an extension approved after the lapse) is a new lapse if missed again.
    expect(
      overdueTriggers({ deadlines: [handle({ due: '2026-11-28' })], extensions: [], today: TODAY })[0].sourceKey,
    ).not.toBe(before.sourceKey);
  });
});
