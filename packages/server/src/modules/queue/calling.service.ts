/**
 * The window's calling (R2.1, issue 4): its panel, call next, call or present a specific number,
 * the ticket's actions (recall, no-show, start, end, park, resume, cancel), transfer, and the
 * ticket's detail.
 *
 * Several instances share one queue through the database alone: a call is a conditional update
 * (`status = 'waiting'`), every other change an optimistic one on the ticket's version, and the
 * partial unique index keeps one current ticket per window. Every change writes a queue_event in
 * its transaction and is published on the floor bus after the commit (display boards, desks).
 */
import type { PresentResult, TicketActionInput, TicketDetail, TransferInput, WindowPanel } from '@hall/contracts';
import {
  Permission,
  type TicketAction,
  type TicketChange,
  applyTicketAction,
  can,
  conflict,
  invalid,
  notFound,
  orderQueue,
  queueDay,
  ticketActions,
  windowServes,
} from '@hall/domain';
import { type QueueTicketRow, type Repositories, bool, isUniqueViolation, repositories, toJson } from '@hall/db';
import type { Ctx, Deps, FloorEvent } from '../../context.ts';
import { transact } from '../../transact.ts';
import { auditView } from '../../view-audit.ts';
import { audit } from '../../audit.ts';
import { presentSummary } from '../cases/matter.presenter.ts';
import { openPii } from '../reception/personal-data.ts';
import { prioritiesOf } from './queue-config.service.ts';
import {
  type QueueNames,
  presentEvent,
  presentTicket,
  queued,
  serviceOf,
  ticketAuditView,
  ticketEvent,
  ticketState,
  windowList,
} from './queue.presenter.ts';
import { announce } from './ticket-issue.ts';

/** The window panel lists this many waiting tickets (the count covers all). */
const PANEL_WAITING = 30;

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

/**
 * Whether a unique violation is the partial index that allows one current ticket per window
 * (queue_ticket_window_current_uq): PostgreSQL names the constraint, SQLite the index's columns.
 */
function violatesCurrentTicketIndex(err: unknown): boolean {
  const e = err as { constraint?: unknown; message?: unknown };
  if (typeof e.constraint === 'string') return e.constraint === 'queue_ticket_window_current_uq';
  return typeof e.message === 'string' && /queue_ticket\.window_id\b/.test(e.message);
}

/** The names a ticket's view shows (services, priority groups, windows), loaded once per request. */
async function queueNames(r: Repositories, hallId: number): Promise<QueueNames> {
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

/** The tickets this window may call today, in calling order (R2.1: weighted wait). */
async function callableInOrder(r: Repositories, ctx: Ctx, windowId: number, services: readonly { id: number }[]) {
  const rows = await r.queue.callable(ctx.actor.hallId, queueDay(ctx.now), windowId, services.map((s) => s.id));
  return orderQueue(rows.map(queued), ctx.now);
}

export class CallingService {
  constructor(private readonly deps: Deps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** Runs `fn` in a transaction; a second current ticket at a window (the partial unique index) becomes a clear conflict. */
  private async tx<T>(fn: (r: Repositories) => Promise<T>): Promise<T> {
    try {
      return await transact(this.deps, (r) => fn(r));
    } catch (err) {
      // Only the one-current-ticket-per-window index means "the window is busy"; any other unique
      // violation is a fault, not the window's state.
      if (isUniqueViolation(err) && violatesCurrentTicketIndex(err)) throw windowBusy();
      throw err;
    }
  }

  private windowOf(ctx: Ctx): number {
    if (ctx.actor.windowId === null) throw invalid('queue.noWindow');
    return ctx.actor.windowId;
  }

  async panel(ctx: Ctx): Promise<WindowPanel> {
    const windowId = this.windowOf(ctx);
    const r = repositories(this.db);
    const window = await r.org.getWindow(windowId);
    if (!window) throw invalid('queue.noWindow');
    const names = await queueNames(r, ctx.actor.hallId);
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
      const names = await queueNames(r, ctx.actor.hallId);
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
    return this.detailOf(r, ctx, t, await queueNames(r, ctx.actor.hallId));
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

