/**
 * The hall floor's queue (R2.1): ticket numbers per service and day, the order in which a window
 * calls (priority weights), the ticket's life at the window as one transition table, the wait
 * estimate printed on the ticket, and the queue statistics. Pure: the caller passes `now`.
 */
import { type DomainError, conflict, invalid } from './errors.ts';
import type { Lang } from './messages.ts';
import { chinaDate } from './registration.ts';

export const TicketStatus = {
  /** Issued, waiting to be called. */
  waiting: 'waiting',
  /** Called to a window; the visitor has not come yet. */
  called: 'called',
  /** At the window. */
  serving: 'serving',
  /** Set aside at the window (fetching a document, copying), to resume later. */
  parked: 'parked',
  done: 'done',
  /** Called and recalled, never came. */
  noShow: 'noShow',
  /** Left before being called (withdrawn by staff). */
  cancelled: 'cancelled',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];
export const TICKET_STATUSES = Object.values(TicketStatus);
/** A window holds at most one ticket in these (a unique index enforces it in the database). */
export const CURRENT_AT_WINDOW: readonly TicketStatus[] = [TicketStatus.called, TicketStatus.serving];
export const FINISHED: readonly TicketStatus[] = [TicketStatus.done, TicketStatus.noShow, TicketStatus.cancelled];

export const TicketAction = {
  call: 'call',
  recall: 'recall',
  noShow: 'noShow',
  start: 'start',
  end: 'end',
  park: 'park',
  resume: 'resume',
  transfer: 'transfer',
  cancel: 'cancel',
} as const;
export type TicketAction = (typeof TicketAction)[keyof typeof TicketAction];
export const TICKET_ACTIONS = Object.values(TicketAction);

export interface TicketTransition {
  from: TicketStatus;
  action: TicketAction;
  to: TicketStatus;
  /** Why a staff member would do it: shown in docs and as a tooltip. */
  note: string;
}

/**
 * The ticket at the window. Calling (`call`) is also how a specific ticket is called; "call next"
 * picks the ticket with `orderQueue` and then applies this same row.
 */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  { from: 'waiting', action: 'call', to: 'called', note: '叫号：本窗口呼叫该号' },
  { from: 'waiting', action: 'cancel', to: 'cancelled', note: '来访人离开，作废' },
  { from: 'called', action: 'recall', to: 'called', note: '重呼（计次）' },
  { from: 'called', action: 'noShow', to: 'noShow', note: '重呼达到设定次数仍未到：过号' },
  { from: 'called', action: 'start', to: 'serving', note: '来访人到窗口：开始办理' },
  { from: 'called', action: 'transfer', to: 'waiting', note: '转其他业务或窗口，保留原取号时间' },
  { from: 'serving', action: 'end', to: 'done', note: '办结' },
  { from: 'serving', action: 'park', to: 'parked', note: '暂挂（如回去取材料）' },
  { from: 'serving', action: 'transfer', to: 'waiting', note: '转其他业务或窗口，保留原取号时间' },
  { from: 'parked', action: 'resume', to: 'serving', note: '恢复办理' },
  { from: 'parked', action: 'transfer', to: 'waiting', note: '转其他业务或窗口，保留原取号时间' },
  { from: 'parked', action: 'end', to: 'done', note: '办结' },
];

/** The part of a ticket the rules read. */
export interface TicketState {
  status: TicketStatus;
  recallCount: number;
  windowId: number | null;
}

export interface TicketChange {
  status: TicketStatus;
  recallCount: number;
  /** The window now holding the ticket; null when it goes back to waiting. */
  windowId: number | null;
  /** Timestamps to set (ISO); absent ones stay as they are. */
  set: Partial<Record<'calledAt' | 'firstCalledAt' | 'startedAt' | 'endedAt' | 'parkedAt', string>>;
}

export function ticketTransition(status: TicketStatus, action: TicketAction): TicketTransition | undefined {
  return TICKET_TRANSITIONS.find((t) => t.from === status && t.action === action);
}

/** Actions the window may take on a ticket in this status (for the buttons). */
export function ticketActions(t: TicketState, maxRecalls: number): TicketAction[] {
  return TICKET_TRANSITIONS.filter((r) => r.from === t.status && guardOk(t, r.action, maxRecalls) === null).map(
    (r) => r.action,
  );
}

function guardOk(t: TicketState, action: TicketAction, maxRecalls: number): DomainError | null {
  if (action === 'recall' && t.recallCount >= maxRecalls) {
    return invalid('queue.recallLimit', { max: maxRecalls });
  }
  if (action === 'noShow' && t.recallCount < maxRecalls) {
    return invalid('queue.noShowTooEarly', { max: maxRecalls, left: maxRecalls - t.recallCount });
  }
  return null;
}

/**
 * Applies one action to a ticket at `windowId`. The window must be the one holding the ticket
 * (except `call`, which gives it to the window, and `cancel`, done from any desk).
 */
export function applyTicketAction(
  t: TicketState,
  action: TicketAction,
  opts: { windowId: number | null; maxRecalls: number; now: Date },
): TicketChange {
  const row = ticketTransition(t.status, action);
  if (!row) throw conflict('queue.actionNotAllowed', { action, status: t.status });
  const g = guardOk(t, action, opts.maxRecalls);
  if (g) throw g;
  if (action !== 'call' && action !== 'cancel' && t.windowId !== null && opts.windowId !== t.windowId) {
    throw conflict('queue.otherWindow');
  }
  const at = opts.now.toISOString();
  switch (action) {
    case 'call':
      return { status: row.to, recallCount: 0, windowId: opts.windowId, set: { calledAt: at, firstCalledAt: at } };
    case 'recall':
      return { status: row.to, recallCount: t.recallCount + 1, windowId: t.windowId, set: { calledAt: at } };
    case 'start':
      return { status: row.to, recallCount: t.recallCount, windowId: t.windowId, set: { startedAt: at } };
    case 'resume':
      return { status: row.to, recallCount: t.recallCount, windowId: t.windowId, set: {} };
    case 'park':
      return { status: row.to, recallCount: t.recallCount, windowId: t.windowId, set: { parkedAt: at } };
    case 'end':
    case 'noShow':
    case 'cancel':
      return { status: row.to, recallCount: t.recallCount, windowId: t.windowId, set: { endedAt: at } };
    case 'transfer':
      // Back in the queue with its arrival time kept (issued_at is never touched): no window, no recalls.
      return { status: row.to, recallCount: 0, windowId: null, set: {} };
  }
}

// ---------------------------------------------------------------------------------------------
// Numbering

/** A001 … A999, then A1000: three digits at least, never wrapped (a number is never issued twice a day). */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

export const TICKET_PREFIX_PATTERN = /^[A-Z]{1,2}$/;

/** 'HH:MM' in China time. */
export function chinaTimeOfDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** The queue day a ticket belongs to: the China calendar day (numbers restart each day). */
export const queueDay = chinaDate;

export interface ServiceHours {
  opensAt: string;
  closesAt: string;
  dailyMax: number;
}

/** Whether a ticket may be issued now as number `nextSeq` (the daily maximum is inclusive). */
export function checkIssue(service: ServiceHours, now: Date, nextSeq: number): void {
  const t = chinaTimeOfDay(now);
  if (t < service.opensAt || t >= service.closesAt) {
    throw invalid('queue.closed', { opensAt: service.opensAt, closesAt: service.closesAt });
  }
  if (nextSeq > service.dailyMax) throw conflict('queue.dailyMaxReached', { max: service.dailyMax });
}

export function checkHours(opensAt: string, closesAt: string): void {
  const ok = /^([01]\d|2[0-3]):[0-5]\d$/;
  // closesAt may be 24:00 (open all day).
  if (!ok.test(opensAt) || !(ok.test(closesAt) || closesAt === '24:00') || opensAt >= closesAt) {
    throw invalid('queue.badHours', { opensAt, closesAt }, 'closesAt');
  }
}

// ---------------------------------------------------------------------------------------------
// Who is called next

export interface QueuedTicket {
  id: number;
  serviceId: number;
  /** The arrival: kept through transfers. */
  issuedAt: string;
  /** The priority group's weight (normal 1). */
  weight: number;
  /** Set when transferred to one window: only that window calls it. */
  targetWindowId: number | null;
}

/**
 * The calling order: the longest weighted wait first, where the weighted wait is the time since
 * arrival multiplied by the priority group's weight. An elderly visitor (weight 2) who has waited
 * 10 minutes goes before a visitor who has waited 15, but not before one who has waited 25; nobody
 * waits forever. Ties: earlier arrival, then lower id.
 */
export function orderQueue<T extends QueuedTicket>(tickets: readonly T[], now: Date): T[] {
  const n = now.getTime();
  const score = (t: T) => Math.max(0, n - Date.parse(t.issuedAt)) * t.weight;
  return [...tickets].sort(
    (a, b) => score(b) - score(a) || Date.parse(a.issuedAt) - Date.parse(b.issuedAt) || a.id - b.id,
  );
}

/** Whether `windowId` (serving `serviceIds`) may call this ticket. */
export function windowServes(t: Pick<QueuedTicket, 'serviceId' | 'targetWindowId'>, windowId: number, serviceIds: readonly number[]): boolean {
  if (t.targetWindowId !== null) return t.targetWindowId === windowId;
  return serviceIds.includes(t.serviceId);
}

/** The tickets ahead of `ticket` among those a window of its service could call, in calling order. */
export function aheadOf<T extends QueuedTicket>(ticket: T, waiting: readonly T[], now: Date): number {
  const sameQueue = waiting.filter(
    (t) => t.id !== ticket.id && t.serviceId === ticket.serviceId && t.targetWindowId === ticket.targetWindowId,
  );
  const order = orderQueue([...sameQueue, ticket], now);
  return order.findIndex((t) => t.id === ticket.id);
}

// ---------------------------------------------------------------------------------------------
// Wait estimate and statistics

/** Minutes assumed per visitor when a service has no history yet. */
export const DEFAULT_SERVICE_MINUTES = 8;

/**
 * The estimated wait in minutes: the people ahead times the recent average service time, shared by
 * the windows that serve the service (at least one). Recent service times come from the queue
 * statistics (the last finished tickets of the service).
 */
export function estimateWait(opts: { ahead: number; recentServiceMinutes: readonly number[]; windows: number }): number {
  const per = opts.recentServiceMinutes.length ? mean(opts.recentServiceMinutes) : DEFAULT_SERVICE_MINUTES;
  return Math.round((opts.ahead * per) / Math.max(1, opts.windows));
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Nearest-rank percentile (p in 0..100); null for no values. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

export interface TicketFacts {
  serviceId: number;
  /** The window that called it last (null if never called). */
  windowId: number | null;
  status: TicketStatus;
  issuedAt: string;
  firstCalledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

export interface QueueFigures {
  issued: number;
  served: number;
  noShows: number;
  /** Minutes from arrival to the first call. */
  waitAvg: number | null;
  waitP90: number | null;
  /** Minutes from start to end of service. */
  serviceAvg: number | null;
  serviceP90: number | null;
}

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function queueFigures(tickets: readonly TicketFacts[]): QueueFigures {
  const waits = tickets.filter((t) => t.firstCalledAt).map((t) => minutesBetween(t.issuedAt, t.firstCalledAt!));
  const services = tickets
    .filter((t) => t.status === 'done' && t.startedAt && t.endedAt)
    .map((t) => minutesBetween(t.startedAt!, t.endedAt!));
  return {
    issued: tickets.length,
    served: tickets.filter((t) => t.status === 'done').length,
    noShows: tickets.filter((t) => t.status === 'noShow').length,
    waitAvg: round1(waits.length ? mean(waits) : null),
    waitP90: round1(percentile(waits, 90)),
    serviceAvg: round1(services.length ? mean(services) : null),
    serviceP90: round1(percentile(services, 90)),
  };
}

export interface QueueStatsRow extends QueueFigures {
  day: string;
  /** China-time hour of arrival (0–23); null in per-day rows. */
  hour: number | null;
  serviceId: number | null;
  windowId: number | null;
}

/**
 * Figures grouped by day (and hour when `byHour`) and by service or by window. Tickets count under
 * the day and hour of their arrival, and under the window that last called them (uncalled tickets
 * have no window and appear only in per-service rows).
 */
export function queueStats(
  tickets: readonly TicketFacts[],
  opts: { by: 'service' | 'window'; byHour: boolean },
): QueueStatsRow[] {
  const groups = new Map<string, { day: string; hour: number | null; key: number; items: TicketFacts[] }>();
  for (const t of tickets) {
    const key = opts.by === 'service' ? t.serviceId : t.windowId;
    if (key === null) continue;
    const arrival = new Date(t.issuedAt);
    const day = chinaDate(arrival);
    const hour = opts.byHour ? Number(chinaTimeOfDay(arrival).slice(0, 2)) : null;
    const g = `${day}|${hour}|${key}`;
    if (!groups.has(g)) groups.set(g, { day, hour, key, items: [] });
    groups.get(g)!.items.push(t);
  }
  return [...groups.values()]
    .sort((a, b) => a.day.localeCompare(b.day) || (a.hour ?? -1) - (b.hour ?? -1) || a.key - b.key)
    .map((g) => ({
      day: g.day,
      hour: g.hour,
      serviceId: opts.by === 'service' ? g.key : null,
      windowId: opts.by === 'window' ? g.key : null,
      ...queueFigures(g.items),
    }));
}

// ---------------------------------------------------------------------------------------------
// The display board's announcement

/** "请 A012 号到 3 号窗口办理" — read aloud by the board (speech synthesis, zh-CN). */
export function announcement(number: string, windowNumber: number, lang: Lang): string {
  // Letters are spelled one by one so that the voice says "A 零一二" and not a word.
  return lang === 'en'
    ? `Number ${number.split('').join(' ')}, please go to window ${windowNumber}`
    : `请 ${number} 号到 ${windowNumber} 号窗口办理`;
}

/** Priority groups every hall starts with (R2.1): weights are editable by the administrator. */
export const DEFAULT_PRIORITIES = [
  { code: 'normal', name: '普通', nameEn: 'Normal', weight: 1 },
  { code: 'elderly', name: '老年人', nameEn: 'Elderly', weight: 2 },
  { code: 'disabled', name: '残疾人', nameEn: 'Disabled', weight: 2 },
  { code: 'appointment', name: '预约', nameEn: 'Appointment', weight: 3 },
] as const;

export const ServiceKind = {
  petitionRegistration: 'petitionRegistration',
  departmentWindow: 'departmentWindow',
  judgeLiaison: 'judgeLiaison',
  caseInquiry: 'caseInquiry',
  materialHandover: 'materialHandover',
  facilities: 'facilities',
  other: 'other',
} as const;
export type ServiceKind = (typeof ServiceKind)[keyof typeof ServiceKind];
export const SERVICE_KINDS = Object.values(ServiceKind);
