import type { Kysely } from 'kysely';
import { jsonArrayOf, jsonObjectOf, jsonValue as parsed } from '../dialect.ts';
import type { DB } from '../schema.ts';

export class OrgRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Everything a registration checks and proposes from, in one query (issue 9 §3: reference data
   * read before the writes): the hall, the window, the receptionist with his roles, the category,
   * the locality, the named units, and the units of the locality (R1.8). Undefined without the hall.
   */
  async registrationRefs(f: { hallId: number; windowId: number; receptionistId: number | null; categoryId: number; localityCode: string; unitIds: readonly number[]; idHashes: readonly string[] }) {
    const array = jsonArrayOf(this.db);
    const object = jsonObjectOf(this.db);
    const unitIds = f.unitIds.length ? [...f.unitIds] : [-1];
    const row = await this.db
      .selectFrom('hall')
      .select(['hall.id', 'hall.code', 'hall.name'])
      .select((eb) => [
        object(
          eb.selectFrom('hall_window').select(['hall_window.id', 'hall_window.hall_id', 'hall_window.number', 'hall_window.name', 'hall_window.kind', 'hall_window.unit_id', 'hall_window.active']).where('hall_window.id', '=', f.windowId),
        ).as('window'),
        object(
          eb
            .selectFrom('staff_user')
            .select(['staff_user.id', 'staff_user.active', 'staff_user.window_id'])
            .select((e2) => array(e2.selectFrom('staff_role').select('staff_role.role').whereRef('staff_role.staff_id', '=', 'staff_user.id')).as('roles'))
            .where('staff_user.id', '=', f.receptionistId ?? -1),
        ).as('receptionist'),
        object(eb.selectFrom('content_category').select(['content_category.id', 'content_category.name']).where('content_category.id', '=', f.categoryId)).as('category'),
        object(eb.selectFrom('division').select(['division.code', 'division.name', 'division.level']).where('division.code', '=', f.localityCode)).as('locality'),
        array(eb.selectFrom('unit').select(['unit.id', 'unit.name']).where('unit.id', 'in', unitIds).orderBy('unit.id')).as('units'),
        array(eb.selectFrom('unit').select(['unit.id']).where('unit.division_code', '=', f.localityCode).orderBy('unit.id')).as('locality_units'),
        // R2.3: the person's entries on the hall's disorder list, by the document's lookup hashes.
        array(
          eb
            .selectFrom('disorder_entry')
            .select(['disorder_entry.id', 'disorder_entry.status', 'disorder_entry.expires_on'])
            .whereRef('disorder_entry.hall_id', '=', 'hall.id')
            .where('disorder_entry.id_hash', 'in', f.idHashes.length ? [...f.idHashes] : ['-'])
            .orderBy('disorder_entry.id', 'desc'),
        ).as('disorder_entries'),
      ])
      .where('hall.id', '=', f.hallId)
      .executeTakeFirst();
    if (!row) return undefined;
    const receptionist = parsed(row.receptionist);
    return {
      hall: { id: row.id, code: row.code, name: row.name },
      window: parsed(row.window),
      receptionist: receptionist ? { ...receptionist, roles: (parsed(receptionist.roles) ?? []).map((x) => x.role) } : null,
      category: parsed(row.category),
      locality: parsed(row.locality),
      units: parsed(row.units) ?? [],
      localityUnits: parsed(row.locality_units) ?? [],
      disorderEntries: parsed(row.disorder_entries) ?? [],
    };
  }

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
