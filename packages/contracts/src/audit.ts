/**
 * The audit chain's verification (R1.27).
 * GET  /api/admin/audit/verification → AuditVerificationState (audit:read)
 * POST /api/admin/audit/verify       → AuditVerification      (org:manage; recorded and audited)
 */
import { z } from 'zod';

export const AuditVerification = z.object({
  id: z.number(),
  at: z.string(),
  /** cli: npm run audit:verify; admin: the administrator's screen; daily: the scheduled job. */
  source: z.enum(['cli', 'admin', 'daily']),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  ok: z.boolean(),
  /** Rows walked. */
  checked: z.number(),
  /** The last intact row's seq and hash. */
  headSeq: z.number(),
  headHash: z.string(),
  /** content-hash | prev-hash | seq-gap | unsealed | head | recorded-head; null when intact. */
  problem: z.string().nullable(),
  brokenId: z.number().nullable(),
  brokenSeq: z.number().nullable(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  /** One line in the request's language. */
  message: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const AuditVerificationState = z.object({ last: AuditVerification.nullable() });
export type AuditVerificationState = z.infer<typeof AuditVerificationState>;
