/**
 * The case (信访事项) after registration: its list, its detail, and every workflow action. Every
 * state change goes through the workflow table (decideTransition); each writes a timeline event
 * and an audit row in its transaction (R1.27). Access: cases/matter-access.ts.
 *
 * One read model (case.bundle.ts): the detail reads the case in two queries; an action loads the
 * bundle once inside its transaction, decides on its facts, runs the effect (which reads from the
 * bundle), saves, and re-reads the case once after the commit for its answer.
 */
import type { ActionData, MatterDetail, MatterListQuery, MatterPage } from '@hall/contracts';
import {
  CLOSED_STATES,
  DomainError,
  MATTER_STATES,
  type MatterAction,
  type MatterState,
  Permission,
  can,
  chinaDate,
  chinaDayBounds,
  conflict,
  decideTransition,
  forbidden,
  notFound,
} from '@hall/domain';
import { type MatterRow, type Repositories, repositories, toJson } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { audit } from '../../audit.ts';
import { transact } from '../../transact.ts';
import { auditView } from '../../view-audit.ts';
import { decodeCursor, pageOf } from '../../paging.ts';
import { wholeIdHashes } from '../reception/personal-data.ts';
import { type CaseBundle, loadCaseBundle } from './case.bundle.ts';
import { caseFacts } from './case-facts.ts';
import { presentCase } from './case.presenter.ts';
import { calendarOf } from './calendar.ts';
import { EFFECTS, type EffectEnv, type EffectResult } from './effects/index.ts';
import { mayActOnMatter, mayReadMatter, mayTakeAction, notYours } from './matter-access.ts';
import { presentSummary } from './matter.presenter.ts';

/**
 * Per-resource check (HOUSE rule 4): see matter-access.ts. Given the case bundle's row, its
 * transfers let the county a matter was transferred to read it (R1.8); a bare matter row does not.
 */
export function assertCanRead(ctx: Ctx, m: MatterRow & Parameters<typeof mayReadMatter>[1]) {
  if (m.hall_id !== ctx.actor.hallId) throw notFound('matter.notFound');
  if (!mayReadMatter(ctx.actor, m)) throw forbidden(notYours(ctx.actor));
}

/** Loads a case for a change inside a transaction: access, and the version the user saw. */
export async function loadForChange(ctx: Ctx, r: Repositories, id: number, version: number): Promise<CaseBundle> {
  const b = await loadCaseBundle(r, id);
  if (!b) throw notFound('matter.notFound');
  assertCanRead(ctx, b.m);
  if (b.m.version !== version) throw conflict('matter.stale');
  return b;
}

/** The matter's columns of a bundle row (what an update may touch and the audit compares). */
const matterColumns = (m: MatterRow, keys: readonly (keyof MatterRow)[]) => Object.fromEntries(keys.map((k) => [k, m[k]]));

/**
 * Saves a change of the matter: the versioned update, its timeline event and its audit row, in the
 * caller's transaction.
 */
export async function saveMatter(
  ctx: Ctx,
  r: Repositories,
  m: MatterRow,
  changes: Partial<MatterRow>,
  event: { action: string; toState?: string; note?: string | null; data?: unknown },
): Promise<MatterRow> {
  const { id: _i, version: _v, ...rest } = changes;
  const updated = await r.matters.updateVersioned(m.id, m.version, rest);
  if (!updated) throw conflict('matter.stale');
  await r.matters.insertEvent({
    matter_id: m.id,
    at: ctx.now.toISOString(),
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
    before: matterColumns(m, keys),
    after: matterColumns(updated, keys),
  });
  return updated;
}

export class CaseService {
  constructor(private readonly deps: Deps) {}

  /**
   * A page of the list (issue 9 §2): `limit` rows after the cursor, newest first, the total of the
   * whole list with the same filters, and the cursor of the next page. Two statements, whatever the
   * number of rows: the page and its count.
   */
  async list(ctx: Ctx, q: MatterListQuery): Promise<MatterPage> {
    const { actor } = ctx;
    // A bad cursor is refused before anything else is read.
    const after = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;
    const empty: MatterPage = { items: [], total: 0, nextCursor: null };
    let windowId = q.windowId;
    let assignedUnitId: number | undefined;
    let withCountyTransfers = false;
    const r = repositories(this.deps.database.db);
    if (!can(actor.roles, Permission.matterReadAll)) {
      if (can(actor.roles, Permission.matterReadOwnUnit)) {
        if (actor.unitId === null) return empty;
        assignedUnitId = actor.unitId;
        // R1.8: a county's staff also see the matters transferred to their unit directly (one
        // lookup of the unit, for unit staff only; a department's list keeps its index order).
        const unit = await r.org.getUnit(actor.unitId);
        withCountyTransfers = unit?.kind === 'county' || unit?.kind === 'countyOffice';
      } else {
        if (!can(actor.roles, Permission.matterReadOwnWindow)) throw forbidden();
        if (actor.windowId === null) return empty;
        if (windowId !== undefined && windowId !== actor.windowId) throw forbidden('auth.notYourWindow');
        windowId = actor.windowId;
      }
    }
    const day = q.scope === 'today' ? chinaDayBounds(chinaDate(ctx.now)) : null;
    const filter = {
      hallId: actor.hallId,
      windowId,
      assignedUnitId,
      withCountyTransfers,
      from: day?.start,
      to: day?.end,
      states: q.scope === 'open' ? MATTER_STATES.filter((s) => !CLOSED_STATES.includes(s)) : undefined,
      q: q.q,
      // Names and ID numbers are sealed: `q` finds a petitioner by the exact full name or the whole
      // ID number (keyed hashes), never by a part of either.
      nameHashes: q.q ? this.deps.cipher.nameHashes(q.q) : undefined,
      idHashes: q.q ? wholeIdHashes(this.deps.cipher, q.q) : undefined,
    };
    const [rows, total] = await Promise.all([r.matters.list({ ...filter, after, limit: q.limit + 1 }), r.matters.count(filter)]);
    const page = pageOf(rows, q.limit);
    return { items: page.rows.map((x) => presentSummary(x, this.deps.cipher)), total, nextCursor: page.nextCursor };
  }

  async get(ctx: Ctx, id: number): Promise<MatterDetail> {
    const b = await loadCaseBundle(repositories(this.deps.database.db), id);
    if (!b) throw notFound('matter.notFound');
    assertCanRead(ctx, b.m);
    // The detail opens the petitioner's full name: the view is audited (view-audit.ts: once per actor
    // and matter per window of time), before the answer leaves.
    await auditView(this.deps, ctx, {
      entity: 'matter',
      entityId: b.m.id,
      action: 'matter.view',
      after: { petitionerId: b.m.petitioner_id },
    });
    return presentCase(b, ctx.actor, ctx.now, this.deps.cipher);
  }

  /** The case's answer after a change: the case re-read once, after the commit. */
  async answer(ctx: Ctx, before: CaseBundle): Promise<MatterDetail> {
    const b = await loadCaseBundle(repositories(this.deps.database.db), before.m.id);
    return presentCase(b!, ctx.actor, ctx.now, this.deps.cipher);
  }

  /**
   * Any workflow action: the table decides whether it is allowed (role, state, the case's facts,
   * the input) and where it leads; the action's effect writes its records; the state change, the
   * timeline event and the audit row are saved in the same transaction.
   */
  async act<A extends MatterAction>(ctx: Ctx, id: number, action: A, input: ActionData[A]): Promise<MatterDetail> {
    const b = await transact(this.deps, async (r) => {
      const b = await loadForChange(ctx, r, id, input.version);
      const m = b.m;
      if (!mayActOnMatter(ctx.actor, m) || !mayTakeAction(ctx.actor, b.m, action)) throw forbidden(notYours(ctx.actor));
      const facts = caseFacts(b, ctx.now);
      const d = decideTransition(m.state as MatterState, action, ctx.actor.roles, input as Record<string, unknown>, facts);
      if (!d.ok) {
        throw new DomainError(d.kind, d.code, d.params ?? {}, d.field ? [{ path: d.field, code: d.code, params: d.params }] : []);
      }
      const to = d.transition.to;
      const calendar = calendarOf(m.calendar_years);
      const env: EffectEnv = { ctx, r, b, m, to, calendar: async () => calendar, today: chinaDate(ctx.now), cipher: this.deps.cipher };
      const effect = EFFECTS[action] as (env: EffectEnv, input: ActionData[A]) => Promise<EffectResult>;
      const out = await effect(env, input);
      await saveMatter(ctx, r, m, { ...out.changes, state: to }, {
        action,
        toState: to,
        note: out.note ?? null,
        data: { ...out.data, rule: d.transition.rule },
      });
      return b;
    });
    return this.answer(ctx, b);
  }
}
