/**
 * Sessions: an opaque random token in an httpOnly, SameSite=Strict cookie; the database keeps only
 * its SHA-256. A session idle longer than the configured minutes, or older than the configured hours
 * (absolute lifetime), is gone. A sign-in and a password change issue a fresh token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '@hall/contracts';
import { DomainError, type Permission, type Role, can, permissionsOf } from '@hall/domain';
import { isDatabaseUnavailable, repositories } from '@hall/db';
import type { Actor, Ctx, Deps } from '../context.ts';
import { langOf } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export function cookieOptions(deps: Deps) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.secureCookie,
    path: '/',
  };
}

export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const repos = repositories(deps.database.db);
    const id = hashToken(token);
    const found = await repos.staff.findSessionActor(id);
    if (!found) return;
    const { session, staff } = found;
    const now = deps.clock();
    const idleMs = deps.config.sessionIdleMinutes * 60_000;
    const maxMs = deps.config.sessionMaxHours * 3600_000;
    // Idle too long, or older than the absolute lifetime however active (HALL_SESSION_MAX_HOURS).
    const idle = Date.parse(session.last_seen_at) + idleMs < now.getTime();
    if (idle || Date.parse(session.created_at) + maxMs <= now.getTime()) {
      await repos.staff.deleteSession(id);
      return;
    }
    if (!staff.active) return;
    // Touch at most once a minute: one write per request would be wasted work.
    if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
      // Best effort: a full or read-only database (SQLite) still serves reads (issue 8 §1).
      await repos.staff.touchSession(id, now.toISOString()).catch((err: unknown) => {
        if (!isDatabaseUnavailable(err)) throw err;
        req.log.warn({ err }, 'session not touched: database unavailable');
      });
    }
    const roles = staff.roles as Role[];
    req.actor = {
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      roles,
      permissions: permissionsOf(roles),
      hallId: staff.hall_id,
      windowId: staff.window_id,
      unitId: staff.unit_id,
      sessionId: id,
    };
  });
}

/** Route guard: signed in, and (optionally) holding a permission. */
export function requireAuth(permission?: Permission) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.actor) throw new DomainError('unauthenticated', 'auth.required');
    if (permission && !can(req.actor.roles, permission)) throw new DomainError('forbidden', 'auth.forbidden');
  };
}

export function ctxOf(req: FastifyRequest, deps: Deps): Ctx {
  if (!req.actor) throw new DomainError('unauthenticated', 'auth.required');
  return { actor: req.actor, requestId: String(req.id), now: deps.clock(), lang: langOf(req) };
}
