/**
 * The queue (issue 4, R2.1): services, priority groups, tickets, the window's calling panel, the
 * display board and the statistics.
 *
 * Administrator (queue:manage)
 * GET  /api/queue/services                       → QueueService[]     (any signed-in staff of the hall)
 * POST /api/queue/services            ServiceInput → QueueService
 * PUT  /api/queue/services/:id        ServiceInput → QueueService
 * GET  /api/queue/priorities                     → Priority[]         (any signed-in staff)
 * PUT  /api/queue/priorities          Priority[]  → Priority[]
 *
 * Kiosk and display board: public, per hall code (they show no personal data; see docs/decisions.md)
 * GET  /api/public/halls/:hallCode/kiosk                   → KioskInfo
 * POST /api/public/halls/:hallCode/tickets   KioskTicketInput → TicketPrint
 * GET  /api/public/halls/:hallCode/board                   → BoardSnapshot
 * GET  /api/public/halls/:hallCode/board/stream            → text/event-stream: `snapshot` (BoardSnapshot),
 *                                                            `call` (BoardCall), comments as heartbeats
 *
 * Staff
 * POST /api/queue/tickets             StaffTicketInput → TicketPrint      (queue:issue: guide, registrar, windows)
 * GET  /api/queue/window                               → WindowPanel      (queue:serve, the actor's window)
 * POST /api/queue/window/call-next                     → TicketDetail
 * POST /api/queue/window/call         CallInput        → TicketDetail     (a specific number; another
 *                                                                           service's ticket → 409 queue.redirect)
 * POST /api/queue/window/present      CallInput        → PresentResult    (R2.1: served here, or where to go)
 * POST /api/queue/tickets/:id/action  TicketActionInput → TicketDetail    (recall, noShow, start, end, park,
 *                                                                           resume, cancel)
 * POST /api/queue/tickets/:id/transfer TransferInput   → TicketDetail
 * GET  /api/queue/tickets/:id                          → TicketDetail
 * GET  /api/queue/stats?from&to&by&byHour              → QueueStats       (queue:stats)
 */
import { z } from 'zod';
import { SERVICE_KINDS, TICKET_ACTIONS, TICKET_STATUSES } from '@hall/domain';
import { Id, IsoDate, Optional, Required, Text, Version } from './common.ts';
import { IdTypeEnum, MatterSummary } from './matter.ts';

const Hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

export const ServiceKindEnum = z.enum(SERVICE_KINDS);
export const TicketStatusEnum = z.enum(TICKET_STATUSES);
export const TicketActionEnum = z.enum(TICKET_ACTIONS);

export const ServiceInput = z.object({
  code: z.string().trim().regex(/^[a-z][a-zA-Z0-9-]{1,29}$/),
  /** One or two capital letters printed before the number: A001. */
  prefix: z.string().trim().regex(/^[A-Z]{1,2}$/),
  name: Required(50),
  nameEn: Optional(80),
  kind: ServiceKindEnum,
  opensAt: Hhmm,
  closesAt: Hhmm,
  dailyMax: z.number().int().min(1).max(9999),
  /** Recalls before the window may mark the ticket a no-show. */
  maxRecalls: z.number().int().min(0).max(10),
  windowIds: z.array(Id).max(50),
  sort: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
});
export type ServiceInput = z.input<typeof ServiceInput>;

export const QueueService = z.object({
  id: z.number(),
  code: z.string(),
  prefix: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: ServiceKindEnum,
  opensAt: z.string(),
  closesAt: z.string(),
  dailyMax: z.number(),
  maxRecalls: z.number(),
  windowIds: z.array(z.number()),
  sort: z.number(),
  active: z.boolean(),
});
export type QueueService = z.infer<typeof QueueService>;

export const Priority = z.object({
  code: z.string().trim().regex(/^[a-z][a-zA-Z0-9]{1,19}$/),
  name: Required(30),
  nameEn: Optional(50),
  /** Multiplies the waiting time when ordering the queue (normal = 1). */
  weight: z.number().min(0.1).max(10),
});
export type Priority = z.infer<typeof Priority>;
export const PriorityList = z.array(Priority).min(1).max(20);

export const HallCodeParam = z.object({ hallCode: Required(10) });

export const KioskService = z.object({
  id: z.number(),
  prefix: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: ServiceKindEnum,
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  waiting: z.number(),
  /** false when today's maximum has been issued. */
  available: z.boolean(),
});
export const KioskInfo = z.object({
  hall: z.object({ code: z.string(), name: z.string() }),
  services: z.array(KioskService),
  /** Groups a visitor may choose at the kiosk (appointment is set by staff). */
  priorities: z.array(Priority),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const KioskTicketInput = z.object({
  serviceId: Id,
  priority: Text(20).default('normal'),
  /** Optional: scanned or typed; links the ticket to the person (never printed). */
  idType: IdTypeEnum.nullish(),
  idNumber: Optional(30),
});
export type KioskTicketInput = z.input<typeof KioskTicketInput>;

export const StaffTicketInput = KioskTicketInput.extend({
  /** Only this window calls it (registration routes the visitor to a window). */
  targetWindowId: Id.nullish(),
  matterId: Id.nullish(),
  visitId: Id.nullish(),
});
export type StaffTicketInput = z.input<typeof StaffTicketInput>;

/** What the ticket shows (80 mm receipt): in ticket-print.ts, shared with registration's result. */
export { TicketPrint } from './ticket-print.ts';

export const Ticket = z.object({
  id: z.number(),
  number: z.string(),
  serviceId: z.number(),
  serviceName: z.string(),
  status: TicketStatusEnum,
  priority: z.string(),
  priorityName: z.string(),
  issuedAt: z.string(),
  issuedVia: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  recallCount: z.number(),
  windowId: z.number().nullable(),
  windowNumber: z.number().nullable(),
  targetWindowId: z.number().nullable(),
  transferCount: z.number(),
  version: z.number(),
});
export type Ticket = z.infer<typeof Ticket>;

export const QueueEventView = z.object({
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  windowNumber: z.number().nullable(),
  actorName: z.string().nullable(),
});

export const TicketDetail = Ticket.extend({
  /** Actions the caller's window may take now (buttons). */
  actions: z.array(TicketActionEnum),
  maxRecalls: z.number(),
  events: z.array(QueueEventView),
  /** The registration the ticket was issued for, and the visitor's matters (R2.1 → R1.1): masked. */
  matterId: z.number().nullable(),
  /** The full name: a single-record view, audited once per actor and ticket per 10 minutes (queue.ticket.view). */
  petitioner: z.object({ id: z.number(), name: z.string(), idNumberMasked: z.string() }).nullable(),
  matters: z.array(MatterSummary),
  /** R2.3: the person is on the disorder list (an alert was logged). Shown discreetly to staff only. */
  disorderAlert: z.boolean(),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const WindowPanel = z.object({
  window: z.object({ id: z.number(), number: z.number(), name: z.string() }),
  services: z.array(z.object({ id: z.number(), name: z.string(), prefix: z.string(), maxRecalls: z.number() })),
  current: TicketDetail.nullable(),
  parked: z.array(Ticket),
  /** In calling order (first 30). */
  waiting: z.array(Ticket),
  waitingCount: z.number(),
});
export type WindowPanel = z.infer<typeof WindowPanel>;

export const CallInput = z.object({ number: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{3,4}$/) });
export const TicketActionInput = z.object({
  action: z.enum(['recall', 'noShow', 'start', 'end', 'park', 'resume', 'cancel']),
  version: Version.optional(),
});
export type TicketActionInput = z.infer<typeof TicketActionInput>;
export const TransferInput = z
  .object({ serviceId: Id.nullish(), windowId: Id.nullish(), note: Optional(200) })
  .refine((v) => v.serviceId || v.windowId, { message: 'serviceId or windowId', path: ['serviceId'] });
export type TransferInput = z.infer<typeof TransferInput>;

export const WindowRef = z.object({ id: z.number(), number: z.number(), name: z.string() });
export const PresentResult = z.object({
  servedHere: z.boolean(),
  ticket: Ticket,
  /** Where the ticket is served when not here (R2.1). */
  windows: z.array(WindowRef),
});
export type PresentResult = z.infer<typeof PresentResult>;

export const BoardEntry = z.object({
  ticketId: z.number(),
  number: z.string(),
  windowNumber: z.number(),
  windowName: z.string(),
  status: z.enum(['called', 'serving']),
  calledAt: z.string(),
  recallCount: z.number(),
});
export const BoardSnapshot = z.object({
  hall: z.object({ code: z.string(), name: z.string() }),
  /** Numbers now called or at a window, one per window. */
  current: z.array(BoardEntry),
  /** The last calls, newest first (up to 10). */
  lastCalled: z.array(BoardEntry),
  waiting: z.array(z.object({ serviceId: z.number(), name: z.string(), prefix: z.string(), count: z.number() })),
  at: z.string(),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;
/** One call to announce: sent on the stream as event `call`. */
export const BoardCall = z.object({
  ticketId: z.number(),
  number: z.string(),
  windowNumber: z.number(),
  windowName: z.string(),
  recallCount: z.number(),
  announcement: z.string(),
  at: z.string(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const QueueStatsQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  by: z.enum(['service', 'window']).default('service'),
  byHour: z.stringbool().default(false),
});
export type QueueStatsQuery = z.input<typeof QueueStatsQuery>;
const Figures = {
  issued: z.number(),
  served: z.number(),
  noShows: z.number(),
  waitAvg: z.number().nullable(),
  waitP90: z.number().nullable(),
  serviceAvg: z.number().nullable(),
  serviceP90: z.number().nullable(),
};
export const QueueStatsRow = z.object({
  day: z.string(),
  hour: z.number().nullable(),
  serviceId: z.number().nullable(),
  windowId: z.number().nullable(),
  /** The service's or the window's name. */
  name: z.string(),
  ...Figures,
});
export const QueueStats = z.object({
  from: IsoDate,
  to: IsoDate,
  by: z.enum(['service', 'window']),
  rows: z.array(QueueStatsRow),
  total: z.object(Figures),
});
export type QueueStats = z.infer<typeof QueueStats>;
