/**
 * The kiosk (R2.1, issue 4): public per hall code, no sign-in and no personal data in its answers
 * (docs/decisions.md). It shows the hall's open services and their queues, and takes a ticket.
 */
import type { KioskInfo, KioskTicketInput, TicketPrint } from '@hall/contracts';
import type { z } from 'zod';
import { type Lang, chinaTimeOfDay, notFound, queueDay } from '@hall/domain';
import { type Repositories, bool, repositories } from '@hall/db';
import type { Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { prioritiesOf } from './queue-config.service.ts';
import { presentKioskService, presentPriority, serviceOf, ticketEvent } from './queue.presenter.ts';
import { announce, issueTicket } from './ticket-issue.ts';

/** A parsed request body (the contract's output type: ids coerced, defaults applied). */
type KioskTicketData = z.output<typeof KioskTicketInput>;

export class KioskService {
  constructor(private readonly deps: Deps) {}

  private async publicHall(r: Repositories, code: string) {
    const hall = await r.queue.hallByCode(code);
    if (!hall || !bool(hall.active)) throw notFound('hall.unknownCode', { code });
    return hall;
  }

  async kiosk(hallCode: string, now: Date): Promise<KioskInfo> {
    const r = repositories(this.deps.database.db);
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
      services: services.map((s) =>
        presentKioskService(s, {
          open: time >= s.opens_at && time < s.closes_at,
          waiting: waiting.filter((t) => serviceOf(t) === s.id).length,
          available: (issued.find((q) => q.service_id === s.id)?.last_value ?? 0) < s.daily_max,
        }),
      ),
      // Appointments are given by staff only.
      priorities: priorities.filter((p) => p.code !== 'appointment').map(presentPriority),
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
}
