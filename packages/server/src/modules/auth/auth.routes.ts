import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, ErrorBody, Health, LoginRequest, Me, Ok, SESSION_COOKIE } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { cookieOptions, ctxOf, requireAuth } from '../../plugins/auth.ts';
import { langOf } from '../../plugins/errors.ts';
import { AuthService } from './auth.service.ts';

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = new AuthService(deps);

  r.get('/api/health', { schema: { tags: ['system'], response: { 200: Health } } }, async () => {
    await deps.database.db.selectFrom('hall').select('id').limit(1).execute();
    return { status: 'ok' as const, database: deps.database.dialect };
  });

  r.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginRequest, response: { 200: Me, 401: ErrorBody, 423: ErrorBody } } },
    async (req, reply) => {
      const { token, me } = await service.login(req.body.username, req.body.password, {
        requestId: String(req.id),
        lang: langOf(req),
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps));
      return me;
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    if (req.actor) await service.logout(req.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me } }, preHandler: requireAuth() }, async (req) =>
    service.me(req.actor!),
  );

  r.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Ok } }, preHandler: requireAuth() },
    async (req) => {
      await service.changePassword(ctxOf(req, deps), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
