/**
 * The accountability sweep (R1.23: the first two triggers are found by the system itself). Each
 * cycle finds assigned cases past their handling deadline or extended deadline, or overdue without
 * having asked for an extension (overdueTriggers, pure), and opens one proposal per lapse for the
 * director or a deputy, with its dossier event, a timeline event on the case and an audit row — all
 * in one transaction.
 *
 * Once per cycle across app instances: on PostgreSQL the cycle's transaction first takes a
 * transaction-level advisory lock without waiting; an instance that does not get it skips the
 * cycle (another one is sweeping). The unique source key (one per deadline and due day, inserted
 * with ON CONFLICT DO NOTHING) is the second line of defence: a cycle that runs right after
 * another finds its proposals already there. On SQLite there is one writer: it just runs.
 */
import {
  SWEPT_DEADLINE_KINDS,
  type SweepExtension,
  chinaDate,
  lapseKey,
  overdueTriggers,
  translate,
} from '@hall/domain';
import type { Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { type JobLog, repeatEvery } from '../../repeat.ts';
import { recordProposal } from './accountability.service.ts';

/** The advisory lock's key: any constant no other part of Hall uses ("HALL" + 0x23, R1.23). */
export const SWEEP_LOCK_KEY = 0x48414c4c23;

export interface SweepResult {
  /** False when another instance held the lock and this one skipped the cycle. */
  ran: boolean;
  today: string;
  /** New lapses found this cycle (those that already had their proposal are not counted). */
  found: number;
  /** Ids of the proposals opened this cycle. */
  created: number[];
}

export async function runSweep(deps: Deps, now: Date): Promise<SweepResult> {
  const today = chinaDate(now);
  const at = now.toISOString();
  return transact(deps, async (r) => {
    if (!(await r.accountability.tryTransactionLock(SWEEP_LOCK_KEY)))
      return { ran: false, today, found: 0, created: [] };

    const due = await r.cases.activeDeadlinesDueBefore(today, SWEPT_DEADLINE_KINDS);
    // Lapses that already have their proposal need no more work (the key does not depend on extensions).
    const known = await r.accountability.existingSourceKeys(due.map((d) => lapseKey(d.id, d.due)));
    const deadlines = due.filter((d) => !known.has(lapseKey(d.id, d.due)));
    const matterIds = [...new Set(deadlines.flatMap((d) => (d.matter_id === null ? [] : [d.matter_id])))];
    const extensions: SweepExtension[] = [];
    for (const id of matterIds) {
      for (const e of await r.cases.extensions(id)) {
        extensions.push({
          deadlineId: e.deadline_id,
          status: e.status,
          requestedOn: chinaDate(new Date(e.requested_at)),
        });
      }
    }
    const findings = overdueTriggers({
      deadlines: deadlines.flatMap((d) =>
        d.matter_id === null ? [] : [{ id: d.id, matterId: d.matter_id, kind: d.kind, status: d.status, due: d.due }],
      ),
      extensions,
      today,
    });

    const created: number[] = [];
    for (const f of findings) {
      const m = await r.matters.findById(f.matterId);
      if (!m || m.assigned_unit_id === null) continue;
      const reason = translate(`accountability.reason.${f.trigger}`, 'zh-CN', { due: f.due, days: f.daysOverdue });
      const row = await r.cases.insertAccountabilityOnce({
        hall_id: m.hall_id,
        matter_id: m.id,
        unit_id: m.assigned_unit_id,
        trigger: f.trigger,
        source_key: f.sourceKey,
        state: 'proposed',
        reason,
        rectify_due: null,
        created_at: at,
        created_by: null,
      });
      if (!row) continue; // this lapse already has its proposal
      await recordProposal(r, {
        at,
        actorId: null,
        requestId: `sweep:${at}`,
        accountability: row,
        note: reason,
        data: {
          trigger: f.trigger,
          source: 'sweep',
          unitId: m.assigned_unit_id,
          deadlineId: f.deadlineId,
          due: f.due,
          daysOverdue: f.daysOverdue,
          rule: 'R1.23',
        },
      });
      created.push(row.id);
    }
    return { ran: true, today, found: findings.length, created };
  });
}

/**
 * Runs the sweep now and then every `intervalMs` (0 or less: never). A cycle starts only after the
 * previous one ended. `stop()` waits for a running cycle.
 */
export function startSweep(deps: Deps, opts: { intervalMs: number; log?: JobLog }): { stop(): Promise<void> } {
  return repeatEvery(
    opts.intervalMs,
    async () => {
      const res = await runSweep(deps, deps.clock());
      if (res.created.length) opts.log?.info({ today: res.today, created: res.created }, 'accountability proposals opened');
    },
    (err) => opts.log?.error({ err }, 'accountability sweep failed'),
  );
}
