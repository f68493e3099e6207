import { describe, it, expect } from 'vitest';
import { Permission, ROLES, ROLE_PERMISSIONS, can, type Role } from './roles.ts';
import {
  CLOSED_STATES,
  COUNTY_STEPS,
  MATTER_ACTIONS,
  MATTER_STATES,
  MATTER_TRANSITIONS,
  MEDIATION_LEVELS,
  NO_FACTS,
  REVIEW_CRITERIA,
  allowedActions,
  decideTransition,
  isFinal,
  type ActionInput,
  type MatterAction,
  type MatterFacts,
  type MatterState,
  type Transition,
} from './workflow.ts';
import { renderWorkflowDoc } from './workflow-doc.ts';

/*
 * The workflow table is the single source of truth for what may happen to a matter (R1.5–R1.22a,
 * 复查/复核, satisfaction). These tests walk the table itself, so a new row is covered as soon as it
 * is added. A new *action* needs a fixture below (the Record type makes tsc demand it); a new fact
 * needs its values in FACT_VALUES (same). Named rules for guards and inputs: workflow-guards.test.ts.
 */

// ---- facts -------------------------------------------------------------------------------------

const TODAY = '2026-06-01';
const TOMORROW = '2026-06-02';
const WUZHONG = 12; // 吴中区人民政府, a county unit of the fixtures' locality (R1.8)
/**
 * The matter on a given day: today, its county's units and the due days of its review windows.
 * No guard reads them (the input checks do): one value each, so the grid does not grow. The
 * fixtures' dates are on or before these.
 */
const ON_THE_DAY = {
  today: TODAY,
  countyUnitIds: [WUZHONG],
  reviewRequestDue: '2026-06-01',
  reReviewRequestDue: '2026-06-30',
} satisfies Partial<MatterFacts>;

/** Every value each fact can take (the dated ones: the day above): the grid below is their full product. */
const FACT_VALUES: { [K in keyof MatterFacts]-?: readonly MatterFacts[K][] } = {
  noLongerMediable: [false, true],
  sameMatterClosedForGood: [false, true],
  localityIsCounty: [false, true],
  mediationLevel: [null, ...MEDIATION_LEVELS],
  objectionOpen: [false, true],
  extensionPending: [false, true],
  leaderDay: [false, true],
  specialReportFiled: [false, true],
  petitionerView: [null, 'agree', 'disagree', 'none'],
  hasOpinion: [false, true],
  reviewWindowOpen: [false, true],
  reReviewWindowOpen: [false, true],
  ratingOpen: [false, true],
  today: [ON_THE_DAY.today],
  countyUnitIds: [ON_THE_DAY.countyUnitIds],
  countyStep: [null, ...COUNTY_STEPS],
  reviewRequestDue: [ON_THE_DAY.reviewRequestDue],
  reReviewRequestDue: [ON_THE_DAY.reReviewRequestDue],
};
const FACT_KEYS = Object.keys(FACT_VALUES) as (keyof MatterFacts)[];
const FACT_GRID: readonly MatterFacts[] = FACT_KEYS.reduce<MatterFacts[]>(
  (acc, k) => acc.flatMap((f) => FACT_VALUES[k].map((v) => ({ ...f, [k]: v }))),
  [{ ...NO_FACTS }],
);
/** NO_FACTS on the day above: what the input checks need to accept a valid input. */
const ON_DAY: MatterFacts = { ...NO_FACTS, ...ON_THE_DAY };
/** Every fact at its "most permissive" value. */
const ALL_TRUE: MatterFacts = {
  ...ON_DAY,
  ...Object.fromEntries(FACT_KEYS.filter((k) => typeof NO_FACTS[k] === 'boolean').map((k) => [k, true])),
  mediationLevel: 'jointConference',
  petitionerView: 'agree',
};

// ---- fixtures: a valid input and open facts for every action ------------------------------------

const REPLY = '经核实，您反映的问题属于咨询类，政策规定明确，现当场答复如下。';
const HRSS = 3; // 市人力资源和社会保障局
const HOUSING = 5; // 住建局
const ALL_PASS = Object.fromEntries(REVIEW_CRITERIA.map((k) => [k, { pass: true, note: '' }]));
const ONE_FAIL = { ...ALL_PASS, evidenceConclusive: { pass: false, note: '缺少工资发放记录，需补充调查' } };

interface Fixture {
  /** An input the row's `accepts` takes; rows of the same (from, action) are told apart by `to`. */
  input: (t: Transition, facts: MatterFacts) => ActionInput;
  /** Facts under which the row's guard is open (on top of ON_DAY). */
  facts?: Partial<MatterFacts>;
}

const FIXTURES: Record<MatterAction, Fixture> = {
  // R1.9: the same matter closed for good before is accepted as a new matter, with the reason why.
  accept: { input: (_t, f) => ({ reason: '', newMatterReason: f.sameMatterClosedForGood ? '提出了新的事实和理由' : '' }) },
  notAccept: { input: () => ({ reason: '属于劳动仲裁范围', channel: '劳动人事争议仲裁委员会' }) },
  noLongerAccept: { input: () => ({ reason: '已三级终结' }) },
  directReply: {
    input: (t) =>
      t.to === 'closed'
        ? { reply: REPLY, agrees: true, ceases: true, signedName: '张三' }
        : { reply: REPLY, agrees: false, ceases: false, signedName: null },
  },
  transferToCounty: { input: () => ({ unitId: WUZHONG, note: '' }), facts: { localityIsCounty: true } },
  transferToChannel: { input: () => ({ channel: 'arbitration', windowId: 4, consent: true, note: '' }) },
  recordLegalAid: { input: () => ({ qualifies: true, note: '符合法律援助条件，已协助申请' }) },
  // R1.8: the county records its receipt, then its answer to the petitioner.
  countyReceive: { input: () => ({ note: '已签收' }), facts: { countyStep: 'sent' } },
  countyAnswer: { input: () => ({ answer: '已约谈信访人并当面答复', answeredOn: TODAY }), facts: { countyStep: 'received' } },
  startMediation: { input: () => ({ note: '' }), facts: { noLongerMediable: false } },
  recordMeeting: {
    // R1.14: the meeting repeats the level reached so far (or is the first, a group meeting).
    input: (t, f) => ({
      level: f.mediationLevel ?? 'group',
      heldOn: '2026-03-02',
      chair: '王组长',
      participants: '信访人、人社局窗口、住建局窗口',
      outcome: t.to === 'mediating' ? 'noAgreement' : 'agreement',
      summary: '双方就欠薪数额达成一致',
      unitId: t.to === 'mediating' ? null : HRSS,
      promisedDate: null,
    }),
  },
  notifyAcceptance: { input: () => ({ note: '' }) },
  proposeAssignment: { input: () => ({ unitId: HRSS, origin: 'window', limitDays: null, note: '' }) },
  approveAssignment: { input: () => ({ note: '' }) },
  refuseAssignment: { input: () => ({ reason: '应先行调解' }) },
  signFor: { input: () => ({ note: '' }) },
  object: { input: () => ({ reason: '不属本单位职责' }), facts: { objectionOpen: true } },
  reassign: { input: () => ({ unitId: HOUSING, note: '' }) },
  urge: { input: () => ({ reason: '信访人再次来访询问进度' }) },
  summonHandler: { input: () => ({ summonedFor: '2026-03-05 09:00', note: '' }) },
  supervise: { input: () => ({ kind: 'weekly', demand: '本周内答复信访人', progress: '已约谈用人单位' }) },
  requestExtension: { input: () => ({ days: 30, reason: '需补充调查' }), facts: { extensionPending: false } },
  approveExtension: { input: () => ({ note: '', petitionerToldOn: null }), facts: { extensionPending: true } },
  refuseExtension: { input: () => ({ reason: '期限内可以办结' }), facts: { extensionPending: true } },
  fileSpecialReport: { input: () => ({ report: '领导接待日案件专案汇报' }), facts: { leaderDay: true } },
  issueOpinion: {
    input: () => ({
      outcome: 'support',
      facts: '查明欠薪属实',
      reasons: '用人单位应依法支付',
      basis: '《劳动合同法》第三十条',
    }),
  },
  recordDelivery: {
    input: () => ({ way: 'inPerson', deliveredOn: '2026-04-01', signed: true, view: 'agree', note: '' }),
  },
  unitSignOff: { input: () => ({ headName: '李局长', sealed: true }) },
  reviewCase: { input: (t) => ({ criteria: t.to === 'awaitingSignOff' ? ALL_PASS : ONE_FAIL }) },
  signOff: { input: () => ({ note: '' }), facts: { petitionerView: 'agree' } },
  deemClosed: { input: () => ({ reason: '无合理诉求，反复缠访' }), facts: { petitionerView: 'disagree' } },
  requestReview: {
    input: () => ({ organ: '市人民政府', requestedOn: '2026-05-01' }),
    facts: { hasOpinion: true, reviewWindowOpen: true },
  },
  recordReviewResult: { input: () => ({ result: '维持原处理意见' }) },
  requestReReview: {
    input: () => ({ organ: '省信访局', requestedOn: '2026-06-01' }),
    facts: { reReviewWindowOpen: true },
  },
  recordReReviewResult: { input: () => ({ result: '维持复查意见' }) },
  rate: { input: () => ({ unitRating: 'satisfied', officeRating: 'basicallySatisfied' }), facts: { ratingOpen: true } },
};

const openFacts = (t: Transition): MatterFacts => ({ ...ON_DAY, ...FIXTURES[t.action].facts });
const validInput = (t: Transition, facts: MatterFacts = openFacts(t)): ActionInput =>
  FIXTURES[t.action].input(t, facts);

// ---- helpers -----------------------------------------------------------------------------------

const holders = (p: Permission): Role[] => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));
const lackers = (p: Permission): Role[] => ROLES.filter((r) => !ROLE_PERMISSIONS[r].includes(p));
/** Rows that compete for the same (from, action): decideTransition chooses between them by input. */
const siblings = (t: Transition) => MATTER_TRANSITIONS.filter((x) => x.from === t.from && x.action === t.action);
const rowsOf = (state: MatterState, action: MatterAction) =>
  MATTER_TRANSITIONS.filter((t) => t.from === state && t.action === action);
const rowName = (t: Transition) => `${t.rule}: ${t.from} --${t.action}--> ${t.to}`;
const ROWS = MATTER_TRANSITIONS.map((t) => [rowName(t), t] as const);
const isOpen = (t: Transition, f: MatterFacts) => t.guard?.(f) === undefined;

// ---- the table itself --------------------------------------------------------------------------

describe('MATTER_TRANSITIONS is well formed', () => {
  const RULE_PART = /^(R\d+\.\d+[a-z]?|复查|复核|satisfaction)$/;

  it.each(ROWS)('%s: states, action and permission are known; the rule cites rule ids', (_n, t) => {
    expect(MATTER_STATES).toContain(t.from);
    expect(MATTER_STATES).toContain(t.to);
    expect(MATTER_ACTIONS).toContain(t.action);
    expect(Object.values(Permission)).toContain(t.permission);
    for (const part of t.rule.split(/,\s*/)) expect(part).toMatch(RULE_PART);
  });

  it.each(ROWS)('%s: some role holds its permission', (_n, t) => {
    expect(holders(t.permission).length).toBeGreaterThan(0);
  });

  it.each(ROWS)('%s: rows of the same from+action share the permission and differ in destination', (_n, t) => {
    for (const s of siblings(t)) {
      expect(s.permission).toBe(t.permission);
      if (s !== t) expect(s.to).not.toBe(t.to);
    }
  });

  it.each(ROWS)('%s: the fixture opens the guard, and its input is accepted by this row and no sibling', (_n, t) => {
    const f = openFacts(t);
    expect(t.guard?.(f)).toBeUndefined();
    expect(t.accepts?.(validInput(t), f)).toBeUndefined();
    for (const s of siblings(t)) if (s !== t) expect(s.accepts?.(validInput(t), f), rowName(s)).toBeDefined();
  });

  it.each(MATTER_ACTIONS.map((a) => [a] as const))('action %s appears in at least one row', (a) => {
    expect(MATTER_TRANSITIONS.some((t) => t.action === a)).toBe(true);
  });

  it('the fact grid of these tests covers every MatterFacts field', () => {
    expect([...FACT_KEYS].sort()).toEqual(Object.keys(NO_FACTS).sort());
    expect(FACT_GRID.length).toBe(FACT_KEYS.reduce((n, k) => n * FACT_VALUES[k].length, 1));
  });

  it('every state in MATTER_STATES is reachable from registered through the table (R1.1 → R1.5 …)', () => {
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

  it('nothing leads back to registered (reception decides once, R1.5)', () => {
    expect(MATTER_TRANSITIONS.filter((t) => t.to === 'registered')).toEqual([]);
  });
});

// ---- every row ---------------------------------------------------------------------------------

describe('decideTransition: every row of MATTER_TRANSITIONS', () => {
  for (const t of MATTER_TRANSITIONS) {
    describe(rowName(t), () => {
      const facts = openFacts(t);
      const input = validInput(t);

      it.each(holders(t.permission).map((r) => [r] as const))(
        `allowed for %s (holds ${t.permission}), lands on ${t.to}, and the action is listed`,
        (role) => {
          const d = decideTransition(t.from, t.action, [role], input, facts);
          expect(d).toEqual({ ok: true, transition: t });
          if (d.ok) expect(d.transition.to).toBe(t.to);
          expect(allowedActions(t.from, [role], facts)).toContain(t.action);
        },
      );

      it.each(lackers(t.permission).map((r) => [r] as const))(
        `refused as forbidden for %s (lacks ${t.permission}), whatever the facts, and not listed`,
        (role) => {
          for (const f of [facts, NO_FACTS, ALL_TRUE]) {
            expect(decideTransition(t.from, t.action, [role], validInput(t, f), f)).toEqual({
              ok: false,
              kind: 'forbidden',
              code: 'auth.forbidden',
            });
            expect(allowedActions(t.from, [role], f)).not.toContain(t.action);
          }
        },
      );

      it('refused as forbidden with no roles at all', () => {
        expect(decideTransition(t.from, t.action, [], input, facts)).toEqual({
          ok: false,
          kind: 'forbidden',
          code: 'auth.forbidden',
        });
      });

      it('allowed when a permitted role is combined with every role that lacks the permission', () => {
        const d = decideTransition(
          t.from,
          t.action,
          [...lackers(t.permission), holders(t.permission)[0]],
          input,
          facts,
        );
        expect(d).toEqual({ ok: true, transition: t });
      });

      it(`over the whole fact grid (${FACT_GRID.length} sets): lands on ${t.to} when the guard is open, else conflict with the guard's code`, () => {
        const role = holders(t.permission)[0];
        let open = 0;
        for (const f of FACT_GRID) {
          const d = decideTransition(t.from, t.action, [role], validInput(t, f), f);
          const g = t.guard?.(f);
          if (g === undefined) {
            open++;
            if (!d.ok || d.transition !== t) expect.fail(`${JSON.stringify(f)}: ${JSON.stringify(d)}`);
          } else if (d.ok || d.kind !== 'conflict' || d.code !== g.code) {
            expect.fail(`${JSON.stringify(f)}: expected conflict ${g.code}, got ${JSON.stringify(d)}`);
          }
        }
        expect(open).toBeGreaterThan(0);
      });
    });
  }
});

describe('decideTransition: conflict from every state that has no row for the action', () => {
  const cases = MATTER_ACTIONS.flatMap((action) => {
    const row = MATTER_TRANSITIONS.find((t) => t.action === action)!;
    return MATTER_STATES.filter((s) => rowsOf(s, action).length === 0).map((state) => [action, state, row] as const);
  });

  it('there are such cases (the table does not allow every action everywhere)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)(
    '%s from %s is a conflict, for every role together, with a valid input and open facts',
    (action, state, row) => {
      for (const f of [openFacts(row), NO_FACTS, ALL_TRUE]) {
        expect(decideTransition(state, action, ROLES, validInput(row, f), f)).toEqual({
          ok: false,
          kind: 'conflict',
          code: 'matter.actionNotAllowedInState',
        });
        expect(allowedActions(state, ROLES, f)).not.toContain(action);
      }
    },
  );

  it.each(cases)('%s from %s is a conflict (not forbidden) even with no roles', (action, state, row) => {
    expect(decideTransition(state, action, [], validInput(row), openFacts(row))).toEqual({
      ok: false,
      kind: 'conflict',
      code: 'matter.actionNotAllowedInState',
    });
  });
});

// ---- structure: final and closed states ----------------------------------------------------------

/** Rows that leave their state (not a record kept in place such as urge or rate). */
const leaving = (s: MatterState) => MATTER_TRANSITIONS.filter((t) => t.from === s && t.to !== s);
const FINAL: MatterState[] = ['notAccepted', 'noLongerAccepted', 'transferred', 'terminated'];

describe('isFinal', () => {
  it('final states are exactly notAccepted, noLongerAccepted (R1.5b), transferred (R1.8, R1.10, R1.11), terminated (R1.9)', () => {
    expect(MATTER_STATES.filter(isFinal).sort()).toEqual([...FINAL].sort());
  });

  it.each(MATTER_STATES.map((s) => [s] as const))(
    '%s is final exactly when no row leaves it for another state',
    (s) => {
      expect(isFinal(s)).toBe(leaving(s).length === 0);
    },
  );

  it.each(FINAL.map((s) => [s] as const))(
    '%s: whatever the facts, every role together can only record in place (terminated: rate)',
    (s) => {
      for (const f of [NO_FACTS, ALL_TRUE]) {
        for (const action of allowedActions(s, ROLES, f)) {
          const row = rowsOf(s, action)[0];
          const d = decideTransition(s, action, ROLES, validInput(row, f), f);
          expect(d.ok && d.transition.to).toBe(s);
        }
      }
    },
  );

  it('notAccepted, noLongerAccepted and transferred have no action at all; terminated can still be rated', () => {
    for (const s of ['notAccepted', 'noLongerAccepted', 'transferred'] as const)
      expect(allowedActions(s, ROLES, ALL_TRUE)).toEqual([]);
    expect(allowedActions('terminated', ROLES, ALL_TRUE)).toEqual(['rate']);
  });

  it('R1.8 a matter transferred to a county takes only the county’s records, in place: receipt once, then the answer once', () => {
    const at = (countyStep: MatterFacts['countyStep']) => ({ ...ALL_TRUE, countyStep });
    expect(allowedActions('transferred', ROLES, at('sent'))).toEqual(['countyReceive']);
    expect(allowedActions('transferred', ROLES, at('received'))).toEqual(['countyAnswer']);
    expect(allowedActions('transferred', ROLES, at('answered'))).toEqual([]);
    expect(allowedActions('transferred', ROLES, at(null))).toEqual([]);
    for (const role of ROLES)
      expect(allowedActions('transferred', [role], at('sent')).length > 0, role).toBe(can([role], Permission.transferAnswer));
  });
});

describe('CLOSED_STATES', () => {
  it('are notAccepted, noLongerAccepted, transferred, closed, closedDeemed, reviewed, terminated (no duplicates)', () => {
    expect([...CLOSED_STATES].sort()).toEqual(
      ['notAccepted', 'noLongerAccepted', 'transferred', 'closed', 'closedDeemed', 'reviewed', 'terminated'].sort(),
    );
    expect(new Set(CLOSED_STATES).size).toBe(CLOSED_STATES.length);
  });

  it('every final state is closed', () => {
    for (const s of MATTER_STATES.filter(isFinal)) expect(CLOSED_STATES).toContain(s);
  });

  it('a closed state that is not final is left only by a request for review or re-review (复查/复核)', () => {
    for (const s of CLOSED_STATES.filter((x) => !isFinal(x))) {
      for (const t of leaving(s)) expect(['requestReview', 'requestReReview'], rowName(t)).toContain(t.action);
    }
  });

  it('the closing rows land on closed states: R1.5b, R1.6, R1.8, R1.10, R1.11, R1.21, 复查, 复核', () => {
    const closing = MATTER_TRANSITIONS.filter((t) => !CLOSED_STATES.includes(t.from) && CLOSED_STATES.includes(t.to));
    expect([...new Set(closing.map((t) => t.action))].sort()).toEqual(
      [
        'notAccept',
        'noLongerAccept',
        'directReply',
        'transferToCounty',
        'transferToChannel',
        'signOff',
        'deemClosed',
        'recordReviewResult',
        'recordReReviewResult',
      ].sort(),
    );
  });

  it('rating (satisfaction) is recorded only on closed states', () => {
    for (const t of MATTER_TRANSITIONS.filter((x) => x.action === 'rate')) {
      expect(CLOSED_STATES).toContain(t.from);
      expect(t.to).toBe(t.from);
    }
  });
});

/**
 * R1.22a: a leader-day case that reaches awaitingSignOff without the unit's special report cannot
 * leave the state until the report is filed; the unit can file it there (a self-loop that changes
 * the facts). Checked separately below.
 */
const waitsForReport = (s: MatterState, f: MatterFacts) => s === 'awaitingSignOff' && f.leaderDay && !f.specialReportFiled;

describe('liveness: an open matter can always move on', () => {
  it('R1.22a a leader-day case waiting for its special report in awaitingSignOff can have it filed there', () => {
    expect(allowedActions('awaitingSignOff', ['unitHandler'], { ...NO_FACTS, leaderDay: true, petitionerView: 'agree' })).toContain(
      'fileSpecialReport',
    );
  });

  const OPEN_STATES = MATTER_STATES.filter((s) => !CLOSED_STATES.includes(s));

  it.each(OPEN_STATES.map((s) => [s] as const))(
    '%s: under every fact set some role can take an action that leaves the state',
    (s) => {
      for (const f of FACT_GRID) {
        if (waitsForReport(s, f)) continue;
        if (!leaving(s).some((t) => isOpen(t, f))) expect.fail(`${s} is a dead end under ${JSON.stringify(f)}`);
      }
    },
  );
});

// ---- allowedActions agrees with decideTransition -------------------------------------------------

/** A few fact sets: none, all, every fixture's, the leader-day ones, and a spread of the grid. */
const FACT_SAMPLE: MatterFacts[] = [
  ON_DAY,
  ALL_TRUE,
  ...Object.values(FIXTURES).map((x) => ({ ...ON_DAY, ...x.facts })),
  { ...ON_DAY, leaderDay: true, petitionerView: 'agree' },
  { ...ON_DAY, leaderDay: true, specialReportFiled: true, petitionerView: 'agree' },
  { ...ON_DAY, leaderDay: true, specialReportFiled: true, petitionerView: 'disagree' },
  // A prime step, so that every value of every fact is in the spread (the grid is 4× larger with R1.8's countyStep).
  ...FACT_GRID.filter((_, i) => i % 839 === 0),
];

describe('allowedActions: the buttons the UI shows', () => {
  const combos = MATTER_STATES.flatMap((s) => ROLES.map((r) => [s, r] as const));

  it.each(combos)(
    `in %s for %s it lists exactly the actions decideTransition allows (${FACT_SAMPLE.length} fact sets)`,
    (state, role) => {
      const problems: string[] = [];
      for (const facts of FACT_SAMPLE) {
        const listed = allowedActions(state, [role], facts);
        if (new Set(listed).size !== listed.length) problems.push(`duplicates in ${listed.join(',')}`);
        for (const action of MATTER_ACTIONS) {
          const rows = rowsOf(state, action);
          const decisions = (rows.length ? rows.map((r) => validInput(r, facts)) : [{}]).map((input) =>
            decideTransition(state, action, [role], input, facts),
          );
          // listed: some row of the action is taken with its valid input; not listed: every
          // attempt is refused as conflict or forbidden (never 'invalid': the button is hidden).
          const consistent = listed.includes(action)
            ? decisions.some((d) => d.ok)
            : decisions.every((d) => !d.ok && (d.kind === 'conflict' || d.kind === 'forbidden'));
          if (!consistent)
            problems.push(
              `${action} listed=${listed.includes(action)} ${JSON.stringify(facts)} ${JSON.stringify(decisions)}`,
            );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(MATTER_STATES.map((s) => [s] as const))('in %s: nothing without roles; several roles list the union', (s) => {
    for (const facts of FACT_SAMPLE) {
      expect(allowedActions(s, [], facts)).toEqual([]);
      const union = new Set(ROLES.flatMap((r) => allowedActions(s, [r], facts)));
      expect(new Set(allowedActions(s, ROLES, facts))).toEqual(union);
    }
  });

  it('the facts default to NO_FACTS', () => {
    for (const s of MATTER_STATES) expect(allowedActions(s, ROLES)).toEqual(allowedActions(s, ROLES, NO_FACTS));
  });

  it('R1.5 receptionist in registered: accept, notAccept, noLongerAccept', () => {
    expect([...allowedActions('registered', ['receptionist'])].sort()).toEqual([
      'accept',
      'noLongerAccept',
      'notAccept',
    ]);
  });

  it('R1.6–R1.16 receptionist in accepted (city matter, mediable): each action once, although directReply has two rows', () => {
    expect([...allowedActions('accepted', ['receptionist'], NO_FACTS)].sort()).toEqual(
      ['directReply', 'proposeAssignment', 'recordLegalAid', 'startMediation', 'transferToChannel'].sort(),
    );
  });

  it.each(MATTER_STATES.map((s) => [s] as const))('registrar and admin in %s: nothing, whatever the facts', (s) => {
    for (const facts of FACT_SAMPLE) {
      expect(allowedActions(s, ['registrar'], facts)).toEqual([]);
      expect(allowedActions(s, ['admin'], facts)).toEqual([]);
    }
  });

  it('every permission a row uses is one a role may hold (sanity for the tables above)', () => {
    for (const t of MATTER_TRANSITIONS) expect(ROLES.some((r) => can([r], t.permission))).toBe(true);
  });
});

// ---- input checks read from the facts (they were the server's once) -----------------------------

describe('input checks against the facts: dates, the county, the review windows', () => {
  const inputOf = (from: MatterState, action: MatterAction, to: MatterState, f: MatterFacts) =>
    validInput(rowsOf(from, action).find((t) => t.to === to)!, f);
  const decideAs = (from: MatterState, action: MatterAction, input: ActionInput, f: MatterFacts) =>
    decideTransition(from, action, [holders(rowsOf(from, action)[0].permission)[0]], input, f);
  const refused = (code: string, field: string) => ({ ok: false, kind: 'invalid', code, field });

  describe.each([['mediating'], ['assignmentProposed']] as const)('R1.14 recordMeeting leading to %s', (to) => {
    const meeting = (over: ActionInput) => ({ ...inputOf('mediating', 'recordMeeting', to, ON_DAY), ...over });

    it('a meeting held today is recorded; one held tomorrow is refused on heldOn', () => {
      expect(decideAs('mediating', 'recordMeeting', meeting({ heldOn: TODAY }), ON_DAY)).toMatchObject({ ok: true, transition: { to } });
      expect(decideAs('mediating', 'recordMeeting', meeting({ heldOn: TOMORROW }), ON_DAY)).toEqual(
        refused('mediation.meetingInFuture', 'heldOn'),
      );
    });

    it('the promised date may be the meeting day or later, never before it', () => {
      for (const promisedDate of [TODAY, '2026-06-30', null, undefined])
        expect(decideAs('mediating', 'recordMeeting', meeting({ heldOn: TODAY, promisedDate }), ON_DAY)).toMatchObject({ ok: true });
      expect(decideAs('mediating', 'recordMeeting', meeting({ heldOn: TODAY, promisedDate: '2026-05-31' }), ON_DAY)).toEqual(
        refused('mediation.promisedBeforeMeeting', 'promisedDate'),
      );
    });

    it('when today is not known (NO_FACTS) no meeting date passes', () => {
      expect(decideAs('mediating', 'recordMeeting', meeting({ heldOn: '2000-01-01' }), NO_FACTS)).toEqual(
        refused('mediation.meetingInFuture', 'heldOn'),
      );
    });
  });

  it('R1.9 accept: the same matter closed for good before is refused without a new-matter reason, accepted with one', () => {
    const closedForGood = { ...ON_DAY, sameMatterClosedForGood: true };
    for (const newMatterReason of [undefined, null, '', '   ', '\u3000', 7])
      expect(decideAs('registered', 'accept', { reason: '符合受理条件', newMatterReason }, closedForGood)).toEqual(
        refused('matter.sameMatterTerminated', 'newMatterReason'),
      );
    expect(decideAs('registered', 'accept', { reason: '', newMatterReason: '提出了新的事实和理由' }, closedForGood)).toMatchObject({
      ok: true,
      transition: { to: 'accepted' },
    });
    // Not the same matter: no reason is asked for; the refusals stay possible either way.
    expect(decideAs('registered', 'accept', { reason: '' }, ON_DAY)).toMatchObject({ ok: true, transition: { to: 'accepted' } });
    expect(allowedActions('registered', ['receptionist'], closedForGood)).toEqual(expect.arrayContaining(['accept', 'noLongerAccept']));
    expect(decideAs('registered', 'noLongerAccept', { reason: '已三级终结' }, closedForGood)).toMatchObject({ ok: true });
  });

  it('R1.8 transferToCounty: only to a unit of the locality’s county (its id as a number or as text)', () => {
    const f = { ...ON_DAY, localityIsCounty: true, countyUnitIds: [WUZHONG, 14] };
    for (const unitId of [WUZHONG, 14, String(WUZHONG)])
      expect(decideAs('accepted', 'transferToCounty', { unitId, note: '' }, f)).toMatchObject({ ok: true, transition: { to: 'transferred' } });
    for (const unitId of [13, HRSS])
      expect(decideAs('accepted', 'transferToCounty', { unitId, note: '' }, f)).toEqual(refused('transfer.notTheCounty', 'unitId'));
    expect(decideAs('accepted', 'transferToCounty', { unitId: WUZHONG }, { ...f, countyUnitIds: [] })).toEqual(
      refused('transfer.notTheCounty', 'unitId'),
    );
    // The unit is asked for before it is compared.
    expect(decideAs('accepted', 'transferToCounty', { unitId: null }, f)).toEqual(refused('transfer.countyRequired', 'unitId'));
  });

  describe.each([
    ['复查 requestReview', 'closed', 'requestReview', 'reviewRequestDue', { hasOpinion: true, reviewWindowOpen: true }],
    ['复查 requestReview', 'closedDeemed', 'requestReview', 'reviewRequestDue', { hasOpinion: true, reviewWindowOpen: true }],
    ['复核 requestReReview', 'reviewed', 'requestReReview', 'reReviewRequestDue', { reReviewWindowOpen: true }],
  ] as const)('%s from %s', (_n, from, action, due, open) => {
    const f = (over: Partial<MatterFacts> = {}): MatterFacts => ({ ...ON_DAY, ...open, today: '2026-06-10', [due]: '2026-06-05', ...over });
    const ask = (requestedOn: string, facts = f()) => decideAs(from, action, { organ: '市人民政府', requestedOn }, facts);

    it('requested on the window’s due day or before: accepted; the day after: the window is closed', () => {
      expect(ask('2026-06-05')).toMatchObject({ ok: true });
      expect(ask('2026-05-20')).toMatchObject({ ok: true });
      expect(ask('2026-06-06')).toEqual(refused('review.windowClosed', 'requestedOn'));
    });

    it('a request dated after today is refused as such, even inside the window', () => {
      expect(ask('2026-06-11', f({ [due]: '2026-06-30' }))).toEqual(refused('review.requestedInFuture', 'requestedOn'));
      expect(ask('2026-06-10', f({ [due]: '2026-06-30' }))).toMatchObject({ ok: true });
    });

    it('no window running: refused', () => {
      expect(ask('2026-06-01', f({ [due]: null }))).toEqual(refused('review.windowClosed', 'requestedOn'));
    });
  });

  it('R1.8 countyAnswer: answered today is recorded; tomorrow is refused on answeredOn, unknown today too', () => {
    const received = { ...ON_DAY, countyStep: 'received' as const };
    const answer = (answeredOn: string) => ({ ...inputOf('transferred', 'countyAnswer', 'transferred', received), answeredOn });
    expect(decideAs('transferred', 'countyAnswer', answer(TODAY), received)).toMatchObject({ ok: true, transition: { to: 'transferred' } });
    expect(decideAs('transferred', 'countyAnswer', answer(TOMORROW), received)).toEqual(refused('transfer.answeredInFuture', 'answeredOn'));
    expect(decideAs('transferred', 'countyAnswer', answer('2000-01-01'), { ...received, today: '' })).toEqual(
      refused('transfer.answeredInFuture', 'answeredOn'),
    );
  });

  it('R1.21 recordDelivery: delivered today is recorded; tomorrow is refused on deliveredOn', () => {
    const delivery = (deliveredOn: string) => ({ ...inputOf('opinionIssued', 'recordDelivery', 'opinionDelivered', ON_DAY), deliveredOn });
    expect(decideAs('opinionIssued', 'recordDelivery', delivery(TODAY), ON_DAY)).toMatchObject({ ok: true, transition: { to: 'opinionDelivered' } });
    expect(decideAs('opinionIssued', 'recordDelivery', delivery(TOMORROW), ON_DAY)).toEqual(
      refused('opinion.deliveredInFuture', 'deliveredOn'),
    );
  });
});

// ---- labels: docs/workflow.md shows every guard and input check ---------------------------------

describe('every guard and input check has a readable label', () => {
  it.each(ROWS)('%s', (_n, t) => {
    for (const check of [t.guard, t.accepts]) {
      if (!check) continue;
      expect(check.label.trim().length).toBeGreaterThan(0);
      // Plain words for the docs: no rule ids, nothing that breaks the Markdown table.
      expect(check.label).not.toMatch(/R\d+\.\d+|\||\n/);
    }
  });

  it('required fields read "<field> required", combined checks join their parts, in order', () => {
    const refuseAssignment = rowsOf('assignmentProposed', 'refuseAssignment')[0];
    expect(refuseAssignment.accepts!.label).toBe('reason required');
    const notAccept = rowsOf('registered', 'notAccept')[0];
    expect(notAccept.accepts!.label).toBe('reason required, channel required');
    const object = rowsOf('assigned', 'object')[0];
    expect(object.guard!.label).toBe('objection period open');
  });

  it('docs/workflow.md prints both in the guard column; a row with neither reads "—"', () => {
    const lines = renderWorkflowDoc().split('\n');
    const line = (from: string, action: string, to: string) => lines.find((l) => l.startsWith(`| ${from} | ${action} | ${to} |`))!;
    expect(line('assigned', 'object', 'objected')).toMatch(/\| facts: objection period open · input: reason required \|$/);
    expect(line('accepted', 'startMediation', 'mediating')).toMatch(/\| facts: not closed for good before \(mediable\) \|$/);
    expect(line('registered', 'notAccept', 'notAccepted')).toMatch(/\| input: reason required, channel required \|$/);
    expect(line('assignmentProposed', 'approveAssignment', 'assigned')).toMatch(/\| — \|$/);
    for (const t of MATTER_TRANSITIONS) {
      const l = line(t.from, t.action, t.to);
      if (t.guard) expect(l, rowName(t)).toContain(`facts: ${t.guard.label}`);
      if (t.accepts) expect(l, rowName(t)).toContain(`input: ${t.accepts.label}`);
    }
  });
});
