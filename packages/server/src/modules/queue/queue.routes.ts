/**
 * The queue (issue 4, R2.1): administrator, kiosk and staff routes; see contracts/queue.ts for the
 * list. The display board's routes are in board.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallInput,
  ErrorBody,
  HallCodeParam,
  IdParam,
  KioskInfo,
  KioskTicketInput,
  PresentResult,
  Priority,
  PriorityList,
  QueueService,
  QueueStats,
  QueueStatsQuery,
  ServiceInput,
  StaffTicketInput,
  TicketActionInput,
  TicketDetail,
  TicketPrint,
  TransferInput,
  WindowPanel,
} from '@hall/contracts';
import { Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { langOf } from '../../plugins/errors.ts';
import { RateLimiter } from '../../rate-limit.ts';
import { CallingService } from './calling.service.ts';
import { KioskService } from './kiosk.service.ts';
import { QueueConfigService } from './queue-config.service.ts';
import { QueueStatsService } from './queue-stats.service.ts';
import { TicketIssueService } from './ticket-issue.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function queueRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = new QueueConfigService(deps);
  const kiosk = new KioskService(deps);
  const issuing = new TicketIssueService(deps);
  const calling = new CallingService(deps);
  const statistics = new QueueStatsService(deps);
  const limiter = new RateLimiter(deps);
  const tags = ['queue'];
  const manage = { preValidation: requireAuth(Permission.queueManage) };
  const serve = { preValidation: requireAuth(Permission.queueServe) };

  // Administrator (reading the services and groups: any signed-in staff of the hall).
  r.get(
    '/api/queue/services',
    { preValidation: requireAuth(), schema: { tags, response: { 200: z.array(QueueService), ...errors } } },
    (req) => config.listServices(ctxOf(req, deps)),
  );
  r.post(
    '/api/queue/services',
    { ...manage, schema: { tags, body: ServiceInput, response: { 200: QueueService, ...errors } } },
    (req) => config.saveService(ctxOf(req, deps), null, req.body),
  );
  r.put(
    '/api/queue/services/:id',
    { ...manage, schema: { tags, params: IdParam, body: ServiceInput, response: { 200: QueueService, ...errors } } },
    (req) => config.saveService(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/api/queue/priorities',
    { preValidation: requireAuth(), schema: { tags, response: { 200: z.array(Priority), ...errors } } },
    (req) => config.listPriorities(ctxOf(req, deps)),
  );
  r.put(
    '/api/queue/priorities',
    { ...manage, schema: { tags, body: PriorityList, response: { 200: z.array(Priority), ...errors } } },
    (req) => config.savePriorities(ctxOf(req, deps), req.body),
  );

  // Kiosk: public per hall code, no personal data in the answers (docs/decisions.md).
  r.get(
    '/api/public/halls/:hallCode/kiosk',
    { schema: { tags: ['kiosk'], params: HallCodeParam, response: { 200: KioskInfo, ...errors } } },
    (req) => kiosk.kiosk(req.params.hallCode, deps.clock()),
  );
  r.post(
    '/api/public/halls/:hallCode/tickets',
    {
      schema: {
        tags: ['kiosk'],
        params: HallCodeParam,
        body: KioskTicketInput,
        response: { 200: TicketPrint, ...errors, 429: ErrorBody },
      },
      // The kiosk needs no sign-in, so a limit per address keeps a script from taking the day's numbers.
      // Counted in the database before the body is read: it holds across every instance (issue 8 §4).
      onRequest: async (req) =>
        limiter.enforce(
          { bucket: `kiosk:ip:${req.ip}`, max: deps.config.kioskTicketsPerMinute, windowSeconds: 60 },
          'kiosk.tooMany',
        ),
    },
    (req) =>
      kiosk.kioskTicket(req.params.hallCode, req.body, {
        now: deps.clock(),
        requestId: String(req.id),
        lang: langOf(req),
      }),
  );

  // Staff
  r.post(
    '/api/queue/tickets',
    {
      preValidation: requireAuth(Permission.queueIssue),
      schema: { tags, body: StaffTicketInput, response: { 200: TicketPrint, ...errors } },
    },
    (req) => issuing.staffTicket(ctxOf(req, deps), req.body),
  );
  r.get('/api/queue/window', { ...serve, schema: { tags, response: { 200: WindowPanel, ...errors } } }, (req) =>
    calling.panel(ctxOf(req, deps)),
  );
  r.post(
    '/api/queue/window/call-next',
    { ...serve, schema: { tags, response: { 200: TicketDetail, ...errors } } },
    (req) => calling.callNext(ctxOf(req, deps)),
  );
  r.post(
    '/api/queue/window/call',
    { ...serve, schema: { tags, body: CallInput, response: { 200: TicketDetail, ...errors } } },
    (req) => calling.call(ctxOf(req, deps), req.body.number),
  );
  r.post(
    '/api/queue/window/present',
    { ...serve, schema: { tags, body: CallInput, response: { 200: PresentResult, ...errors } } },
    (req) => calling.present(ctxOf(req, deps), req.body.number),
  );
  r.post(
    '/api/queue/tickets/:id/action',
    {
      ...serve,
      schema: { tags, params: IdParam, body: TicketActionInput, response: { 200: TicketDetail, ...errors } },
    },
    (req) => calling.action(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/queue/tickets/:id/transfer',
    { ...serve, schema: { tags, params: IdParam, body: TransferInput, response: { 200: TicketDetail, ...errors } } },
    (req) => calling.transfer(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get(
    '/api/queue/tickets/:id',
    { ...serve, schema: { tags, params: IdParam, response: { 200: TicketDetail, ...errors } } },
    (req) => calling.view(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/api/queue/stats',
    {
      preValidation: requireAuth(Permission.queueStats),
      schema: { tags, querystring: QueueStatsQuery, response: { 200: QueueStats, ...errors } },
    },
    (req) => statistics.stats(ctxOf(req, deps), req.query),
  );
}
