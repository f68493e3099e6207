import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Holiday years an administrator added, and alerts for the administrator. */
export class CalendarRepository {
  constructor(private readonly db: Kysely<DB>) {}

  years() {
    return this.db.selectFrom('holiday_year').selectAll().orderBy('year').execute();
  }
  async saveYear(v: { year: number; holidays: string; workdays: string; source: string; updated_at: string; updated_by: number | null }) {
    await this.db.deleteFrom('holiday_year').where('year', '=', v.year).execute();
    await this.db.insertInto('holiday_year').values(v).execute();
  }
  deleteYear(year: number) {
    return this.db.deleteFrom('holiday_year').where('year', '=', year).execute();
  }

  /** Raises an alert once per key; a resolved one opens again. Returns whether it is new or reopened. */
  async raiseAlert(v: { kind: string; key: string; params: string | null; created_at: string }) {
    const row = await this.db
      .insertInto('admin_alert')
      .values({ ...v, resolved_at: null })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ resolved_at: null, created_at: v.created_at, params: v.params })
          .where('admin_alert.resolved_at', 'is not', null),
      )
      .returning('id')
      .executeTakeFirst();
    return Boolean(row);
  }
  openAlerts() {
    return this.db.selectFrom('admin_alert').selectAll().where('resolved_at', 'is', null).orderBy('id').execute();
  }
  resolveAlerts(kind: string, keys: readonly string[], at: string) {
    if (keys.length === 0) return Promise.resolve();
    return this.db.updateTable('admin_alert').set({ resolved_at: at }).where('kind', '=', kind).where('key', 'in', keys).execute().then(() => undefined);
  }
}
