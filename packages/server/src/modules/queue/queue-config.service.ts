/**
 * The queue's configuration (R2.1, issue 4), kept by the hall's administrator: the services (code,
 * printed prefix, hours, daily maximum, recalls, windows) and the priority groups with their weights.
 */
import type { Priority, ServiceInput, QueueService as ServiceView } from '@hall/contracts';
import type { z } from 'zod';
import { DEFAULT_PRIORITIES, DomainError, checkHours, invalid, notFound, queueDay } from '@hall/domain';
import { type Repositories, int, isUniqueViolation, repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { audit } from '../../audit.ts';
import { presentPriority, presentService } from './queue.presenter.ts';

/** A parsed request body (the contract's output type: ids coerced, defaults applied). */
type ServiceData = z.output<typeof ServiceInput>;

/** The fields of a service that are unique in its hall (migration hall_floor: queue_service_*_uq). */
type UniqueField = 'prefix' | 'code';

/** The hall's priority groups; a hall whose administrator has not set any yet has the defaults (R2.1). */
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

function taken(field: UniqueField, value: string) {
  const code = field === 'prefix' ? 'queue.prefixTaken' : 'queue.codeTaken';
  return new DomainError('conflict', code, { value }, [{ path: field, code, params: { value } }]);
}

/**
 * Which unique key of queue_service a unique violation broke: PostgreSQL names the constraint
 * (`queue_service_code_uq`), SQLite lists its columns (`UNIQUE constraint failed: queue_service.hall_id,
 * queue_service.code`). Null for any other violation (a window link, the audit trail …).
 */
export function violatedServiceKey(err: unknown): UniqueField | null {
  if (!isUniqueViolation(err)) return null;
  const e = err as { constraint?: unknown; message?: unknown };
  if (typeof e.constraint === 'string') {
    if (e.constraint === 'queue_service_prefix_uq') return 'prefix';
    if (e.constraint === 'queue_service_code_uq') return 'code';
    return null;
  }
  const failed = typeof e.message === 'string' ? /UNIQUE constraint failed: (.+)$/.exec(e.message) : null;
  const columns = failed ? failed[1].split(',').map((c) => c.trim()) : [];
  if (columns.includes('queue_service.prefix')) return 'prefix';
  if (columns.includes('queue_service.code')) return 'code';
  return null;
}

export class QueueConfigService {
  constructor(private readonly deps: Deps) {}

  private get db() {
    return this.deps.database.db;
  }

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
        // Which unique field another service holds, checked in this transaction before the write.
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
        // A window named twice is one link (the same window twice would break the link's primary key).
        await r.queue.setServiceWindows(row.id, [...new Set(input.windowIds)]);
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
      // Two administrators saving the same prefix or code at once: the check above saw neither, the
      // unique constraint decides, and its name says which field. Any other violation is not theirs.
      const field = violatedServiceKey(err);
      if (field) throw taken(field, input[field]);
      throw err;
    }
  }

  async listPriorities(ctx: Ctx): Promise<Priority[]> {
    const rows = await prioritiesOf(repositories(this.db), ctx.actor.hallId);
    return rows.map(presentPriority);
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
}
