import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, Environment, ErrorBody, LoginRequest, Me, Ok, SESSION_COOKIE } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { cookieOptions, ctxOf, requireAuth } from '../../plugins/auth.ts';
import { langOf } from '../../plugins/errors.ts';
import { AuthService } from './auth.service.ts';

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = new AuthService(deps);

  // GET /api/health and /api/health/ready: modules/system/system.routes.ts

  // Public: the sign-in page shows the 演示环境 banner too.
  r.get('/api/public/environment', { schema: { tags: ['system'], response: { 200: Environment } } }, () =>
    service.environment(),
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: LoginRequest,
        response: { 200: Me, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { token, me } = await service.login(req.body.username, req.body.password, {
        requestId: String(req.id),
        lang: langOf(req),
        address: req.ip,
        oldSessionToken: req.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps));
      return me;
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    if (req.actor) await service.logout(ctxOf(req, deps));
    // Cleared with the attributes it was set with, or a browser may keep it.
    reply.clearCookie(SESSION_COOKIE, cookieOptions(deps));
    return { ok: true as const };
  });

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: Me } }, preValidation: requireAuth() },
    async (req) => service.me(req.actor!),
  );

  r.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Ok } }, preValidation: requireAuth() },
    async (req, reply) => {
      const token = await service.changePassword(ctxOf(req, deps), req.body.currentPassword, req.body.newPassword);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps));
      return { ok: true as const };
    },
  );
}
