/**
 * Accountability inquiries (责任查究, R1.23–R1.25), pure.
 *
 * - The inquiry's own transition table (HOUSE rule 3), in the style of workflow.ts: from a state, an
 *   action, by a permission (and, where the rule names one person, a role), to a state, with the rule
 *   it implements. The server allows only these rows, lists each inquiry's allowed actions from it,
 *   and accountability.test.ts tests every row.
 * - The sweep rule (`overdueTriggers`): which assigned cases are past their handling deadline or
 *   extended deadline (trigger `overdue`) or overdue without having asked for an extension
 *   (`overdueNoExtension`), with a source key so that one lapse opens one proposal however often
 *   the sweep runs and however many app instances run it.
 * - The rectification due day of a self-inspection notice (R1.24), on the working-day calendar.
 *
 * No I/O, no clock: `today` (the China calendar day) is handed in.
 */
import { addDays, daysBetween, isIsoDate, type Bilingual, type WorkCalendar } from './calendar.ts';
import { isOverdue } from './deadline.ts';
import { Permission, can, type Role } from './roles.ts';

export const AccountabilityState = {
  /** Proposed by the assigning window or found by the sweep; waits for the director or a deputy (R1.23). */
  proposed: 'proposed',
  /** Approved; handed to the accountability office (R1.23). */
  approved: 'approved',
  /** Not approved: no inquiry (R1.23). */
  rejected: 'rejected',
  /** The office sent the unit a self-inspection notice with a rectification deadline (R1.24). */
  noticeSent: 'noticeSent',
  /** The unit rectified well: the inquiry ends here (R1.24). */
  rectified: 'rectified',
  /** The rectification was poor: an investigation needs the director's approval (R1.24). */
  rectificationPoor: 'rectificationPoor',
  /** The director approved investigating the unit and the persons responsible (R1.24). */
  investigationApproved: 'investigationApproved',
  /** The investigation concluded with its findings (R1.24). */
  concluded: 'concluded',
} as const;
export type AccountabilityState = (typeof AccountabilityState)[keyof typeof AccountabilityState];
export const ACCOUNTABILITY_STATES = Object.values(AccountabilityState);

/** The four triggers of R1.23; the first two are found by the system itself. */
export const AccountabilityTrigger = {
  /** Not finished within the deadline or the extended deadline. */
  overdue: 'overdue',
  /** Overdue without having asked for an extension. */
  overdueNoExtension: 'overdueNoExtension',
  /** Not investigated as required, producing a wrong outcome. */
  wrongHandling: 'wrongHandling',
  /** Dereliction of duty causing a major incident. */
  dereliction: 'dereliction',
} as const;
export type AccountabilityTrigger = (typeof AccountabilityTrigger)[keyof typeof AccountabilityTrigger];
export const ACCOUNTABILITY_TRIGGERS = Object.values(AccountabilityTrigger);
/** Found by the sweep (R1.23: "detected by the system itself"). */
export const SYSTEM_TRIGGERS = ['overdue', 'overdueNoExtension'] as const satisfies readonly AccountabilityTrigger[];
/** Proposed by staff. */
export const MANUAL_TRIGGERS = ['wrongHandling', 'dereliction'] as const satisfies readonly AccountabilityTrigger[];
export type ManualTrigger = (typeof MANUAL_TRIGGERS)[number];
export const isManualTrigger = (t: unknown): t is ManualTrigger => MANUAL_TRIGGERS.includes(t as ManualTrigger);

export const AccountabilityAction = {
  approve: 'approve',
  reject: 'reject',
  sendNotice: 'sendNotice',
  recordRectification: 'recordRectification',
  approveInvestigation: 'approveInvestigation',
  concludeInvestigation: 'concludeInvestigation',
} as const;
export type AccountabilityAction = (typeof AccountabilityAction)[keyof typeof AccountabilityAction];
export const ACCOUNTABILITY_ACTIONS = Object.values(AccountabilityAction);

/** What the rows' input checks need besides the input. */
export interface AccountabilityFacts {
  /** Today, the China calendar day 'YYYY-MM-DD'. */
  today: string;
}

export type AccountabilityInput = Record<string, unknown>;

export interface AccountabilityGuardFailure {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export interface AccountabilityTransition {
  from: AccountabilityState;
  action: AccountabilityAction;
  to: AccountabilityState;
  permission: Permission;
  /** Where the rule names one office holder (R1.24: "with the director's approval"): only these roles. */
  roles?: readonly Role[];
  rule: string;
  /** Checks the input and chooses between rows of the same (from, action). */
  accepts?: (input: AccountabilityInput, facts: AccountabilityFacts) => AccountabilityGuardFailure | undefined;
}

/** Rectification periods a notice may set, in calendar days (R1.24). */
export const RECTIFY_DAYS = { min: 1, max: 90 } as const;

// ---- input checks -------------------------------------------------------------------------------

const nonBlank = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const need =
  (field: string, code: string) =>
  (input: AccountabilityInput): AccountabilityGuardFailure | undefined =>
    nonBlank(input[field]) ? undefined : { code, field };
const all =
  (...checks: ((input: AccountabilityInput, facts: AccountabilityFacts) => AccountabilityGuardFailure | undefined)[]) =>
  (input: AccountabilityInput, facts: AccountabilityFacts) => {
    for (const c of checks) {
      const f = c(input, facts);
      if (f) return f;
    }
    return undefined;
  };

/** A notice sets its rectification deadline as a number of days or as a day after today. */
const rectificationPeriod = (
  input: AccountabilityInput,
  facts: AccountabilityFacts,
): AccountabilityGuardFailure | undefined => {
  const days = input.rectifyDays;
  const due = input.rectifyDue;
  const hasDays = days !== undefined && days !== null;
  const hasDue = due !== undefined && due !== null && due !== '';
  if (!hasDays && !hasDue) return { code: 'accountability.rectifyDueRequired', field: 'rectifyDays' };
  if (hasDays && hasDue) return { code: 'accountability.rectifyDaysOrDue', field: 'rectifyDue' };
  if (hasDays) {
    const ok =
      typeof days === 'number' && Number.isInteger(days) && days >= RECTIFY_DAYS.min && days <= RECTIFY_DAYS.max;
    return ok
      ? undefined
      : { code: 'accountability.rectifyDaysInvalid', field: 'rectifyDays', params: { ...RECTIFY_DAYS } };
  }
  if (!isIsoDate(due)) return { code: 'validation.invalidFormat', field: 'rectifyDue' };
  return due > facts.today ? undefined : { code: 'accountability.rectifyDueNotAfterToday', field: 'rectifyDue' };
};

const quality =
  (q: 'good' | 'poor') =>
  (input: AccountabilityInput): AccountabilityGuardFailure | undefined => {
    if (input.quality !== 'good' && input.quality !== 'poor')
      return { code: 'accountability.qualityRequired', field: 'quality' };
    return input.quality === q
      ? undefined
      : { code: q === 'good' ? 'accountability.rectificationPoor' : 'accountability.rectificationGood' };
  };

// ---- the table ----------------------------------------------------------------------------------

const S = AccountabilityState;
const P = Permission;
const row = (t: AccountabilityTransition) => t;

/** R1.24 names the director alone for the investigation (the deputy approves proposals, R1.23). */
export const INVESTIGATION_APPROVERS: readonly Role[] = ['director'];

export const ACCOUNTABILITY_TRANSITIONS: readonly AccountabilityTransition[] = [
  // R1.23: the director or a deputy approves the proposal; it goes to the accountability office.
  row({ from: S.proposed, action: 'approve', to: S.approved, permission: P.accountabilityApprove, rule: 'R1.23' }),
  row({
    from: S.proposed,
    action: 'reject',
    to: S.rejected,
    permission: P.accountabilityApprove,
    rule: 'R1.23',
    accepts: need('reason', 'accountability.reasonRequired'),
  }),
  // R1.24: first a self-inspection notice with a rectification deadline.
  row({
    from: S.approved,
    action: 'sendNotice',
    to: S.noticeSent,
    permission: P.accountabilityHandle,
    rule: 'R1.24',
    accepts: all(need('demands', 'accountability.demandsRequired'), rectificationPeriod),
  }),
  row({
    from: S.noticeSent,
    action: 'recordRectification',
    to: S.rectified,
    permission: P.accountabilityHandle,
    rule: 'R1.24',
    accepts: all(quality('good'), need('note', 'accountability.rectificationNoteRequired')),
  }),
  row({
    from: S.noticeSent,
    action: 'recordRectification',
    to: S.rectificationPoor,
    permission: P.accountabilityHandle,
    rule: 'R1.24',
    accepts: all(quality('poor'), need('note', 'accountability.rectificationNoteRequired')),
  }),
  // R1.24: poor rectification: with the director's approval, the office investigates.
  row({
    from: S.rectificationPoor,
    action: 'approveInvestigation',
    to: S.investigationApproved,
    permission: P.accountabilityApprove,
    roles: INVESTIGATION_APPROVERS,
    rule: 'R1.24',
  }),
  row({
    from: S.investigationApproved,
    action: 'concludeInvestigation',
    to: S.concluded,
    permission: P.accountabilityHandle,
    rule: 'R1.24',
    accepts: need('findings', 'accountability.findingsRequired'),
  }),
];

const mayTake = (t: AccountabilityTransition, roles: readonly Role[]) =>
  can(roles, t.permission) && (!t.roles || roles.some((r) => t.roles!.includes(r)));

export type AccountabilityDecision =
  | { ok: true; transition: AccountabilityTransition }
  | {
      ok: false;
      code: string;
      field?: string;
      params?: Record<string, string | number>;
      kind: 'forbidden' | 'conflict' | 'invalid';
    };

/** Actions the roles may take from a state: the buttons the UI shows. */
export function allowedAccountabilityActions(
  state: AccountabilityState,
  roles: readonly Role[],
): AccountabilityAction[] {
  const out: AccountabilityAction[] = [];
  for (const t of ACCOUNTABILITY_TRANSITIONS) {
    if (t.from === state && mayTake(t, roles) && !out.includes(t.action)) out.push(t.action);
  }
  return out;
}

/**
 * Whether `action` with `input` may be taken from `state` by `roles`, and which row applies:
 * no such row (conflict), not permitted (forbidden; the director-only row says so), input fails (invalid).
 */
export function decideAccountability(
  state: AccountabilityState,
  action: AccountabilityAction,
  roles: readonly Role[],
  input: AccountabilityInput,
  facts: AccountabilityFacts,
): AccountabilityDecision {
  const rows = ACCOUNTABILITY_TRANSITIONS.filter((t) => t.from === state && t.action === action);
  if (rows.length === 0) return { ok: false, kind: 'conflict', code: 'accountability.actionNotAllowedInState' };
  const permitted = rows.filter((t) => mayTake(t, roles));
  if (permitted.length === 0) {
    const onlyRoles = rows.every((t) => t.roles) && rows.some((t) => can(roles, t.permission));
    return { ok: false, kind: 'forbidden', code: onlyRoles ? 'accountability.directorOnly' : 'auth.forbidden' };
  }
  const failures: AccountabilityGuardFailure[] = [];
  for (const t of permitted) {
    const f = t.accepts?.(input, facts);
    if (!f) return { ok: true, transition: t };
    failures.push(f);
  }
  const f = failures.find((x) => x.field) ?? failures[0];
  return { ok: false, kind: 'invalid', code: f.code, field: f.field, params: f.params };
}

/** Terminal states: the inquiry is over. */
export const isAccountabilityFinal = (state: AccountabilityState) =>
  !ACCOUNTABILITY_TRANSITIONS.some((t) => t.from === state);

/** Checks a staff proposal (R1.23): a manual trigger, a reason, and a case a unit was given. */
export function checkManualProposal(p: {
  trigger: unknown;
  reason: unknown;
  hasAssignedUnit: boolean;
}): AccountabilityGuardFailure | undefined {
  if (!isManualTrigger(p.trigger)) return { code: 'accountability.manualTriggerOnly', field: 'trigger' };
  if (!nonBlank(p.reason)) return { code: 'accountability.reasonRequired', field: 'reason' };
  if (!p.hasAssignedUnit) return { code: 'accountability.notAssigned' };
  return undefined;
}

// ---- rectification deadline (R1.24) -------------------------------------------------------------

/**
 * The rectification due day of a self-inspection notice. Given as days: that many calendar days
 * after today (today not counted), moved to the next working day when it falls on a day off, as
 * every calendar-day period of the hall (docs/decisions.md). Given as a day: that day.
 */
export function rectificationDue(
  input: { rectifyDays?: number | null; rectifyDue?: string | null },
  today: string,
  calendar: WorkCalendar,
): { due: string; computation: Bilingual } {
  if (input.rectifyDue) {
    return {
      due: input.rectifyDue,
      computation: {
        'zh-CN': `责任查究室指定整改期限至 ${input.rectifyDue}`,
        en: `rectification due on ${input.rectifyDue}, as set by the office`,
      },
    };
  }
  const days = input.rectifyDays!;
  const end = addDays(today, days);
  const due = calendar.nextWorkdayOnOrAfter(end);
  const moved = due !== end;
  return {
    due,
    computation: {
      'zh-CN': `${today} 起（当日不计）${days} 日 → ${end}${moved ? `，该日不是工作日，顺延至 ${due}` : ''}`,
      en: `${days} days from ${today} (the start day not counted) → ${end}${moved ? `; not a working day: moved to ${due}` : ''}`,
    },
  };
}

// ---- the sweep rule (R1.23) ---------------------------------------------------------------------

/** A deadline as the sweep sees it: the unit's handling deadline of an assigned case. */
export interface SweepDeadline {
  id: number;
  matterId: number;
  kind: string;
  status: string;
  /** The due day in force (with any approved extension). */
  due: string;
}

/** An extension request of a deadline. */
export interface SweepExtension {
  deadlineId: number;
  status: 'pending' | 'approved' | 'refused' | string;
  /** The China day it was asked on. */
  requestedOn: string;
}

export interface OverdueFinding {
  deadlineId: number;
  matterId: number;
  trigger: 'overdue' | 'overdueNoExtension';
  due: string;
  daysOverdue: number;
  /** One lapse (this deadline missing this due day) gives one proposal: the unique key of the proposal. */
  sourceKey: string;
}

/** The deadline kinds the sweep watches: the unit's handling period (R1.19, R1.23). */
export const SWEPT_DEADLINE_KINDS = ['handle'] as const;

/** The key of a lapse. It does not name the trigger: an extension asked after the first sweep cannot open a second proposal. */
export const lapseKey = (deadlineId: number, due: string) => `overdue:${deadlineId}:${due}`;

/**
 * Which cases are past their deadline (R1.23), and under which trigger:
 * - only active handling deadlines whose due day has passed (the due day itself is still in time);
 * - a request for an extension asked on or before the due day counts as asking; one asked after the
 *   lapse does not (the unit was overdue without asking in time);
 * - while such a request waits for the director's or a deputy's decision, the case is not reported:
 *   its deadline depends on that decision, not on the unit;
 * - asked (approved and lapsed again, or refused) → `overdue`; never asked → `overdueNoExtension`.
 */
export function overdueTriggers(o: {
  deadlines: readonly SweepDeadline[];
  extensions: readonly SweepExtension[];
  today: string;
}): OverdueFinding[] {
  const out: OverdueFinding[] = [];
  for (const d of o.deadlines) {
    if (d.status !== 'active' || !(SWEPT_DEADLINE_KINDS as readonly string[]).includes(d.kind)) continue;
    if (!isOverdue(d, o.today)) continue;
    const asked = o.extensions.filter((e) => e.deadlineId === d.id && e.requestedOn <= d.due);
    if (asked.some((e) => e.status === 'pending')) continue;
    out.push({
      deadlineId: d.id,
      matterId: d.matterId,
      trigger: asked.length > 0 ? 'overdue' : 'overdueNoExtension',
      due: d.due,
      daysOverdue: daysBetween(d.due, o.today),
      sourceKey: lapseKey(d.id, d.due),
    });
  }
  return out;
}
