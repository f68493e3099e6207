import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export class OrgRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listHalls() {
    return this.db.selectFrom('hall').selectAll().orderBy('id').execute();
  }
  getHall(id: number) {
    return this.db.selectFrom('hall').selectAll().where('id', '=', id).executeTakeFirst();
  }
  insertHall(v: { code: string; name: string; kind: string; active: number }) {
    return this.db.insertInto('hall').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateHall(id: number, v: { code: string; name: string; kind: string; active: number }) {
    return this.db.updateTable('hall').set(v).where('id', '=', id).returningAll().executeTakeFirst();
  }

  listWindows(hallId?: number) {
    let q = this.db.selectFrom('hall_window').selectAll();
    if (hallId !== undefined) q = q.where('hall_id', '=', hallId);
    return q.orderBy('hall_id').orderBy('number').execute();
  }
  getWindow(id: number) {
    return this.db.selectFrom('hall_window').selectAll().where('id', '=', id).executeTakeFirst();
  }
  insertWindow(v: { hall_id: number; number: number; name: string; kind: string; unit_id: number | null; active: number }) {
    return this.db.insertInto('hall_window').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateWindow(
    id: number,
    v: { hall_id: number; number: number; name: string; kind: string; unit_id: number | null; active: number },
  ) {
    return this.db.updateTable('hall_window').set(v).where('id', '=', id).returningAll().executeTakeFirst();
  }

  listUnits() {
    return this.db.selectFrom('unit').selectAll().orderBy('id').execute();
  }
  getUnit(id: number) {
    return this.db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  }
  getUnits(ids: readonly number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('unit').selectAll().where('id', 'in', ids).execute();
  }
  unitsOfDivision(code: string) {
    return this.db.selectFrom('unit').selectAll().where('division_code', '=', code).execute();
  }
  insertUnit(v: { name: string; kind: string; division_code: string | null; active: number }) {
    return this.db.insertInto('unit').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateUnit(id: number, v: { name: string; kind: string; division_code: string | null; active: number }) {
    return this.db.updateTable('unit').set(v).where('id', '=', id).returningAll().executeTakeFirst();
  }

  listDivisions() {
    return this.db.selectFrom('division').selectAll().orderBy('code').execute();
  }
  getDivision(code: string) {
    return this.db.selectFrom('division').selectAll().where('code', '=', code).executeTakeFirst();
  }
  insertDivision(v: { code: string; name: string; level: string; parent_code: string | null }) {
    return this.db.insertInto('division').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateDivision(code: string, v: { name: string; level: string; parent_code: string | null }) {
    return this.db.updateTable('division').set(v).where('code', '=', code).returningAll().executeTakeFirst();
  }

  listCategories() {
    return this.db.selectFrom('content_category').selectAll().orderBy('sort').orderBy('code').execute();
  }
  getCategory(id: number) {
    return this.db.selectFrom('content_category').selectAll().where('id', '=', id).executeTakeFirst();
  }
  insertCategory(v: { code: string; name: string; name_en: string | null; parent_id: number | null; sort: number; active: number }) {
    return this.db.insertInto('content_category').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateCategory(
    id: number,
    v: { code: string; name: string; name_en: string | null; parent_id: number | null; sort: number; active: number },
  ) {
    return this.db.updateTable('content_category').set(v).where('id', '=', id).returningAll().executeTakeFirst();
  }

  listRoutes(hallId: number) {
    return this.db.selectFrom('category_route').selectAll().where('hall_id', '=', hallId).execute();
  }
  getRoute(hallId: number, categoryId: number) {
    return this.db
      .selectFrom('category_route')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('category_id', '=', categoryId)
      .executeTakeFirst();
  }
  async setRoute(hallId: number, categoryId: number, windowId: number | null) {
    await this.db.deleteFrom('category_route').where('hall_id', '=', hallId).where('category_id', '=', categoryId).execute();
    if (windowId !== null) {
      await this.db.insertInto('category_route').values({ hall_id: hallId, category_id: categoryId, window_id: windowId }).execute();
    }
  }
}
