/** Rows of the queue tables → the API's shapes (contracts/queue.ts). Names come from lookups loaded once per request. */
import type { QueueService as ServiceView, Ticket } from '@hall/contracts';
import type { Lang, QueuedTicket, ServiceKind, TicketStatus } from '@hall/domain';
import { type HallWindowRow, type QueueEventRow, type QueueServiceRow, type QueueTicketRow, bool } from '@hall/db';
import type { FloorEvent } from '../../context.ts';

export interface QueueNames {
  services: Map<number, QueueServiceRow>;
  priorities: Map<string, { name: string; name_en: string | null }>;
  windows: Map<number, HallWindowRow>;
}

export const presentService = (s: QueueServiceRow, windowIds: readonly number[]): ServiceView => ({
  id: s.id,
  code: s.code,
  prefix: s.prefix,
  name: s.name,
  nameEn: s.name_en,
  kind: s.kind as ServiceKind,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
  dailyMax: s.daily_max,
  maxRecalls: s.max_recalls,
  windowIds: [...windowIds],
  sort: s.sort,
  active: bool(s.active),
});

/** The queue a ticket waits in now (its numbering service until a transfer). */
export const serviceOf = (t: QueueTicketRow) => t.current_service_id;

export const presentTicket = (t: QueueTicketRow, names: QueueNames): Ticket => ({
  id: t.id,
  number: t.number,
  serviceId: serviceOf(t),
  serviceName: names.services.get(serviceOf(t))?.name ?? '',
  status: t.status as TicketStatus,
  priority: t.priority,
  // A group removed since the ticket was issued still shows its code.
  priorityName: names.priorities.get(t.priority)?.name ?? t.priority,
  issuedAt: t.issued_at,
  issuedVia: t.issued_via,
  calledAt: t.called_at,
  startedAt: t.started_at,
  endedAt: t.ended_at,
  recallCount: t.recall_count,
  windowId: t.window_id,
  windowNumber: t.window_id !== null ? (names.windows.get(t.window_id)?.number ?? null) : null,
  targetWindowId: t.target_window_id,
  transferCount: t.transfer_count,
  version: t.version,
});

export const presentEvent = (e: QueueEventRow & { window_number: number | null; actor_name: string | null }) => ({
  at: e.at,
  action: e.action,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  windowNumber: e.window_number,
  actorName: e.actor_name,
});

/** The part of a ticket the calling order reads (domain `orderQueue`). */
export const queued = (t: QueueTicketRow): QueuedTicket & { row: QueueTicketRow } => ({
  id: t.id,
  serviceId: serviceOf(t),
  issuedAt: t.issued_at,
  weight: t.weight,
  targetWindowId: t.target_window_id,
  row: t,
});

export const ticketState = (t: QueueTicketRow) => ({
  status: t.status as TicketStatus,
  recallCount: t.recall_count,
  windowId: t.window_id,
});

/** A priority group as the API shows it (administrator's list, kiosk). */
export const presentPriority = (p: { code: string; name: string; name_en: string | null; weight: number }) => ({
  code: p.code,
  name: p.name,
  nameEn: p.name_en,
  weight: p.weight,
});

/** A service on the kiosk's screen: open now, how many wait, and whether today's numbers are not used up. */
export const presentKioskService = (
  s: QueueServiceRow,
  facts: { open: boolean; waiting: number; available: boolean },
) => ({
  id: s.id,
  prefix: s.prefix,
  name: s.name,
  nameEn: s.name_en,
  kind: s.kind as ServiceKind,
  opensAt: s.opens_at,
  closesAt: s.closes_at,
  open: facts.open,
  waiting: facts.waiting,
  available: facts.available,
});

/** What a ticket's audit row records: its state, never personal data. */
export const ticketAuditView = (t: QueueTicketRow) => ({
  number: t.number,
  status: t.status,
  serviceId: t.current_service_id,
  windowId: t.window_id,
  targetWindowId: t.target_window_id,
  recalls: t.recall_count,
  version: t.version,
});

/** The floor event of a change to a ticket (display boards and desks; published after the commit). */
export const ticketEvent = (t: QueueTicketRow, action: string, now: Date): FloorEvent => ({
  hallId: t.hall_id,
  kind: 'ticket',
  ticketId: t.id,
  action,
  at: now.toISOString(),
});

/** "3、4" / "3, 4": the window numbers a redirect names. */
export const windowList = (windows: readonly { number: number }[], lang: Lang) =>
  windows.map((w) => w.number).join(lang === 'en' ? ', ' : '、') || '—';
