import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Inbox, SupervisionDue, SupervisionDueQuery, UnitUrges, UnitUrgesQuery } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { WorklistService } from './worklist.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** Work lists: supervision due (R1.20), the inbox, urges per unit (R1.7). Scopes are checked in the service. */
export function worklistRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const worklist = new WorklistService(deps);
  const tags = ['worklist'];

  r.get(
    '/api/supervision/due',
    {
      schema: { tags, querystring: SupervisionDueQuery, response: { 200: SupervisionDue, ...errors } },
      preValidation: requireAuth(),
    },
    async (req) => worklist.supervisionDue(ctxOf(req, deps), req.query),
  );

  r.get(
    '/api/inbox',
    { schema: { tags, response: { 200: Inbox, ...errors } }, preValidation: requireAuth() },
    async (req) => worklist.inbox(ctxOf(req, deps)),
  );

  r.get(
    '/api/units/urges',
    {
      schema: { tags, querystring: UnitUrgesQuery, response: { 200: UnitUrges, ...errors } },
      preValidation: requireAuth(),
    },
    async (req) => worklist.unitUrges(ctxOf(req, deps), req.query),
  );
}
