import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTION_INPUTS,
  type ActionData,
  ErrorBody,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  IdParam,
  LookupQuery,
  LookupResult,
  MatterDetail,
  MatterListQuery,
  MatterSummary,
  Notice,
  ReceptionUpdate,
  RegistrationRequest,
  RegistrationResult,
  RevealRequest,
  RevealResult,
} from '@hall/contracts';
import { MATTER_ACTIONS, Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { MatterService } from '../cases/case.service.ts';
import { RegistrationService } from './registration.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function receptionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const registration = new RegistrationService(deps);
  const matters = new MatterService(deps);
  const tags = ['reception'];

  r.get(
    '/api/petitioners/lookup',
    {
      schema: { tags, querystring: LookupQuery, response: { 200: LookupResult, ...errors } },
      preValidation: requireAuth(Permission.visitorRegister),
    },
    async (req) => registration.lookup(ctxOf(req, deps), req.query.idType, req.query.idNumber),
  );

  r.post(
    '/api/petitioners/:id/reveal',
    {
      schema: { tags, params: IdParam, body: RevealRequest, response: { 200: RevealResult, ...errors } },
      preValidation: requireAuth(Permission.piiReveal),
    },
    async (req) => matters.reveal(ctxOf(req, deps), req.params.id, req.body.field),
  );

  r.post(
    '/api/registrations',
    {
      schema: {
        tags,
        headers: z.object({ [IDEMPOTENCY_HEADER]: IdempotencyKey.optional() }),
        body: RegistrationRequest,
        response: { 200: RegistrationResult, ...errors },
      },
      preValidation: requireAuth(Permission.visitorRegister),
    },
    async (req) => registration.register(ctxOf(req, deps), req.body, req.headers[IDEMPOTENCY_HEADER]),
  );

  r.get(
    '/api/matters',
    { schema: { tags, querystring: MatterListQuery, response: { 200: z.array(MatterSummary), ...errors } }, preValidation: requireAuth() },
    async (req) => matters.list(ctxOf(req, deps), req.query),
  );

  r.get(
    '/api/matters/:id',
    { schema: { tags, params: IdParam, response: { 200: MatterDetail, ...errors } }, preValidation: requireAuth() },
    async (req) => matters.get(ctxOf(req, deps), req.params.id),
  );

  r.put(
    '/api/matters/:id/reception',
    {
      schema: { tags, params: IdParam, body: ReceptionUpdate, response: { 200: MatterDetail, ...errors } },
      preValidation: requireAuth(Permission.matterDecide),
    },
    async (req) => matters.updateReception(ctxOf(req, deps), req.params.id, req.body),
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

  r.get(
    '/api/matters/:id/notice',
    { schema: { tags, params: IdParam, response: { 200: Notice, ...errors } }, preValidation: requireAuth() },
    async (req) => matters.notice(ctxOf(req, deps), req.params.id),
  );
}
