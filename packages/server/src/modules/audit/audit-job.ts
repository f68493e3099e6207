/**
 * The daily verification of the audit chain (R1.27): started in main.ts like the accountability
 * sweep. It looks every `intervalMs` (default hourly) whether today's (China date) verification has
 * run and runs it if not; with several instances on PostgreSQL one of them runs it per day (see
 * AuditVerifyService.runDaily). A broken chain raises the administrator alert 'audit.chainBroken'.
 */
import type { Deps } from '../../context.ts';
import { AuditVerifyService } from './audit-verify.service.ts';

interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function startAuditVerifyJob(deps: Deps, opts: { intervalMs: number; log?: JobLog }): { stop(): Promise<void> } {
  if (!(opts.intervalMs > 0)) return { stop: async () => {} };
  const service = new AuditVerifyService(deps);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running = service
      .runDaily(deps.clock())
      .then((row) => {
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
      })
      .catch((err: unknown) => opts.log?.error({ err }, 'audit chain verification could not run'))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(opts.intervalMs);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
