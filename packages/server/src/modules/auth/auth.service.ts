import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me } from '@hall/contracts';
import { DomainError, chinaDateTime, invalid, type Lang, permissionsOf, type Role } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Actor, Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { hashToken, newToken } from '../../plugins/auth.ts';
import { audit, auditAs } from '../../audit.ts';
import { RateLimiter } from '../../rate-limit.ts';

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | null = null;

export const hashPassword = (password: string) => hash(password);

export function checkPasswordStrength(password: string, field = 'newPassword') {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw invalid('auth.weakPassword', {}, field);
  }
}

export class AuthService {
  private readonly limiter: RateLimiter;
  /** A hash to evaluate when the user does not exist, made with the same parameters as real ones. */
  private readonly dummyHash: Promise<string>;
  constructor(private readonly deps: Deps) {
    this.limiter = new RateLimiter(deps);
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    this.dummyHash = dummyHash;
  }

  /**
   * Sign-in (issue 8 §4). In order: the limits per address and per username (every instance
   * together); one attempt claimed atomically before the password is evaluated, so that a burst gets
   * at most HALL_LOCKOUT_ATTEMPTS evaluations and the last of them locks; an unknown username is
   * answered exactly like a known one (a dummy hash is evaluated, and after as many failures it is
   * "locked" as long). Every outcome but a 429 writes an audit row; never the password or the token.
   */
  async login(
    username: string,
    password: string,
    meta: { requestId: string; lang: Lang; address: string; oldSessionToken?: string },
  ): Promise<{ token: string; me: Me }> {
    const { config } = this.deps;
    const repos = repositories(this.deps.database.db);
    const now = this.deps.clock();
    const at = now.toISOString();
    const who = (actorId: number | null) => ({ actorId, at, requestId: meta.requestId });
    const userKey = createHash('sha256').update(username.normalize('NFC').toLowerCase()).digest('hex').slice(0, 32);
    const lockout = { bucket: `login:unknown:${userKey}`, windowSeconds: config.lockoutMinutes * 60 };
    const lockedError = (until: string) => new DomainError('locked', 'auth.locked', { until: chinaDateTime(until) });
    const failed = (entityId: number | string, reason: string, extra: Record<string, unknown> = {}) =>
      transact(this.deps, (r) =>
        auditAs(r, who(null), {
          entity: 'staff',
          entityId,
          action: 'staff.loginFailed',
          after: { reason, address: meta.address, ...extra },
        }),
      );

    const perMinute = (bucket: string, max: number) => ({ bucket, max, windowSeconds: 60 });
    await this.limiter.enforce(perMinute(`login:ip:${meta.address}`, config.loginAddressPerMinute), 'auth.tooMany');
    await this.limiter.enforce(perMinute(`login:user:${userKey}`, config.loginUsernamePerMinute), 'auth.tooMany');

    const staff = await repos.staff.findByUsername(username);
    if (!staff) {
      // No such account: the same answers, the same work, in the same order as for a wrong password.
      const { hits, expiresAt } = await this.limiter.hit({ ...lockout, max: config.lockoutAttempts });
      if (hits > config.lockoutAttempts) {
        await failed('unknown', 'locked');
        throw lockedError(expiresAt);
      }
      await verify(await this.dummyHash, password).catch(() => false);
      await failed('unknown', 'unknownUser');
      if (hits < config.lockoutAttempts) throw new DomainError('unauthenticated', 'auth.badCredentials');
      throw lockedError(await this.limiter.restart(lockout, hits, lockout.windowSeconds));
    }

    const attempt = await repos.staff.claimLoginAttempt(staff.id, at, config.lockoutAttempts);
    if (attempt === null) {
      // Locked, or the last allowed attempts are being evaluated right now (their failure locks).
      const current = await repos.staff.findById(staff.id);
      const until =
        current?.locked_until && Date.parse(current.locked_until) > now.getTime()
          ? current.locked_until
          : new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString();
      await failed(staff.id, 'locked');
      throw lockedError(until);
    }
    const ok = await verify(staff.password_hash, password).catch(() => false);
    if (!ok) {
      const lockedUntil = await transact(this.deps, async (r) => {
        await auditAs(r, who(null), {
          entity: 'staff',
          entityId: staff.id,
          action: 'staff.loginFailed',
          after: { reason: 'wrongPassword', address: meta.address, attempt },
        });
        if (attempt < config.lockoutAttempts) return null;
        const until = new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString();
        await r.staff.update(staff.id, { failed_logins: 0, locked_until: until });
        await auditAs(r, who(null), {
          entity: 'staff',
          entityId: staff.id,
          action: 'staff.locked',
          after: { lockedUntil: until, attempts: attempt },
        });
        return until;
      });
      if (lockedUntil) throw lockedError(lockedUntil);
      throw new DomainError('unauthenticated', 'auth.badCredentials');
    }
    if (!staff.active) {
      // Said only to someone who knows the password.
      await transact(this.deps, async (r) => {
        await r.staff.update(staff.id, { failed_logins: 0 });
        await auditAs(r, who(null), {
          entity: 'staff',
          entityId: staff.id,
          action: 'staff.loginFailed',
          after: { reason: 'inactive', address: meta.address },
        });
      });
      throw new DomainError('forbidden', 'auth.inactive');
    }
    // A fresh session id at every sign-in; a session cookie sent along with the sign-in is ended.
    const token = newToken();
    await transact(this.deps, async (r) => {
      await r.staff.update(staff.id, { failed_logins: 0, locked_until: null });
      if (meta.oldSessionToken) await r.staff.deleteSession(hashToken(meta.oldSessionToken));
      await r.staff.createSession({ id: hashToken(token), staff_id: staff.id, created_at: at, last_seen_at: at });
      await auditAs(r, who(staff.id), {
        entity: 'staff',
        entityId: staff.id,
        action: 'staff.login',
        after: { address: meta.address },
        hallId: staff.hall_id,
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

  async logout(ctx: Ctx) {
    await transact(this.deps, async (r) => {
      await r.staff.deleteSession(ctx.actor.sessionId);
      await audit(r, ctx, { entity: 'staff', entityId: ctx.actor.id, action: 'staff.logout' });
    });
  }

  /** Whether the installation runs on demo data (recorded when the demo was seeded). */
  async environment(): Promise<{ demo: boolean }> {
    return { demo: (await repositories(this.deps.database.db).settings.get('demo')) === 'true' };
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

  /** Returns the token of a fresh session: every session of the account (this one too) has ended. */
  async changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<string> {
    const { db } = this.deps.database;
    // The current password is checked with argon2 too: as limited as a sign-in for the same account.
    await this.limiter.enforce(
      { bucket: `password:staff:${ctx.actor.id}`, max: this.deps.config.loginUsernamePerMinute, windowSeconds: 60 },
      'auth.tooMany',
    );
    const staff = await repositories(db).staff.findById(ctx.actor.id);
    if (!staff || !(await verify(staff.password_hash, currentPassword).catch(() => false))) {
      throw invalid('auth.wrongPassword', {}, 'currentPassword');
    }
    checkPasswordStrength(newPassword);
    const passwordHash = await hashPassword(newPassword);
    const token = newToken();
    const at = ctx.now.toISOString();
    await transact(this.deps, async (r) => {
      await r.staff.update(staff.id, { password_hash: passwordHash });
      // Every session of this account ends (a changed password locks out whoever knew the old one);
      // this browser goes on with a fresh session id.
      await r.staff.deleteSessionsOf(staff.id);
      await r.staff.createSession({ id: hashToken(token), staff_id: staff.id, created_at: at, last_seen_at: at });
      await audit(r, ctx, {
        entity: 'staff',
        entityId: staff.id,
        action: 'staff.passwordChanged',
      });
    });
    return token;
  }
}
