/**
 * Health checks (issue 8 §1). `GET /api/health` is liveness: the process answers; it does not touch the
 * database, so an orchestrator never restarts healthy instances because PostgreSQL blipped.
 * `GET /api/health/ready` is readiness: a trivial query within a short timeout; 503 db.unavailable
 * (with Retry-After, through the one error handler) while the database is unreachable, so a load
 * balancer in front of several instances stops sending them work until it is back.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Health, Ready } from '@hall/contracts';
import type { Deps } from '../../context.ts';

/** How long readiness waits for the database's answer. */
export const READY_TIMEOUT_MS = 2000;

export function systemRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    database: deps.database.dialect,
  }));

  r.get('/api/health/ready', { schema: { tags: ['system'], response: { 200: Ready, 503: ErrorBody } } }, async () => {
    await deps.database.ping(READY_TIMEOUT_MS);
    return { status: 'ready' as const, database: deps.database.dialect };
  });
}
