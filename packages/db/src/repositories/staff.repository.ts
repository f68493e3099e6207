import type { Kysely } from 'kysely';
import { jsonArrayOf, jsonValue } from '../dialect.ts';
import type { DB, StaffRow } from '../schema.ts';

export type StaffWithRoles = StaffRow & { roles: string[] };

export class StaffRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private async withRoles(rows: StaffRow[]): Promise<StaffWithRoles[]> {
    if (rows.length === 0) return [];
    const roles = await this.db
      .selectFrom('staff_role')
      .selectAll()
      .where(
        'staff_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('role')
      .execute();
    return rows.map((r) => ({ ...r, roles: roles.filter((x) => x.staff_id === r.id).map((x) => x.role) }));
  }

  async findByUsername(username: string) {
    const row = await this.db.selectFrom('staff_user').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? (await this.withRoles([row]))[0] : undefined;
  }
  async findById(id: number) {
    const row = await this.db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await this.withRoles([row]))[0] : undefined;
  }
  async list(hallId?: number) {
    let q = this.db.selectFrom('staff_user').selectAll();
    if (hallId !== undefined) q = q.where('hall_id', '=', hallId);
    return this.withRoles(await q.orderBy('id').execute());
  }
  async receptionists(hallId: number) {
    return (await this.list(hallId)).filter((s) => s.active && s.roles.includes('receptionist'));
  }
  insert(v: {
    username: string;
    display_name: string;
    password_hash: string;
    hall_id: number;
    window_id: number | null;
    unit_id?: number | null;
    active: number;
    created_at: string;
  }) {
    return this.db.insertInto('staff_user').values(v).returningAll().executeTakeFirstOrThrow();
  }
  update(
    id: number,
    v: Partial<{
      display_name: string;
      password_hash: string;
      hall_id: number;
      window_id: number | null;
      unit_id: number | null;
      active: number;
      failed_logins: number;
      locked_until: string | null;
    }>,
  ) {
    return this.db.updateTable('staff_user').set(v).where('id', '=', id).returningAll().executeTakeFirst();
  }
  async setRoles(staffId: number, roles: readonly string[]) {
    await this.db.deleteFrom('staff_role').where('staff_id', '=', staffId).execute();
    if (roles.length) {
      await this.db
        .insertInto('staff_role')
        .values(roles.map((role) => ({ staff_id: staffId, role })))
        .execute();
    }
  }
  /** Counts a failed sign-in atomically and returns the new count. */
  async recordFailedLogin(id: number) {
    const row = await this.db
      .updateTable('staff_user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return row.failed_logins;
  }
  /**
   * Claims one sign-in attempt before the password is evaluated (issue 8 §4): one atomic UPDATE that
   * counts the attempt only while the account is not locked and fewer than `max` attempts are counted,
   * so a burst of parallel sign-ins gets at most `max` password evaluations. Returns the attempt's
   * number, or null when the attempt is refused (locked, or `max` attempts already counted).
   */
  async claimLoginAttempt(id: number, now: string, max: number): Promise<number | null> {
    const row = await this.db
      .updateTable('staff_user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .where('failed_logins', '<', max)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('failed_logins')
      .executeTakeFirst();
    return row ? Number(row.failed_logins) : null;
  }

  createSession(v: { id: string; staff_id: number; created_at: string; last_seen_at: string }) {
    return this.db.insertInto('staff_session').values(v).execute();
  }
  /**
   * The session check of every request in one query: the session, its staff member and the roles
   * (issue 9 §2). Undefined when there is no such session.
   */
  async findSessionActor(id: string) {
    const array = jsonArrayOf(this.db);
    const row = await this.db
      .selectFrom('staff_session')
      .innerJoin('staff_user', 'staff_user.id', 'staff_session.staff_id')
      .selectAll('staff_user')
      .select(['staff_session.created_at as session_created_at', 'staff_session.last_seen_at as session_last_seen_at'])
      .select((eb) => array(eb.selectFrom('staff_role').select('staff_role.role').whereRef('staff_role.staff_id', '=', 'staff_user.id').orderBy('staff_role.role')).as('role_rows'))
      .where('staff_session.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { role_rows, session_created_at, session_last_seen_at, ...staff } = row;
    const roles = (jsonValue(role_rows) ?? []).map((x) => x.role);
    return { session: { created_at: session_created_at, last_seen_at: session_last_seen_at }, staff: { ...staff, roles } as StaffWithRoles };
  }
  findSession(id: string) {
    return this.db.selectFrom('staff_session').selectAll().where('id', '=', id).executeTakeFirst();
  }
  touchSession(id: string, at: string) {
    return this.db.updateTable('staff_session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }
  deleteSession(id: string) {
    return this.db.deleteFrom('staff_session').where('id', '=', id).execute();
  }
  deleteSessionsOf(staffId: number, exceptId?: string) {
    let q = this.db.deleteFrom('staff_session').where('staff_id', '=', staffId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.execute();
  }
}
