/**
 * Accountability inquiries (责任查究, R1.23–R1.25). Every step goes through the inquiry's transition
 * table (decideAccountability); each writes a dossier event, and the audit row, in its transaction
 * (R1.25, R1.27). A proposal also puts an event on the case's timeline.
 *
 * Who sees an inquiry: the director, deputies and the accountability office the whole hall; the
 * assigning window's staff the inquiries about their window's matters. Nobody else.
 */
import type {
  AccountabilityActionData,
  AccountabilityDetail,
  AccountabilityListQuery,
  AccountabilityProposeData,
  AccountabilitySummary,
} from '@hall/contracts';
import {
  type AccountabilityAction,
  type AccountabilityState,
  DomainError,
  Permission,
  allowedAccountabilityActions,
  can,
  chinaDate,
  checkManualProposal,
  conflict,
  decideAccountability,
  forbidden,
  notFound,
  rectificationDue,
} from '@hall/domain';
import { type Repositories, repositories, toJson } from '@hall/db';
import type { Actor, Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { loadCalendar } from '../cases/calendar.ts';
import { issueDocument } from '../documents/documents.ts';
import { presentEvent, presentSummary } from './accountability.presenter.ts';
import { presentDocumentDetail } from '../documents/document.presenter.ts';
import { audit, auditAs } from '../../audit.ts';
import { auditView } from '../../view-audit.ts';

/** The inquiries an actor may see: the hall's, or those of one window's matters; null: none. */
export function accountabilityScope(actor: Actor): { all: true } | { windowId: number } | null {
  if (can(actor.roles, Permission.accountabilityApprove) || can(actor.roles, Permission.accountabilityHandle))
    return { all: true };
  if (can(actor.roles, Permission.accountabilityPropose) && actor.windowId !== null)
    return { windowId: actor.windowId };
  return null;
}

/**
 * Whether the actor may read a matter: the same rule as MatterService's per-resource check (the
 * hall's readers all; window staff their window's; unit staff their unit's assigned cases).
 */
type Row = Awaited<ReturnType<Repositories['accountability']['list']>>[number];

/** Who may see an inquiry: the hall's readers, or the window the case came through (R1.23–R1.25). */
export function mayViewInquiry(actor: Ctx['actor'], row: { hall_id: number; window_id: number }) {
  const scope = accountabilityScope(actor);
  if (!scope || row.hall_id !== actor.hallId) return false;
  return 'all' in scope || scope.windowId === row.window_id;
}

export class AccountabilityService {
  constructor(private readonly deps: Deps) {}

  private scopeOrThrow(ctx: Ctx) {
    const scope = accountabilityScope(ctx.actor);
    if (!scope) throw forbidden();
    return scope;
  }

  private mayView(ctx: Ctx, row: Pick<Row, 'hall_id' | 'window_id'>) {
    return mayViewInquiry(ctx.actor, row);
  }

  private async loadVisible(ctx: Ctx, r: Repositories, id: number): Promise<Row> {
    const row = await r.accountability.get(ctx.actor.hallId, id);
    if (!row) throw notFound('accountability.notFound');
    if (!this.mayView(ctx, row)) throw forbidden('auth.notYourWindow');
    return row;
  }

  async list(ctx: Ctx, q: AccountabilityListQuery): Promise<AccountabilitySummary[]> {
    const scope = this.scopeOrThrow(ctx);
    const rows = await repositories(this.deps.database.db).accountability.list({
      hallId: ctx.actor.hallId,
      states: q.state ? [q.state] : undefined,
      matterId: q.matterId,
      windowId: 'windowId' in scope ? scope.windowId : undefined,
    });
    return rows.map((x) => presentSummary(x, ctx.lang));
  }

  async get(ctx: Ctx, id: number): Promise<AccountabilityDetail> {
    this.scopeOrThrow(ctx);
    const r = repositories(this.deps.database.db);
    const row = await this.loadVisible(ctx, r, id);
    const detail = await this.detail(ctx, r, row);
    // The dossier shows documents addressed to the petitioner by full name: the view is audited
    // (view-audit.ts: once per actor and inquiry per window of time, ids only).
    if (detail.documents.some((d) => typeof d.content.petitionerName === 'string')) {
      await auditView(this.deps, ctx, {
        entity: 'accountability',
        entityId: row.id,
        action: 'accountability.view',
        after: { matterId: row.matter_id },
      });
    }
    return detail;
  }

  private async detail(ctx: Ctx, r: Repositories, row: Row): Promise<AccountabilityDetail> {
    const [events, own, ofMatter, staff] = await Promise.all([
      r.cases.accountabilityEvents(row.id),
      r.documents.ofAccountability(row.id),
      r.documents.ofMatter(row.matter_id),
      r.staff.list(row.hall_id),
    ]);
    // The dossier (R1.25): the inquiry's own documents and the case's (assignment letter, opinion…),
    // but not another inquiry's notices.
    const docs = [...own, ...ofMatter.filter((d) => d.accountability_id === null)].sort((a, b) => a.id - b.id);
    const names = new Map(staff.map((s) => [s.id, s.display_name]));
    const numbers = new Map(docs.map((d) => [d.id, d.number]));
    return {
      ...presentSummary(row, ctx.lang),
      events: events.map((e) => presentEvent(e, numbers)),
      documents: docs.map((d) => presentDocumentDetail(d, names, row.petition_no, this.deps.cipher)),
      allowedActions: allowedAccountabilityActions(row.state as AccountabilityState, ctx.actor.roles),
    };
  }

  /** R1.23: a staff proposal for the two triggers the system cannot see. */
  async propose(ctx: Ctx, p: AccountabilityProposeData): Promise<AccountabilityDetail> {
    if (!can(ctx.actor.roles, Permission.accountabilityPropose)) throw forbidden();
    return transact(this.deps, async (r) => {
      const m = await r.matters.findById(p.matterId);
      if (!m || m.hall_id !== ctx.actor.hallId) throw notFound('matter.notFound');
      // Leadership proposes for any case of the hall; a window for the cases it assigned.
      const scope = this.scopeOrThrow(ctx);
      if (!('all' in scope) && scope.windowId !== m.window_id) throw forbidden('auth.notYourWindow');
      // The inquiry is about the unit the case was assigned to (R1.23).
      const unitId = m.assigned_unit_id;
      const failure = checkManualProposal({ trigger: p.trigger, reason: p.reason, hasAssignedUnit: unitId !== null });
      if (failure) {
        const kind = failure.field ? 'invalid' : 'conflict';
        throw new DomainError(
          kind,
          failure.code,
          failure.params ?? {},
          failure.field ? [{ path: failure.field, code: failure.code }] : [],
        );
      }
      const at = ctx.now.toISOString();
      const row = await r.cases.insertAccountability({
        hall_id: m.hall_id,
        matter_id: m.id,
        unit_id: unitId,
        trigger: p.trigger,
        source_key: null,
        state: 'proposed',
        reason: (p.reason ?? '').trim(),
        rectify_due: null,
        created_at: at,
        created_by: ctx.actor.id,
      });
      await recordProposal(r, {
        at,
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        accountability: row,
        note: row.reason,
        data: { trigger: p.trigger, source: 'staff', unitId, rule: 'R1.23' },
      });
      return this.detail(ctx, r, (await r.accountability.get(ctx.actor.hallId, row.id))!);
    });
  }

  /** A step of the inquiry: the table decides (role, state, input); the dossier and the audit record it. */
  async act<A extends AccountabilityAction>(
    ctx: Ctx,
    id: number,
    action: A,
    input: AccountabilityActionData[A],
  ): Promise<AccountabilityDetail> {
    this.scopeOrThrow(ctx);
    return transact(this.deps, async (r) => {
      const row = await this.loadVisible(ctx, r, id);
      if (row.version !== input.version) throw conflict('accountability.stale');
      const today = chinaDate(ctx.now);
      const d = decideAccountability(
        row.state as AccountabilityState,
        action,
        ctx.actor.roles,
        input as Record<string, unknown>,
        { today },
      );
      if (!d.ok) {
        throw new DomainError(
          d.kind,
          d.code,
          d.params ?? {},
          d.field ? [{ path: d.field, code: d.code, params: d.params }] : [],
        );
      }
      const to = d.transition.to;
      const changes: { state: string; rectify_due?: string } = { state: to };
      let note: string | null = null;
      let documentId: number | null = null;
      const data: Record<string, unknown> = { rule: d.transition.rule };

      switch (action) {
        case 'approve':
        case 'approveInvestigation': {
          const i = input as AccountabilityActionData['approve'];
          note = i.note || null;
          break;
        }
        case 'reject': {
          note = (input as AccountabilityActionData['reject']).reason;
          break;
        }
        case 'sendNotice': {
          // R1.24: the self-inspection notice, numbered, with its rectification deadline.
          const i = input as AccountabilityActionData['sendNotice'];
          const calendar = await loadCalendar(r);
          const due = rectificationDue({ rectifyDays: i.rectifyDays, rectifyDue: i.rectifyDue }, today, calendar);
          const doc = await issueDocument(r, ctx, 'selfInspectionNotice', {
            matterId: row.matter_id,
            accountabilityId: row.id,
            content: {
              petitionNo: row.petition_no,
              matterSummary: row.matter_summary,
              unitName: row.unit_name,
              trigger: row.trigger,
              reason: row.reason,
              demands: i.demands,
              rectifyDue: due.due,
              rectifyComputation: due.computation,
              issuedOn: today,
            },
          });
          changes.rectify_due = due.due;
          note = i.demands;
          documentId = doc.id;
          Object.assign(data, {
            documentNo: doc.number,
            rectifyDue: due.due,
            rectifyDays: i.rectifyDays ?? null,
            computation: due.computation,
          });
          break;
        }
        case 'recordRectification': {
          const i = input as AccountabilityActionData['recordRectification'];
          note = i.note;
          Object.assign(data, {
            quality: i.quality,
            rectifyDue: row.rectify_due,
            late: row.rectify_due !== null && today > row.rectify_due,
          });
          break;
        }
        case 'concludeInvestigation': {
          note = (input as AccountabilityActionData['concludeInvestigation']).findings;
          break;
        }
      }

      const updated = await r.cases.updateAccountability(row.id, row.version, changes);
      if (!updated) throw conflict('accountability.stale');
      const at = ctx.now.toISOString();
      await r.cases.insertAccountabilityEvent({
        accountability_id: row.id,
        at,
        actor_id: ctx.actor.id,
        action,
        from_state: row.state,
        to_state: to,
        note,
        data: toJson(data),
        document_id: documentId,
      });
      await audit(r, ctx, {
        entity: 'accountability',
        entityId: row.id,
        action: `accountability.${action}`,
        before: { state: row.state, rectify_due: row.rectify_due, version: row.version },
        after: { state: updated.state, rectify_due: updated.rectify_due, version: updated.version, documentId },
      });
      return this.detail(ctx, r, (await r.accountability.get(ctx.actor.hallId, row.id))!);
    });
  }
}

/**
 * The records of a new proposal, in the caller's transaction: the first step of its dossier, the
 * case's timeline event, the audit row. Used by staff proposals and by the sweep.
 */
export async function recordProposal(
  r: Repositories,
  o: {
    at: string;
    actorId: number | null;
    requestId: string | null;
    accountability: {
      id: number;
      matter_id: number;
      trigger: string;
      state: string;
      reason: string;
      unit_id: number | null;
      source_key: string | null;
    };
    note: string | null;
    data: Record<string, unknown>;
  },
) {
  const a = o.accountability;
  await r.cases.insertAccountabilityEvent({
    accountability_id: a.id,
    at: o.at,
    actor_id: o.actorId,
    action: 'propose',
    from_state: null,
    to_state: a.state,
    note: o.note,
    data: toJson(o.data),
    document_id: null,
  });
  await r.matters.insertEvent({
    matter_id: a.matter_id,
    at: o.at,
    actor_id: o.actorId,
    action: 'accountabilityProposed',
    from_state: null,
    to_state: null,
    note: o.note,
    data: toJson({ accountabilityId: a.id, ...o.data }),
  });
  await auditAs(r, { actorId: o.actorId, at: o.at, requestId: o.requestId }, {
    entity: 'accountability',
    entityId: a.id,
    action: 'accountability.propose',
    after: { matterId: a.matter_id, unitId: a.unit_id, trigger: a.trigger, state: a.state, sourceKey: a.source_key },
  });
}
