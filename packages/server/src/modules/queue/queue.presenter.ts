/** Rows of the queue tables → the API's shapes (contracts/queue.ts). Names come from lookups loaded once per request. */
import type { QueueService as ServiceView, Ticket } from '@hall/contracts';
import type { QueuedTicket, ServiceKind, TicketStatus } from '@hall/domain';
import { type HallWindowRow, type QueueEventRow, type QueueServiceRow, type QueueTicketRow, bool } from '@hall/db';

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
