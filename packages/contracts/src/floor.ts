/**
 * The hall floor around the queue (issue 4): the entry check (R4.1), the guide desk (R2.2), the
 * disorder list and its alerts (R2.3).
 *
 * POST /api/floor/visits              VisitInput   → VisitResult   (entry:record for the check, guide:record for
 *                                                                     guidance; a ticket is issued when directed)
 * GET  /api/floor/visits?date                      → Visit[]       (masked; the day's visits at the desk)
 * POST /api/floor/disorder/incidents  IncidentInput → DisorderEntry (disorder:record: a new proposed entry, or
 *                                                                     the incident added to the person's entry)
 * GET  /api/floor/disorder?status                  → DisorderEntry[] (disorder:read; every view audited)
 * GET  /api/floor/disorder/:id                     → DisorderDetail  (disorder:read; audited)
 * POST /api/floor/disorder/:id/decide DisorderDecision → DisorderDetail (disorder:approve: approve with an
 *                                                                     expiry date, reject, remove)
 * GET  /api/floor/alerts?all                       → DisorderAlert[] (the guide: the hall's today; a window: its own)
 * POST /api/floor/alerts/:id/ack                   → DisorderAlert
 * GET  /api/floor/lingering                        → Lingering       (R2.3a; guide:record or disorder:read)
 */
import { z } from 'zod';
import { DISORDER_KINDS, DISORDER_STATUSES, GUIDE_OUTCOMES, INFORMED_PARTIES, SECURITY_CHECKS } from '@hall/domain';
import { Id, IsoDate, IsoDateTime, Optional, Required, Version } from './common.ts';
import { IdTypeEnum } from './matter.ts';
import { TicketPrint, TicketStatusEnum } from './queue.ts';

export const GuideOutcomeEnum = z.enum(GUIDE_OUTCOMES);
export const DisorderKindEnum = z.enum(DISORDER_KINDS);
export const InformedPartyEnum = z.enum(INFORMED_PARTIES);

export const VisitInput = z.object({
  personName: Optional(50),
  idType: IdTypeEnum.nullish(),
  idNumber: Optional(30),
  /** R4.1: recorded at the entry (security staff or the guide). */
  securityCheck: z.enum(SECURITY_CHECKS).nullish(),
  securityNote: Optional(200),
  /** R2.2: the guide's part. */
  purpose: Optional(500, { multiline: true }),
  outcome: GuideOutcomeEnum.nullish(),
  /** directed: the service to issue a ticket for. */
  serviceId: Id.nullish(),
  priority: Optional(20),
  /** outOfScope: security was informed (R2.2). */
  securityInformed: z.boolean().default(false),
  /** legalAnswered: the question and the procedural answer given. */
  legalQuestion: Optional(1000, { multiline: true }),
  legalAnswer: Optional(2000, { multiline: true }),
  note: Optional(500, { multiline: true }),
});
export type VisitInput = z.input<typeof VisitInput>;

export const Visit = z.object({
  id: z.number(),
  at: z.string(),
  byName: z.string().nullable(),
  /** Masked ('张**', issue 8 §3). */
  personName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  securityCheck: z.string().nullable(),
  securityNote: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: GuideOutcomeEnum.nullable(),
  serviceId: z.number().nullable(),
  serviceName: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  securityInformed: z.boolean(),
  legalQuestion: z.string().nullable(),
  legalAnswer: z.string().nullable(),
  note: z.string().nullable(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitResult = z.object({
  visit: Visit,
  ticket: TicketPrint.nullable(),
  /** R2.3: the person is on the disorder list: the alert (logged) for the guide. */
  alert: z.lazy(() => DisorderAlert).nullable(),
});
export type VisitResult = z.infer<typeof VisitResult>;

export const IncidentInput = z.object({
  personName: Required(50),
  idType: IdTypeEnum.nullish(),
  idNumber: Optional(30),
  occurredAt: IsoDateTime,
  kind: DisorderKindEnum,
  description: Required(2000, { multiline: true }),
  /** Who was informed: the duty bailiff, the division head… (R2.3). */
  informed: z.array(InformedPartyEnum).max(10),
  ticketId: Id.nullish(),
  matterId: Id.nullish(),
});
export type IncidentInput = z.input<typeof IncidentInput>;

export const DisorderShownStatus = z.enum([...DISORDER_STATUSES, 'expired']);

export const DisorderEntry = z.object({
  id: z.number(),
  /** Masked in the list ('张**', issue 8 §3); in full in DisorderDetail, whose view is audited. */
  personName: z.string(),
  idNumberMasked: z.string().nullable(),
  status: DisorderShownStatus,
  expiresOn: z.string().nullable(),
  incidents: z.number(),
  lastIncidentAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  version: z.number(),
  /** Decisions the caller may take now. */
  actions: z.array(z.enum(['approve', 'reject', 'remove'])),
});
export type DisorderEntry = z.infer<typeof DisorderEntry>;

export const DisorderIncident = z.object({
  id: z.number(),
  occurredAt: z.string(),
  kind: DisorderKindEnum,
  description: z.string(),
  informed: z.array(InformedPartyEnum),
  windowNumber: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  matterId: z.number().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

export const DisorderDetail = DisorderEntry.extend({
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
  incidentList: z.array(DisorderIncident),
  alerts: z.array(z.lazy(() => DisorderAlert)),
});
export type DisorderDetail = z.infer<typeof DisorderDetail>;

export const DisorderDecision = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    expiresOn: IsoDate,
    note: Optional(500, { multiline: true }),
    version: Version,
  }),
  z.object({ action: z.literal('reject'), note: Required(500, { multiline: true }), version: Version }),
  z.object({ action: z.literal('remove'), note: Required(500, { multiline: true }), version: Version }),
]);
export type DisorderDecision = z.infer<typeof DisorderDecision>;

export const DisorderListQuery = z.object({ status: DisorderShownStatus.optional() });

export const DisorderAlert = z.object({
  id: z.number(),
  entryId: z.number(),
  /** Masked ('张**', issue 8 §3). */
  personName: z.string(),
  at: z.string(),
  source: z.enum(['registration', 'kiosk', 'guideDesk', 'staffTicket']),
  ticketNumber: z.string().nullable(),
  matterId: z.number().nullable(),
  windowNumber: z.number().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type DisorderAlert = z.infer<typeof DisorderAlert>;
export const AlertsQuery = z.object({ all: z.stringbool().default(false) });

/** R2.3a: visitors who linger, for the guide to go and ask. */
export const Lingering = z.object({
  /** The latest closing time of the hall's active services today ('HH:MM'), null when none. */
  closesAt: z.string().nullable(),
  /** Closing time is near: tell the duty bailiff and staff about the visitors listed. */
  closingSoon: z.boolean(),
  items: z.array(
    z.object({
      ticketId: z.number(),
      number: z.string(),
      serviceName: z.string(),
      status: TicketStatusEnum,
      windowNumber: z.number().nullable(),
      issuedAt: z.string(),
      reason: z.enum(['longWait', 'noShow', 'closing']),
      /** Minutes since the ticket was taken. */
      minutes: z.number(),
    }),
  ),
});
export type Lingering = z.infer<typeof Lingering>;
