/**
 * The petition matter workflow as one table (HOUSE rule 3). The server allows only these rows,
 * the API lists each matter's allowed actions from it, the UI shows only those buttons, and
 * workflow.test.ts tests every row. docs/workflow.md is generated from it.
 *
 * A row: from a state, an action, by a permission, to a state. `guard` looks at facts about the
 * matter (the server computes them; they decide whether the button shows), `accepts` at the
 * action's input (it also chooses between rows of the same from+action, e.g. a direct reply the
 * petitioner accepts closes the matter, one he or she rejects leaves it accepted).
 */
import { Permission, can, type Role } from './roles.ts';

export const MatterState = {
  /** Registered at the desk and routed to a window, waiting for the receptionist (R1.1). */
  registered: 'registered',
  /** Accepted as a petition (R1.5); open until answered, mediated, transferred or assigned. */
  accepted: 'accepted',
  /** Not accepted: belongs to a legal channel or another authority (R1.5b, R4.2). */
  notAccepted: 'notAccepted',
  /** No longer accepted: already handled to the end (R1.5b, R1.9). */
  noLongerAccepted: 'noLongerAccepted',
  /** Transferred out: to the competent county (R1.8) or to a reconsideration, arbitration or judicial window (R1.10, R1.11). */
  transferred: 'transferred',
  /** In in-hall mediation (R1.13–R1.15). */
  mediating: 'mediating',
  /** Filing and assignment proposed, waiting for the director or a deputy (R1.16). */
  assignmentProposed: 'assignmentProposed',
  /** Assigned to a unit with a letter and a deadline; the unit signs for it or objects (R1.18). */
  assigned: 'assigned',
  /** The unit objected that it is not competent; the hall reassigns (R1.18). */
  objected: 'objected',
  /** The unit signed for it and is handling it within the deadline (R1.19, R1.20). */
  handling: 'handling',
  /** The unit issued its handling opinion (R1.21). */
  opinionIssued: 'opinionIssued',
  /** The opinion was delivered and the petitioner's view recorded (R1.21). */
  opinionDelivered: 'opinionDelivered',
  /** The unit head signed and sealed; the assigning window reviews against five criteria (R1.22). */
  underReview: 'underReview',
  /** Passed review; waiting for the director's or a deputy's sign-off (R1.21). */
  awaitingSignOff: 'awaitingSignOff',
  /** Closed: the petitioner agreed (direct reply R1.6, or the handling opinion R1.21). */
  closed: 'closed',
  /** Deemed closed: the petitioner disagreed without a reasonable demand, approved by the director (R1.21). */
  closedDeemed: 'closedDeemed',
  /** The petitioner requested review (复查) by the higher organ. */
  inReview: 'inReview',
  /** The review answered; the petitioner may request re-review (复核) within the limit. */
  reviewed: 'reviewed',
  /** Re-review (复核) under way. */
  inReReview: 'inReReview',
  /** Three-level termination: after re-review the matter is closed for good (R1.9). */
  terminated: 'terminated',
} as const;
export type MatterState = (typeof MatterState)[keyof typeof MatterState];
export const MATTER_STATES = Object.values(MatterState);

export const MatterAction = {
  accept: 'accept',
  notAccept: 'notAccept',
  noLongerAccept: 'noLongerAccept',
  directReply: 'directReply',
  transferToCounty: 'transferToCounty',
  transferToChannel: 'transferToChannel',
  recordLegalAid: 'recordLegalAid',
  countyReceive: 'countyReceive',
  countyAnswer: 'countyAnswer',
  startMediation: 'startMediation',
  recordMeeting: 'recordMeeting',
  notifyAcceptance: 'notifyAcceptance',
  proposeAssignment: 'proposeAssignment',
  approveAssignment: 'approveAssignment',
  refuseAssignment: 'refuseAssignment',
  signFor: 'signFor',
  object: 'object',
  reassign: 'reassign',
  urge: 'urge',
  summonHandler: 'summonHandler',
  supervise: 'supervise',
  requestExtension: 'requestExtension',
  approveExtension: 'approveExtension',
  refuseExtension: 'refuseExtension',
  fileSpecialReport: 'fileSpecialReport',
  issueOpinion: 'issueOpinion',
  recordDelivery: 'recordDelivery',
  unitSignOff: 'unitSignOff',
  reviewCase: 'reviewCase',
  signOff: 'signOff',
  deemClosed: 'deemClosed',
  requestReview: 'requestReview',
  recordReviewResult: 'recordReviewResult',
  requestReReview: 'requestReReview',
  recordReReviewResult: 'recordReReviewResult',
  rate: 'rate',
} as const;
export type MatterAction = (typeof MatterAction)[keyof typeof MatterAction];
export const MATTER_ACTIONS = Object.values(MatterAction);

/** Mediation levels, in the order a failed meeting escalates (R1.14, R1.15). */
export const MediationLevel = {
  group: 'group', // 分组调解会议, chaired by the group's lead window
  deputyDirector: 'deputyDirector', // 分管副主任主持
  directorMeeting: 'directorMeeting', // 大厅主任会议 → 会议纪要
  jointConference: 'jointConference', // 市联席会议
} as const;
export type MediationLevel = (typeof MediationLevel)[keyof typeof MediationLevel];
export const MEDIATION_LEVELS = Object.values(MediationLevel);

/**
 * R1.14, R1.15: the levels the next meeting may be held at, given the highest held so far: the first
 * meeting is a group meeting; after that the same level or the next one up, never lower.
 * The recordMeeting guard (meetingLevel) accepts exactly these, so the UI offers what the server allows.
 */
export function nextMediationLevels(current: MediationLevel | null): MediationLevel[] {
  if (current === null) return [MEDIATION_LEVELS[0]];
  const i = MEDIATION_LEVELS.indexOf(current);
  return MEDIATION_LEVELS.slice(i, i + 2);
}

/** The five review criteria (R1.22). */
export const REVIEW_CRITERIA = ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];

/** Facts about a matter that guards read; the server computes them from the records and `today`. */
export interface MatterFacts {
  /** R1.9: the same person's same matter was found to have no reasonable demand, or was terminated. */
  noLongerMediable: boolean;
  /**
   * R1.9, R1.5a: the system found an earlier matter of the same person on the same subject that was
   * terminated after three levels, deemed closed or no longer accepted: accepting this one needs the
   * receptionist's reason why it is a new matter (new facts and reasons).
   */
  sameMatterClosedForGood: boolean;
  /** R1.8: the matter's locality is a county-level division. */
  localityIsCounty: boolean;
  /** The highest mediation level held so far, if any. */
  mediationLevel: MediationLevel | null;
  /** R1.18: the unit may still object (within 5 working days of the assignment). */
  objectionOpen: boolean;
  /** R1.19: an extension request waits for a decision. */
  extensionPending: boolean;
  /** R1.22a: a leader-reception-day case and whether the unit filed its special report. */
  leaderDay: boolean;
  specialReportFiled: boolean;
  /** R1.21: the petitioner's view of the delivered opinion. */
  petitionerView: 'agree' | 'disagree' | 'none' | null;
  /** A handling opinion exists (review can be requested only of an opinion). */
  hasOpinion: boolean;
  /** Review / re-review may still be requested (30 days). */
  reviewWindowOpen: boolean;
  reReviewWindowOpen: boolean;
  /** The petitioner's rating may be recorded: closed, not yet rated, within the rating period. */
  ratingOpen: boolean;
  /** Today in China ('YYYY-MM-DD'): dates the user enters may not be later. '' when unknown: no date passes. */
  today: string;
  /** R1.8: the county units (the county's government and its petition office) of the matter's locality. */
  countyUnitIds: number[];
  /**
   * R1.8: where a matter transferred to a county stands there: sent (not yet received), received,
   * answered (the county's answer to the petitioner recorded); null when it was not transferred to a county.
   */
  countyStep: CountyStep | null;
  /** The due day of the running review / re-review request window, if one runs (复查/复核). */
  reviewRequestDue: string | null;
  reReviewRequestDue: string | null;
}

export const NO_FACTS: MatterFacts = {
  noLongerMediable: false,
  sameMatterClosedForGood: false,
  localityIsCounty: false,
  mediationLevel: null,
  objectionOpen: false,
  extensionPending: false,
  leaderDay: false,
  specialReportFiled: false,
  petitionerView: null,
  hasOpinion: false,
  reviewWindowOpen: false,
  reReviewWindowOpen: false,
  ratingOpen: false,
  today: '',
  countyUnitIds: [],
  countyStep: null,
  reviewRequestDue: null,
  reReviewRequestDue: null,
};

/** R1.8: the steps of a matter at the county it was transferred to, in order. */
export const COUNTY_STEPS = ['sent', 'received', 'answered'] as const;
export type CountyStep = (typeof COUNTY_STEPS)[number];

export type ActionInput = Record<string, unknown>;

/** A failed guard names a message code (messages.ts) and, for input, the field it is about. */
export interface GuardFailure {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export interface Transition {
  from: MatterState;
  action: MatterAction;
  to: MatterState;
  permission: Permission;
  /** The rule the row implements, for docs and tests. */
  rule: string;
  /** Whether the action is possible given the matter's facts (decides whether the button shows). */
  guard?: FactCheck;
  /** Checks the action's input and chooses between rows of the same (from, action). */
  accepts?: InputCheck;
}

/** A check with a short readable English label: docs/workflow.md prints it in the guard column. */
export type Labelled<F> = F & { readonly label: string };
export type FactCheck = Labelled<(facts: MatterFacts) => GuardFailure | undefined>;
export type InputCheck = Labelled<(input: ActionInput, facts: MatterFacts) => GuardFailure | undefined>;

/** Attaches its label to a check. */
const named = <F extends (...args: never[]) => GuardFailure | undefined>(label: string, fn: F): Labelled<F> =>
  Object.assign(fn, { label });

// ---- guards ------------------------------------------------------------------------------------

const nonBlank = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
/** A required input: non-blank text, or a number (ids). */
const present = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : nonBlank(v));
const need = (field: string, code = `matter.${field}Required`): InputCheck =>
  named(`${field} required`, (input: ActionInput) => (present(input[field]) ? undefined : { code, field }));
/** The checks in order; the first failure is the answer. Its label joins theirs. */
const all = (...checks: InputCheck[]): InputCheck =>
  named(
    checks.map((c) => c.label).join(', '),
    (input: ActionInput, facts: MatterFacts) => {
      for (const c of checks) {
        const f = c(input, facts);
        if (f) return f;
      }
      return undefined;
    },
  );

const needsReason = need('reason');

const petitionerCeases = named('reply given, petitioner agrees and ceases, signed', (input: ActionInput) => {
  if (!nonBlank(input.reply)) return { code: 'matter.replyRequired', field: 'reply' };
  if (!(input.agrees && input.ceases)) return { code: 'matter.notCeased' };
  if (!nonBlank(input.signedName)) return { code: 'matter.signatureRequired', field: 'signedName' };
  return undefined;
});
const petitionerDoesNotCease = named('reply given, petitioner does not agree to cease', (input: ActionInput) => {
  if (!nonBlank(input.reply)) return { code: 'matter.replyRequired', field: 'reply' };
  return input.agrees && input.ceases ? { code: 'matter.ceased' } : undefined;
});

/** R1.9: the same matter, closed for good before, is accepted only as a new matter, with the reason why. */
const newMatterIfClosedForGood = named('a new-matter reason when the same matter was closed for good', (input: ActionInput, facts: MatterFacts) =>
  !facts.sameMatterClosedForGood || nonBlank(input.newMatterReason)
    ? undefined
    : { code: 'matter.sameMatterTerminated', field: 'newMatterReason' },
);

const consentGiven = named('petitioner consents', (input: ActionInput) =>
  input.consent === true ? undefined : { code: 'matter.consentRequired', field: 'consent' },
);

/**
 * A date the user enters ('YYYY-MM-DD') that may not be later than today. A missing date is the
 * contract's to refuse (it requires one); an unknown today ('') lets no date pass.
 */
const afterToday = (v: unknown, f: MatterFacts) => typeof v === 'string' && (f.today === '' || v > f.today);

/** R1.14, R1.15: a meeting is at the current level or the next one up, never lower. */
const meetingLevel = named('meeting at the level held so far or the next one up', (input: ActionInput, facts: MatterFacts) => {
  const level = MEDIATION_LEVELS.indexOf(input.level as MediationLevel);
  if (level < 0) return { code: 'validation.invalidOption', field: 'level' };
  const current = facts.mediationLevel ? MEDIATION_LEVELS.indexOf(facts.mediationLevel) : -1;
  if (current < 0 && level !== 0) return { code: 'mediation.startAtGroup', field: 'level' };
  if (level < current) return { code: 'mediation.levelBelowCurrent', field: 'level' };
  if (level > current + 1) return { code: 'mediation.skipsLevel', field: 'level' };
  return undefined;
});
/** The meeting was held (not later than today); the date the unit promised is not before it. */
const meetingDates = named('meeting not later than today, promised date not before it', (input: ActionInput, facts: MatterFacts) => {
  if (afterToday(input.heldOn, facts)) return { code: 'mediation.meetingInFuture', field: 'heldOn' };
  const { heldOn, promisedDate } = input;
  if (typeof promisedDate === 'string' && promisedDate !== '' && typeof heldOn === 'string' && promisedDate < heldOn)
    return { code: 'mediation.promisedBeforeMeeting', field: 'promisedDate' };
  return undefined;
});
const agreement = named('agreement reached', (input: ActionInput) =>
  input.outcome === 'agreement' ? undefined : { code: 'mediation.noAgreement' },
);
const noAgreement = named('no agreement', (input: ActionInput) =>
  input.outcome === 'noAgreement' ? undefined : { code: 'mediation.agreementReached' },
);

/** R1.8: the unit is the county (its government or its petition office) of the matter's locality. */
const countyOfLocality = named("unit is the locality's county", (input: ActionInput, facts: MatterFacts) =>
  facts.countyUnitIds.includes(Number(input.unitId)) ? undefined : { code: 'transfer.notTheCounty', field: 'unitId' },
);

/** 复查/复核: requested on a day not later than today, within the request window (its due day included). */
const requestedInWindow = (due: 'reviewRequestDue' | 'reReviewRequestDue') =>
  named('requested not later than today, within the window', (input: ActionInput, facts: MatterFacts) => {
    const on = input.requestedOn;
    if (typeof on !== 'string') return undefined;
    if (afterToday(on, facts)) return { code: 'review.requestedInFuture', field: 'requestedOn' };
    const until = facts[due];
    return until === null || on > until ? { code: 'review.windowClosed', field: 'requestedOn' } : undefined;
  });

/** R1.8: the county's answer was given on a day not later than today. */
const answeredNotLater = named('answered not later than today', (input: ActionInput, facts: MatterFacts) =>
  afterToday(input.answeredOn, facts) ? { code: 'transfer.answeredInFuture', field: 'answeredOn' } : undefined,
);

const deliveredNotLater = named('delivered not later than today', (input: ActionInput, facts: MatterFacts) =>
  afterToday(input.deliveredOn, facts) ? { code: 'opinion.deliveredInFuture', field: 'deliveredOn' } : undefined,
);

const sealed = named('sealed', (input: ActionInput) =>
  input.sealed === true ? undefined : { code: 'opinion.sealRequired', field: 'sealed' },
);

const criteriaPass = named('all five criteria pass', (input: ActionInput) => {
  const c = (input.criteria ?? {}) as Record<string, { pass?: boolean } | undefined>;
  const missing = REVIEW_CRITERIA.find((k) => typeof c[k]?.pass !== 'boolean');
  if (missing) return { code: 'review.criterionMissing', field: `criteria.${missing}` };
  return REVIEW_CRITERIA.every((k) => c[k]!.pass) ? undefined : { code: 'review.failed' };
});
const criteriaFail = named('a criterion fails, each failure with a note', (input: ActionInput) => {
  const c = (input.criteria ?? {}) as Record<string, { pass?: boolean; note?: string } | undefined>;
  const missing = REVIEW_CRITERIA.find((k) => typeof c[k]?.pass !== 'boolean');
  if (missing) return { code: 'review.criterionMissing', field: `criteria.${missing}` };
  const failed = REVIEW_CRITERIA.filter((k) => !c[k]!.pass);
  if (failed.length === 0) return { code: 'review.passed' };
  const noNote = failed.find((k) => !nonBlank(c[k]!.note));
  return noNote ? { code: 'review.failNoteRequired', field: `criteria.${noNote}.note` } : undefined;
});

const guard = {
  mediable: named('not closed for good before (mediable)', (f: MatterFacts) =>
    f.noLongerMediable ? { code: 'matter.noLongerMediable' } : undefined,
  ),
  county: named('locality is a county', (f: MatterFacts) =>
    f.localityIsCounty ? undefined : { code: 'transfer.notCountyMatter' },
  ),
  countyAwaitsReceipt: named('transferred to a county, not yet received there', (f: MatterFacts) =>
    f.countyStep === null ? { code: 'transfer.notToCounty' } : f.countyStep === 'sent' ? undefined : { code: 'transfer.alreadyReceived' },
  ),
  countyAwaitsAnswer: named('received by the county, not yet answered', (f: MatterFacts) => {
    if (f.countyStep === null) return { code: 'transfer.notToCounty' };
    if (f.countyStep === 'sent') return { code: 'transfer.notReceived' };
    return f.countyStep === 'answered' ? { code: 'transfer.alreadyAnswered' } : undefined;
  }),
  objectionOpen: named('objection period open', (f: MatterFacts) =>
    f.objectionOpen ? undefined : { code: 'assignment.objectionPeriodOver' },
  ),
  noPendingExtension: named('no extension request pending', (f: MatterFacts) =>
    f.extensionPending ? { code: 'extension.pending' } : undefined,
  ),
  pendingExtension: named('an extension request pending', (f: MatterFacts) =>
    f.extensionPending ? undefined : { code: 'extension.nonePending' },
  ),
  leaderDay: named('leader-reception-day case', (f: MatterFacts) => (f.leaderDay ? undefined : { code: 'matter.notLeaderDay' })),
  agreed: named('petitioner agreed; a leader-day case has its special report', (f: MatterFacts) => {
    if (f.petitionerView !== 'agree') return { code: 'closing.petitionerDidNotAgree' };
    if (f.leaderDay && !f.specialReportFiled) return { code: 'closing.specialReportMissing' };
    return undefined;
  }),
  notAgreed: named('petitioner did not agree; a leader-day case has its special report', (f: MatterFacts) => {
    if (f.petitionerView === 'agree') return { code: 'closing.petitionerAgreed' };
    if (f.leaderDay && !f.specialReportFiled) return { code: 'closing.specialReportMissing' };
    return undefined;
  }),
  reviewOpen: named('an opinion exists, review window open', (f: MatterFacts) =>
    !f.hasOpinion ? { code: 'review.noOpinion' } : f.reviewWindowOpen ? undefined : { code: 'review.windowClosed' },
  ),
  reReviewOpen: named('re-review window open', (f: MatterFacts) =>
    f.reReviewWindowOpen ? undefined : { code: 'review.windowClosed' },
  ),
  ratingOpen: named('rating open (closed, not rated, within the period)', (f: MatterFacts) =>
    f.ratingOpen ? undefined : { code: 'satisfaction.closed' },
  ),
};

// ---- the table ---------------------------------------------------------------------------------

const S = MatterState;
const P = Permission;

/** States in which the case is in the unit's hands: it can be urged and its handler summoned (R1.7). */
const IN_PROGRESS: MatterState[] = [S.assigned, S.objected, S.handling, S.opinionIssued, S.opinionDelivered, S.underReview];
/** States after closing in which the petitioner's rating is recorded. */
const RATEABLE: MatterState[] = [S.closed, S.closedDeemed, S.reviewed, S.terminated];

const row = (t: Transition) => t;

export const MATTER_TRANSITIONS: readonly Transition[] = [
  // Reception (R1.5, R1.5b)
  row({
    from: S.registered,
    action: 'accept',
    to: S.accepted,
    permission: P.matterDecide,
    rule: 'R1.5, R1.9',
    accepts: newMatterIfClosedForGood,
  }),
  row({
    from: S.registered,
    action: 'notAccept',
    to: S.notAccepted,
    permission: P.matterDecide,
    rule: 'R1.5b',
    accepts: all(needsReason, need('channel')),
  }),
  row({ from: S.registered, action: 'noLongerAccept', to: S.noLongerAccepted, permission: P.matterDecide, rule: 'R1.5b', accepts: needsReason }),

  // Direct handling (R1.6–R1.12)
  row({ from: S.accepted, action: 'directReply', to: S.closed, permission: P.matterReply, rule: 'R1.6', accepts: petitionerCeases }),
  row({ from: S.accepted, action: 'directReply', to: S.accepted, permission: P.matterReply, rule: 'R1.6', accepts: petitionerDoesNotCease }),
  row({
    from: S.accepted,
    action: 'transferToCounty',
    to: S.transferred,
    permission: P.matterTransfer,
    rule: 'R1.8',
    guard: guard.county,
    accepts: all(need('unitId', 'transfer.countyRequired'), countyOfLocality),
  }),
  row({
    from: S.accepted,
    action: 'transferToChannel',
    to: S.transferred,
    permission: P.matterTransfer,
    rule: 'R1.10, R1.11',
    accepts: all(consentGiven, need('channel', 'transfer.channelRequired')),
  }),
  row({ from: S.accepted, action: 'recordLegalAid', to: S.accepted, permission: P.matterTransfer, rule: 'R1.12', accepts: need('note') }),
  // R1.8: the county the matter went to records its receipt, then the answer it gave the petitioner
  // (records in place; only the staff of that unit, the service checks: matter-access.ts).
  row({ from: S.transferred, action: 'countyReceive', to: S.transferred, permission: P.transferAnswer, rule: 'R1.8', guard: guard.countyAwaitsReceipt }),
  row({
    from: S.transferred,
    action: 'countyAnswer',
    to: S.transferred,
    permission: P.transferAnswer,
    rule: 'R1.8',
    guard: guard.countyAwaitsAnswer,
    accepts: all(need('answer', 'transfer.answerRequired'), answeredNotLater),
  }),

  // Mediation (R1.13–R1.15)
  row({ from: S.accepted, action: 'startMediation', to: S.mediating, permission: P.matterMediate, rule: 'R1.13, R1.9', guard: guard.mediable }),
  row({ from: S.mediating, action: 'recordMeeting', to: S.mediating, permission: P.matterMediate, rule: 'R1.14, R1.15', accepts: all(meetingLevel, noAgreement, meetingDates) }),
  row({
    from: S.mediating,
    action: 'recordMeeting',
    to: S.assignmentProposed,
    permission: P.matterMediate,
    rule: 'R1.14, R1.17',
    accepts: all(meetingLevel, agreement, need('unitId', 'assignment.unitRequired'), meetingDates),
  }),
  row({ from: S.mediating, action: 'notifyAcceptance', to: S.mediating, permission: P.matterMediate, rule: 'R1.13' }),

  // Filing and assignment (R1.16–R1.18)
  row({
    from: S.accepted,
    action: 'proposeAssignment',
    to: S.assignmentProposed,
    permission: P.assignmentPropose,
    rule: 'R1.16, R1.17',
    accepts: need('unitId', 'assignment.unitRequired'),
  }),
  row({ from: S.assignmentProposed, action: 'approveAssignment', to: S.assigned, permission: P.assignmentApprove, rule: 'R1.16, R1.18' }),
  row({ from: S.assignmentProposed, action: 'refuseAssignment', to: S.accepted, permission: P.assignmentApprove, rule: 'R1.16', accepts: needsReason }),
  row({ from: S.assigned, action: 'signFor', to: S.handling, permission: P.assignmentRespond, rule: 'R1.18' }),
  row({
    from: S.assigned,
    action: 'object',
    to: S.objected,
    permission: P.assignmentRespond,
    rule: 'R1.18',
    guard: guard.objectionOpen,
    accepts: needsReason,
  }),
  row({
    from: S.objected,
    action: 'reassign',
    to: S.assigned,
    permission: P.assignmentPropose,
    rule: 'R1.18',
    accepts: need('unitId', 'assignment.unitRequired'),
  }),

  // In progress: urging, summoning (R1.7), supervision (R1.20)
  ...IN_PROGRESS.flatMap((from) => [
    row({ from, action: 'urge', to: from, permission: P.matterUrge, rule: 'R1.7', accepts: needsReason }),
    row({ from, action: 'summonHandler', to: from, permission: P.matterUrge, rule: 'R1.7', accepts: need('summonedFor', 'matter.summonTimeRequired') }),
  ]),
  ...[S.assigned, S.handling].map((from) =>
    row({ from, action: 'supervise', to: from, permission: P.supervisionRecord, rule: 'R1.20', accepts: all(need('demand'), need('progress')) }),
  ),

  // Handling and its deadline (R1.19, R1.22a)
  row({
    from: S.handling,
    action: 'requestExtension',
    to: S.handling,
    permission: P.unitHandle,
    rule: 'R1.19',
    guard: guard.noPendingExtension,
    accepts: needsReason,
  }),
  row({ from: S.handling, action: 'approveExtension', to: S.handling, permission: P.extensionDecide, rule: 'R1.19', guard: guard.pendingExtension }),
  row({
    from: S.handling,
    action: 'refuseExtension',
    to: S.handling,
    permission: P.extensionDecide,
    rule: 'R1.19',
    guard: guard.pendingExtension,
    accepts: needsReason,
  }),
  // R1.22a: the leader-day report can be filed any time before the case closes.
  ...[S.handling, S.opinionIssued, S.opinionDelivered, S.underReview, S.awaitingSignOff].map((from) =>
    row({ from, action: 'fileSpecialReport', to: from, permission: P.unitHandle, rule: 'R1.22a', guard: guard.leaderDay, accepts: need('report') }),
  ),

  // Opinion, review, closing (R1.21, R1.22)
  row({
    from: S.handling,
    action: 'issueOpinion',
    to: S.opinionIssued,
    permission: P.opinionIssue,
    rule: 'R1.21',
    accepts: all(need('facts'), need('reasons'), need('basis')),
  }),
  row({ from: S.opinionIssued, action: 'recordDelivery', to: S.opinionDelivered, permission: P.opinionIssue, rule: 'R1.21', accepts: deliveredNotLater }),
  row({
    from: S.opinionDelivered,
    action: 'unitSignOff',
    to: S.underReview,
    permission: P.opinionSignOff,
    rule: 'R1.21',
    accepts: sealed,
  }),
  row({ from: S.underReview, action: 'reviewCase', to: S.awaitingSignOff, permission: P.caseReview, rule: 'R1.22', accepts: criteriaPass }),
  row({ from: S.underReview, action: 'reviewCase', to: S.handling, permission: P.caseReview, rule: 'R1.22', accepts: criteriaFail }),
  row({ from: S.awaitingSignOff, action: 'signOff', to: S.closed, permission: P.caseClose, rule: 'R1.21, R1.22a', guard: guard.agreed }),
  row({
    from: S.awaitingSignOff,
    action: 'deemClosed',
    to: S.closedDeemed,
    permission: P.caseClose,
    rule: 'R1.21, R1.22a',
    guard: guard.notAgreed,
    accepts: needsReason,
  }),

  // Review and re-review (复查/复核); after re-review: three-level termination (R1.9)
  ...[S.closed, S.closedDeemed].map((from) =>
    row({ from, action: 'requestReview', to: S.inReview, permission: P.reviewRecord, rule: '复查', guard: guard.reviewOpen, accepts: all(need('organ'), requestedInWindow('reviewRequestDue')) }),
  ),
  row({ from: S.inReview, action: 'recordReviewResult', to: S.reviewed, permission: P.reviewRecord, rule: '复查', accepts: need('result') }),
  row({
    from: S.reviewed,
    action: 'requestReReview',
    to: S.inReReview,
    permission: P.reviewRecord,
    rule: '复核',
    guard: guard.reReviewOpen,
    accepts: all(need('organ'), requestedInWindow('reReviewRequestDue')),
  }),
  row({ from: S.inReReview, action: 'recordReReviewResult', to: S.terminated, permission: P.reviewRecord, rule: '复核, R1.9', accepts: need('result') }),

  // Satisfaction, rated separately for the unit and the petition office
  ...RATEABLE.map((from) =>
    row({ from, action: 'rate', to: from, permission: P.satisfactionRecord, rule: 'satisfaction', guard: guard.ratingOpen }),
  ),
];

export type TransitionDecision =
  | { ok: true; transition: Transition }
  | { ok: false; code: string; field?: string; params?: Record<string, string | number>; kind: 'forbidden' | 'conflict' | 'invalid' };

/** Actions the roles may take from a state given the matter's facts: the buttons the UI shows. */
export function allowedActions(state: MatterState, roles: readonly Role[], facts: MatterFacts = NO_FACTS): MatterAction[] {
  const out: MatterAction[] = [];
  for (const t of MATTER_TRANSITIONS) {
    if (t.from === state && can(roles, t.permission) && !t.guard?.(facts) && !out.includes(t.action)) out.push(t.action);
  }
  return out;
}

/**
 * Decide whether `action` with `input` may be taken from `state` by `roles`, and which row applies.
 * Refusals say why: no such row or the facts forbid it (conflict), not permitted (forbidden),
 * input fails the rule (invalid).
 */
export function decideTransition(
  state: MatterState,
  action: MatterAction,
  roles: readonly Role[],
  input: ActionInput,
  facts: MatterFacts = NO_FACTS,
): TransitionDecision {
  const rows = MATTER_TRANSITIONS.filter((t) => t.from === state && t.action === action);
  if (rows.length === 0) return { ok: false, kind: 'conflict', code: 'matter.actionNotAllowedInState' };
  const permitted = rows.filter((t) => can(roles, t.permission));
  if (permitted.length === 0) return { ok: false, kind: 'forbidden', code: 'auth.forbidden' };
  const open = permitted.filter((t) => !t.guard?.(facts));
  if (open.length === 0) {
    const g = permitted[0].guard!(facts)!;
    return { ok: false, kind: 'conflict', code: g.code, params: g.params };
  }
  const failures: GuardFailure[] = [];
  for (const t of open) {
    const failure = t.accepts?.(input, facts);
    if (!failure) return { ok: true, transition: t };
    failures.push(failure);
  }
  // Prefer the failure that points at a field the user can fix over "the other row applies".
  const f = failures.find((x) => x.field) ?? failures[0];
  return { ok: false, kind: 'invalid', code: f.code, field: f.field, params: f.params };
}

/** Terminal states: nothing more happens to the matter in this hall. */
export const isFinal = (state: MatterState) => !MATTER_TRANSITIONS.some((t) => t.from === state && t.to !== state);

/** States in which the matter is closed, one way or another (for lists and indicators). */
export const CLOSED_STATES: readonly MatterState[] = [
  S.notAccepted,
  S.noLongerAccepted,
  S.transferred,
  S.closed,
  S.closedDeemed,
  S.reviewed,
  S.terminated,
];
