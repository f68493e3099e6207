/** Accountability inquiries (R1.23–R1.25) and the print page's documents. Thin: contract, auth, one service call. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACCOUNTABILITY_ACTION_INPUTS,
  type AccountabilityActionData,
  AccountabilityDetail,
  AccountabilityListQuery,
  AccountabilityProposeRequest,
  AccountabilitySummary,
  ErrorBody,
  IdParam,
} from '@hall/contracts';
import { ACCOUNTABILITY_ACTIONS, Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { AccountabilityService } from './accountability.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function accountabilityRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = new AccountabilityService(deps);
  const tags = ['accountability'];

  r.get(
    '/api/accountability',
    {
      schema: {
        tags,
        querystring: AccountabilityListQuery,
        response: { 200: z.array(AccountabilitySummary), ...errors },
      },
      preValidation: requireAuth(),
    },
    async (req) => service.list(ctxOf(req, deps), req.query),
  );

  r.get(
    '/api/accountability/:id',
    {
      schema: { tags, params: IdParam, response: { 200: AccountabilityDetail, ...errors } },
      preValidation: requireAuth(),
    },
    async (req) => service.get(ctxOf(req, deps), req.params.id),
  );

  r.post(
    '/api/accountability',
    {
      schema: { tags, body: AccountabilityProposeRequest, response: { 200: AccountabilityDetail, ...errors } },
      preValidation: requireAuth(Permission.accountabilityPropose),
    },
    async (req) => service.propose(ctxOf(req, deps), req.body),
  );

  // One route per step, each with its own input contract; the table decides who may take it.
  for (const action of ACCOUNTABILITY_ACTIONS) {
    r.post(
      `/api/accountability/:id/actions/${action}`,
      {
        schema: {
          tags,
          params: IdParam,
          body: ACCOUNTABILITY_ACTION_INPUTS[action],
          response: { 200: AccountabilityDetail, ...errors },
        },
        preValidation: requireAuth(),
      },
      async (req) =>
        service.act(ctxOf(req, deps), req.params.id, action, req.body as AccountabilityActionData[typeof action]),
    );
  }
}
