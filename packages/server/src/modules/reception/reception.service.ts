/**
 * The reception decision's side of a registered matter (R1.5, R1.5a, R1.5b): the receptionist's
 * record of the visit kind and earlier handling, the notice of the decision (告知单), and opening a
 * petitioner's single personal value. The decision itself (accept, not accept…) is a workflow
 * action of the case (cases/case.service.ts).
 */
import type { MatterDetail, Notice, ReceptionUpdate, RevealRequest } from '@hall/contracts';
import { Permission, can, conflict, forbidden, invalid, notFound } from '@hall/domain';
import { type Repositories, repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { audit } from '../../audit.ts';
import { transact } from '../../transact.ts';
import { CaseService, assertCanRead, loadForChange, saveMatter } from '../cases/case.service.ts';
import { openPii } from './personal-data.ts';

/** R1.5: the units named in the earlier handling exist (a unit id from nowhere is refused on its field). */
export async function checkEarlierHandlingUnits(r: Repositories, list: readonly { unitId?: number | null }[]) {
  const ids = [...new Set(list.flatMap((e) => (e.unitId ? [e.unitId] : [])))];
  if (ids.length === 0) return;
  const found = new Set((await r.org.getUnits(ids)).map((u) => u.id));
  const i = list.findIndex((e) => e.unitId && !found.has(e.unitId));
  if (i >= 0) throw invalid('registration.unitNotFound', {}, `earlierHandling.${i}.unitId`);
}

export class ReceptionService {
  private readonly cases: CaseService;
  constructor(private readonly deps: Deps) {
    this.cases = new CaseService(deps);
  }

  /** R1.5: the receptionist confirms the visit kind and records what earlier units decided. */
  async updateReception(ctx: Ctx, id: number, u: ReceptionUpdate): Promise<MatterDetail> {
    if (!can(ctx.actor.roles, Permission.matterDecide)) throw forbidden();
    const b = await transact(this.deps, async (r) => {
      const b = await loadForChange(ctx, r, id, u.version);
      if (b.m.state !== 'registered' && b.m.state !== 'accepted') throw conflict('matter.actionNotAllowedInState');
      await checkEarlierHandlingUnits(r, u.earlierHandling);
      await saveMatter(
        ctx,
        r,
        b.m,
        { visit_kind: u.visitKind, earlier_handling: JSON.stringify(u.earlierHandling) },
        { action: 'recordReception', data: { visitKind: u.visitKind, earlierHandling: u.earlierHandling } },
      );
      return b;
    });
    return this.cases.answer(ctx, b);
  }

  /**
   * The notice (告知单) of the acceptance decision (R1.5, R1.5b). Printed by staff and handed to the
   * petitioner, it is addressed to him or her by full name; every view of it is audited (issue 8 §3).
   */
  async notice(ctx: Ctx, id: number): Promise<Notice> {
    const r = repositories(this.deps.database.db);
    const m = await r.matters.findById(id);
    if (!m) throw notFound('matter.notFound');
    assertCanRead(ctx, m);
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
      const mayView =
        can(ctx.actor.roles, Permission.matterReadAll) ||
        can(ctx.actor.roles, Permission.visitorRegister) ||
        (ctx.actor.windowId !== null && (await r.matters.petitionerHasMatterAt(ctx.actor.hallId, petitionerId, ctx.actor.windowId)));
      const known = await r.matters.petitionerHasMatterAt(ctx.actor.hallId, petitionerId);
      if (!mayView || !known) throw forbidden('auth.notYourWindow');
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
