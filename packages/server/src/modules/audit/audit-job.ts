/**
 * The daily verification of the audit chain (R1.27): started in main.ts like the accountability
 * sweep. It looks every `intervalMs` (default hourly) whether today's (China date) verification has
 * run and runs it if not; with several instances on PostgreSQL one of them runs it per day (see
 * AuditVerifyService.runDaily). A broken chain raises the administrator alert 'audit.chainBroken'.
 */
import type { Deps } from '../../context.ts';
import { type JobLog, repeatEvery } from '../../repeat.ts';
import { AuditVerifyService } from './audit-verify.service.ts';

export function startAuditVerifyJob(deps: Deps, opts: { intervalMs: number; log?: JobLog }): { stop(): Promise<void> } {
  const service = new AuditVerifyService(deps);
  return repeatEvery(
    opts.intervalMs,
    async () => {
      const row = await service.runDaily(deps.clock());
      if (!row) return;
      const fields = {
        ok: row.ok === 1,
        checked: row.checked,
        headSeq: row.head_seq,
        headHash: row.head_hash,
        problem: row.problem,
        brokenId: row.broken_id,
      };
      // The head hash in the log is an anchor outside the database.
      if (row.ok === 1) opts.log?.info(fields, 'audit chain verified: intact');
      else opts.log?.error(fields, 'audit chain verification FAILED');
    },
    (err) => opts.log?.error({ err }, 'audit chain verification could not run'),
  );
}
