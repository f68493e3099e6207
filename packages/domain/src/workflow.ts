/**
 * The petition matter workflow as one table (HOUSE rule 3). The server allows only these rows,
 * the API lists each matter's allowed actions from it, the UI shows only those buttons, and
 * workflow.test.ts tests every row. Later issues add rows (mediation, assignment, review...).
 */
import { Permission, can, type Role } from './roles.ts';

export const MatterState = {
  /** Registered at the desk and routed to a window, waiting for the receptionist (R1.1). */
  registered: 'registered',
  /** Accepted as a petition (R1.5); open until answered, mediated or assigned. */
  accepted: 'accepted',
  /** Not accepted: belongs to a legal channel or another authority (R1.5b, R4.2). */
  notAccepted: 'notAccepted',
  /** No longer accepted: already handled to the end (R1.5b, R1.9). */
  noLongerAccepted: 'noLongerAccepted',
  /** Closed: the petitioner agreed with the direct reply and ceased petitioning (R1.6). */
  closed: 'closed',
} as const;
export type MatterState = (typeof MatterState)[keyof typeof MatterState];
export const MATTER_STATES = Object.values(MatterState);

export const MatterAction = {
  accept: 'accept',
  notAccept: 'notAccept',
  noLongerAccept: 'noLongerAccept',
  directReply: 'directReply',
} as const;
export type MatterAction = (typeof MatterAction)[keyof typeof MatterAction];
export const MATTER_ACTIONS = Object.values(MatterAction);

/** What the petitioner said to the direct reply (R1.6). */
export interface DirectReplyInput {
  reply: string;
  agrees: boolean;
  ceases: boolean;
  /** The petitioner's signature, recorded as the name he or she signed with. */
  signedName?: string | null;
}

export interface DecisionInput {
  reason: string;
  /** Legal channel or competent authority a not-accepted matter is pointed to (R1.5b, R4.2). */
  channel?: string | null;
}

export type ActionInput = DecisionInput | DirectReplyInput | Record<string, unknown>;

/** A failed guard names a message code (messages.ts) and the field it is about. */
export interface GuardFailure {
  code: string;
  field?: string;
}

export interface Transition {
  from: MatterState;
  action: MatterAction;
  to: MatterState;
  permission: Permission;
  /** The rule the row implements, for docs and tests. */
  rule: string;
  /** Chooses between rows of the same (from, action) and checks the action's input. */
  accepts?: (input: ActionInput) => GuardFailure | undefined;
}

const nonBlank = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

const needsReason = (input: ActionInput): GuardFailure | undefined =>
  nonBlank((input as DecisionInput).reason) ? undefined : { code: 'matter.reasonRequired', field: 'reason' };

const petitionerCeases = (input: ActionInput): GuardFailure | undefined => {
  const i = input as DirectReplyInput;
  if (!nonBlank(i.reply)) return { code: 'matter.replyRequired', field: 'reply' };
  if (!(i.agrees && i.ceases)) return { code: 'matter.notCeased' };
  if (!nonBlank(i.signedName)) return { code: 'matter.signatureRequired', field: 'signedName' };
  return undefined;
};

const petitionerDoesNotCease = (input: ActionInput): GuardFailure | undefined => {
  const i = input as DirectReplyInput;
  if (!nonBlank(i.reply)) return { code: 'matter.replyRequired', field: 'reply' };
  return i.agrees && i.ceases ? { code: 'matter.ceased' } : undefined;
};

export const MATTER_TRANSITIONS: readonly Transition[] = [
  {
    from: 'registered',
    action: 'accept',
    to: 'accepted',
    permission: Permission.matterDecide,
    rule: 'R1.5',
  },
  {
    from: 'registered',
    action: 'notAccept',
    to: 'notAccepted',
    permission: Permission.matterDecide,
    rule: 'R1.5b',
    accepts: (input) =>
      needsReason(input) ??
      (nonBlank((input as DecisionInput).channel) ? undefined : { code: 'matter.channelRequired', field: 'channel' }),
  },
  {
    from: 'registered',
    action: 'noLongerAccept',
    to: 'noLongerAccepted',
    permission: Permission.matterDecide,
    rule: 'R1.5b',
    accepts: needsReason,
  },
  {
    from: 'accepted',
    action: 'directReply',
    to: 'closed',
    permission: Permission.matterReply,
    rule: 'R1.6',
    accepts: petitionerCeases,
  },
  {
    from: 'accepted',
    action: 'directReply',
    to: 'accepted',
    permission: Permission.matterReply,
    rule: 'R1.6',
    accepts: petitionerDoesNotCease,
  },
];

export type TransitionDecision =
  | { ok: true; transition: Transition }
  | { ok: false; code: string; field?: string; kind: 'forbidden' | 'conflict' | 'invalid' };

/** Actions the roles may take from a state: the buttons the UI shows. */
export function allowedActions(state: MatterState, roles: readonly Role[]): MatterAction[] {
  const out: MatterAction[] = [];
  for (const t of MATTER_TRANSITIONS) {
    if (t.from === state && can(roles, t.permission) && !out.includes(t.action)) out.push(t.action);
  }
  return out;
}

/**
 * Decide whether `action` with `input` may be taken from `state` by `roles`, and which row applies.
 * Refusals say why: no such row (conflict), not permitted (forbidden), input fails the rule (invalid).
 */
export function decideTransition(
  state: MatterState,
  action: MatterAction,
  roles: readonly Role[],
  input: ActionInput,
): TransitionDecision {
  const rows = MATTER_TRANSITIONS.filter((t) => t.from === state && t.action === action);
  if (rows.length === 0) return { ok: false, kind: 'conflict', code: 'matter.actionNotAllowedInState' };
  const permitted = rows.filter((t) => can(roles, t.permission));
  if (permitted.length === 0) return { ok: false, kind: 'forbidden', code: 'auth.forbidden' };
  const failures: GuardFailure[] = [];
  for (const t of permitted) {
    const failure = t.accepts?.(input);
    if (!failure) return { ok: true, transition: t };
    failures.push(failure);
  }
  // Prefer the failure that points at a field the user can fix over "the other row applies".
  const f = failures.find((x) => x.field) ?? failures[0];
  return { ok: false, kind: 'invalid', code: f.code, field: f.field };
}

/** Terminal states: nothing more happens to the matter in this hall. */
export const isFinal = (state: MatterState) => !MATTER_TRANSITIONS.some((t) => t.from === state);
