import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, QueueServiceTable, QueueTicketTable } from '../schema.ts';

type NewService = Omit<Insertable<QueueServiceTable>, 'id'>;
type TicketUpdate = Omit<Updateable<QueueTicketTable>, 'id' | 'version'>;

/**
 * The queue (R2.1): services and their windows, priority groups, the per-day numbering, tickets and
 * their events. A ticket's queue is `current_service_id` (`service_id` is the service that numbered
 * it; they differ after a transfer). Every state change of a ticket is a conditional update (on its status or version),
 * so that two windows or two app instances never both win the same ticket.
 */
export class QueueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  hallByCode(code: string) {
    return this.db.selectFrom('hall').selectAll().where('code', '=', code).executeTakeFirst();
  }

  // ---------------------------------------------------------------------------------------------
  // Services and priorities

  listServices(hallId: number) {
    return this.db
      .selectFrom('queue_service')
      .selectAll()
      .where('hall_id', '=', hallId)
      .orderBy('sort')
      .orderBy('id')
      .execute();
  }
  getService(id: number) {
    return this.db.selectFrom('queue_service').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findServiceBy(hallId: number, field: 'code' | 'prefix', value: string) {
    return this.db
      .selectFrom('queue_service')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where(field, '=', value)
      .executeTakeFirst();
  }
  insertService(v: NewService) {
    return this.db.insertInto('queue_service').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateService(id: number, v: Partial<NewService>) {
    return this.db.updateTable('queue_service').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  /** The windows of the given services (all of the hall's when `serviceIds` is omitted is not offered: pass them). */
  serviceWindows(serviceIds: readonly number[]) {
    if (serviceIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('queue_service_window')
      .selectAll()
      .where('service_id', 'in', serviceIds)
      .orderBy('service_id')
      .orderBy('window_id')
      .execute();
  }
  async setServiceWindows(serviceId: number, windowIds: readonly number[]) {
    await this.db.deleteFrom('queue_service_window').where('service_id', '=', serviceId).execute();
    const ids = [...new Set(windowIds)];
    if (ids.length) {
      await this.db
        .insertInto('queue_service_window')
        .values(ids.map((window_id) => ({ service_id: serviceId, window_id })))
        .execute();
    }
  }
  /** The active services a window calls. */
  servicesOfWindow(windowId: number) {
    return this.db
      .selectFrom('queue_service_window')
      .innerJoin('queue_service', 'queue_service.id', 'queue_service_window.service_id')
      .selectAll('queue_service')
      .where('queue_service_window.window_id', '=', windowId)
      .where('queue_service.active', '=', 1)
      .orderBy('queue_service.sort')
      .orderBy('queue_service.id')
      .execute();
  }
  /** The active windows serving a service (for the wait estimate and the redirect, R2.1). */
  windowsOfService(serviceId: number) {
    return this.db
      .selectFrom('queue_service_window')
      .innerJoin('hall_window', 'hall_window.id', 'queue_service_window.window_id')
      .select(['hall_window.id', 'hall_window.number', 'hall_window.name'])
      .where('queue_service_window.service_id', '=', serviceId)
      .where('hall_window.active', '=', 1)
      .orderBy('hall_window.number')
      .execute();
  }

  listPriorities(hallId: number) {
    return this.db
      .selectFrom('queue_priority')
      .selectAll()
      .where('hall_id', '=', hallId)
      .orderBy('weight')
      .orderBy('code')
      .execute();
  }
  async replacePriorities(
    hallId: number,
    rows: readonly { code: string; name: string; name_en: string | null; weight: number }[],
  ) {
    await this.db.deleteFrom('queue_priority').where('hall_id', '=', hallId).execute();
    if (rows.length)
      await this.db
        .insertInto('queue_priority')
        .values(rows.map((r) => ({ ...r, hall_id: hallId })))
        .execute();
  }

  // ---------------------------------------------------------------------------------------------
  // Numbering and tickets

  /** Next number of the service's day: one atomic upsert, so concurrent issues (any instance) never share one. */
  async nextSequence(serviceId: number, day: string): Promise<number> {
    const row = await this.db
      .insertInto('queue_sequence')
      .values({ service_id: serviceId, day, last_value: 1 })
      .onConflict((oc) =>
        oc
          .columns(['service_id', 'day'])
          .doUpdateSet((eb) => ({ last_value: eb('queue_sequence.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  }
  /** The last number issued today per service (0 when none), for the kiosk's "still available". */
  sequencesOf(serviceIds: readonly number[], day: string) {
    if (serviceIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('queue_sequence')
      .selectAll()
      .where('service_id', 'in', serviceIds)
      .where('day', '=', day)
      .execute();
  }

  insertTicket(v: Omit<Insertable<QueueTicketTable>, 'id'>) {
    return this.db.insertInto('queue_ticket').values(v).returningAll().executeTakeFirstOrThrow();
  }
  getTicket(id: number) {
    return this.db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findTicketByNumber(hallId: number, day: string, number: string) {
    return this.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('day', '=', day)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  /** The day's waiting tickets of the hall (optionally of some services). */
  waiting(hallId: number, day: string, serviceIds?: readonly number[]) {
    let q = this.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('day', '=', day)
      .where('status', '=', 'waiting');
    if (serviceIds) {
      if (serviceIds.length === 0) return Promise.resolve([]);
      q = q.where('current_service_id', 'in', serviceIds);
    }
    return q.orderBy('id').execute();
  }
  /** The day's waiting tickets a window may call: of its services and not meant for another window, or meant for it. */
  callable(hallId: number, day: string, windowId: number, serviceIds: readonly number[]) {
    return this.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('day', '=', day)
      .where('status', '=', 'waiting')
      .where((eb) =>
        eb.or([
          eb('target_window_id', '=', windowId),
          ...(serviceIds.length
            ? [eb.and([eb('target_window_id', 'is', null), eb('current_service_id', 'in', serviceIds)])]
            : []),
        ]),
      )
      .orderBy('id')
      .execute();
  }
  /** The ticket the window holds now (called or serving): at most one, by the unique index. */
  currentOfWindow(windowId: number) {
    return this.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('window_id', '=', windowId)
      .where('status', 'in', ['called', 'serving'])
      .executeTakeFirst();
  }
  parkedAtWindow(windowId: number) {
    return this.db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('window_id', '=', windowId)
      .where('status', '=', 'parked')
      .orderBy('parked_at')
      .execute();
  }

  /**
   * The call: gives a waiting ticket to a window only if it is still waiting. Returns undefined when
   * another window (or instance) took it first. A second current ticket at the window violates the
   * partial unique index (the caller translates it).
   */
  claimWaiting(id: number, v: TicketUpdate) {
    return this.db
      .updateTable('queue_ticket')
      .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst();
  }
  /** Optimistic update: applies only when the version still matches; returns the new row or undefined. */
  updateVersioned(id: number, version: number, v: TicketUpdate) {
    return this.db
      .updateTable('queue_ticket')
      .set({ ...v, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  insertEvent(v: {
    ticket_id: number;
    hall_id: number;
    at: string;
    actor_id: number | null;
    action: string;
    from_status: string | null;
    to_status: string | null;
    window_id: number | null;
    data: string | null;
  }) {
    return this.db.insertInto('queue_event').values(v).execute();
  }
  events(ticketId: number) {
    return this.db
      .selectFrom('queue_event')
      .leftJoin('hall_window', 'hall_window.id', 'queue_event.window_id')
      .leftJoin('staff_user', 'staff_user.id', 'queue_event.actor_id')
      .selectAll('queue_event')
      .select(['hall_window.number as window_number', 'staff_user.display_name as actor_name'])
      .where('queue_event.ticket_id', '=', ticketId)
      .orderBy('queue_event.id')
      .execute();
  }

  /** Start and end of the service's last finished tickets (any day): the wait estimate's service times (capability 8). */
  recentServiceTimes(serviceId: number, limit: number) {
    return this.db
      .selectFrom('queue_ticket')
      .select(['started_at', 'ended_at'])
      .where('current_service_id', '=', serviceId)
      .where('status', '=', 'done')
      .where('started_at', 'is not', null)
      .where('ended_at', 'is not', null)
      .orderBy('ended_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Tickets of the hall whose queue day lies in [fromDay, toDay]: the statistics' facts. */
  ticketsBetween(hallId: number, fromDay: string, toDay: string) {
    return this.db
      .selectFrom('queue_ticket')
      .select([
        'current_service_id',
        'service_id',
        'window_id',
        'status',
        'issued_at',
        'first_called_at',
        'started_at',
        'ended_at',
      ])
      .where('hall_id', '=', hallId)
      .where('day', '>=', fromDay)
      .where('day', '<=', toDay)
      .orderBy('id')
      .execute();
  }

  /** R2.3: a disorder alert was logged for this ticket or its matter. */
  async hasDisorderAlert(ticketId: number, matterId: number | null): Promise<boolean> {
    const row = await this.db
      .selectFrom('disorder_alert')
      .select('id')
      .where((eb) =>
        eb.or([eb('ticket_id', '=', ticketId), ...(matterId !== null ? [eb('matter_id', '=', matterId)] : [])]),
      )
      .limit(1)
      .executeTakeFirst();
    return Boolean(row);
  }

  findVisit(id: number) {
    return this.db.selectFrom('hall_visit').select(['id', 'hall_id']).where('id', '=', id).executeTakeFirst();
  }
}
