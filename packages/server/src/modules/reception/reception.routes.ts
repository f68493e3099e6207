import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  IdParam,
  LookupQuery,
  LookupResult,
  MatterDetail,
  Notice,
  ReceptionUpdate,
  RegistrationRequest,
  RegistrationResult,
  RevealRequest,
  RevealResult,
} from '@hall/contracts';
import { Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { ReceptionService } from './reception.service.ts';
import { RegistrationService } from './registration.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function receptionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const registration = new RegistrationService(deps);
  const reception = new ReceptionService(deps);
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
    async (req) => reception.reveal(ctxOf(req, deps), req.params.id, req.body.field),
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

  r.put(
    '/api/matters/:id/reception',
    {
      schema: { tags, params: IdParam, body: ReceptionUpdate, response: { 200: MatterDetail, ...errors } },
      preValidation: requireAuth(Permission.matterDecide),
    },
    async (req) => reception.updateReception(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get(
    '/api/matters/:id/notice',
    { schema: { tags, params: IdParam, response: { 200: Notice, ...errors } }, preValidation: requireAuth() },
    async (req) => reception.notice(ctxOf(req, deps), req.params.id),
  );
}
