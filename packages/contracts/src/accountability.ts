/**
 * Accountability inquiries (责任查究, R1.23–R1.25): requests and responses shared by the server and
 * the web app. The inputs are loose on purpose (texts default to ''): the domain's table
 * (ACCOUNTABILITY_TRANSITIONS) checks them and names the field, in the user's language.
 */
import { z } from 'zod';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_STATES,
  ACCOUNTABILITY_TRIGGERS,
  type AccountabilityAction,
  MANUAL_TRIGGERS,
} from '@hall/domain';
import { DocumentView } from './case.ts';
import { Id, Int, IsoDate, LongText, Version } from './common.ts';

const text = (max = 2000) => LongText(max);
const version = Version;

export const AccountabilityStateEnum = z.enum(ACCOUNTABILITY_STATES);
export const AccountabilityTriggerEnum = z.enum(ACCOUNTABILITY_TRIGGERS);
export const AccountabilityActionEnum = z.enum(ACCOUNTABILITY_ACTIONS);

export const AccountabilityListQuery = z.object({ state: AccountabilityStateEnum.optional(), matterId: Id.optional() });
export type AccountabilityListQuery = z.infer<typeof AccountabilityListQuery>;

/** A staff proposal (R1.23): the two triggers the system cannot detect. */
export const AccountabilityProposeRequest = z.object({
  matterId: Id,
  trigger: z.enum(MANUAL_TRIGGERS),
  reason: text(4000).default(''),
});
export type AccountabilityProposeRequest = z.input<typeof AccountabilityProposeRequest>;
export type AccountabilityProposeData = z.output<typeof AccountabilityProposeRequest>;

/** The input of each step of an inquiry, each with the `version` the user saw. */
export const ACCOUNTABILITY_ACTION_INPUTS = {
  approve: z.object({ note: text(1000).default(''), version }),
  reject: z.object({ reason: text(1000).default(''), version }),
  /** R1.24: the self-inspection notice; the rectification deadline in days (1–90) or as a day. */
  sendNotice: z.object({
    demands: text(4000).default(''),
    rectifyDays: Int.nullish(),
    rectifyDue: IsoDate.nullish(),
    version,
  }),
  recordRectification: z.object({ quality: z.enum(['good', 'poor']).nullish(), note: text(4000).default(''), version }),
  /** R1.24: the director's approval. */
  approveInvestigation: z.object({ note: text(1000).default(''), version }),
  concludeInvestigation: z.object({ findings: text(8000).default(''), version }),
} satisfies Record<AccountabilityAction, z.ZodObject>;

export type AccountabilityActionInputs = {
  [A in AccountabilityAction]: z.input<(typeof ACCOUNTABILITY_ACTION_INPUTS)[A]>;
};
export type AccountabilityActionData = {
  [A in AccountabilityAction]: z.output<(typeof ACCOUNTABILITY_ACTION_INPUTS)[A]>;
};

export const AccountabilitySummary = z.object({
  id: z.number(),
  matterId: z.number(),
  petitionNo: z.string(),
  matterSummary: z.string(),
  matterState: z.string(),
  windowId: z.number(),
  windowName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  trigger: AccountabilityTriggerEnum,
  /** Found by the sweep (R1.23), not proposed by a person. */
  systemDetected: z.boolean(),
  state: AccountabilityStateEnum,
  /** In the request's language for system proposals; as written for staff proposals. */
  reason: z.string(),
  rectifyDue: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  version: z.number(),
});
export type AccountabilitySummary = z.infer<typeof AccountabilitySummary>;

/** One step of the dossier (R1.25). */
export const AccountabilityEventView = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  documentId: z.number().nullable(),
  documentNumber: z.string().nullable(),
});
export type AccountabilityEventView = z.infer<typeof AccountabilityEventView>;

/** The inquiry with its dossier: every step and every document (R1.25), and what the caller may do. */
export const AccountabilityDetail = AccountabilitySummary.extend({
  events: z.array(AccountabilityEventView),
  documents: z.array(DocumentView),
  allowedActions: z.array(AccountabilityActionEnum),
});
export type AccountabilityDetail = z.infer<typeof AccountabilityDetail>;

/** A numbered document for its print page (GET /api/documents/:id). */
export const DocumentDetail = DocumentView.extend({
  matterId: z.number().nullable(),
  accountabilityId: z.number().nullable(),
  petitionNo: z.string().nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;
