import { hash, verify } from '@node-rs/argon2';
import type { Me } from '@hall/contracts';
import { DomainError, chinaDate, invalid, type Lang, permissionsOf, type Role } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Actor, Ctx, Deps } from '../../context.ts';
import { hashToken, newToken } from '../../plugins/auth.ts';

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | null = null;

export const hashPassword = (password: string) => hash(password);

export function checkPasswordStrength(password: string, field = 'newPassword') {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw invalid('auth.weakPassword', {}, field);
  }
}

const chinaTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${chinaDate(new Date(iso))} ${d.toISOString().slice(11, 16)}`;
};

export class AuthService {
  constructor(private readonly deps: Deps) {}

  async login(username: string, password: string, meta: { requestId: string; lang: Lang }): Promise<{ token: string; me: Me }> {
    const { db } = this.deps.database;
    const repos = repositories(db);
    const now = this.deps.clock();
    const staff = await repos.staff.findByUsername(username);
    if (!staff) {
      dummyHash ??= hash('not-a-password-0');
      await verify(await dummyHash, password).catch(() => false);
      throw new DomainError('unauthenticated', 'auth.badCredentials');
    }
    if (!staff.active) throw new DomainError('forbidden', 'auth.inactive');
    if (staff.locked_until && Date.parse(staff.locked_until) > now.getTime()) {
      throw new DomainError('locked', 'auth.locked', { until: chinaTime(staff.locked_until) });
    }
    const ok = await verify(staff.password_hash, password).catch(() => false);
    if (!ok) {
      const lockedUntil = await db.transaction().execute(async (trx) => {
        const r = repositories(trx);
        const count = await r.staff.recordFailedLogin(staff.id);
        if (count < this.deps.config.lockoutAttempts) return null;
        const until = new Date(now.getTime() + this.deps.config.lockoutMinutes * 60_000).toISOString();
        await r.staff.update(staff.id, { failed_logins: 0, locked_until: until });
        await r.audit.insert({
          at: now.toISOString(),
          actorId: null,
          requestId: meta.requestId,
          entity: 'staff',
          entityId: staff.id,
          action: 'staff.locked',
          after: { lockedUntil: until, attempts: count },
        });
        return until;
      });
      if (lockedUntil) throw new DomainError('locked', 'auth.locked', { until: chinaTime(lockedUntil) });
      throw new DomainError('unauthenticated', 'auth.badCredentials');
    }
    const token = newToken();
    await db.transaction().execute(async (trx) => {
      const r = repositories(trx);
      await r.staff.update(staff.id, { failed_logins: 0, locked_until: null });
      await r.staff.createSession({
        id: hashToken(token),
        staff_id: staff.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
      });
      await r.audit.insert({
        at: now.toISOString(),
        actorId: staff.id,
        requestId: meta.requestId,
        entity: 'staff',
        entityId: staff.id,
        action: 'staff.login',
      });
    });
    const me = await this.me({
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      roles: staff.roles as Role[],
      permissions: new Set(),
      hallId: staff.hall_id,
      windowId: staff.window_id,
      unitId: staff.unit_id,
      sessionId: hashToken(token),
    });
    return { token, me };
  }

  async logout(actor: Actor) {
    await repositories(this.deps.database.db).staff.deleteSession(actor.sessionId);
  }

  async me(actor: Actor): Promise<Me> {
    const repos = repositories(this.deps.database.db);
    const [hall, window, unit] = await Promise.all([
      repos.org.getHall(actor.hallId),
      actor.windowId ? repos.org.getWindow(actor.windowId) : undefined,
      actor.unitId ? repos.org.getUnit(actor.unitId) : undefined,
    ]);
    return {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.roles,
      permissions: [...permissionsOf(actor.roles)],
      hallId: actor.hallId,
      hallName: hall?.name ?? '',
      windowId: actor.windowId,
      windowName: window?.name ?? null,
      unitId: actor.unitId,
      unitName: unit?.name ?? null,
    };
  }

  async changePassword(ctx: Ctx, currentPassword: string, newPassword: string) {
    const { db } = this.deps.database;
    const staff = await repositories(db).staff.findById(ctx.actor.id);
    if (!staff || !(await verify(staff.password_hash, currentPassword).catch(() => false))) {
      throw invalid('auth.wrongPassword', {}, 'currentPassword');
    }
    checkPasswordStrength(newPassword);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction().execute(async (trx) => {
      const r = repositories(trx);
      await r.staff.update(staff.id, { password_hash: passwordHash });
      // Other sessions of this account end: a changed password should lock out whoever knew the old one.
      await r.staff.deleteSessionsOf(staff.id, ctx.actor.sessionId);
      await r.audit.insert({
        at: ctx.now.toISOString(),
        actorId: ctx.actor.id,
        requestId: ctx.requestId,
        entity: 'staff',
        entityId: staff.id,
        action: 'staff.passwordChanged',
      });
    });
  }
}
