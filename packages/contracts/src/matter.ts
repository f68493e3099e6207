/** Registration (R1.1, R4.1, R4.4, R4.5), reception (R1.5, R1.5a, R1.5b) and direct reply (R1.6). */
import { z } from 'zod';
import { IdType, MATTER_ACTIONS, MATTER_STATES, PURPOSES, SECURITY_CHECKS, VISIT_KINDS } from '@hall/domain';
import { CaseRecords, MatterFactsView } from './case.ts';
import { Id, IsoDate, Optional, Required, Text, Version } from './common.ts';
import { TicketPrint } from './ticket-print.ts';

export const IdTypeEnum = z.enum(Object.values(IdType) as [IdType, ...IdType[]]);

export const PetitionerInput = z.object({
  name: Required(50),
  idType: IdTypeEnum,
  idNumber: Required(30),
  /** Why a document other than the resident ID is used (R1.1: allowed with a reason). */
  otherDocReason: Optional(200),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullish().or(z.literal('')),
  address: Optional(200),
  ethnicity: Optional(20),
  workplace: Optional(100),
  occupation: Optional(50),
});
export type PetitionerInput = z.infer<typeof PetitionerInput>;

export const RepresentativeInput = z.object({
  name: Required(50),
  idType: IdTypeEnum.nullish(),
  idNumber: Optional(30),
  phone: Optional(20),
});
export type RepresentativeInput = z.infer<typeof RepresentativeInput>;

export const EarlierHandling = z.object({
  unitId: Id.nullish(),
  unitName: Optional(100),
  date: IsoDate.nullish().or(z.literal('')),
  decision: Required(500, { multiline: true }),
});
export type EarlierHandling = z.infer<typeof EarlierHandling>;
/**
 * What was stored, as it is shown: plain strings, so that a record kept before the date and text
 * checks (a 2026-02-30 the old pattern let through) still opens instead of failing its response.
 */
export const EarlierHandlingView = z.object({
  unitId: z.number().nullish(),
  unitName: z.string().nullish(),
  date: z.string().nullish(),
  decision: z.string(),
});

export const Markers = z.object({
  collective: z.boolean().default(false),
  longStanding: z.boolean().default(false),
  litigationRelated: z.boolean().default(false),
  urgent: z.boolean().default(false),
  threat: z.boolean().default(false),
  foreign: z.boolean().default(false),
});
export type Markers = z.infer<typeof Markers>;

export const RegistrationRequest = z.object({
  petitioner: PetitionerInput,
  peopleCount: z.number().int().min(1).max(10000),
  representatives: z.array(RepresentativeInput).max(50).default([]),
  rulesAcknowledged: z.boolean(),
  securityCheck: z.enum(SECURITY_CHECKS),
  securityNote: Optional(200),
  categoryId: Id,
  purpose: z.enum(PURPOSES),
  summary: Required(2000, { multiline: true }),
  demands: Required(2000, { multiline: true }),
  localityCode: z.string().trim().regex(/^\d{6}$/),
  unitIds: z.array(Id).max(20).default([]),
  earlierHandling: z.array(EarlierHandling).max(20).default([]),
  markers: Markers.default({
    collective: false,
    longStanding: false,
    litigationRelated: false,
    urgent: false,
    threat: false,
    foreign: false,
  }),
  windowId: Id,
  receptionistId: Id.nullish(),
  /** Issue a queue ticket for the routed window in the same step (R2.1: one thread from door to case). */
  issueTicket: z.boolean().default(false),
});
export type RegistrationRequest = z.input<typeof RegistrationRequest>;
export type RegistrationData = z.output<typeof RegistrationRequest>;

export const RegistrationResult = z.object({
  matterId: z.number(),
  petitionNo: z.string(),
  queryCode: z.string(),
  windowId: z.number(),
  receptionistId: z.number().nullable(),
  /** The ticket for the routed window, when asked for (issueTicket). */
  ticket: TicketPrint.nullable().default(null),
  /** R2.3: the person is on the disorder list; an alert was logged for the guide and the window. */
  disorderAlert: z.boolean().default(false),
});
export type RegistrationResult = z.infer<typeof RegistrationResult>;

export const MatterState = z.enum(MATTER_STATES);
export const MatterAction = z.enum(MATTER_ACTIONS);
export const VisitKind = z.enum(VISIT_KINDS);

export const MatterSummary = z.object({
  id: z.number(),
  petitionNo: z.string(),
  registeredAt: z.string(),
  state: MatterState,
  visitKind: VisitKind.nullable(),
  petitionerId: z.number(),
  /** Masked in every list ('张**', issue 8 §3); in full only in MatterDetail, whose view is audited. */
  petitionerName: z.string(),
  /** Masked: 1101**********1234 */
  idNumberMasked: z.string(),
  categoryId: z.number().nullable(),
  categoryName: z.string().nullable(),
  summary: z.string(),
  windowId: z.number(),
  windowName: z.string(),
  receptionistId: z.number().nullable(),
  receptionistName: z.string().nullable(),
  peopleCount: z.number(),
});
export type MatterSummary = z.infer<typeof MatterSummary>;

export const PetitionerView = z.object({
  id: z.number(),
  name: z.string(),
  idType: IdTypeEnum,
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  /** Masked views show the birth year and age, never the date (with the masked ID it narrows the number); the date only via reveal. */
  birthYear: z.number().nullable(),
  age: z.number().nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  workplace: z.string().nullable(),
  occupation: z.string().nullable(),
});
export type PetitionerView = z.infer<typeof PetitionerView>;

export const LookupQuery = z.object({ idType: IdTypeEnum, idNumber: Required(30) });
export const LookupResult = z.object({
  /** Derived from the number (R1.1): birth date and sex, or null for other documents. */
  derived: z.object({ birthDate: z.string().nullable(), sex: z.enum(['male', 'female']).nullable(), detectedType: IdTypeEnum.nullable() }),
  petitioner: PetitionerView.nullable(),
  earlierMatters: z.array(MatterSummary),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const RevealRequest = z.object({ field: z.enum(['idNumber', 'phone', 'address', 'birthDate']) });
export type RevealRequest = z.infer<typeof RevealRequest>;
export const RevealResult = z.object({ value: z.string().nullable() });

export const TimelineEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const DirectReplyView = z.object({
  reply: z.string(),
  agrees: z.boolean(),
  ceases: z.boolean(),
  signedName: z.string().nullable(),
  repliedAt: z.string(),
  repliedByName: z.string().nullable(),
});

export const MatterDetail = MatterSummary.extend({
  queryCode: z.string(),
  hallName: z.string(),
  petitioner: PetitionerView,
  representatives: z.array(z.object({ name: z.string(), idNumberMasked: z.string().nullable(), phoneMasked: z.string().nullable() })),
  rulesAcknowledgedAt: z.string().nullable(),
  securityCheck: z.string(),
  securityNote: z.string().nullable(),
  purpose: z.enum(PURPOSES),
  demands: z.string(),
  localityCode: z.string().nullable(),
  localityName: z.string().nullable(),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  earlierHandling: z.array(EarlierHandlingView),
  markers: Markers,
  registeredByName: z.string().nullable(),
  /** R1.5a: proposed from the records; `visitKind` is what the receptionist confirmed. */
  proposedVisitKind: VisitKind,
  relatedMatterIds: z.array(z.number()),
  /**
   * R1.9: the related earlier matters that were terminated, deemed closed or no longer accepted; while
   * any is listed, accepting this matter needs the reason why it is a new one.
   */
  closedForGoodMatters: z.array(z.object({ id: z.number(), petitionNo: z.string(), state: z.string() })),
  earlierMatters: z.array(MatterSummary),
  decision: z
    .object({
      acceptance: z.enum(['accepted', 'notAccepted', 'noLongerAccepted']),
      reason: z.string().nullable(),
      channel: z.string().nullable(),
      decidedAt: z.string(),
      decidedByName: z.string().nullable(),
    })
    .nullable(),
  directReplies: z.array(DirectReplyView),
  closedAt: z.string().nullable(),
  version: z.number(),
  allowedActions: z.array(MatterAction),
  /** What the workflow's guards saw (why a button is or is not there). */
  facts: MatterFactsView,
  case: CaseRecords,
  timeline: z.array(TimelineEntry),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

/** The largest page of a list (issue 9 §2: a list pages with a cursor, it is never cut silently). */
export const PAGE_MAX = 200;
/** An opaque position in a list, as the server wrote it (base64url); the server checks what it holds. */
export const Cursor = z.string().regex(/^[A-Za-z0-9_-]+$/).max(200);

export const MatterListQuery = z.object({
  scope: z.enum(['today', 'open', 'all']).default('today'),
  windowId: Id.optional(),
  q: Text(50).optional(),
  /** Rows per page. */
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(50),
  /** `nextCursor` of the page before; none for the first page. */
  cursor: Cursor.optional(),
});
export type MatterListQuery = z.infer<typeof MatterListQuery>;

/** A page of the matter list, newest first: `total` counts every row of the list with the same filters. */
export const MatterPage = z.object({
  items: z.array(MatterSummary),
  total: z.number().int(),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MatterPage = z.infer<typeof MatterPage>;

/** R1.5: the receptionist confirms the visit kind and records what earlier units decided. */
export const ReceptionUpdate = z.object({
  visitKind: VisitKind,
  earlierHandling: z.array(EarlierHandling).max(20),
  version: Version,
});
export type ReceptionUpdate = z.infer<typeof ReceptionUpdate>;

/** The notice (告知单) of the acceptance decision, for the print page (R1.5, R1.5b). */
export const Notice = z.object({
  hallName: z.string(),
  petitionNo: z.string(),
  queryCode: z.string(),
  petitionerName: z.string(),
  registeredAt: z.string(),
  summary: z.string(),
  acceptance: z.enum(['accepted', 'notAccepted', 'noLongerAccepted']),
  reason: z.string().nullable(),
  channel: z.string().nullable(),
  decidedAt: z.string(),
  windowName: z.string(),
  receptionistName: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  requestId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The hash chain (R1.27): position, hall, and this row's hash. */
  seq: z.number().nullable().optional(),
  hallId: z.number().nullable().optional(),
  hash: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  entity: Text(50).optional(),
  entityId: Text(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** `nextCursor` of the page before; none for the newest page. */
  cursor: Cursor.optional(),
});
/** A page of the audit trail, newest first, with the number of rows in all under the same filters. */
export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number().int(), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
