/**
 * The disorder list (R2.3): incidents recorded by a guide or a window, a supervisor's decision to
 * list the person until an expiry date (or to reject, or to remove early), and the alerts raised when
 * a listed person is identified again. Every view and every change writes an audit row; the list
 * only informs staff, it never blocks service.
 */
import type { DisorderAlert, DisorderDecision, DisorderDetail, DisorderEntry, IncidentInput } from '@hall/contracts';
import {
  type DisorderStatus,
  Permission,
  chinaDate,
  chinaDayBounds,
  conflict,
  disorderShownStatus,
  disorderTransition,
  forbidden,
  invalid,
  maskName,
  notFound,
} from '@hall/domain';
import { type Repositories, repositories, toJson } from '@hall/db';
import type { z } from 'zod';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { sealOptionalId } from './disorder-check.ts';
import type { PiiCipher } from '../../pii.ts';
import { openPii, sealName } from '../reception/personal-data.ts';
import { type DisorderEntryListRow, presentAlert, presentDetail, presentEntry } from './floor.presenter.ts';
import { audit } from '../../audit.ts';

type IncidentData = z.output<typeof IncidentInput>;

/** How far ahead of the server's clock an incident time may be (clocks of desks drift a little). */
const CLOCK_SKEW_MS = 5 * 60_000;
/** "All recent" alerts: the last this many. */
const RECENT_ALERTS = 200;

/** What the audit trail keeps of an entry: never the ID number or the name in clear (issue 8 §3). */
const entryView = (
  e: Pick<DisorderEntryListRow, 'person_name_enc' | 'id_masked' | 'status' | 'expires_on' | 'version'>,
  cipher: PiiCipher,
) => ({
  personName: maskName(openPii(cipher, e.person_name_enc)),
  idNumber: e.id_masked,
  status: e.status,
  expiresOn: e.expires_on,
  version: e.version,
});

export class DisorderService {
  constructor(private readonly deps: Deps) {}

  private mayApprove(ctx: Ctx) {
    return ctx.actor.permissions.has(Permission.disorderApprove);
  }

  /** R2.3: an incident; added to the person's open entry (proposed, or listed and not expired), else a new proposal. */
  async recordIncident(ctx: Ctx, input: IncidentData): Promise<DisorderEntry> {
    const personName = input.personName.trim();
    if (!personName) throw invalid('disorder.personRequired', {}, 'personName');
    const description = input.description.trim();
    const occurred = Date.parse(input.occurredAt);
    if (occurred > ctx.now.getTime() + CLOCK_SKEW_MS) throw invalid('disorder.occurredInFuture', {}, 'occurredAt');
    const id = sealOptionalId(this.deps.cipher, input.idType, input.idNumber, ctx.now);
    const name = sealName(this.deps.cipher, personName);
    const today = chinaDate(ctx.now);
    const at = ctx.now.toISOString();
    const hallId = ctx.actor.hallId;

    return transact(this.deps, async (r) => {
      if (input.ticketId) {
        const t = await r.queue.getTicket(input.ticketId);
        if (!t || t.hall_id !== hallId) throw invalid('disorder.ticketNotFound', {}, 'ticketId');
      }
      if (input.matterId) {
        const m = await r.matters.findById(input.matterId);
        if (!m || m.hall_id !== hallId) throw invalid('matter.notFound', {}, 'matterId');
      }
      // The same person: the same document (lookup hash); without a document, the same name among
      // the entries recorded without one (a name alone never joins an entry that has an ID).
      const candidates = id.lookupHashes
        ? await r.floor.entriesByIdHash(hallId, id.lookupHashes)
        : await r.floor.entriesByNameWithoutId(hallId, this.deps.cipher.nameHashes(personName));
      const open = candidates.find((e) => {
        const shown = disorderShownStatus({ status: e.status, expiresOn: e.expires_on }, today);
        return shown === 'proposed' || shown === 'listed';
      });
      let entryId: number;
      if (open) {
        entryId = open.id;
      } else {
        const entry = await r.floor.insertEntry({
          hall_id: hallId,
          person_name_enc: name.enc,
          person_name_hash: name.hash,
          id_type: id.id_type,
          id_hash: id.id_hash,
          id_enc: id.id_enc,
          id_masked: id.id_masked,
          description,
          status: 'proposed',
          expires_on: null,
          created_at: at,
          created_by: ctx.actor.id,
          decided_at: null,
          decided_by: null,
          decision_note: null,
          removed_at: null,
          removed_by: null,
          removal_reason: null,
        });
        entryId = entry.id;
        await audit(r, ctx, {
          entity: 'disorder_entry',
          entityId: entry.id,
          action: 'disorder.propose',
          after: entryView(entry, this.deps.cipher),
        });
      }
      const incident = await r.floor.insertIncident({
        entry_id: entryId,
        hall_id: hallId,
        occurred_at: new Date(occurred).toISOString(),
        kind: input.kind,
        description,
        informed: toJson([...new Set(input.informed)]) ?? '[]',
        window_id: ctx.actor.windowId,
        ticket_id: input.ticketId ?? null,
        matter_id: input.matterId ?? null,
        recorded_at: at,
        recorded_by: ctx.actor.id,
      });
      await audit(r, ctx, {
        entity: 'disorder_entry',
        entityId: entryId,
        action: 'disorder.incident',
        after: {
          incidentId: incident.id,
          occurredAt: incident.occurred_at,
          kind: incident.kind,
          description,
          informed: input.informed,
          ticketId: incident.ticket_id,
          matterId: incident.matter_id,
        },
      });
      const row = await r.floor.getEntry(hallId, entryId);
      return presentEntry(row!, today, this.mayApprove(ctx), this.deps.cipher);
    });
  }

  /** The list (disorder:read), filtered by the shown status; the view itself is audited. */
  async list(ctx: Ctx, status: DisorderStatus | 'expired' | undefined): Promise<DisorderEntry[]> {
    const today = chinaDate(ctx.now);
    return transact(this.deps, async (r) => {
      const rows = (await r.floor.listEntries({ hallId: ctx.actor.hallId })).filter(
        (e) => !status || disorderShownStatus({ status: e.status, expiresOn: e.expires_on }, today) === status,
      );
      await audit(r, ctx, {
        entity: 'disorder_entry',
        entityId: '*',
        action: 'disorder.list',
        after: { status: status ?? null, entryIds: rows.map((e) => e.id) },
      });
      return rows.map((e) => presentEntry(e, today, this.mayApprove(ctx), this.deps.cipher));
    });
  }

  /** One entry with its incidents and alerts; the view is audited. */
  async get(ctx: Ctx, id: number): Promise<DisorderDetail> {
    return transact(this.deps, async (r) => {
      const entry = await this.load(ctx, r, id);
      await audit(r, ctx, {
        entity: 'disorder_entry',
        entityId: id,
        action: 'disorder.view',
      });
      return this.detail(ctx, r, entry);
    });
  }

  /** R2.3: a supervisor approves (with an expiry date), rejects, or removes early. */
  async decide(ctx: Ctx, id: number, d: DisorderDecision): Promise<DisorderDetail> {
    const today = chinaDate(ctx.now);
    const at = ctx.now.toISOString();
    return transact(this.deps, async (r) => {
      const before = await this.load(ctx, r, id);
      if (before.version !== d.version) throw conflict('disorder.stale');
      const to: DisorderStatus = disorderTransition(before.status as DisorderStatus, d.action, {
        today,
        expiresOn: d.action === 'approve' ? d.expiresOn : null,
      });
      const note = d.note?.trim() || null;
      const patch =
        d.action === 'remove'
          ? { status: to, removed_at: at, removed_by: ctx.actor.id, removal_reason: note }
          : {
              status: to,
              expires_on: d.action === 'approve' ? d.expiresOn : null,
              decided_at: at,
              decided_by: ctx.actor.id,
              decision_note: note,
            };
      const updated = await r.floor.updateEntry(id, before.version, patch);
      if (!updated) throw conflict('disorder.stale');
      await audit(r, ctx, {
        entity: 'disorder_entry',
        entityId: id,
        action: `disorder.${d.action}`,
        before: entryView(before, this.deps.cipher),
        after: { ...entryView(updated, this.deps.cipher), note },
      });
      return this.detail(ctx, r, (await r.floor.getEntry(ctx.actor.hallId, id))!);
    });
  }

  private async load(ctx: Ctx, r: Repositories, id: number) {
    const entry = await r.floor.getEntry(ctx.actor.hallId, id);
    if (!entry) throw notFound('disorder.notFound');
    return entry;
  }

  private async detail(ctx: Ctx, r: Repositories, entry: DisorderEntryListRow): Promise<DisorderDetail> {
    const [incidents, alerts] = await Promise.all([
      r.floor.incidentsOf(entry.id),
      r.floor.listAlerts({ hallId: ctx.actor.hallId, entryId: entry.id, limit: 50 }),
    ]);
    return presentDetail(entry, incidents, alerts, chinaDate(ctx.now), this.mayApprove(ctx), this.deps.cipher);
  }

  // ---- alerts -------------------------------------------------------------------------------

  /**
   * Who sees which alerts: readers of the list (the guide, leaders) the hall's; window staff only
   * those about their window (raised there, or for a ticket or matter at or routed to it).
   */
  private alertScope(ctx: Ctx): { windowId?: number } {
    if (ctx.actor.permissions.has(Permission.disorderRead)) return {};
    if (ctx.actor.permissions.has(Permission.queueServe) && ctx.actor.windowId !== null)
      return { windowId: ctx.actor.windowId };
    throw forbidden();
  }

  async alerts(ctx: Ctx, all: boolean): Promise<DisorderAlert[]> {
    const scope = this.alertScope(ctx);
    const rows = await repositories(this.deps.database.db).floor.listAlerts({
      hallId: ctx.actor.hallId,
      ...scope,
      ...(all ? { limit: RECENT_ALERTS } : { since: chinaDayBounds(chinaDate(ctx.now)).start }),
    });
    return rows.map((a) => presentAlert(a, this.deps.cipher));
  }

  async acknowledge(ctx: Ctx, id: number): Promise<DisorderAlert> {
    const scope = this.alertScope(ctx);
    const at = ctx.now.toISOString();
    return transact(this.deps, async (r) => {
      const [alert] = await r.floor.listAlerts({ hallId: ctx.actor.hallId, id, ...scope });
      if (!alert) throw notFound('disorder.alertNotFound');
      // Seen already (by a colleague): nothing to change, the first acknowledgement stands.
      if (alert.acknowledged_at) return presentAlert(alert, this.deps.cipher);
      await r.floor.acknowledgeAlert(id, at, ctx.actor.id);
      await audit(r, ctx, {
        entity: 'disorder_entry',
        entityId: alert.entry_id,
        action: 'disorder.alertAck',
        after: { alertId: id },
      });
      const [row] = await r.floor.listAlerts({ hallId: ctx.actor.hallId, id });
      return presentAlert(row, this.deps.cipher);
    });
  }
}
