import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditVerification, AuditVerificationState, ErrorBody } from '@hall/contracts';
import { Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { AuditVerifyService } from './audit-verify.service.ts';

/**
 * The audit chain's verification for the administrator (R1.27):
 * GET  /api/admin/audit/verification → the last verification (audit:read)
 * POST /api/admin/audit/verify       → runs one now, records and audits it (org:manage)
 */
export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = new AuditVerifyService(deps);
  const tags = ['audit'];
  const errors = { 401: ErrorBody, 403: ErrorBody };

  r.get(
    '/api/admin/audit/verification',
    {
      preValidation: requireAuth(Permission.auditRead),
      schema: { tags, response: { 200: AuditVerificationState, ...errors } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      return { last: await service.last(ctx.lang) };
    },
  );
  r.post(
    '/api/admin/audit/verify',
    {
      preValidation: requireAuth(Permission.orgManage),
      schema: { tags, response: { 200: AuditVerification, ...errors } },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      return service.run({ source: 'admin', actorId: ctx.actor.id, requestId: ctx.requestId, now: ctx.now }, ctx.lang);
    },
  );
}
