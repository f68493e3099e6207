/**
 * The queue (R2.1, issue 4): services and priority groups (administrator), tickets (kiosk, desks,
 * registration), the window's calling panel, and the statistics behind the wait estimate.
 *
 * Several instances share one queue through the database alone: numbers come from an atomic upsert
 * per service and day, a call is a conditional update (`status = 'waiting'`), and the partial unique
 * index keeps one current ticket per window. Every change writes a queue_event in its transaction
 * and is published on the floor bus after the commit (display boards, desks).
 */
import type {
  KioskInfo,
  KioskTicketInput,
  PresentResult,
  Priority,
  ServiceInput,
  QueueService as ServiceView,
  StaffTicketInput,
  TicketActionInput,
  TicketDetail,
  TicketPrint,
  TransferInput,
  WindowPanel,
} from '@hall/contracts';
import type { z } from 'zod';
import {
  DEFAULT_PRIORITIES,
  DomainError,
  type IdType,
  type Lang,
  Permission,
  type TicketAction,
  type TicketChange,
  aheadOf,
  applyTicketAction,
  can,
  checkHours,
  checkIdentity,
  checkIssue,
  chinaTimeOfDay,
  conflict,
  estimateWait,
  formatTicketNumber,
  invalid,
  notFound,
  orderQueue,
  queueDay,
  ticketActions,
  windowServes,
} from '@hall/domain';
import {
  type QueueServiceRow,
  type QueueTicketRow,
  type Repositories,
  bool,
  int,
  isUniqueViolation,
  repositories,
  toJson,
} from '@hall/db';
import type { Ctx, Deps, FloorEvent } from '../../context.ts';
import { transact } from '../../transact.ts';
import { auditView } from '../../view-audit.ts';
import { checkDisorder } from '../floor/disorder-check.ts';
import { presentSummary } from '../cases/matter.presenter.ts';
import { idLookupHashes, idLookupKey, openPii } from '../reception/personal-data.ts';
import {
  type QueueNames,
  presentEvent,
  presentService,
  presentTicket,
  queued,
  serviceOf,
  ticketState,
} from './queue.presenter.ts';
import { audit, auditAs } from '../../audit.ts';

/** Parsed request bodies (the contracts' output types: ids coerced, defaults applied). */
type ServiceData = z.output<typeof ServiceInput>;
type KioskTicketData = z.output<typeof KioskTicketInput>;
type StaffTicketData = z.output<typeof StaffTicketInput>;

/** How many finished tickets of a service the wait estimate averages (capability 8). */
export const RECENT_SERVICES = 30;
/** The window panel lists this many waiting tickets (the count covers all). */
const PANEL_WAITING = 30;

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

/** The hall's priority groups; a hall whose administrator has not set any yet has the defaults (R2.1). */
/** What a ticket's audit row records: its state, never personal data. */
function ticketAuditView(t: QueueTicketRow) {
  return {
    number: t.number,
    status: t.status,
    serviceId: t.current_service_id,
    windowId: t.window_id,
    targetWindowId: t.target_window_id,
    recalls: t.recall_count,
    version: t.version,
  };
}

export async function prioritiesOf(r: Repositories, hallId: number) {
  const rows = await r.queue.listPriorities(hallId);
  return rows.length
    ? rows
    : DEFAULT_PRIORITIES.map((p) => ({
        hall_id: hallId,
        code: p.code,
        name: p.name,
        name_en: p.nameEn,
        weight: p.weight,
      }));
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

/** Publishes after the commit (the bus logs a failed notification: the change itself is saved). */
async function announce(deps: Deps, events: FloorEvent[]) {
  for (const e of events) await deps.bus.publish(e);
}

const ticketEvent = (t: QueueTicketRow, action: string, now: Date): FloorEvent => ({
  hallId: t.hall_id,
  kind: 'ticket',
  ticketId: t.id,
  action,
  at: now.toISOString(),
});

/** The columns a domain change sets. The first call's time is kept through transfers (the wait ends there). */
function changeColumns(t: QueueTicketRow, c: TicketChange) {
  return {
    status: c.status,
    recall_count: c.recallCount,
    window_id: c.windowId,
    ...(c.set.calledAt ? { called_at: c.set.calledAt } : {}),
    ...(c.set.firstCalledAt ? { first_called_at: t.first_called_at ?? c.set.firstCalledAt } : {}),
    ...(c.set.startedAt ? { started_at: c.set.startedAt } : {}),
    ...(c.set.endedAt ? { ended_at: c.set.endedAt } : {}),
    ...(c.set.parkedAt ? { parked_at: c.set.parkedAt } : {}),
  };
}

const windowBusy = () => conflict('queue.windowBusy');

export class QueueService {
  constructor(private readonly deps: Deps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** Runs `fn` in a transaction; a second current ticket at a window (the partial unique index) becomes a clear conflict. */
  private async tx<T>(fn: (r: Repositories) => Promise<T>): Promise<T> {
    try {
      return await transact(this.deps, (r) => fn(r));
    } catch (err) {
      if (isUniqueViolation(err)) throw windowBusy();
      throw err;
    }
  }

  private async names(r: Repositories, hallId: number): Promise<QueueNames> {
    const [services, priorities, windows] = await Promise.all([
      r.queue.listServices(hallId),
      prioritiesOf(r, hallId),
      r.org.listWindows(hallId),
    ]);
    return {
      services: new Map(services.map((s) => [s.id, s])),
      priorities: new Map(priorities.map((p) => [p.code, p])),
      windows: new Map(windows.map((w) => [w.id, w])),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Administrator: services and priority groups

  async listServices(ctx: Ctx): Promise<ServiceView[]> {
    const r = repositories(this.db);
    const services = await r.queue.listServices(ctx.actor.hallId);
    const links = await r.queue.serviceWindows(services.map((s) => s.id));
    return services.map((s) =>
      presentService(
        s,
        links.filter((l) => l.service_id === s.id).map((l) => l.window_id),
      ),
    );
  }

  async saveService(ctx: Ctx, id: number | null, input: ServiceData): Promise<ServiceView> {
    checkHours(input.opensAt, input.closesAt);
    const hallId = ctx.actor.hallId;
    try {
      return await transact(this.deps, async (r) => {
        const before = id === null ? undefined : await r.queue.getService(id);
        if (id !== null && (!before || before.hall_id !== hallId)) throw notFound('queue.serviceNotFound');
        const windows = await r.org.listWindows(hallId);
        if (input.windowIds.some((w) => !windows.some((x) => x.id === w))) {
          throw invalid('queue.windowNotInHall', {}, 'windowIds');
        }
        // Today's tickets are looked up by their printed number: a new prefix mid-day could print a
        // number that was already issued today under the old one.
        if (before && before.prefix !== input.prefix) {
          const [issued] = await r.queue.sequencesOf([before.id], queueDay(ctx.now));
          if (issued && issued.last_value > 0) throw invalid('queue.prefixInUseToday', { prefix: before.prefix }, 'prefix');
        }
        for (const field of ['prefix', 'code'] as const) {
          const other = await r.queue.findServiceBy(hallId, field, input[field]);
          if (other && other.id !== id) throw taken(field, input[field]);
        }
        const values = {
          hall_id: hallId,
          code: input.code,
          prefix: input.prefix,
          name: input.name,
          name_en: input.nameEn ?? null,
          kind: input.kind,
          opens_at: input.opensAt,
          closes_at: input.closesAt,
          daily_max: input.dailyMax,
          max_recalls: input.maxRecalls,
          sort: input.sort ?? 0,
          active: int(input.active ?? true),
        };
        const beforeWindows = before ? (await r.queue.serviceWindows([before.id])).map((l) => l.window_id) : [];
        const row = before ? await r.queue.updateService(before.id, values) : await r.queue.insertService(values);
        await r.queue.setServiceWindows(row.id, input.windowIds);
        const view = presentService(
          row,
          [...new Set(input.windowIds)].sort((a, b) => a - b),
        );
        await audit(r, ctx, {
          entity: 'queue_service',
          entityId: row.id,
          action: before ? 'queue.service.update' : 'queue.service.create',
          before: before ? presentService(before, beforeWindows) : undefined,
          after: view,
        });
        return view;
      });
    } catch (err) {
      // Two administrators saving the same prefix at once: the unique constraint decides.
      if (isUniqueViolation(err)) throw taken('prefix', input.prefix);
      throw err;
    }
  }

  async listPriorities(ctx: Ctx): Promise<Priority[]> {
    const rows = await prioritiesOf(repositories(this.db), ctx.actor.hallId);
    return rows.map((p) => ({ code: p.code, name: p.name, nameEn: p.name_en, weight: p.weight }));
  }

  /** Replaces the hall's groups; tickets already issued keep the weight they were issued with. */
  async savePriorities(ctx: Ctx, list: Priority[]): Promise<Priority[]> {
    const codes = list.map((p) => p.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) throw invalid('queue.duplicatePriority', { code: dup }, `${codes.lastIndexOf(dup)}.code`);
    if (!codes.includes('normal')) throw invalid('queue.normalRequired');
    await transact(this.deps, async (r) => {
      const before = await r.queue.listPriorities(ctx.actor.hallId);
      await r.queue.replacePriorities(
        ctx.actor.hallId,
        list.map((p) => ({ code: p.code, name: p.name, name_en: p.nameEn ?? null, weight: p.weight })),
      );
      await audit(r, ctx, {
        entity: 'queue_priority',
        entityId: ctx.actor.hallId,
        action: 'queue.priorities.replace',
        before: before.map((p) => ({ code: p.code, name: p.name, weight: p.weight })),
        after: list.map((p) => ({ code: p.code, name: p.name, weight: p.weight })),
      });
    });
    return this.listPriorities(ctx);
  }

  // ---------------------------------------------------------------------------------------------
  // Kiosk (public, per hall code) and staff tickets

  private async publicHall(r: Repositories, code: string) {
    const hall = await r.queue.hallByCode(code);
    if (!hall || !bool(hall.active)) throw notFound('hall.unknownCode', { code });
    return hall;
  }

  async kiosk(hallCode: string, now: Date): Promise<KioskInfo> {
    const r = repositories(this.db);
    const hall = await this.publicHall(r, hallCode);
    const day = queueDay(now);
    const services = (await r.queue.listServices(hall.id)).filter((s) => bool(s.active));
    const waiting = await r.queue.waiting(hall.id, day);
    const issued = await r.queue.sequencesOf(
      services.map((s) => s.id),
      day,
    );
    const time = chinaTimeOfDay(now);
    const priorities = await prioritiesOf(r, hall.id);
    return {
      hall: { code: hall.code, name: hall.name },
      services: services.map((s) => ({
        id: s.id,
        prefix: s.prefix,
        name: s.name,
        nameEn: s.name_en,
        kind: s.kind as ServiceView['kind'],
        opensAt: s.opens_at,
        closesAt: s.closes_at,
        open: time >= s.opens_at && time < s.closes_at,
        waiting: waiting.filter((t) => serviceOf(t) === s.id).length,
        available: (issued.find((q) => q.service_id === s.id)?.last_value ?? 0) < s.daily_max,
      })),
      priorities: priorities
        .filter((p) => p.code !== 'appointment')
        .map((p) => ({ code: p.code, name: p.name, nameEn: p.name_en, weight: p.weight })),
    };
  }

  async kioskTicket(
    hallCode: string,
    input: KioskTicketData,
    meta: { now: Date; requestId: string; lang: Lang },
  ): Promise<TicketPrint> {
    const { row, print } = await transact(this.deps, async (r) => {
      const hall = await this.publicHall(r, hallCode);
      return issueTicket(r, this.deps, {
        hallId: hall.id,
        now: meta.now,
        actorId: null,
        requestId: meta.requestId,
        lang: meta.lang,
        via: 'kiosk',
        serviceId: input.serviceId,
        priority: input.priority ?? 'normal',
        idType: input.idType ?? null,
        idNumber: input.idNumber ?? null,
      });
    });
    await announce(this.deps, [ticketEvent(row, 'issue', meta.now)]);
    return print;
  }

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

  // ---------------------------------------------------------------------------------------------
  // The window

  private windowOf(ctx: Ctx): number {
    if (ctx.actor.windowId === null) throw invalid('queue.noWindow');
    return ctx.actor.windowId;
  }

  async panel(ctx: Ctx): Promise<WindowPanel> {
    const windowId = this.windowOf(ctx);
    const r = repositories(this.db);
    const window = await r.org.getWindow(windowId);
    if (!window) throw invalid('queue.noWindow');
    const names = await this.names(r, ctx.actor.hallId);
    const services = await r.queue.servicesOfWindow(windowId);
    const current = await r.queue.currentOfWindow(windowId);
    const parked = await r.queue.parkedAtWindow(windowId);
    const callable = await callableInOrder(r, ctx, windowId, services);
    const currentDetail = current ? await this.detailOf(r, ctx, current, names) : null;
    // Polled every few seconds: the view of the visitor's registration is audited once per actor
    // and ticket per window of time (view-audit.ts), not on every poll.
    if (currentDetail) await this.auditOpened(ctx, currentDetail);
    return {
      window: { id: window.id, number: window.number, name: window.name },
      services: services.map((s) => ({ id: s.id, name: s.name, prefix: s.prefix, maxRecalls: s.max_recalls })),
      current: currentDetail,
      parked: parked.map((t) => presentTicket(t, names)),
      waiting: callable.slice(0, PANEL_WAITING).map((q) => presentTicket(q.row, names)),
      waitingCount: callable.length,
    };
  }

  /**
   * Before a call: the window's current ticket. One being served is ended (call next means "done,
   * next please"); one called and not yet come must be recalled, marked a no-show or started first.
   */
  private async clearWindow(r: Repositories, ctx: Ctx, windowId: number, published: FloorEvent[]) {
    const current = await r.queue.currentOfWindow(windowId);
    if (!current) return;
    if (current.status === 'called') throw conflict('queue.currentCalled', { number: current.number });
    await this.change(r, ctx, current, 'end', windowId, published);
  }

  /** Applies one domain action to a ticket with an optimistic update and its event row. */
  private async change(
    r: Repositories,
    ctx: Ctx,
    t: QueueTicketRow,
    action: TicketAction,
    windowId: number | null,
    published: FloorEvent[],
    extra: {
      set?: { current_service_id?: number; target_window_id?: number | null; transfer_count?: number };
      data?: unknown;
    } = {},
  ): Promise<QueueTicketRow> {
    const service = await r.queue.getService(serviceOf(t));
    const c = applyTicketAction(ticketState(t), action, {
      windowId,
      maxRecalls: service?.max_recalls ?? 0,
      now: ctx.now,
    });
    const updated = await r.queue.updateVersioned(t.id, t.version, { ...changeColumns(t, c), ...extra.set });
    if (!updated) throw conflict('queue.stale', { number: t.number });
    await r.queue.insertEvent({
      ticket_id: t.id,
      hall_id: t.hall_id,
      at: ctx.now.toISOString(),
      actor_id: ctx.actor.id,
      action,
      from_status: t.status,
      to_status: updated.status,
      // The window where it happened (a transfer leaves the ticket without one).
      window_id: windowId ?? t.window_id,
      data: toJson(extra.data),
    });
    await audit(r, ctx, {
      entity: 'queue_ticket',
      entityId: t.id,
      action: `queue.ticket.${action}`,
      before: ticketAuditView(t),
      after: { ...ticketAuditView(updated), ...(extra.data === undefined ? {} : { data: extra.data }) },
    });
    published.push(ticketEvent(updated, action, ctx.now));
    return updated;
  }

  /** Gives a waiting ticket to the window if it is still waiting; undefined when another window was faster. */
  private async claim(r: Repositories, ctx: Ctx, t: QueueTicketRow, windowId: number, published: FloorEvent[]) {
    // Calling has no recall guard: the service's maximum does not matter here.
    const c = applyTicketAction(ticketState(t), 'call', { windowId, maxRecalls: 0, now: ctx.now });
    const updated = await r.queue.claimWaiting(t.id, { ...changeColumns(t, c), called_by: ctx.actor.id });
    if (!updated) return undefined;
    await r.queue.insertEvent({
      ticket_id: t.id,
      hall_id: t.hall_id,
      at: ctx.now.toISOString(),
      actor_id: ctx.actor.id,
      action: 'call',
      from_status: 'waiting',
      to_status: 'called',
      window_id: windowId,
      data: null,
    });
    await audit(r, ctx, { entity: 'queue_ticket', entityId: t.id, action: 'queue.ticket.call', before: ticketAuditView(t), after: ticketAuditView(updated) });
    published.push(ticketEvent(updated, 'call', ctx.now));
    return updated;
  }

  /** R2.1: the next ticket by the window's services and the priority weights. */
  async callNext(ctx: Ctx): Promise<TicketDetail> {
    const windowId = this.windowOf(ctx);
    const published: FloorEvent[] = [];
    // An empty queue changes nothing: the ticket being served stays until the window ends it.
    const called = await this.tx(async (r) => {
      await this.clearWindow(r, ctx, windowId, published);
      const services = await r.queue.servicesOfWindow(windowId);
      const candidates = await callableInOrder(r, ctx, windowId, services);
      for (const q of candidates) {
        const got = await this.claim(r, ctx, q.row, windowId, published);
        if (got) return got;
        // Another window (or instance) called this one a moment ago: try the next.
      }
      throw notFound('queue.empty');
    });
    await announce(this.deps, published);
    return this.detail(ctx, called.id);
  }

  /** Where a ticket is served (R2.1): its target window, or the active windows of its service. */
  private async servingWindows(r: Repositories, t: QueueTicketRow) {
    if (t.target_window_id !== null) {
      const w = await r.org.getWindow(t.target_window_id);
      return w ? [{ id: w.id, number: w.number, name: w.name }] : [];
    }
    return r.queue.windowsOfService(serviceOf(t));
  }

  private async todaysTicket(r: Repositories, ctx: Ctx, number: string) {
    const t = await r.queue.findTicketByNumber(ctx.actor.hallId, queueDay(ctx.now), number);
    if (!t) throw notFound('queue.ticketNotFound', { number });
    return t;
  }

  /** R2.1: a specific number; a ticket of another service or window is refused with where it belongs. */
  async call(ctx: Ctx, number: string): Promise<TicketDetail> {
    const windowId = this.windowOf(ctx);
    const published: FloorEvent[] = [];
    const called = await this.tx(async (r) => {
      const t = await this.todaysTicket(r, ctx, number);
      const services = await r.queue.servicesOfWindow(windowId);
      if (
        !windowServes(
          queued(t),
          windowId,
          services.map((s) => s.id),
        )
      ) {
        const windows = await this.servingWindows(r, t);
        throw conflict('queue.redirect', { number: t.number, windows: windowList(windows, ctx.lang) });
      }
      if (t.status !== 'waiting') throw conflict('queue.notWaiting', { number: t.number });
      await this.clearWindow(r, ctx, windowId, published);
      const got = await this.claim(r, ctx, t, windowId, published);
      if (!got) throw conflict('queue.notWaiting', { number: t.number });
      return got;
    });
    await announce(this.deps, published);
    return this.detail(ctx, called.id);
  }

  /** R2.1: the visitor shows a ticket at this window: served here, or where to go (logged as a redirect). */
  async present(ctx: Ctx, number: string): Promise<PresentResult> {
    const windowId = this.windowOf(ctx);
    return this.tx(async (r) => {
      const t = await this.todaysTicket(r, ctx, number);
      const services = await r.queue.servicesOfWindow(windowId);
      const servedHere = windowServes(
        queued(t),
        windowId,
        services.map((s) => s.id),
      );
      const windows = servedHere ? [] : await this.servingWindows(r, t);
      if (!servedHere) {
        await r.queue.insertEvent({
          ticket_id: t.id,
          hall_id: t.hall_id,
          at: ctx.now.toISOString(),
          actor_id: ctx.actor.id,
          action: 'redirect',
          from_status: t.status,
          to_status: t.status,
          window_id: windowId,
          data: toJson({ windows: windows.map((w) => w.number) }),
        });
        await audit(r, ctx, {
          entity: 'queue_ticket',
          entityId: t.id,
          action: 'queue.ticket.redirect',
          after: { number: t.number, status: t.status, presentedAt: windowId, windows: windows.map((w) => w.number) },
        });
      }
      const names = await this.names(r, ctx.actor.hallId);
      return { servedHere, ticket: presentTicket(t, names), windows };
    });
  }

  private async ticketOfHall(r: Repositories, ctx: Ctx, id: number) {
    const t = await r.queue.getTicket(id);
    if (!t || t.hall_id !== ctx.actor.hallId) throw notFound('queue.ticketNotFound', { number: String(id) });
    return t;
  }

  /** recall, noShow, start, end, park, resume, cancel: the domain's transition table decides. */
  async action(ctx: Ctx, id: number, input: TicketActionInput): Promise<TicketDetail> {
    const published: FloorEvent[] = [];
    await this.tx(async (r) => {
      const t = await this.ticketOfHall(r, ctx, id);
      if (input.version !== undefined && input.version !== t.version)
        throw conflict('queue.stale', { number: t.number });
      // Cancelling a waiting ticket is done from any desk; everything else from the window holding it.
      const windowId = input.action === 'cancel' ? ctx.actor.windowId : this.windowOf(ctx);
      return this.change(r, ctx, t, input.action, windowId, published);
    });
    await announce(this.deps, published);
    return this.detail(ctx, id);
  }

  /** To another service and/or window: back to waiting with the original arrival time (R2.1). */
  async transfer(ctx: Ctx, id: number, input: TransferInput): Promise<TicketDetail> {
    const windowId = this.windowOf(ctx);
    const published: FloorEvent[] = [];
    await this.tx(async (r) => {
      const t = await this.ticketOfHall(r, ctx, id);
      const serviceId = input.serviceId ?? serviceOf(t);
      const service = await r.queue.getService(serviceId);
      if (!service || service.hall_id !== t.hall_id || !bool(service.active))
        throw invalid('queue.serviceNotFound', {}, 'serviceId');
      let target: number | null = null;
      if (input.windowId) {
        const w = await r.org.getWindow(input.windowId);
        if (!w || w.hall_id !== t.hall_id || !bool(w.active)) throw invalid('queue.windowNotFound', {}, 'windowId');
        target = w.id;
      }
      if (serviceId === serviceOf(t) && target === t.target_window_id) {
        throw invalid('queue.transferSame', {}, 'serviceId');
      }
      return this.change(r, ctx, t, 'transfer', windowId, published, {
        set: { current_service_id: serviceId, target_window_id: target, transfer_count: t.transfer_count + 1 },
        data: {
          fromServiceId: serviceOf(t),
          toServiceId: serviceId,
          fromWindowId: t.window_id,
          toWindowId: target,
          note: input.note ?? null,
        },
      });
    });
    await announce(this.deps, published);
    return this.detail(ctx, id);
  }

  async detail(ctx: Ctx, id: number): Promise<TicketDetail> {
    const r = repositories(this.db);
    const t = await this.ticketOfHall(r, ctx, id);
    return this.detailOf(r, ctx, t, await this.names(r, ctx.actor.hallId));
  }

  /** GET of one ticket: the detail, and when it opens the visitor's registration, the view audited. */
  async view(ctx: Ctx, id: number): Promise<TicketDetail> {
    const d = await this.detail(ctx, id);
    await this.auditOpened(ctx, d);
    return d;
  }

  /**
   * The ticket's detail opened the visitor's full name (the window holding it, or leadership): an
   * audit row for the view, ids only (issue 8 §3). Answers to queue actions write none: the action's
   * own row names the actor, the ticket and the request.
   */
  private async auditOpened(ctx: Ctx, d: TicketDetail) {
    if (!d.petitioner) return;
    await auditView(this.deps, ctx, {
      entity: 'queue_ticket',
      entityId: d.id,
      action: 'queue.ticket.view',
      after: { petitionerId: d.petitioner.id, matterId: d.matterId },
    });
  }

  /**
   * The ticket with its trail; for the window holding it (or leadership reading every matter), the
   * visitor and his or her matters in this hall, masked: serving a ticket opens the history (R2.1 → R1.1).
   */
  private async detailOf(r: Repositories, ctx: Ctx, t: QueueTicketRow, names: QueueNames): Promise<TicketDetail> {
    const service = names.services.get(serviceOf(t)) ?? (await r.queue.getService(serviceOf(t)));
    const maxRecalls = service?.max_recalls ?? 0;
    const windowId = ctx.actor.windowId;
    let actions: TicketAction[] = [];
    if (windowId !== null) {
      const atThisWindow = t.window_id === windowId;
      const callableHere =
        t.status === 'waiting' &&
        windowServes(
          queued(t),
          windowId,
          (await r.queue.servicesOfWindow(windowId)).map((s) => s.id),
        );
      if (atThisWindow || callableHere) actions = ticketActions(ticketState(t), maxRecalls);
    }
    const events = (await r.queue.events(t.id)).map(presentEvent);
    const mayOpen = (windowId !== null && t.window_id === windowId) || can(ctx.actor.roles, Permission.matterReadAll);
    const petitioner = mayOpen && t.petitioner_id !== null ? await r.petitioners.findById(t.petitioner_id) : undefined;
    const matters = petitioner
      ? await r.matters.list({ hallId: t.hall_id, petitionerId: petitioner.id, limit: 50 })
      : [];
    return {
      ...presentTicket(t, names),
      actions,
      maxRecalls,
      events,
      matterId: t.matter_id,
      petitioner: petitioner
        ? { id: petitioner.id, name: openPii(this.deps.cipher, petitioner.name_enc) ?? '', idNumberMasked: petitioner.id_masked }
        : null,
      matters: matters.map((x) => presentSummary(x, this.deps.cipher)),
      disorderAlert: await r.queue.hasDisorderAlert(t.id, t.matter_id),
    };
  }
}

/** The tickets this window may call today, in calling order (R2.1: weighted wait). */
async function callableInOrder(r: Repositories, ctx: Ctx, windowId: number, services: readonly { id: number }[]) {
  const rows = await r.queue.callable(ctx.actor.hallId, queueDay(ctx.now), windowId, services.map((s) => s.id));
  return orderQueue(rows.map(queued), ctx.now);
}

function taken(field: 'prefix' | 'code', value: string) {
  const code = field === 'prefix' ? 'queue.prefixTaken' : 'queue.codeTaken';
  return new DomainError('conflict', code, { value }, [{ path: field, code, params: { value } }]);
}

/** "3、4" / "3, 4": the window numbers a redirect names. */
const windowList = (windows: readonly { number: number }[], lang: Lang) =>
  windows.map((w) => w.number).join(lang === 'en' ? ', ' : '、') || '—';
