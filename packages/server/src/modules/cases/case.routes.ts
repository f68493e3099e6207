/** The case's routes: the list, the detail, one route per workflow action. Thin: contract, auth, one service call. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ACTION_INPUTS, type ActionData, ErrorBody, IdParam, MatterDetail, MatterListQuery, MatterPage } from '@hall/contracts';
import { MATTER_ACTIONS } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { CaseService } from './case.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function caseRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const matters = new CaseService(deps);
  const tags = ['cases'];

  r.get(
    '/api/matters',
    { schema: { tags, querystring: MatterListQuery, response: { 200: MatterPage, ...errors } }, preValidation: requireAuth() },
    async (req) => matters.list(ctxOf(req, deps), req.query),
  );

  r.get(
    '/api/matters/:id',
    { schema: { tags, params: IdParam, response: { 200: MatterDetail, ...errors } }, preValidation: requireAuth() },
    async (req) => matters.get(ctxOf(req, deps), req.params.id),
  );

  // One route per workflow action, each with its own input contract (ACTION_INPUTS).
  for (const action of MATTER_ACTIONS) {
    r.post(
      `/api/matters/:id/actions/${action}`,
      {
        schema: { tags: ['cases'], params: IdParam, body: ACTION_INPUTS[action], response: { 200: MatterDetail, ...errors } },
        preValidation: requireAuth(),
      },
      async (req) => matters.act(ctxOf(req, deps), req.params.id, action, req.body as ActionData[typeof action]),
    );
  }

}
