/**
 * The entry check (R4.1) and the guide desk (R2.2): one visit row per visitor at the door. Security
 * staff record the check; the guide records the purpose and what was done — a ticket for the right
 * service, out of scope (security informed), a procedural legal answer, or pointed elsewhere. When
 * the visitor shows an ID, the disorder list is checked (R2.3) and the guide is alerted.
 */
import type { Lingering, TicketPrint, VisitInput, VisitResult } from '@hall/contracts';
import type { z } from 'zod';
import { Permission, chinaDate, chinaDayBounds, forbidden, invalid, lingering, maskName } from '@hall/domain';
import { int, repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { issueTicket } from '../queue/ticket-issue.ts';
import { checkDisorder, sealOptionalId } from './disorder-check.ts';
import { sealName } from '../reception/personal-data.ts';
import { presentAlert, presentVisit } from './floor.presenter.ts';
import { audit } from '../../audit.ts';

type VisitData = z.output<typeof VisitInput>;

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export class VisitService {
  constructor(private readonly deps: Deps) {}

  async record(ctx: Ctx, input: VisitData): Promise<VisitResult> {
    const v = {
      personName: text(input.personName),
      securityCheck: input.securityCheck ?? null,
      securityNote: text(input.securityNote),
      purpose: text(input.purpose),
      outcome: input.outcome ?? null,
      legalQuestion: text(input.legalQuestion),
      legalAnswer: text(input.legalAnswer),
      note: text(input.note),
    };
    const hasCheck = v.securityCheck !== null || v.securityNote !== null;
    const hasGuidance =
      v.purpose !== null ||
      v.outcome !== null ||
      v.legalQuestion !== null ||
      v.legalAnswer !== null ||
      !!input.serviceId;
    if (!hasCheck && !hasGuidance) throw invalid('visit.empty');
    // Security staff record the check only (R4.1); the guidance is the guide's (R2.2).
    if (hasGuidance && !ctx.actor.permissions.has(Permission.guideRecord)) throw forbidden('visit.guideOnly');
    if (hasCheck && !ctx.actor.permissions.has(Permission.entryRecord)) throw forbidden('visit.entryOnly');
    if (v.securityNote !== null && v.securityCheck === null)
      throw invalid('visit.checkResultRequired', {}, 'securityCheck');

    switch (v.outcome) {
      case 'directed':
        // R4.1: a visitor refused at the check is not let in, so not sent to a window either.
        if (v.securityCheck === 'refused') throw invalid('visit.refusedNotDirected', {}, 'outcome');
        if (!input.serviceId) throw invalid('visit.serviceRequired', {}, 'serviceId');
        break;
      case 'outOfScope':
        // R2.2: out-of-scope visitors: security is informed.
        if (!input.securityInformed) throw invalid('visit.securityNotInformed', {}, 'securityInformed');
        break;
      case 'legalAnswered':
        if (!v.legalQuestion) throw invalid('visit.legalQuestionRequired', {}, 'legalQuestion');
        if (!v.legalAnswer) throw invalid('visit.legalAnswerRequired', {}, 'legalAnswer');
        break;
      default:
        break;
    }
    if (input.serviceId && v.outcome !== 'directed') throw invalid('visit.serviceOnlyWhenDirected', {}, 'serviceId');

    const id = sealOptionalId(this.deps.cipher, input.idType, input.idNumber, ctx.now);
    const at = ctx.now.toISOString();
    const hallId = ctx.actor.hallId;

    const out = await transact(this.deps, async (r) => {
      // The service first: the visit row refers to it (an unknown id was a foreign-key 500, issue 8 §5).
      if (v.outcome === 'directed') {
        const service = await r.queue.getService(input.serviceId!);
        if (!service || service.hall_id !== hallId) throw invalid('queue.serviceNotFound', {}, 'serviceId');
      }
      const visit = await r.floor.insertVisit({
        hall_id: hallId,
        at,
        by_id: ctx.actor.id,
        person_name_enc: v.personName ? sealName(this.deps.cipher, v.personName).enc : null,
        id_type: id.id_type,
        id_hash: id.id_hash,
        id_enc: id.id_enc,
        id_masked: id.id_masked,
        security_check: v.securityCheck,
        security_note: v.securityNote,
        purpose: v.purpose,
        outcome: v.outcome,
        service_id: v.outcome === 'directed' ? input.serviceId! : null,
        security_informed: int(input.securityInformed),
        legal_question: v.legalQuestion,
        legal_answer: v.legalAnswer,
        note: v.note,
        matter_id: null,
      });
      let ticket: { id: number; print: TicketPrint } | null = null;
      if (v.outcome === 'directed') {
        const issued = await issueTicket(r, this.deps, {
          hallId,
          now: ctx.now,
          actorId: ctx.actor.id,
          requestId: ctx.requestId,
          lang: ctx.lang,
          via: 'guide',
          serviceId: input.serviceId!,
          priority: input.priority?.trim() || 'normal',
          idType: id.id_type ?? undefined,
          idNumber: id.normalized ?? undefined,
          visitId: visit.id,
          // The visit checks the list once, below, with the visit and the ticket linked.
          skipDisorderCheck: true,
        });
        ticket = { id: issued.row.id, print: issued.print };
      }
      const alert = await checkDisorder(r, {
        hallId,
        idHash: id.lookupHashes,
        now: ctx.now,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        source: 'guideDesk',
        visitId: visit.id,
        ticketId: ticket?.id ?? null,
      });
      await audit(r, ctx, {
        entity: 'hall_visit',
        entityId: visit.id,
        action: 'visit.record',
        after: {
          personName: maskName(v.personName),
          idNumber: id.id_masked,
          securityCheck: v.securityCheck,
          outcome: v.outcome,
          serviceId: visit.service_id,
          ticketId: ticket?.id ?? null,
          securityInformed: input.securityInformed,
          disorderAlertId: alert?.id ?? null,
        },
      });
      const [row] = await r.floor.listVisits({ hallId, id: visit.id });
      // R2.3: the guide is alerted (discreetly); security staff at the door are not shown the list.
      const shown = alert && ctx.actor.permissions.has(Permission.disorderRead);
      const alertRow = shown ? (await r.floor.listAlerts({ hallId, id: alert.id }))[0] : undefined;
      return {
        visit: presentVisit(row, ctx.lang, this.deps.cipher),
        ticket,
        alert: alertRow ? presentAlert(alertRow, this.deps.cipher) : null,
      };
    });
    if (out.ticket) {
      await this.deps.bus.publish({ hallId, kind: 'ticket', ticketId: out.ticket.id, action: 'issue', at });
    }
    return { visit: out.visit, ticket: out.ticket?.print ?? null, alert: out.alert };
  }

  /**
   * R2.3a: the visitors the guide should go and ask whether anything is left undone — a ticket waiting
   * an hour or more, the day's no-shows, and, from half an hour before the hall's last service closes,
   * everyone whose ticket is not finished (then the duty bailiff and staff are informed). Numbers only:
   * the guide finds the person by the ticket.
   */
  async lingering(ctx: Ctx): Promise<Lingering> {
    const p = ctx.actor.permissions;
    if (!p.has(Permission.guideRecord) && !p.has(Permission.disorderRead)) throw forbidden();
    const { tickets, closesAt } = await repositories(this.deps.database.db).floor.floorTickets(
      ctx.actor.hallId,
      chinaDate(ctx.now),
    );
    const list = lingering(
      tickets.map((t) => ({ id: t.id, status: t.status, issuedAt: t.issued_at, endedAt: t.ended_at, t })),
      { now: ctx.now, closesAt },
    );
    return {
      closesAt,
      closingSoon: list.some((x) => x.reason === 'closing'),
      items: list.map(({ ticket: { t }, reason, minutes }) => ({
        ticketId: t.id,
        number: t.number,
        serviceName: t.service_name,
        status: t.status as Lingering['items'][number]['status'],
        windowNumber: t.window_number ?? null,
        issuedAt: t.issued_at,
        reason,
        minutes,
      })),
    };
  }

  /** The desk's visits of one China day (default today), newest first; ID numbers masked. */
  async list(ctx: Ctx, date: string | undefined) {
    if (!ctx.actor.permissions.has(Permission.guideRecord) && !ctx.actor.permissions.has(Permission.entryRecord)) {
      throw forbidden();
    }
    const day = date ?? chinaDate(ctx.now);
    const { start, end } = chinaDayBounds(day);
    const rows = await repositories(this.deps.database.db).floor.listVisits({ hallId: ctx.actor.hallId, from: start, to: end });
    return rows.map((x) => presentVisit(x, ctx.lang, this.deps.cipher));
  }
}
