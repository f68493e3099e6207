/**
 * The hall's display board (issue 4, capability 4): what the TV shows, read in a fixed handful of
 * queries whatever the number of windows and screens: the tickets now at a window, the last calls,
 * the waiting counts per service. Numbers, windows and times only: never a name or an ID number.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Statuses in which a ticket is shown at its window (the domain's CURRENT_AT_WINDOW). */
const AT_WINDOW = ['called', 'serving'] as const;
const CALLS = ['call', 'recall'] as const;

export class BoardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  hallByCode(code: string) {
    return this.db
      .selectFrom('hall')
      .select(['id', 'code', 'name'])
      .where('code', '=', code)
      .where('active', '=', 1)
      .executeTakeFirst();
  }

  /** Today's tickets now called to or served at a window, by window number. */
  atWindows(hallId: number, day: string) {
    return this.db
      .selectFrom('queue_ticket as t')
      .innerJoin('hall_window as w', 'w.id', 't.window_id')
      .select([
        't.id',
        't.number',
        't.status',
        't.called_at',
        't.issued_at',
        't.recall_count',
        'w.number as window_number',
        'w.name as window_name',
      ])
      .where('t.hall_id', '=', hallId)
      .where('t.day', '=', day)
      .where('t.status', 'in', AT_WINDOW)
      .orderBy('w.number')
      .execute();
  }

  /**
   * The latest calls and recalls of today's tickets, newest first, with the window each was
   * called to (the event's window: the ticket may have moved on since).
   */
  recentCalls(hallId: number, day: string, limit: number) {
    return this.db
      .selectFrom('queue_event as e')
      .innerJoin('queue_ticket as t', 't.id', 'e.ticket_id')
      .innerJoin('hall_window as w', 'w.id', 'e.window_id')
      .select([
        'e.id as event_id',
        'e.at',
        'e.action',
        'e.window_id',
        't.id',
        't.number',
        't.status',
        't.window_id as ticket_window_id',
        't.recall_count',
        'w.number as window_number',
        'w.name as window_name',
      ])
      .where('e.hall_id', '=', hallId)
      .where('e.action', 'in', CALLS)
      .where('t.day', '=', day)
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Active services of the hall with the number of today's tickets waiting for each. */
  waitingCounts(hallId: number, day: string) {
    return this.db
      .selectFrom('queue_service as s')
      .leftJoin('queue_ticket as t', (j) =>
        j.onRef('t.current_service_id', '=', 's.id').on('t.day', '=', day).on('t.status', '=', 'waiting'),
      )
      .select(['s.id', 's.name', 's.prefix', 's.sort'])
      .select((eb) => eb.fn.count<number>('t.id').as('count'))
      .where('s.hall_id', '=', hallId)
      .where('s.active', '=', 1)
      .groupBy(['s.id', 's.name', 's.prefix', 's.sort'])
      .orderBy('s.sort')
      .orderBy('s.id')
      .execute();
  }

  /** Tickets to announce, with the window now holding each (none when it was transferred away). */
  tickets(ids: readonly number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('queue_ticket as t')
      .leftJoin('hall_window as w', 'w.id', 't.window_id')
      .select([
        't.id',
        't.hall_id',
        't.number',
        't.status',
        't.called_at',
        't.recall_count',
        'w.number as window_number',
        'w.name as window_name',
      ])
      .where('t.id', 'in', ids)
      .execute();
  }
}
