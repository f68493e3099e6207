/**
 * The action registry (issue 9 §1): every workflow action's descriptor, merged from the stage files.
 * `satisfies ActionRegistry` makes a missing action a compile error; adding an action is one object
 * in its stage's file.
 */
import { MATTER_ACTIONS, type MatterAction } from '@hall/domain';
import { ASSIGNMENT } from './assignment';
import { CLOSING } from './closing';
import { COUNTY } from './county';
import { ACTION_GROUP_KEYS, type ActionDescriptor, type ActionGroup, type ActionRegistry } from './descriptor';
import { HANDLING } from './handling';
import { MEDIATION } from './mediation';
import { RECEPTION } from './reception';
import { REVIEW } from './review';

/** The stage files, in the order a case goes through them. */
export const STAGES = { RECEPTION, COUNTY, MEDIATION, ASSIGNMENT, HANDLING, CLOSING, REVIEW } as const;

export const ACTIONS = {
  ...RECEPTION,
  ...COUNTY,
  ...MEDIATION,
  ...ASSIGNMENT,
  ...HANDLING,
  ...CLOSING,
  ...REVIEW,
} satisfies ActionRegistry;

/** One action's descriptor, for code that handles any action. */
export const descriptorOf = (action: MatterAction): ActionDescriptor<MatterAction> => ACTIONS[action];

/** The buttons' groups, each in the order a hall works a case; the first allowed of `main` is the primary button. */
export const ACTION_GROUPS: { key: ActionGroup; actions: MatterAction[] }[] = ACTION_GROUP_KEYS.map((key) => ({
  key,
  actions: MATTER_ACTIONS.filter((a) => ACTIONS[a].group === key).sort((a, b) => ACTIONS[a].order - ACTIONS[b].order),
}));

/** Refusals and send-backs: their buttons and confirm buttons are red. */
export const isDanger = (action: MatterAction) => ACTIONS[action].group === 'refuse';
