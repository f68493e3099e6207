/** The records of a case's lifecycle as the detail view shows them (issue 3). */
import { z } from 'zod';
import { COUNTY_STEPS, MEDIATION_LEVELS } from '@hall/domain';

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const DeadlineView = z.object({
  id: z.number(),
  kind: z.string(),
  ruleId: z.string(),
  unit: z.enum(['calendarDays', 'workingDays']),
  amount: z.number(),
  start: z.string(),
  due: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
  status: z.string(),
  computation: Bilingual,
  extensions: z.array(z.object({ days: z.number(), reason: z.string(), approvedBy: z.string().optional() })),
  history: z.array(z.object({ kind: z.string(), due: z.string(), at: z.string().optional() })),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const DocumentView = z.object({
  id: z.number(),
  kind: z.string(),
  number: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
});
export type DocumentView = z.infer<typeof DocumentView>;

const by = { at: z.string(), byName: z.string().nullable() };

export const CaseRecords = z.object({
  origin: z.string().nullable(),
  leaderDay: z.boolean(),
  round: z.number(),
  assignedUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  transfers: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      unitName: z.string().nullable(),
      windowName: z.string().nullable(),
      consent: z.boolean(),
      note: z.string().nullable(),
      ...by,
      /** R1.8: a county transfer's receipt and the county's answer to the petitioner, once recorded. */
      receipt: z.object({ note: z.string().nullable(), ...by }).nullable(),
      answer: z.object({ text: z.string(), answeredOn: z.string(), ...by }).nullable(),
    }),
  ),
  notes: z.array(z.object({ id: z.number(), kind: z.string(), unitName: z.string().nullable(), text: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable(), ...by })),
  meetings: z.array(
    z.object({
      id: z.number(),
      level: z.enum(MEDIATION_LEVELS),
      heldOn: z.string(),
      chair: z.string(),
      participants: z.string(),
      outcome: z.enum(['agreement', 'noAgreement']),
      summary: z.string(),
      unitName: z.string().nullable(),
      promisedDate: z.string().nullable(),
      documentId: z.number().nullable(),
      ...by,
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      origin: z.string(),
      limitDays: z.number().nullable(),
      status: z.string(),
      proposedAt: z.string(),
      proposedByName: z.string().nullable(),
      proposalNote: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
      letterDocumentId: z.number().nullable(),
      respondedAt: z.string().nullable(),
      objectionReason: z.string().nullable(),
    }),
  ),
  deadlines: z.array(DeadlineView),
  extensions: z.array(
    z.object({
      id: z.number(),
      days: z.number(),
      reason: z.string(),
      status: z.string(),
      requestedAt: z.string(),
      requestedByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
      petitionerToldOn: z.string().nullable(),
    }),
  ),
  supervision: z.array(z.object({ id: z.number(), kind: z.string(), demand: z.string(), progress: z.string(), onDate: z.string(), ...by })),
  opinions: z.array(
    z.object({
      id: z.number(),
      round: z.number(),
      outcome: z.string(),
      facts: z.string(),
      reasons: z.string(),
      basis: z.string(),
      documentId: z.number().nullable(),
      issuedAt: z.string(),
      deliveryWay: z.string().nullable(),
      deliveredOn: z.string().nullable(),
      petitionerSigned: z.boolean().nullable(),
      petitionerView: z.string().nullable(),
      headName: z.string().nullable(),
      sealed: z.boolean().nullable(),
    }),
  ),
  reviews: z.array(
    z.object({ id: z.number(), round: z.number(), passed: z.boolean(), criteria: z.record(z.string(), z.object({ pass: z.boolean(), note: z.string() })), ...by }),
  ),
  higherReviews: z.array(
    z.object({ id: z.number(), level: z.string(), organ: z.string(), requestedOn: z.string(), result: z.string().nullable(), resultAt: z.string().nullable() }),
  ),
  satisfaction: z.array(z.object({ target: z.string(), rating: z.string(), at: z.string() })),
  /** pending / notRated / rated / expired, as the national record keeps it; null while open. */
  satisfactionState: z.enum(['pending', 'notRated', 'rated', 'expired']).nullable(),
  documents: z.array(DocumentView),
  accountability: z.array(z.object({ id: z.number(), trigger: z.string(), state: z.string(), createdAt: z.string() })),
});
export type CaseRecords = z.infer<typeof CaseRecords>;

export const MatterFactsView = z.object({
  noLongerMediable: z.boolean(),
  /** R1.9: an earlier matter of the same person on the same subject was closed for good (see MatterDetail.closedForGoodMatters). */
  sameMatterClosedForGood: z.boolean(),
  localityIsCounty: z.boolean(),
  mediationLevel: z.enum(MEDIATION_LEVELS).nullable(),
  objectionOpen: z.boolean(),
  extensionPending: z.boolean(),
  leaderDay: z.boolean(),
  specialReportFiled: z.boolean(),
  petitionerView: z.enum(['agree', 'disagree', 'none']).nullable(),
  hasOpinion: z.boolean(),
  reviewWindowOpen: z.boolean(),
  reReviewWindowOpen: z.boolean(),
  ratingOpen: z.boolean(),
  /** Today in China (YYYY-MM-DD): the dates a form takes may not be later. */
  today: z.string(),
  /** The units a matter may be transferred to as its locality's county (R1.8). */
  countyUnitIds: z.array(z.number()),
  /** Where a county transfer stands at the county (R1.8): sent, received, answered; null if none. */
  countyStep: z.enum(COUNTY_STEPS).nullable(),
  /** The due day of the running review / re-review request window, if any. */
  reviewRequestDue: z.string().nullable(),
  reReviewRequestDue: z.string().nullable(),
});
