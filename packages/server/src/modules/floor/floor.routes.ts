/** The guide desk, the entry check and the disorder list (R2.2, R2.3, R4.1): see contracts/floor.ts for the list. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertsQuery,
  DisorderAlert,
  DisorderDecision,
  DisorderDetail,
  DisorderEntry,
  DisorderListQuery,
  ErrorBody,
  IdParam,
  IncidentInput,
  IsoDate,
  Lingering,
  Visit,
  VisitInput,
  VisitResult,
} from '@hall/contracts';
import { Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { DisorderService } from './disorder.service.ts';
import { VisitService } from './visit.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function floorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visits = new VisitService(deps);
  const disorder = new DisorderService(deps);
  const tags = ['floor'];

  // Security staff (entry:record) and the guide (guide:record): which part each may record is checked in the service.
  r.post(
    '/api/floor/visits',
    { preValidation: requireAuth(), schema: { tags, body: VisitInput, response: { 200: VisitResult, ...errors } } },
    (req) => visits.record(ctxOf(req, deps), req.body),
  );
  r.get(
    '/api/floor/visits',
    {
      preValidation: requireAuth(),
      schema: {
        tags,
        querystring: z.object({ date: IsoDate.optional() }),
        response: { 200: z.array(Visit), ...errors },
      },
    },
    (req) => visits.list(ctxOf(req, deps), req.query.date),
  );

  r.get(
    '/api/floor/lingering',
    { preValidation: requireAuth(), schema: { tags, response: { 200: Lingering, ...errors } } },
    (req) => visits.lingering(ctxOf(req, deps)),
  );

  r.post(
    '/api/floor/disorder/incidents',
    {
      preValidation: requireAuth(Permission.disorderRecord),
      schema: { tags, body: IncidentInput, response: { 200: DisorderEntry, ...errors } },
    },
    (req) => disorder.recordIncident(ctxOf(req, deps), req.body),
  );
  r.get(
    '/api/floor/disorder',
    {
      preValidation: requireAuth(Permission.disorderRead),
      schema: { tags, querystring: DisorderListQuery, response: { 200: z.array(DisorderEntry), ...errors } },
    },
    (req) => disorder.list(ctxOf(req, deps), req.query.status),
  );
  r.get(
    '/api/floor/disorder/:id',
    {
      preValidation: requireAuth(Permission.disorderRead),
      schema: { tags, params: IdParam, response: { 200: DisorderDetail, ...errors } },
    },
    (req) => disorder.get(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/api/floor/disorder/:id/decide',
    {
      preValidation: requireAuth(Permission.disorderApprove),
      schema: { tags, params: IdParam, body: DisorderDecision, response: { 200: DisorderDetail, ...errors } },
    },
    (req) => disorder.decide(ctxOf(req, deps), req.params.id, req.body),
  );

  // The guide and leaders (disorder:read) see the hall's alerts; window staff their window's (checked in the service).
  r.get(
    '/api/floor/alerts',
    {
      preValidation: requireAuth(),
      schema: { tags, querystring: AlertsQuery, response: { 200: z.array(DisorderAlert), ...errors } },
    },
    (req) => disorder.alerts(ctxOf(req, deps), req.query.all),
  );
  r.post(
    '/api/floor/alerts/:id/ack',
    { preValidation: requireAuth(), schema: { tags, params: IdParam, response: { 200: DisorderAlert, ...errors } } },
    (req) => disorder.acknowledge(ctxOf(req, deps), req.params.id),
  );
}
