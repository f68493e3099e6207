/**
 * The hall floor around the queue: guide desk visits and the entry check (R2.2, R4.1), the disorder
 * list with its incidents and alerts (R2.3). Lists carry the names their views show; personal data
 * stays sealed (encrypted, masked, hashed) as the services wrote it.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, DisorderAlertTable, DisorderEntryTable, DisorderIncidentTable, HallVisitTable } from '../schema.ts';

export interface AlertListFilter {
  hallId: number;
  /** Alerts at or after this instant (ISO). */
  since?: string;
  /** Only alerts about this window: raised there, or for tickets/matters at or routed to it. */
  windowId?: number;
  entryId?: number;
  id?: number;
  limit?: number;
}

export class FloorRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- guide desk visits --------------------------------------------------------------------

  /** R2.3a: the hall's tickets of one queue day with their service and window, and the latest closing time. */
  async floorTickets(hallId: number, day: string) {
    const tickets = await this.db
      .selectFrom('queue_ticket as t')
      .innerJoin('queue_service as s', 's.id', 't.current_service_id')
      .leftJoin('hall_window as w', 'w.id', 't.window_id')
      .select(['t.id', 't.number', 't.status', 't.issued_at', 't.ended_at', 's.name as service_name', 'w.number as window_number'])
      .where('t.hall_id', '=', hallId)
      .where('t.day', '=', day)
      .orderBy('t.id')
      .execute();
    const closing = await this.db
      .selectFrom('queue_service')
      .select((eb) => eb.fn.max('closes_at').as('closes_at'))
      .where('hall_id', '=', hallId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return { tickets, closesAt: (closing?.closes_at as string | null | undefined) ?? null };
  }

  async insertVisit(v: Insertable<HallVisitTable>) {
    return this.db.insertInto('hall_visit').values(v).returningAll().executeTakeFirstOrThrow();
  }

  /** Visits with the names the desk's list shows, newest first. */
  listVisits(f: { hallId: number; from?: string; to?: string; id?: number }) {
    let q = this.db
      .selectFrom('hall_visit')
      .leftJoin('staff_user as by', 'by.id', 'hall_visit.by_id')
      .leftJoin('queue_service', 'queue_service.id', 'hall_visit.service_id')
      .selectAll('hall_visit')
      .select([
        'by.display_name as by_name',
        'queue_service.name as service_name',
        'queue_service.name_en as service_name_en',
        (eb) =>
          eb
            .selectFrom('queue_ticket')
            .select('queue_ticket.number')
            .whereRef('queue_ticket.visit_id', '=', 'hall_visit.id')
            .orderBy('queue_ticket.id', 'desc')
            .limit(1)
            .as('ticket_number'),
      ])
      .where('hall_visit.hall_id', '=', f.hallId);
    if (f.from !== undefined) q = q.where('hall_visit.at', '>=', f.from);
    if (f.to !== undefined) q = q.where('hall_visit.at', '<', f.to);
    if (f.id !== undefined) q = q.where('hall_visit.id', '=', f.id);
    return q.orderBy('hall_visit.at', 'desc').orderBy('hall_visit.id', 'desc').execute();
  }

  // ---- the disorder list --------------------------------------------------------------------

  /** Entries of the hall for these lookup hashes (one per configured key), newest first (any status). */
  entriesByIdHash(hallId: number, idHash: string | readonly string[]) {
    return this.db
      .selectFrom('disorder_entry')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('id_hash', 'in', typeof idHash === 'string' ? [idHash] : idHash)
      .orderBy('id', 'desc')
      .execute();
  }

  /** Entries recorded by name only (no ID), for matching a person who shows no document: by the name's lookup hashes. */
  entriesByNameWithoutId(hallId: number, nameHashes: readonly string[]) {
    return this.db
      .selectFrom('disorder_entry')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('person_name_hash', 'in', nameHashes)
      .where('id_hash', 'is', null)
      .orderBy('id', 'desc')
      .execute();
  }

  async insertEntry(e: Insertable<DisorderEntryTable>) {
    return this.db.insertInto('disorder_entry').values(e).returningAll().executeTakeFirstOrThrow();
  }

  /** Optimistic update: undefined when the version moved on (someone else decided first). */
  async updateEntry(id: number, version: number, patch: Updateable<DisorderEntryTable>) {
    return this.db
      .updateTable('disorder_entry')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Entries with their incident counts and the names their list shows, newest first. */
  listEntries(f: { hallId: number; statuses?: readonly string[]; id?: number }) {
    let q = this.db
      .selectFrom('disorder_entry')
      .leftJoin('staff_user as creator', 'creator.id', 'disorder_entry.created_by')
      .leftJoin('staff_user as decider', 'decider.id', 'disorder_entry.decided_by')
      .selectAll('disorder_entry')
      .select([
        'creator.display_name as created_by_name',
        'decider.display_name as decided_by_name',
        (eb) =>
          eb
            .selectFrom('disorder_incident')
            .select((e2) => e2.fn.countAll<number | string>().as('n'))
            .whereRef('disorder_incident.entry_id', '=', 'disorder_entry.id')
            .as('incident_count'),
        (eb) =>
          eb
            .selectFrom('disorder_incident')
            .select((e2) => e2.fn.max('disorder_incident.occurred_at').as('m'))
            .whereRef('disorder_incident.entry_id', '=', 'disorder_entry.id')
            .as('last_incident_at'),
      ])
      .where('disorder_entry.hall_id', '=', f.hallId);
    if (f.statuses?.length) q = q.where('disorder_entry.status', 'in', f.statuses);
    if (f.id !== undefined) q = q.where('disorder_entry.id', '=', f.id);
    return q.orderBy('disorder_entry.id', 'desc').execute();
  }

  async getEntry(hallId: number, id: number) {
    return (await this.listEntries({ hallId, id }))[0];
  }

  async insertIncident(i: Insertable<DisorderIncidentTable>) {
    return this.db.insertInto('disorder_incident').values(i).returningAll().executeTakeFirstOrThrow();
  }

  incidentsOf(entryId: number) {
    return this.db
      .selectFrom('disorder_incident')
      .leftJoin('hall_window', 'hall_window.id', 'disorder_incident.window_id')
      .leftJoin('queue_ticket', 'queue_ticket.id', 'disorder_incident.ticket_id')
      .leftJoin('staff_user as recorder', 'recorder.id', 'disorder_incident.recorded_by')
      .selectAll('disorder_incident')
      .select([
        'hall_window.number as window_number',
        'queue_ticket.number as ticket_number',
        'recorder.display_name as recorded_by_name',
      ])
      .where('disorder_incident.entry_id', '=', entryId)
      .orderBy('disorder_incident.occurred_at', 'desc')
      .orderBy('disorder_incident.id', 'desc')
      .execute();
  }

  // ---- alerts -------------------------------------------------------------------------------

  async insertAlert(a: Insertable<DisorderAlertTable>) {
    return this.db.insertInto('disorder_alert').values(a).returningAll().executeTakeFirstOrThrow();
  }

  /** Alerts with the person's name, the ticket number and the window number, newest first. */
  listAlerts(f: AlertListFilter) {
    let q = this.db
      .selectFrom('disorder_alert')
      .innerJoin('disorder_entry', 'disorder_entry.id', 'disorder_alert.entry_id')
      .leftJoin('queue_ticket', 'queue_ticket.id', 'disorder_alert.ticket_id')
      .leftJoin('matter', 'matter.id', 'disorder_alert.matter_id')
      .leftJoin('hall_window', 'hall_window.id', 'disorder_alert.window_id')
      .leftJoin('staff_user as acker', 'acker.id', 'disorder_alert.acknowledged_by')
      .selectAll('disorder_alert')
      .select([
        'disorder_entry.person_name_enc',
        'queue_ticket.number as ticket_number',
        'hall_window.number as window_number',
        'acker.display_name as acknowledged_by_name',
      ])
      .where('disorder_alert.hall_id', '=', f.hallId);
    if (f.since !== undefined) q = q.where('disorder_alert.at', '>=', f.since);
    if (f.entryId !== undefined) q = q.where('disorder_alert.entry_id', '=', f.entryId);
    if (f.id !== undefined) q = q.where('disorder_alert.id', '=', f.id);
    if (f.windowId !== undefined) {
      const w = f.windowId;
      q = q.where((eb) =>
        eb.or([
          eb('disorder_alert.window_id', '=', w),
          eb('queue_ticket.target_window_id', '=', w),
          eb('queue_ticket.window_id', '=', w),
          eb('matter.window_id', '=', w),
        ]),
      );
    }
    q = q.orderBy('disorder_alert.at', 'desc').orderBy('disorder_alert.id', 'desc');
    if (f.limit !== undefined) q = q.limit(f.limit);
    return q.execute();
  }

  /** Marks an alert seen; undefined when it was already acknowledged. */
  async acknowledgeAlert(id: number, at: string, by: number) {
    return this.db
      .updateTable('disorder_alert')
      .set({ acknowledged_at: at, acknowledged_by: by })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }
}
