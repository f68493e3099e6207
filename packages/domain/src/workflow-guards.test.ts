import { describe, it, expect } from 'vitest';
import { ROLES, can, type Role } from './roles.ts';
import {
  COUNTY_STEPS,
  MATTER_TRANSITIONS,
  MEDIATION_LEVELS,
  NO_FACTS,
  REVIEW_CRITERIA,
  allowedActions,
  decideTransition,
  type ActionInput,
  type MatterAction,
  type MatterFacts,
  type MatterState,
  type MediationLevel,
  type ReviewCriterion,
} from './workflow.ts';

/*
 * The rules behind the workflow table's guards (facts about the matter) and its input checks,
 * each written out here as the spec states it, independently of workflow.ts. workflow.test.ts
 * walks every row; this file says what each guard and input rule must decide.
 */

// ---- shared bits -------------------------------------------------------------------------------

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
  // The facts dated inputs and the county transfer are checked against: no guard reads them.
  today: ['2026-06-01'],
  countyUnitIds: [[12]],
  countyStep: [null, ...COUNTY_STEPS],
  reviewRequestDue: ['2026-06-01'],
  reReviewRequestDue: ['2026-06-30'],
};
const FACT_GRID: readonly MatterFacts[] = (Object.keys(FACT_VALUES) as (keyof MatterFacts)[]).reduce<MatterFacts[]>(
  (acc, k) => acc.flatMap((f) => FACT_VALUES[k].map((v) => ({ ...f, [k]: v }))),
  [{ ...NO_FACTS }],
);
/**
 * The matter on a given day: today, its county's units (R1.8: 吴中区 is 12) and its request windows.
 * The input checks read these; the cases below are dated before it.
 */
const ON_THE_DAY: Partial<MatterFacts> = {
  today: '2026-06-01',
  countyUnitIds: [12],
  reviewRequestDue: '2026-06-01',
  reReviewRequestDue: '2026-06-30',
};
const facts = (f: Partial<MatterFacts> = {}): MatterFacts => ({ ...NO_FACTS, ...ON_THE_DAY, ...f });

const rowsOf = (from: MatterState, action: MatterAction) =>
  MATTER_TRANSITIONS.filter((t) => t.from === from && t.action === action);
/** A role that may take the action (the first in ROLES), and one that may not. */
const holder = (from: MatterState, action: MatterAction): Role =>
  ROLES.find((r) => can([r], rowsOf(from, action)[0].permission))!;
const lacker = (from: MatterState, action: MatterAction): Role =>
  ROLES.find((r) => !can([r], rowsOf(from, action)[0].permission))!;

const decide = (from: MatterState, action: MatterAction, input: ActionInput, f: Partial<MatterFacts> = {}) =>
  decideTransition(from, action, [holder(from, action)], input, facts(f));

const invalid = (code: string, field?: string) =>
  field ? { ok: false, kind: 'invalid', code, field } : { ok: false, kind: 'invalid', code };

// ---- guards: the matter's facts ----------------------------------------------------------------

/**
 * What each guarded action's guard must say for any facts: the refusal's code, or undefined when
 * the action is open. Actions not listed have no guard: they are open under every fact set.
 */
const EXPECTED_GUARDS: Partial<Record<MatterAction, { rule: string; refuse: (f: MatterFacts) => string | undefined }>> =
  {
    startMediation: { rule: 'R1.9', refuse: (f) => (f.noLongerMediable ? 'matter.noLongerMediable' : undefined) },
    transferToCounty: { rule: 'R1.8', refuse: (f) => (f.localityIsCounty ? undefined : 'transfer.notCountyMatter') },
    // R1.8: the county records its receipt once, then its answer once.
    countyReceive: {
      rule: 'R1.8',
      refuse: (f) => (f.countyStep === null ? 'transfer.notToCounty' : f.countyStep === 'sent' ? undefined : 'transfer.alreadyReceived'),
    },
    countyAnswer: {
      rule: 'R1.8',
      refuse: (f) =>
        f.countyStep === null
          ? 'transfer.notToCounty'
          : f.countyStep === 'sent'
            ? 'transfer.notReceived'
            : f.countyStep === 'answered'
              ? 'transfer.alreadyAnswered'
              : undefined,
    },
    object: { rule: 'R1.18', refuse: (f) => (f.objectionOpen ? undefined : 'assignment.objectionPeriodOver') },
    requestExtension: { rule: 'R1.19', refuse: (f) => (f.extensionPending ? 'extension.pending' : undefined) },
    approveExtension: { rule: 'R1.19', refuse: (f) => (f.extensionPending ? undefined : 'extension.nonePending') },
    refuseExtension: { rule: 'R1.19', refuse: (f) => (f.extensionPending ? undefined : 'extension.nonePending') },
    fileSpecialReport: { rule: 'R1.22a', refuse: (f) => (f.leaderDay ? undefined : 'matter.notLeaderDay') },
    rate: { rule: 'satisfaction', refuse: (f) => (f.ratingOpen ? undefined : 'satisfaction.closed') },
    signOff: {
      rule: 'R1.21, R1.22a',
      refuse: (f) =>
        f.petitionerView !== 'agree'
          ? 'closing.petitionerDidNotAgree'
          : f.leaderDay && !f.specialReportFiled
            ? 'closing.specialReportMissing'
            : undefined,
    },
    deemClosed: {
      rule: 'R1.21, R1.22a',
      refuse: (f) =>
        f.petitionerView === 'agree'
          ? 'closing.petitionerAgreed'
          : f.leaderDay && !f.specialReportFiled
            ? 'closing.specialReportMissing'
            : undefined,
    },
    requestReview: {
      rule: '复查',
      refuse: (f) => (!f.hasOpinion ? 'review.noOpinion' : f.reviewWindowOpen ? undefined : 'review.windowClosed'),
    },
    requestReReview: { rule: '复核', refuse: (f) => (f.reReviewWindowOpen ? undefined : 'review.windowClosed') },
  };

describe('every guard decides as the rule says, over the whole fact grid', () => {
  it.each(MATTER_TRANSITIONS.map((t) => [`${t.rule}: ${t.from} --${t.action}--> ${t.to}`, t] as const))(
    '%s',
    (_n, t) => {
      const expected = EXPECTED_GUARDS[t.action];
      const wrong: string[] = [];
      for (const f of FACT_GRID) {
        const want = expected?.refuse(f);
        const got = t.guard?.(f)?.code;
        if (got !== want) wrong.push(`${JSON.stringify(f)}: guard says ${got}, rule says ${want}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it('every guarded action has rows with a guard (the table above is not stale)', () => {
    for (const action of Object.keys(EXPECTED_GUARDS) as MatterAction[]) {
      const rows = MATTER_TRANSITIONS.filter((t) => t.action === action);
      expect(rows.length, action).toBeGreaterThan(0);
      for (const t of rows) expect(t.guard, `${t.from} ${action}`).toBeDefined();
    }
  });
});

interface GuardCase {
  name: string;
  from: MatterState;
  action: MatterAction;
  input: ActionInput;
  /** Facts that open the guard, and where the action then leads. */
  open: Partial<MatterFacts>;
  to: MatterState;
  /** Facts that close it, and the code of the refusal. */
  closed: Partial<MatterFacts>;
  code: string;
}

const OPINION = { hasOpinion: true, reviewWindowOpen: true };
// prettier-ignore
const GUARD_CASES: readonly GuardCase[] = [
  {
    name: 'R1.9 startMediation is refused when the same matter was found to have no reasonable demand or was terminated',
    from: 'accepted', action: 'startMediation', input: { note: '' },
    open: { noLongerMediable: false }, to: 'mediating',
    closed: { noLongerMediable: true }, code: 'matter.noLongerMediable',
  },
  {
    name: 'R1.8 transferToCounty needs a matter located in a county',
    from: 'accepted', action: 'transferToCounty', input: { unitId: 12, note: '' },
    open: { localityIsCounty: true }, to: 'transferred',
    closed: { localityIsCounty: false }, code: 'transfer.notCountyMatter',
  },
  {
    name: 'R1.8 countyReceive only for a matter transferred to a county',
    from: 'transferred', action: 'countyReceive', input: { note: '' },
    open: { countyStep: 'sent' }, to: 'transferred',
    closed: { countyStep: null }, code: 'transfer.notToCounty',
  },
  ...(['received', 'answered'] as const).map(
    (step): GuardCase => ({
      name: `R1.8 countyReceive only once (refused once ${step})`,
      from: 'transferred', action: 'countyReceive', input: { note: '' },
      open: { countyStep: 'sent' }, to: 'transferred',
      closed: { countyStep: step }, code: 'transfer.alreadyReceived',
    }),
  ),
  ...([[null, 'transfer.notToCounty'], ['sent', 'transfer.notReceived'], ['answered', 'transfer.alreadyAnswered']] as const).map(
    ([step, code]): GuardCase => ({
      name: `R1.8 countyAnswer after the receipt, once (refused when ${step})`,
      from: 'transferred', action: 'countyAnswer', input: { answer: '已答复信访人', answeredOn: '2026-06-01' },
      open: { countyStep: 'received' }, to: 'transferred',
      closed: { countyStep: step }, code,
    }),
  ),
  {
    name: 'R1.18 the unit may object only while the objection period is open',
    from: 'assigned', action: 'object', input: { reason: '不属本单位职责' },
    open: { objectionOpen: true }, to: 'objected',
    closed: { objectionOpen: false }, code: 'assignment.objectionPeriodOver',
  },
  {
    name: 'R1.19 requestExtension is refused while an earlier request waits for a decision',
    from: 'handling', action: 'requestExtension', input: { days: 30, reason: '需补充调查' },
    open: { extensionPending: false }, to: 'handling',
    closed: { extensionPending: true }, code: 'extension.pending',
  },
  {
    name: 'R1.19 approveExtension only while a request is pending',
    from: 'handling', action: 'approveExtension', input: { note: '' },
    open: { extensionPending: true }, to: 'handling',
    closed: { extensionPending: false }, code: 'extension.nonePending',
  },
  {
    name: 'R1.19 refuseExtension only while a request is pending',
    from: 'handling', action: 'refuseExtension', input: { reason: '期限内可以办结' },
    open: { extensionPending: true }, to: 'handling',
    closed: { extensionPending: false }, code: 'extension.nonePending',
  },
  ...(['handling', 'opinionIssued', 'opinionDelivered', 'underReview', 'awaitingSignOff'] as const).map(
    (from): GuardCase => ({
      name: `R1.22a fileSpecialReport from ${from} only for leader-reception-day cases`,
      from, action: 'fileSpecialReport', input: { report: '专案汇报' },
      open: { leaderDay: true }, to: from,
      closed: { leaderDay: false }, code: 'matter.notLeaderDay',
    }),
  ),
  ...(['disagree', 'none', null] as const).map(
    (view): GuardCase => ({
      name: `R1.21 signOff needs a petitioner who agreed (view ${view})`,
      from: 'awaitingSignOff', action: 'signOff', input: { note: '' },
      open: { petitionerView: 'agree' }, to: 'closed',
      closed: { petitionerView: view }, code: 'closing.petitionerDidNotAgree',
    }),
  ),
  {
    name: 'R1.22a signOff of a leader-day case needs the special report',
    from: 'awaitingSignOff', action: 'signOff', input: { note: '' },
    open: { petitionerView: 'agree', leaderDay: true, specialReportFiled: true }, to: 'closed',
    closed: { petitionerView: 'agree', leaderDay: true, specialReportFiled: false }, code: 'closing.specialReportMissing',
  },
  ...(['disagree', 'none'] as const).map(
    (view): GuardCase => ({
      name: `R1.21 deemClosed needs a petitioner who did not agree (open for view ${view})`,
      from: 'awaitingSignOff', action: 'deemClosed', input: { reason: '无合理诉求' },
      open: { petitionerView: view }, to: 'closedDeemed',
      closed: { petitionerView: 'agree' }, code: 'closing.petitionerAgreed',
    }),
  ),
  {
    name: 'R1.22a deemClosed of a leader-day case needs the special report too',
    from: 'awaitingSignOff', action: 'deemClosed', input: { reason: '无合理诉求' },
    open: { petitionerView: 'disagree', leaderDay: true, specialReportFiled: true }, to: 'closedDeemed',
    closed: { petitionerView: 'disagree', leaderDay: true, specialReportFiled: false }, code: 'closing.specialReportMissing',
  },
  ...(['closed', 'closedDeemed'] as const).flatMap((from): GuardCase[] => [
    {
      name: `复查 requestReview from ${from} needs a handling opinion`,
      from, action: 'requestReview', input: { organ: '市人民政府', requestedOn: '2026-05-01' },
      open: OPINION, to: 'inReview',
      closed: { hasOpinion: false, reviewWindowOpen: true }, code: 'review.noOpinion',
    },
    {
      name: `复查 requestReview from ${from} only within the 30-day window`,
      from, action: 'requestReview', input: { organ: '市人民政府', requestedOn: '2026-05-01' },
      open: OPINION, to: 'inReview',
      closed: { hasOpinion: true, reviewWindowOpen: false }, code: 'review.windowClosed',
    },
  ]),
  ...(['closed', 'closedDeemed', 'reviewed', 'terminated'] as const).map(
    (from): GuardCase => ({
      name: `satisfaction: rate from ${from} only while the rating is open (not rated yet, within 30 days)`,
      from, action: 'rate', input: { unitRating: 'satisfied', officeRating: 'satisfied' },
      open: { ratingOpen: true }, to: from,
      closed: { ratingOpen: false }, code: 'satisfaction.closed',
    }),
  ),
  {
    name: '复核 requestReReview only within the 30-day window',
    from: 'reviewed', action: 'requestReReview', input: { organ: '省信访局', requestedOn: '2026-06-01' },
    open: { reReviewWindowOpen: true }, to: 'inReReview',
    closed: { reReviewWindowOpen: false }, code: 'review.windowClosed',
  },
];

describe('guards: closed facts refuse with conflict and the guard code, and hide the action', () => {
  it.each(GUARD_CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const role = holder(c.from, c.action);
    expect(decideTransition(c.from, c.action, [role], c.input, facts(c.closed))).toEqual({
      ok: false,
      kind: 'conflict',
      code: c.code,
    });
    expect(allowedActions(c.from, [role], facts(c.closed))).not.toContain(c.action);
    expect(allowedActions(c.from, ROLES, facts(c.closed))).not.toContain(c.action);

    const d = decideTransition(c.from, c.action, [role], c.input, facts(c.open));
    expect(d).toMatchObject({ ok: true, transition: { from: c.from, action: c.action, to: c.to } });
    expect(allowedActions(c.from, [role], facts(c.open))).toContain(c.action);
  });

  it.each(GUARD_CASES.map((c) => [c.name, c] as const))('%s: the facts are checked before the input', (_n, c) => {
    expect(decide(c.from, c.action, {}, c.closed)).toEqual({ ok: false, kind: 'conflict', code: c.code });
  });

  it.each(GUARD_CASES.map((c) => [c.name, c] as const))(
    '%s: a role without the permission is refused as forbidden, whatever the facts',
    (_n, c) => {
      for (const f of [c.open, c.closed]) {
        expect(decideTransition(c.from, c.action, [lacker(c.from, c.action)], c.input, facts(f))).toEqual({
          ok: false,
          kind: 'forbidden',
          code: 'auth.forbidden',
        });
      }
    },
  );

  it('every guarded row and every code its guard can produce has a named case above', () => {
    const covered = new Set(GUARD_CASES.map((c) => `${c.from} ${c.action} ${c.code}`));
    for (const t of MATTER_TRANSITIONS.filter((x) => x.guard)) {
      const codes = new Set(FACT_GRID.map((f) => t.guard!(f)?.code).filter((c): c is string => !!c));
      expect(codes.size, `${t.from} ${t.action}`).toBeGreaterThan(0);
      for (const code of codes)
        expect(covered, `${t.from} ${t.action} ${code}`).toContain(`${t.from} ${t.action} ${code}`);
    }
  });

  it('R1.9 the other ways out of accepted stay open for a matter that is no longer mediable', () => {
    const listed = allowedActions('accepted', ['receptionist'], facts({ noLongerMediable: true }));
    expect(listed).not.toContain('startMediation');
    expect(listed).toEqual(expect.arrayContaining(['directReply', 'proposeAssignment', 'transferToChannel']));
  });

  it('R1.22a a leader-day case without the report: signOff and deemClosed both wait for it', () => {
    for (const petitionerView of ['agree', 'disagree', 'none'] as const) {
      const f = facts({ leaderDay: true, specialReportFiled: false, petitionerView });
      expect(allowedActions('awaitingSignOff', ['director'], f)).toEqual([]);
    }
    expect(allowedActions('handling', ['unitHandler'], facts({ leaderDay: true }))).toContain('fileSpecialReport');
  });

  it('R1.21 exactly one of signOff / deemClosed is offered once the petitioner’s view is known (not leader-day)', () => {
    for (const petitionerView of ['agree', 'disagree', 'none'] as const) {
      const listed = allowedActions('awaitingSignOff', ['deputyDirector'], facts({ petitionerView }));
      expect(listed).toEqual([petitionerView === 'agree' ? 'signOff' : 'deemClosed']);
    }
  });
});

describe('the order of refusals: no row, then permission, then facts, then input', () => {
  it('no row for the action in the state is a conflict even without roles', () => {
    expect(decideTransition('registered', 'signOff', [], {}, facts())).toEqual({
      ok: false,
      kind: 'conflict',
      code: 'matter.actionNotAllowedInState',
    });
  });

  it('R1.19 a receptionist asking to approve an extension is forbidden, pending or not', () => {
    for (const extensionPending of [true, false]) {
      expect(
        decideTransition('handling', 'approveExtension', ['receptionist'], {}, facts({ extensionPending })),
      ).toEqual({
        ok: false,
        kind: 'forbidden',
        code: 'auth.forbidden',
      });
    }
  });

  it('R1.18 an objection after the period with no reason is a conflict (the period), not invalid (the reason)', () => {
    expect(decide('assigned', 'object', { reason: '' }, { objectionOpen: false })).toEqual({
      ok: false,
      kind: 'conflict',
      code: 'assignment.objectionPeriodOver',
    });
    expect(decide('assigned', 'object', { reason: '' }, { objectionOpen: true })).toEqual(
      invalid('matter.reasonRequired', 'reason'),
    );
  });
});

// ---- input rules -------------------------------------------------------------------------------

const REPLY = '经核实，您反映的问题属于咨询类，政策规定明确，现当场答复如下。';

describe('R1.5 / R1.5b reception decisions', () => {
  it('R1.5 accept needs no reason', () => {
    expect(decide('registered', 'accept', { reason: '' })).toMatchObject({ ok: true, transition: { to: 'accepted' } });
  });

  it('R1.5b notAccept without channel is invalid: matter.channelRequired on field channel', () => {
    expect(decide('registered', 'notAccept', { reason: '属于劳动仲裁范围' })).toEqual(
      invalid('matter.channelRequired', 'channel'),
    );
  });

  it.each([[null], [''], ['   '], ['\u3000']])('R1.5b notAccept with blank channel %j is invalid', (channel) => {
    expect(decide('registered', 'notAccept', { reason: '属于劳动仲裁范围', channel })).toEqual(
      invalid('matter.channelRequired', 'channel'),
    );
  });

  it('R1.5b notAccept without reason is invalid: matter.reasonRequired on field reason', () => {
    expect(decide('registered', 'notAccept', { reason: '', channel: '劳动人事争议仲裁委员会' })).toEqual(
      invalid('matter.reasonRequired', 'reason'),
    );
  });

  it('R1.5b notAccept with neither reason nor channel reports the reason first', () => {
    expect(decide('registered', 'notAccept', {})).toEqual(invalid('matter.reasonRequired', 'reason'));
  });

  it.each([[''], ['  '], [undefined]])('R1.5b / R1.9 noLongerAccept with reason %j is invalid', (reason) => {
    expect(decide('registered', 'noLongerAccept', { reason })).toEqual(invalid('matter.reasonRequired', 'reason'));
  });

  it('R1.5b notAccept with reason and channel lands on notAccepted; noLongerAccept with a reason on noLongerAccepted', () => {
    expect(decide('registered', 'notAccept', { reason: '属于诉讼范围', channel: '人民法院' })).toMatchObject({
      ok: true,
      transition: { to: 'notAccepted', rule: 'R1.5b' },
    });
    expect(decide('registered', 'noLongerAccept', { reason: '已三级终结' })).toMatchObject({
      ok: true,
      transition: { to: 'noLongerAccepted', rule: 'R1.5b' },
    });
  });
});

describe('R1.6 direct reply', () => {
  it('R1.6 agrees + ceases without signature is invalid: matter.signatureRequired on field signedName', () => {
    expect(decide('accepted', 'directReply', { reply: REPLY, agrees: true, ceases: true })).toEqual(
      invalid('matter.signatureRequired', 'signedName'),
    );
  });

  it.each([[null], [''], ['  ']])('R1.6 agrees + ceases with blank signature %j is invalid', (signedName) => {
    expect(decide('accepted', 'directReply', { reply: REPLY, agrees: true, ceases: true, signedName })).toEqual(
      invalid('matter.signatureRequired', 'signedName'),
    );
  });

  it.each([
    ['agrees and ceases', true, true],
    ['disagrees', false, false],
  ])('R1.6 blank reply is invalid (%s): matter.replyRequired on field reply', (_n, agrees, ceases) => {
    for (const reply of ['', '   ', undefined]) {
      expect(decide('accepted', 'directReply', { reply, agrees, ceases, signedName: '张三' })).toEqual(
        invalid('matter.replyRequired', 'reply'),
      );
    }
  });

  it('R1.6 petitioner agrees, ceases and signs: closed', () => {
    expect(
      decide('accepted', 'directReply', { reply: REPLY, agrees: true, ceases: true, signedName: '张三' }),
    ).toMatchObject({ ok: true, transition: { to: 'closed', rule: 'R1.6' } });
  });

  it.each([
    ['disagrees, does not cease', false, false],
    ['agrees but does not cease', true, false],
    ['disagrees but says he ceases', false, true],
  ])('R1.6 petitioner %s: the matter stays accepted', (_n, agrees, ceases) => {
    expect(decide('accepted', 'directReply', { reply: REPLY, agrees, ceases, signedName: '张三' })).toMatchObject({
      ok: true,
      transition: { from: 'accepted', to: 'accepted' },
    });
  });

  it('R1.6 a disagreeing petitioner need not sign', () => {
    expect(decide('accepted', 'directReply', { reply: REPLY, agrees: false, ceases: false })).toMatchObject({
      ok: true,
      transition: { to: 'accepted' },
    });
  });

  it('R1.6 direct reply is not possible before the matter is accepted', () => {
    expect(
      decideTransition('registered', 'directReply', ['receptionist'], {
        reply: REPLY,
        agrees: true,
        ceases: true,
        signedName: '张三',
      }),
    ).toEqual({ ok: false, kind: 'conflict', code: 'matter.actionNotAllowedInState' });
  });
});

describe('R1.10 / R1.11 transfer to a legal channel: with consent and a channel', () => {
  const base = { channel: 'arbitration', windowId: 4, consent: true, note: '' };

  it.each([['reconsideration'], ['arbitration'], ['judicialMediation'], ['litigation']])(
    'consent and channel %s: transferred',
    (channel) => {
      expect(decide('accepted', 'transferToChannel', { ...base, channel })).toMatchObject({
        ok: true,
        transition: { to: 'transferred' },
      });
    },
  );

  it.each([[false], [undefined], [null], ['true'], [1]])(
    'consent %j is invalid: matter.consentRequired on consent',
    (consent) => {
      expect(decide('accepted', 'transferToChannel', { ...base, consent })).toEqual(
        invalid('matter.consentRequired', 'consent'),
      );
    },
  );

  it.each([[undefined], [null], ['']])(
    'consent without channel %j is invalid: transfer.channelRequired on channel',
    (channel) => {
      expect(decide('accepted', 'transferToChannel', { ...base, channel })).toEqual(
        invalid('transfer.channelRequired', 'channel'),
      );
    },
  );

  it('neither consent nor channel: the consent is reported first', () => {
    expect(decide('accepted', 'transferToChannel', {})).toEqual(invalid('matter.consentRequired', 'consent'));
  });
});

describe('R1.14 / R1.15 mediation meetings escalate one level at a time', () => {
  const meeting = (level: unknown, outcome: 'agreement' | 'noAgreement', ...unit: [unknown?]) => ({
    level,
    heldOn: '2026-03-02',
    chair: '王组长',
    participants: '信访人、人社局窗口',
    outcome,
    summary: '会议情况',
    unitId: outcome === 'agreement' ? (unit.length ? unit[0] : 3) : null,
  });
  const idx = (l: MediationLevel | null) => (l === null ? -1 : MEDIATION_LEVELS.indexOf(l));
  /** The rule as written: the first meeting is a group meeting; then the same level or the next one up. */
  const expectedCode = (current: MediationLevel | null, level: MediationLevel) => {
    if (current === null) return level === 'group' ? undefined : 'mediation.startAtGroup';
    if (idx(level) < idx(current)) return 'mediation.levelBelowCurrent';
    if (idx(level) > idx(current) + 1) return 'mediation.skipsLevel';
    return undefined;
  };
  const grid = ([null, ...MEDIATION_LEVELS] as const).flatMap((current) =>
    MEDIATION_LEVELS.flatMap((level) =>
      (['noAgreement', 'agreement'] as const).map((outcome) => [current, level, outcome] as const),
    ),
  );

  it.each(grid)('held so far %s, meeting at %s, %s', (current, level, outcome) => {
    const d = decide('mediating', 'recordMeeting', meeting(level, outcome), { mediationLevel: current });
    const code = expectedCode(current, level);
    if (code) expect(d).toEqual(invalid(code, 'level'));
    else
      expect(d).toMatchObject({
        ok: true,
        transition: { to: outcome === 'agreement' ? 'assignmentProposed' : 'mediating' },
      });
  });

  it('R1.14 the first meeting must be a group meeting', () => {
    expect(decide('mediating', 'recordMeeting', meeting('deputyDirector', 'noAgreement'))).toEqual(
      invalid('mediation.startAtGroup', 'level'),
    );
    expect(decide('mediating', 'recordMeeting', meeting('group', 'noAgreement'))).toMatchObject({ ok: true });
  });

  it('R1.14 without agreement a deputy director chairs the next meeting; R1.15 then the director’s meeting, then the joint conference', () => {
    const path: [MediationLevel | null, MediationLevel][] = [
      [null, 'group'],
      ['group', 'deputyDirector'],
      ['deputyDirector', 'directorMeeting'],
      ['directorMeeting', 'jointConference'],
    ];
    for (const [current, level] of path) {
      expect(
        decide('mediating', 'recordMeeting', meeting(level, 'noAgreement'), { mediationLevel: current }),
      ).toMatchObject({
        ok: true,
        transition: { to: 'mediating' },
      });
    }
  });

  it('a meeting may repeat the level held so far', () => {
    for (const level of MEDIATION_LEVELS) {
      expect(
        decide('mediating', 'recordMeeting', meeting(level, 'noAgreement'), { mediationLevel: level }),
      ).toMatchObject({ ok: true });
    }
  });

  it('never lower than a meeting already held', () => {
    expect(
      decide('mediating', 'recordMeeting', meeting('group', 'noAgreement'), { mediationLevel: 'directorMeeting' }),
    ).toEqual(invalid('mediation.levelBelowCurrent', 'level'));
  });

  it('never skipping a level (group → director’s meeting)', () => {
    expect(
      decide('mediating', 'recordMeeting', meeting('directorMeeting', 'noAgreement'), { mediationLevel: 'group' }),
    ).toEqual(invalid('mediation.skipsLevel', 'level'));
  });

  it.each([['bogus'], [undefined], [null], [0]])(
    'an unknown level %j is invalid: validation.invalidOption on level',
    (level) => {
      expect(decide('mediating', 'recordMeeting', meeting(level, 'noAgreement'))).toEqual(
        invalid('validation.invalidOption', 'level'),
      );
    },
  );

  it.each([[undefined], [null], [''], ['  ']])(
    'R1.14 an agreement names the responsible unit: unitId %j is invalid: assignment.unitRequired on unitId',
    (unitId) => {
      expect(decide('mediating', 'recordMeeting', meeting('group', 'agreement', unitId))).toEqual(
        invalid('assignment.unitRequired', 'unitId'),
      );
    },
  );

  it('R1.14, R1.17 an agreement with a unit goes to assignment; without agreement no unit is needed', () => {
    expect(decide('mediating', 'recordMeeting', meeting('group', 'agreement', 3))).toMatchObject({
      ok: true,
      transition: { to: 'assignmentProposed', rule: 'R1.14, R1.17' },
    });
    expect(decide('mediating', 'recordMeeting', meeting('group', 'noAgreement'))).toMatchObject({
      ok: true,
      transition: { to: 'mediating' },
    });
  });

  it('an outcome that is neither agreement nor noAgreement is invalid', () => {
    expect(
      decide('mediating', 'recordMeeting', { ...meeting('group', 'noAgreement'), outcome: 'maybe' }),
    ).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
  });
});

describe('R1.22 review against the five criteria', () => {
  const crit = (overrides: Partial<Record<ReviewCriterion, unknown>> = {}) => ({
    criteria: {
      ...Object.fromEntries(REVIEW_CRITERIA.map((k) => [k, { pass: true, note: '' }])),
      ...overrides,
    },
  });
  const without = (k: ReviewCriterion) => {
    const c = crit().criteria as Record<string, unknown>;
    delete c[k];
    return { criteria: c };
  };

  it('all five pass: awaitingSignOff', () => {
    expect(decide('underReview', 'reviewCase', crit())).toMatchObject({
      ok: true,
      transition: { to: 'awaitingSignOff' },
    });
  });

  it.each(REVIEW_CRITERIA.map((k) => [k] as const))('%s fails with a note: sent back to handling', (k) => {
    expect(decide('underReview', 'reviewCase', crit({ [k]: { pass: false, note: '需补充调查' } }))).toMatchObject({
      ok: true,
      transition: { to: 'handling' },
    });
  });

  it.each(REVIEW_CRITERIA.map((k) => [k, k] as const))(
    '%s missing: review.criterionMissing on field criteria.%s',
    (k) => {
      expect(decide('underReview', 'reviewCase', without(k))).toEqual(
        invalid('review.criterionMissing', `criteria.${k}`),
      );
    },
  );

  it.each(REVIEW_CRITERIA.map((k) => [k] as const))('%s with a pass that is not true/false counts as missing', (k) => {
    for (const v of [{}, { pass: 'yes' }, { pass: null }, null]) {
      expect(decide('underReview', 'reviewCase', crit({ [k]: v }))).toEqual(
        invalid('review.criterionMissing', `criteria.${k}`),
      );
    }
  });

  it('no criteria at all: the first one is reported missing', () => {
    expect(decide('underReview', 'reviewCase', {})).toEqual(invalid('review.criterionMissing', 'criteria.factsClear'));
  });

  it.each(REVIEW_CRITERIA.map((k) => [k, k] as const))(
    '%s fails without a note: review.failNoteRequired on field criteria.%s.note',
    (k) => {
      for (const note of [undefined, '', '   ']) {
        expect(decide('underReview', 'reviewCase', crit({ [k]: { pass: false, note } }))).toEqual(
          invalid('review.failNoteRequired', `criteria.${k}.note`),
        );
      }
    },
  );

  it('several fail: the one without a note is pointed at', () => {
    const input = crit({
      factsClear: { pass: false, note: '事实不清' },
      basisSufficient: { pass: false, note: '' },
    });
    expect(decide('underReview', 'reviewCase', input)).toEqual(
      invalid('review.failNoteRequired', 'criteria.basisSufficient.note'),
    );
  });
});

describe('R1.21 the unit head signs and seals', () => {
  it('sealed: under review', () => {
    expect(decide('opinionDelivered', 'unitSignOff', { headName: '李局长', sealed: true })).toMatchObject({
      ok: true,
      transition: { to: 'underReview' },
    });
  });

  it.each([[false], [undefined], ['true'], [1]])('sealed %j is invalid: opinion.sealRequired on sealed', (sealed) => {
    expect(decide('opinionDelivered', 'unitSignOff', { headName: '李局长', sealed })).toEqual(
      invalid('opinion.sealRequired', 'sealed'),
    );
  });

  it('only the unit head signs off (R1.21): the unit handler is forbidden', () => {
    expect(decideTransition('opinionDelivered', 'unitSignOff', ['unitHandler'], { sealed: true }, facts())).toEqual({
      ok: false,
      kind: 'forbidden',
      code: 'auth.forbidden',
    });
  });
});

/** Required text (or id) inputs: each must be present and not blank. */
interface Required {
  rule: string;
  from: MatterState;
  action: MatterAction;
  base: ActionInput;
  field: string;
  code: string;
  facts?: Partial<MatterFacts>;
}
// prettier-ignore
const REQUIRED: readonly Required[] = [
  { rule: 'R1.8', from: 'accepted', action: 'transferToCounty', base: { unitId: 12 }, field: 'unitId', code: 'transfer.countyRequired', facts: { localityIsCounty: true } },
  { rule: 'R1.8', from: 'transferred', action: 'countyAnswer', base: { answer: '已答复信访人', answeredOn: '2026-06-01' }, field: 'answer', code: 'transfer.answerRequired', facts: { countyStep: 'received' } },
  { rule: 'R1.12', from: 'accepted', action: 'recordLegalAid', base: { qualifies: true, note: '已协助申请法律援助' }, field: 'note', code: 'matter.noteRequired' },
  { rule: 'R1.16', from: 'accepted', action: 'proposeAssignment', base: { unitId: 3 }, field: 'unitId', code: 'assignment.unitRequired' },
  { rule: 'R1.16', from: 'assignmentProposed', action: 'refuseAssignment', base: { reason: '应先行调解' }, field: 'reason', code: 'matter.reasonRequired' },
  { rule: 'R1.18', from: 'assigned', action: 'object', base: { reason: '不属本单位职责' }, field: 'reason', code: 'matter.reasonRequired', facts: { objectionOpen: true } },
  { rule: 'R1.18', from: 'objected', action: 'reassign', base: { unitId: 5 }, field: 'unitId', code: 'assignment.unitRequired' },
  { rule: 'R1.7', from: 'handling', action: 'urge', base: { reason: '信访人再次来访' }, field: 'reason', code: 'matter.reasonRequired' },
  { rule: 'R1.7', from: 'assigned', action: 'summonHandler', base: { summonedFor: '2026-03-05 09:00' }, field: 'summonedFor', code: 'matter.summonTimeRequired' },
  { rule: 'R1.20', from: 'handling', action: 'supervise', base: { kind: 'daily', demand: '本周答复', progress: '已约谈' }, field: 'demand', code: 'matter.demandRequired' },
  { rule: 'R1.20', from: 'handling', action: 'supervise', base: { kind: 'daily', demand: '本周答复', progress: '已约谈' }, field: 'progress', code: 'matter.progressRequired' },
  { rule: 'R1.19', from: 'handling', action: 'requestExtension', base: { days: 30, reason: '需补充调查' }, field: 'reason', code: 'matter.reasonRequired' },
  { rule: 'R1.19', from: 'handling', action: 'refuseExtension', base: { reason: '期限内可以办结' }, field: 'reason', code: 'matter.reasonRequired', facts: { extensionPending: true } },
  { rule: 'R1.22a', from: 'handling', action: 'fileSpecialReport', base: { report: '专案汇报' }, field: 'report', code: 'matter.reportRequired', facts: { leaderDay: true } },
  ...(['facts', 'reasons', 'basis'] as const).map(
    (field): Required => ({
      rule: 'R1.21', from: 'handling', action: 'issueOpinion', base: { outcome: 'support', facts: '事实', reasons: '理由', basis: '依据' },
      field, code: `matter.${field}Required`,
    }),
  ),
  { rule: 'R1.21', from: 'awaitingSignOff', action: 'deemClosed', base: { reason: '无合理诉求' }, field: 'reason', code: 'matter.reasonRequired', facts: { petitionerView: 'disagree' } },
  { rule: '复查', from: 'closed', action: 'requestReview', base: { organ: '市人民政府' }, field: 'organ', code: 'matter.organRequired', facts: OPINION },
  { rule: '复查', from: 'inReview', action: 'recordReviewResult', base: { result: '维持' }, field: 'result', code: 'matter.resultRequired' },
  { rule: '复核', from: 'reviewed', action: 'requestReReview', base: { organ: '省信访局' }, field: 'organ', code: 'matter.organRequired', facts: { reReviewWindowOpen: true } },
  { rule: '复核', from: 'inReReview', action: 'recordReReviewResult', base: { result: '维持' }, field: 'result', code: 'matter.resultRequired' },
];

describe('required inputs', () => {
  it.each(REQUIRED.map((r) => [`${r.rule} ${r.action} from ${r.from}`, r.field, r] as const))(
    '%s: %s given → allowed; missing or blank → invalid on that field',
    (_n, _f, r) => {
      expect(decide(r.from, r.action, r.base, r.facts)).toMatchObject({ ok: true });
      for (const v of [undefined, null, '', '   ', '\u3000']) {
        expect(decide(r.from, r.action, { ...r.base, [r.field]: v }, r.facts)).toEqual(invalid(r.code, r.field));
      }
    },
  );

  it('ids may be given as numbers (the contracts coerce them) or as text', () => {
    expect(decide('accepted', 'proposeAssignment', { unitId: 3 })).toMatchObject({ ok: true });
    expect(decide('accepted', 'proposeAssignment', { unitId: '3' })).toMatchObject({ ok: true });
    expect(decide('accepted', 'proposeAssignment', { unitId: Number.NaN })).toEqual(
      invalid('assignment.unitRequired', 'unitId'),
    );
  });

  it.each([
    ['accept', 'registered'],
    ['approveAssignment', 'assignmentProposed'],
    ['signFor', 'assigned'],
    ['notifyAcceptance', 'mediating'],
    ['recordDelivery', 'opinionIssued'],
  ] as const)('%s from %s needs no particular input', (action, from) => {
    expect(decide(from, action, {})).toMatchObject({ ok: true });
  });

  it('rate from closed needs no particular input while the rating is open', () => {
    expect(decide('closed', 'rate', {}, { ratingOpen: true })).toMatchObject({ ok: true });
  });
});
