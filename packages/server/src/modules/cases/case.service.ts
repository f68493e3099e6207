/**
 * Reception of a registered visitor (R1.5, R1.5a, R1.5b) and direct reply (R1.6). Every state change
 * goes through the workflow table (decideTransition); each writes a timeline event and an audit row in
 * its transaction (R1.27). Access: a window's staff see only their window's visitors.
 */
import type { ActionData, MatterDetail, MatterListQuery, Notice, ReceptionUpdate, RevealRequest } from '@hall/contracts';
import {
  DomainError,
  type MatterAction,
  type MatterState,
  MATTER_STATES,
  Permission,
  type Purpose,
  allowedActions,
  can,
  chinaDate,
  chinaDayBounds,
  conflict,
  decideTransition,
  forbidden,
  CLOSED_STATES,
  notFound,
  proposeVisitKind,
} from '@hall/domain';
import { type MatterRow, type Repositories, bool, fromJson, repositories, toJson } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { matterFacts } from '../cases/case-facts.ts';
import { EFFECTS, type EffectEnv, type EffectResult } from '../cases/case.effects.ts';
import { loadCalendar } from '../cases/calendar.ts';
import { caseRecords } from '../cases/case.presenter.ts';
import { mayActOnMatter, mayReadMatter, notYours } from '../cases/matter-access.ts';
import { presentEvent, presentPetitioner, presentSummary } from './matter.presenter.ts';
import { openPii, wholeIdHashes } from '../reception/personal-data.ts';
import { audit } from '../../audit.ts';
import { auditView } from '../../view-audit.ts';

type EarlierHandling = MatterDetail['earlierHandling'];

export class MatterService {
  constructor(private readonly deps: Deps) {}

  /** Per-resource check (HOUSE rule 4): see cases/matter-access.ts. */
  private assertCanRead(ctx: Ctx, m: MatterRow) {
    if (m.hall_id !== ctx.actor.hallId) throw notFound('matter.notFound');
    if (!mayReadMatter(ctx.actor, m)) throw forbidden(notYours(ctx.actor));
  }

  private assertCanAct(ctx: Ctx, m: MatterRow) {
    if (!mayActOnMatter(ctx.actor, m)) throw forbidden(notYours(ctx.actor));
  }

  async list(ctx: Ctx, q: MatterListQuery) {
    const { actor } = ctx;
    let windowId = q.windowId;
    let assignedUnitId: number | undefined;
    if (!can(actor.roles, Permission.matterReadAll)) {
      if (can(actor.roles, Permission.matterReadOwnUnit)) {
        if (actor.unitId === null) return [];
        assignedUnitId = actor.unitId;
      } else {
        if (!can(actor.roles, Permission.matterReadOwnWindow)) throw forbidden();
        if (actor.windowId === null) return [];
        if (windowId !== undefined && windowId !== actor.windowId) throw forbidden('auth.notYourWindow');
        windowId = actor.windowId;
      }
    }
    const day = q.scope === 'today' ? chinaDayBounds(chinaDate(ctx.now)) : null;
    const rows = await repositories(this.deps.database.db).matters.list({
      hallId: actor.hallId,
      windowId,
      assignedUnitId,
      from: day?.start,
      to: day?.end,
      states: q.scope === 'open' ? MATTER_STATES.filter((s) => !CLOSED_STATES.includes(s)) : undefined,
      q: q.q,
      // Names and ID numbers are sealed: `q` finds a petitioner by the exact full name or the whole
      // ID number (keyed hashes), never by a part of either.
      nameHashes: q.q ? this.deps.cipher.nameHashes(q.q) : undefined,
      idHashes: q.q ? wholeIdHashes(this.deps.cipher, q.q) : undefined,
    });
    return rows.map((x) => presentSummary(x, this.deps.cipher));
  }

  async get(ctx: Ctx, id: number): Promise<MatterDetail> {
    const r = repositories(this.deps.database.db);
    const m = await r.matters.findById(id);
    if (!m) throw notFound('matter.notFound');
    this.assertCanRead(ctx, m);
    const detail = await this.detail(ctx, r, m);
    // The detail opens the petitioner's full name: the view is audited (view-audit.ts: once per actor
    // and matter per window of time), before the answer leaves.
    await auditView(this.deps, ctx, {
      entity: 'matter',
      entityId: m.id,
      action: 'matter.view',
      after: { petitionerId: m.petitioner_id },
    });
    return detail;
  }

  private async detail(ctx: Ctx, r: Repositories, m: MatterRow): Promise<MatterDetail> {
    const all = await r.matters.list({ hallId: m.hall_id, petitionerId: m.petitioner_id, limit: 500 });
    const summaryRow = all.find((x) => x.id === m.id)!;
    const earlier = all.filter((x) => x.id < m.id);
    const [petitioner, hall, reps, unitLinks, locality, events, replies, registeredBy, decidedBy] = await Promise.all([
      r.petitioners.findById(m.petitioner_id),
      r.org.getHall(m.hall_id),
      r.matters.representativesOf(m.id),
      r.matters.unitIdsOf([m.id, ...earlier.map((e) => e.id)]),
      m.locality_code ? r.org.getDivision(m.locality_code) : undefined,
      r.matters.events(m.id),
      r.matters.directReplies(m.id),
      m.registered_by ? r.staff.findById(m.registered_by) : undefined,
      m.decided_by ? r.staff.findById(m.decided_by) : undefined,
    ]);
    const unitIds = unitLinks.filter((u) => u.matter_id === m.id).map((u) => u.unit_id);
    const units = await r.org.getUnits(unitIds);
    const countyUnits = locality?.level === 'county' ? await r.org.unitsOfDivision(locality.code) : [];
    const earlierHandling = fromJson<EarlierHandling>(m.earlier_handling, []);
    const proposal = proposeVisitKind({
      categoryId: m.category_id,
      localityCode: m.locality_code,
      unitIds,
      localityIsCounty: locality?.level === 'county',
      countyUnitIds: countyUnits.map((u) => u.id),
      earlierHandlingUnitIds: earlierHandling.flatMap((e) => (e.unitId ? [e.unitId] : [])),
      earlierMatters: earlier.map((e) => ({
        id: e.id,
        petitionNo: e.petition_no,
        categoryId: e.category_id,
        localityCode: e.locality_code,
        unitIds: unitLinks.filter((u) => u.matter_id === e.id).map((u) => u.unit_id),
      })),
    });
    const facts = await matterFacts(r, m, ctx.now);
    return {
      ...presentSummary(summaryRow, this.deps.cipher),
      // The single-record view: the full name (lists show it masked); `get` audits the view.
      petitionerName: openPii(this.deps.cipher, petitioner!.name_enc) ?? '',
      queryCode: m.query_code,
      hallName: hall?.name ?? '',
      petitioner: presentPetitioner(petitioner!, this.deps.cipher, chinaDate(ctx.now)),
      representatives: reps.map((x) => ({
        name: openPii(this.deps.cipher, x.name_enc) ?? '',
        idNumberMasked: x.id_masked,
        phoneMasked: x.phone_masked,
      })),
      rulesAcknowledgedAt: m.rules_acknowledged_at,
      securityCheck: m.security_check,
      securityNote: m.security_note,
      purpose: m.purpose as Purpose,
      demands: m.demands,
      localityCode: m.locality_code,
      localityName: locality?.name ?? null,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      earlierHandling,
      markers: fromJson(m.markers, {
        collective: false,
        longStanding: false,
        litigationRelated: false,
        urgent: false,
        threat: false,
        foreign: false,
      }),
      registeredByName: registeredBy?.display_name ?? null,
      proposedVisitKind: proposal.kind,
      relatedMatterIds: proposal.related.map((x) => x.id),
      earlierMatters: earlier.map((x) => presentSummary(x, this.deps.cipher)),
      decision:
        m.acceptance && m.decided_at
          ? {
              acceptance: m.acceptance as 'accepted' | 'notAccepted' | 'noLongerAccepted',
              reason: m.decision_reason,
              channel: m.decision_channel,
              decidedAt: m.decided_at,
              decidedByName: decidedBy?.display_name ?? null,
            }
          : null,
      directReplies: replies.map((x) => ({
        reply: x.reply,
        agrees: bool(x.agrees),
        ceases: bool(x.ceases),
        signedName: openPii(this.deps.cipher, x.signed_name_enc),
        repliedAt: x.replied_at,
        repliedByName: x.replied_by_name,
      })),
      closedAt: m.closed_at,
      version: m.version,
      allowedActions: mayActOnMatter(ctx.actor, m) ? allowedActions(m.state as MatterState, ctx.actor.roles, facts) : [],
      facts,
      case: await caseRecords(r, m, ctx.now, this.deps.cipher),
      timeline: events.map(presentEvent),
    };
  }

  /** Loads the matter for a change, checks access and the version the user saw. */
  private async load(ctx: Ctx, r: Repositories, id: number, version: number) {
    const m = await r.matters.findById(id);
    if (!m) throw notFound('matter.notFound');
    this.assertCanRead(ctx, m);
    if (m.version !== version) throw conflict('matter.stale');
    return m;
  }

  private async save(
    ctx: Ctx,
    r: Repositories,
    m: MatterRow,
    changes: Partial<MatterRow>,
    event: { action: string; toState?: string; note?: string | null; data?: unknown },
  ) {
    const { id: _i, version: _v, ...rest } = changes;
    const updated = await r.matters.updateVersioned(m.id, m.version, rest);
    if (!updated) throw conflict('matter.stale');
    const at = ctx.now.toISOString();
    await r.matters.insertEvent({
      matter_id: m.id,
      at,
      actor_id: ctx.actor.id,
      action: event.action,
      from_state: event.toState ? m.state : null,
      to_state: event.toState ?? null,
      note: event.note ?? null,
      data: toJson(event.data),
    });
    const keys = Object.keys(rest) as (keyof MatterRow)[];
    await audit(r, ctx, {
      entity: 'matter',
      entityId: m.id,
      action: `matter.${event.action}`,
      before: Object.fromEntries(keys.map((k) => [k, m[k]])),
      after: Object.fromEntries(keys.map((k) => [k, updated[k]])),
    });
    return updated;
  }

  /** R1.5: the receptionist confirms the visit kind and records what earlier units decided. */
  async updateReception(ctx: Ctx, id: number, u: ReceptionUpdate): Promise<MatterDetail> {
    if (!can(ctx.actor.roles, Permission.matterDecide)) throw forbidden();
    return transact(this.deps, async (r) => {
      const m = await this.load(ctx, r, id, u.version);
      if (m.state !== 'registered' && m.state !== 'accepted') throw conflict('matter.actionNotAllowedInState');
      const updated = await this.save(
        ctx,
        r,
        m,
        { visit_kind: u.visitKind, earlier_handling: JSON.stringify(u.earlierHandling) },
        { action: 'recordReception', data: { visitKind: u.visitKind, earlierHandling: u.earlierHandling } },
      );
      return this.detail(ctx, r, updated);
    });
  }

  /**
   * Any workflow action: the table decides whether it is allowed (role, state, the matter's facts,
   * the input) and where it leads; the action's effect writes its records; the state change, the
   * timeline event and the audit row are saved in the same transaction.
   */
  async act<A extends MatterAction>(ctx: Ctx, id: number, action: A, input: ActionData[A]): Promise<MatterDetail> {
    return transact(this.deps, async (r) => {
      const m = await this.load(ctx, r, id, input.version);
      this.assertCanAct(ctx, m);
      const facts = await matterFacts(r, m, ctx.now);
      const d = decideTransition(m.state as MatterState, action, ctx.actor.roles, input as Record<string, unknown>, facts);
      if (!d.ok) {
        throw new DomainError(d.kind, d.code, d.params ?? {}, d.field ? [{ path: d.field, code: d.code, params: d.params }] : []);
      }
      const to = d.transition.to;
      const calendar = await loadCalendar(r);
      const effect = EFFECTS[action] as (env: EffectEnv, input: ActionData[A]) => Promise<EffectResult>;
      const out = await effect({ ctx, r, m, to, calendar, today: chinaDate(ctx.now), cipher: this.deps.cipher }, input);
      const updated = await this.save(ctx, r, m, { ...out.changes, state: to }, {
        action,
        toState: to,
        note: out.note ?? null,
        data: { ...out.data, rule: d.transition.rule },
      });
      return this.detail(ctx, r, updated);
    });
  }

  /**
   * The notice (告知单) of the acceptance decision (R1.5, R1.5b). Printed by staff and handed to the
   * petitioner, it is addressed to him or her by full name; every view of it is audited (issue 8 §3).
   */
  async notice(ctx: Ctx, id: number): Promise<Notice> {
    const r = repositories(this.deps.database.db);
    const m = await r.matters.findById(id);
    if (!m) throw notFound('matter.notFound');
    this.assertCanRead(ctx, m);
    if (!m.acceptance || !m.decided_at) throw conflict('matter.actionNotAllowedInState');
    const [hall, petitioner, window, receptionist] = await Promise.all([
      r.org.getHall(m.hall_id),
      r.petitioners.findById(m.petitioner_id),
      r.org.getWindow(m.window_id),
      m.decided_by ? r.staff.findById(m.decided_by) : undefined,
    ]);
    await transact(this.deps, (tr) =>
      audit(tr, ctx, { entity: 'matter', entityId: m.id, action: 'notice.view', after: { petitionerId: m.petitioner_id } }),
    );
    return {
      hallName: hall!.name,
      petitionNo: m.petition_no,
      queryCode: m.query_code,
      petitionerName: openPii(this.deps.cipher, petitioner!.name_enc) ?? '',
      registeredAt: m.registered_at,
      summary: m.summary,
      acceptance: m.acceptance as Notice['acceptance'],
      reason: m.decision_reason,
      channel: m.decision_channel,
      decidedAt: m.decided_at,
      windowName: window!.name,
      receptionistName: receptionist?.display_name ?? null,
    };
  }

  /** Shows one full personal value: permission, scope, and an audit row for every view. */
  async reveal(ctx: Ctx, petitionerId: number, field: RevealRequest['field']): Promise<{ value: string | null }> {
    if (!can(ctx.actor.roles, Permission.piiReveal)) throw forbidden();
    return transact(this.deps, async (r) => {
      const p = await r.petitioners.findById(petitionerId);
      if (!p) throw notFound('petitioner.notFound');
      const matters = await r.matters.list({ hallId: ctx.actor.hallId, petitionerId, limit: 500 });
      const mayView =
        can(ctx.actor.roles, Permission.matterReadAll) ||
        can(ctx.actor.roles, Permission.visitorRegister) ||
        matters.some((m) => m.window_id === ctx.actor.windowId);
      if (!mayView || matters.length === 0) throw forbidden('auth.notYourWindow');
      const enc = { idNumber: p.id_enc, phone: p.phone_enc, address: p.address_enc, birthDate: p.birth_enc }[field];
      await audit(r, ctx, {
        entity: 'petitioner',
        entityId: p.id,
        action: 'pii.reveal',
        after: { field },
      });
      return { value: this.deps.cipher.decryptOpt(enc) };
    });
  }
}

