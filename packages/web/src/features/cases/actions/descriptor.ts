/**
 * One descriptor per workflow action (issue 9 §1): which button group it sits in, the dialog's fields,
 * the form's initial values, the form → ACTION_INPUTS body conversion and what the dialog shows above
 * the form. The stage files (reception.tsx … review.tsx) hold the descriptors; registry.ts merges them
 * into ACTIONS, typed so that a missing or misspelt action does not compile.
 */
import type { FC, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ActionInputs, DeadlineView, MatterDetail, Me, Reference } from '@hall/contracts';
import type { MatterAction } from '@hall/domain';

export type FormValues = Record<string, unknown>;

/** The buttons' groups: the main step (its first allowed action is the primary button), records and transfers, refusals. */
export type ActionGroup = 'main' | 'side' | 'refuse';
export const ACTION_GROUP_KEYS: readonly ActionGroup[] = ['main', 'side', 'refuse'];

export interface FieldsProps {
  action: MatterAction;
  matter: MatterDetail;
  refs: Reference;
}

export interface ContextItem {
  key: string;
  label: string;
  children: ReactNode;
}

/** What a descriptor's context may use: the "case" namespace, the shared labels and a deadline's due date. */
export interface ContextKit {
  t: TFunction;
  ct: (group: string, value: string | null | undefined) => string;
  due: (d: Pick<DeadlineView, 'due' | 'status'> | undefined) => ReactNode;
}

export interface ActionDescriptor<A extends MatterAction> {
  group: ActionGroup;
  /** The button's place: buttons follow the order a hall works a case, not the stage files' order. */
  order: number;
  /** A wider dialog for long forms. */
  wide?: boolean;
  /** The toast after success: `case:<done>` with the action's label ("done" unless given). */
  done?: 'done' | 'detail.decided';
  /** The form's fields (a component: it may watch the form). */
  fields: FC<FieldsProps>;
  /** The form's initial values from the matter as it is when the dialog opens. */
  initial?: (matter: MatterDetail, me: Me, refs: Reference) => FormValues;
  /** The form's values as the action's input (ACTION_INPUTS[action]), with the version the user saw. */
  toBody: (values: FormValues, matter: MatterDetail) => ActionInputs[A];
  /** What the user needs to see before acting, shown above the form. */
  context?: (matter: MatterDetail, kit: ContextKit) => ContextItem[];
}

export type ActionRegistry = { [A in MatterAction]: ActionDescriptor<A> };
/** A stage file's descriptors: a subset of the registry, each typed by its own action. */
export type StageActions = Partial<ActionRegistry>;
