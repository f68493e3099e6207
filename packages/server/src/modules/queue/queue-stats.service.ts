/**
 * Queue statistics (issue 4, capability 8): per service or window, per day (and hour), tickets
 * issued, served, no-shows, waiting and service times (average and 90th percentile). The figures
 * are the domain's (`queueStats`, `queueFigures`); this reads the tickets and names the groups.
 */
import type { QueueStats } from '@hall/contracts';
import { type TicketStatus, daysBetween, invalid, isIsoDate, queueFigures, queueStats } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';

/** The statistics cover at most a year and a day at a time. */
const STATS_MAX_DAYS = 366;

/** The parsed statistics query (contracts QueueStatsQuery's output). */
export interface StatsQuery {
  from: string;
  to: string;
  by: 'service' | 'window';
  byHour: boolean;
}

export class QueueStatsService {
  constructor(private readonly deps: Deps) {}

  async stats(ctx: Ctx, q: StatsQuery): Promise<QueueStats> {
    const { by, byHour } = q;
    if (!isIsoDate(q.from) || !isIsoDate(q.to) || q.from > q.to) {
      throw invalid('queue.statsRange', { max: STATS_MAX_DAYS }, 'from');
    }
    if (daysBetween(q.from, q.to) + 1 > STATS_MAX_DAYS)
      throw invalid('queue.statsRange', { max: STATS_MAX_DAYS }, 'to');
    const r = repositories(this.deps.database.db);
    const hallId = ctx.actor.hallId;
    const services = new Map((await r.queue.listServices(hallId)).map((s) => [s.id, s.name]));
    const windows = new Map((await r.org.listWindows(hallId)).map((w) => [w.id, w.name]));
    const facts = (await r.queue.ticketsBetween(hallId, q.from, q.to)).map((t) => ({
      // A transferred ticket counts under the service that served it.
      serviceId: t.current_service_id,
      windowId: t.window_id,
      status: t.status as TicketStatus,
      issuedAt: t.issued_at,
      firstCalledAt: t.first_called_at,
      startedAt: t.started_at,
      endedAt: t.ended_at,
    }));
    const rows = queueStats(facts, { by, byHour }).map((row) => ({
      ...row,
      name: (by === 'service' ? services.get(row.serviceId!) : windows.get(row.windowId!)) ?? '',
    }));
    return { from: q.from, to: q.to, by, rows, total: queueFigures(facts) };
  }
}
