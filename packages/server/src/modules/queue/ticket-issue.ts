/**
 * Issuing a ticket (R2.1, issue 4) and what its receipt prints: the one way a ticket is numbered,
 * used by the kiosk, the staff desks, the guide desk (floor/visit.service.ts) and registration
 * (reception/registration.service.ts), each inside its own transaction.
 *
 * Several instances share one queue through the database alone: numbers come from an atomic upsert
 * per service and day, and the error of a full day rolls the sequence back with the transaction.
 */
import type { StaffTicketInput, TicketPrint } from '@hall/contracts';
import type { z } from 'zod';
import {
  type IdType,
  type Lang,
  aheadOf,
  checkIdentity,
  checkIssue,
  estimateWait,
  formatTicketNumber,
  invalid,
  queueDay,
} from '@hall/domain';
import { type QueueServiceRow, type QueueTicketRow, type Repositories, bool, toJson } from '@hall/db';
import type { Ctx, Deps, FloorEvent } from '../../context.ts';
import { transact } from '../../transact.ts';
import { auditAs } from '../../audit.ts';
import { checkDisorder } from '../floor/disorder-check.ts';
import { idLookupHashes, idLookupKey } from '../reception/personal-data.ts';
import { prioritiesOf } from './queue-config.service.ts';
import { queued, ticketEvent } from './queue.presenter.ts';

/** A parsed request body (the contract's output type: ids coerced, defaults applied). */
type StaffTicketData = z.output<typeof StaffTicketInput>;

/** How many finished tickets of a service the wait estimate averages (capability 8). */
export const RECENT_SERVICES = 30;

export interface IssueArgs {
  hallId: number;
  now: Date;
  actorId: number | null;
  requestId: string | null;
  lang: Lang;
  via: 'kiosk' | 'guide' | 'registration' | 'staff';
  serviceId: number;
  priority: string;
  idType?: IdType | null;
  idNumber?: string | null;
  petitionerId?: number | null;
  targetWindowId?: number | null;
  matterId?: number | null;
  visitId?: number | null;
  /** The guide desk and registration run their own disorder check (R2.3); kiosk and staff tickets are checked here. */
  skipDisorderCheck?: boolean;
}

/** Publishes after the commit (the bus logs a failed notification: the change itself is saved). */
export async function announce(deps: Deps, events: FloorEvent[]) {
  for (const e of events) await deps.bus.publish(e);
}

/**
 * Issues a ticket inside the caller's transaction (`r` = repositories(trx)): checks the service,
 * its hours and daily maximum (R2.1), the priority group, the optional ID (only its lookup hash is
 * kept), numbers it, and returns the row and what the receipt prints. The caller publishes the
 * floor event `{ kind: 'ticket', action: 'issue' }` after the commit.
 */
export async function issueTicket(
  r: Repositories,
  deps: Deps,
  a: IssueArgs,
): Promise<{ row: QueueTicketRow; print: TicketPrint }> {
  const service = await r.queue.getService(a.serviceId);
  if (!service || service.hall_id !== a.hallId) throw invalid('queue.serviceNotFound', {}, 'serviceId');
  if (!bool(service.active)) throw invalid('queue.serviceInactive', { name: service.name }, 'serviceId');
  const hours = { opensAt: service.opens_at, closesAt: service.closes_at, dailyMax: service.daily_max };
  // Hours first: a closed service refuses before anything is numbered.
  checkIssue(hours, a.now, 1);

  const priorities = await prioritiesOf(r, a.hallId);
  const priority = priorities.find((p) => p.code === a.priority);
  if (!priority) throw invalid('queue.priorityNotFound', { priority: a.priority }, 'priority');
  if (priority.code === 'appointment' && a.via === 'kiosk') throw invalid('queue.appointmentStaffOnly', {}, 'priority');

  let idHash: string | null = null;
  let lookupHashes: string[] = [];
  let petitionerId = a.petitionerId ?? null;
  if (a.idNumber?.trim()) {
    const type = a.idType ?? 'resident';
    const checked = checkIdentity(type, a.idNumber, queueDay(a.now));
    if (!checked.ok) throw invalid(checked.code, {}, 'idNumber');
    idHash = deps.cipher.hash(idLookupKey(type, checked.info.normalized));
    lookupHashes = idLookupHashes(deps.cipher, type, checked.info.normalized);
    petitionerId ??= (await r.petitioners.findByIdHash(lookupHashes))?.id ?? null;
  }
  if (a.matterId) {
    const matter = await r.matters.findById(a.matterId);
    if (!matter || matter.hall_id !== a.hallId) throw invalid('queue.matterNotFound', {}, 'matterId');
    petitionerId ??= matter.petitioner_id;
  }
  let targetWindow: { id: number; number: number } | null = null;
  if (a.targetWindowId) {
    const w = await r.org.getWindow(a.targetWindowId);
    if (!w || w.hall_id !== a.hallId || !bool(w.active)) throw invalid('queue.windowNotFound', {}, 'targetWindowId');
    targetWindow = w;
  }
  if (a.visitId) {
    const v = await r.queue.findVisit(a.visitId);
    if (!v || v.hall_id !== a.hallId) throw invalid('queue.visitNotFound', {}, 'visitId');
  }

  // What the receipt needs besides the queue itself is read before the sequence row is taken: on
  // PostgreSQL the row stays locked until the commit, and every kiosk of the service waits on it.
  const receipt = await receiptFacts(r, service, targetWindow);
  const day = queueDay(a.now);
  const seq = await r.queue.nextSequence(service.id, day);
  // Over the daily maximum: the error rolls the caller's transaction (and so the sequence) back.
  checkIssue(hours, a.now, seq);
  const at = a.now.toISOString();
  const row = await r.queue.insertTicket({
    hall_id: a.hallId,
    service_id: service.id,
    current_service_id: service.id,
    day,
    seq,
    number: formatTicketNumber(service.prefix, seq),
    priority: priority.code,
    weight: priority.weight,
    status: 'waiting',
    issued_at: at,
    issued_via: a.via,
    issued_by: a.actorId,
    petitioner_id: petitionerId,
    id_hash: idHash,
    matter_id: a.matterId ?? null,
    visit_id: a.visitId ?? null,
    target_window_id: targetWindow?.id ?? null,
    window_id: null,
    called_by: null,
    called_at: null,
    first_called_at: null,
    started_at: null,
    ended_at: null,
    parked_at: null,
  });
  await r.queue.insertEvent({
    ticket_id: row.id,
    hall_id: a.hallId,
    at,
    actor_id: a.actorId,
    action: 'issue',
    from_status: null,
    to_status: 'waiting',
    window_id: null,
    data: toJson({ via: a.via, priority: priority.code }),
  });
  // Kiosk tickets have no signed-in actor (actorId null); staff, registration and guide-desk tickets do.
  await auditAs(r, { actorId: a.actorId, at, requestId: a.requestId, hallId: a.hallId }, {
    entity: 'queue_ticket',
    entityId: row.id,
    action: 'queue.ticket.issue',
    after: { number: row.number, serviceId: service.id, via: a.via, priority: priority.code, targetWindowId: row.target_window_id, matterId: row.matter_id, visitId: row.visit_id },
  });
  if (idHash && !a.skipDisorderCheck && (a.via === 'kiosk' || a.via === 'staff')) {
    await checkDisorder(r, {
      hallId: a.hallId,
      idHash: lookupHashes,
      now: a.now,
      actorId: a.actorId,
      requestId: a.requestId,
      source: a.via === 'kiosk' ? 'kiosk' : 'staffTicket',
      ticketId: row.id,
      matterId: a.matterId ?? null,
      visitId: a.visitId ?? null,
      windowId: targetWindow?.id ?? null,
    });
  }
  const waiting = (await r.queue.waiting(row.hall_id, row.day, [service.id])).map(queued);
  return { row, print: ticketPrint(receipt, row, aheadOf(queued(row), waiting, a.now)) };
}

interface ReceiptFacts {
  service: QueueServiceRow;
  hallName: string;
  windows: { number: number }[];
  target: { number: number } | null;
  recentServiceMinutes: number[];
}

async function receiptFacts(
  r: Repositories,
  service: QueueServiceRow,
  target: { number: number } | null,
): Promise<ReceiptFacts> {
  const hall = await r.org.getHall(service.hall_id);
  const windows = await r.queue.windowsOfService(service.id);
  const recent = await r.queue.recentServiceTimes(service.id, RECENT_SERVICES);
  const recentServiceMinutes = recent.map((x) => (Date.parse(x.ended_at!) - Date.parse(x.started_at!)) / 60_000);
  return { service, hallName: hall?.name ?? '', windows, target, recentServiceMinutes };
}

/** The receipt: number, service, hall, people ahead and the estimated wait (capability 8). */
function ticketPrint(f: ReceiptFacts, row: QueueTicketRow, ahead: number): TicketPrint {
  const { service, windows, target } = f;
  return {
    id: row.id,
    number: row.number,
    serviceName: service.name,
    serviceNameEn: service.name_en,
    hallName: f.hallName,
    issuedAt: row.issued_at,
    ahead,
    // A ticket for one window waits for that window alone.
    estimatedMinutes: estimateWait({
      ahead,
      recentServiceMinutes: f.recentServiceMinutes,
      windows: target ? 1 : windows.length,
    }),
    windowNumber: target?.number ?? (windows.length === 1 ? windows[0].number : null),
  };
}

/** Tickets issued at a staff desk (guide, registrar, windows: queue:issue). */
export class TicketIssueService {
  constructor(private readonly deps: Deps) {}

  async staffTicket(ctx: Ctx, input: StaffTicketData): Promise<TicketPrint> {
    const { row, print } = await transact(this.deps, async (r) =>
      issueTicket(r, this.deps, {
        hallId: ctx.actor.hallId,
        now: ctx.now,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        lang: ctx.lang,
        via: 'staff',
        serviceId: input.serviceId,
        priority: input.priority ?? 'normal',
        idType: input.idType ?? null,
        idNumber: input.idNumber ?? null,
        targetWindowId: input.targetWindowId ?? null,
        matterId: input.matterId ?? null,
        visitId: input.visitId ?? null,
      }),
    );
    await announce(this.deps, [ticketEvent(row, 'issue', ctx.now)]);
    return print;
  }
}
