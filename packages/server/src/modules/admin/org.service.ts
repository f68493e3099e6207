/**
 * The organisation as data (R1.0): halls, windows, units, divisions, the category tree and its
 * routing to windows, staff. Every change is audited in its transaction.
 */
import type {
  CategoryInput,
  CategoryRouteInput,
  DivisionInput,
  HallInput,
  Reference,
  StaffCreate,
  StaffUpdate,
  UnitInput,
  WindowInput,
} from '@hall/contracts';
import { DomainError, type Role, fieldLabel, invalid, notFound } from '@hall/domain';
import { type Repositories, int, isForeignKeyViolation, isUniqueViolation, repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { checkPasswordStrength, hashPassword } from '../auth/auth.service.ts';
import {
  presentCategory,
  presentDivision,
  presentHall,
  presentStaff,
  presentUnit,
  presentWindow,
} from './org.presenter.ts';
import { audit } from '../../audit.ts';

export class OrgService {
  constructor(private readonly deps: Deps) {}

  /** Runs a change in a transaction with its audit row; maps constraint violations to clear errors. */
  private async change<T>(
    ctx: Ctx,
    entity: string,
    action: string,
    duplicateField: string,
    fn: (r: Repositories) => Promise<{ id: string | number; before?: unknown; after: unknown; result: T }>,
  ): Promise<T> {
    try {
      return await transact(this.deps, async (r) => {
        const out = await fn(r);
        await audit(r, ctx, {
          entity,
          entityId: out.id,
          action,
          before: out.before,
          after: out.after,
        });
        return out.result;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const field = fieldLabel(duplicateField, ctx.lang);
        throw new DomainError('conflict', 'org.duplicate', { field }, [{ path: duplicateField, code: 'org.duplicate', params: { field } }]);
      }
      if (isForeignKeyViolation(err)) throw invalid('org.notFound');
      throw err;
    }
  }

  async reference(ctx: Ctx): Promise<Reference> {
    const r = repositories(this.deps.database.db);
    const [hall, halls, windows, units, divisions, categories, routes, receptionists] = await Promise.all([
      r.org.getHall(ctx.actor.hallId),
      r.org.listHalls(),
      r.org.listWindows(ctx.actor.hallId),
      r.org.listUnits(),
      r.org.listDivisions(),
      r.org.listCategories(),
      r.org.listRoutes(ctx.actor.hallId),
      r.staff.receptionists(ctx.actor.hallId),
    ]);
    if (!hall) throw notFound('org.notFound');
    return {
      hall: presentHall(hall),
      halls: halls.map(presentHall),
      windows: windows.map(presentWindow),
      units: units.map(presentUnit),
      divisions: divisions.map(presentDivision),
      categories: categories.map((c) => presentCategory(c, routes.find((x) => x.category_id === c.id)?.window_id ?? null)),
      receptionists: receptionists.map((s) => ({ id: s.id, displayName: s.display_name, windowId: s.window_id })),
    };
  }

  // Halls
  listHalls = async () => (await repositories(this.deps.database.db).org.listHalls()).map(presentHall);
  createHall = (ctx: Ctx, v: HallInput) =>
    this.change(ctx, 'hall', 'hall.create', 'code', async (r) => {
      const row = await r.org.insertHall({ ...v, active: int(v.active) });
      return { id: row.id, after: row, result: presentHall(row) };
    });
  updateHall = (ctx: Ctx, id: number, v: HallInput) =>
    this.change(ctx, 'hall', 'hall.update', 'code', async (r) => {
      const before = await r.org.getHall(id);
      if (!before) throw notFound('org.notFound');
      const row = (await r.org.updateHall(id, { ...v, active: int(v.active) }))!;
      return { id, before, after: row, result: presentHall(row) };
    });

  // Windows
  listWindows = async () => (await repositories(this.deps.database.db).org.listWindows()).map(presentWindow);
  private windowValues(v: WindowInput) {
    if (v.kind === 'department' && !v.unitId) throw invalid('org.unitRequiredForDepartmentWindow', {}, 'unitId');
    return {
      hall_id: v.hallId,
      number: v.number,
      name: v.name,
      kind: v.kind,
      unit_id: v.kind === 'department' ? (v.unitId ?? null) : null,
      active: int(v.active),
    };
  }
  createWindow = (ctx: Ctx, v: WindowInput) =>
    this.change(ctx, 'window', 'window.create', 'number', async (r) => {
      const row = await r.org.insertWindow(this.windowValues(v));
      return { id: row.id, after: row, result: presentWindow(row) };
    });
  updateWindow = (ctx: Ctx, id: number, v: WindowInput) =>
    this.change(ctx, 'window', 'window.update', 'number', async (r) => {
      const before = await r.org.getWindow(id);
      if (!before) throw notFound('org.notFound');
      const row = (await r.org.updateWindow(id, this.windowValues(v)))!;
      return { id, before, after: row, result: presentWindow(row) };
    });

  // Units
  listUnits = async () => (await repositories(this.deps.database.db).org.listUnits()).map(presentUnit);
  createUnit = (ctx: Ctx, v: UnitInput) =>
    this.change(ctx, 'unit', 'unit.create', 'name', async (r) => {
      const row = await r.org.insertUnit({ name: v.name, kind: v.kind, division_code: v.divisionCode ?? null, active: int(v.active) });
      return { id: row.id, after: row, result: presentUnit(row) };
    });
  updateUnit = (ctx: Ctx, id: number, v: UnitInput) =>
    this.change(ctx, 'unit', 'unit.update', 'name', async (r) => {
      const before = await r.org.getUnit(id);
      if (!before) throw notFound('org.notFound');
      const row = (await r.org.updateUnit(id, {
        name: v.name,
        kind: v.kind,
        division_code: v.divisionCode ?? null,
        active: int(v.active),
      }))!;
      return { id, before, after: row, result: presentUnit(row) };
    });

  // Divisions
  listDivisions = async () => (await repositories(this.deps.database.db).org.listDivisions()).map(presentDivision);
  createDivision = (ctx: Ctx, v: DivisionInput) =>
    this.change(ctx, 'division', 'division.create', 'code', async (r) => {
      await this.checkDivisionParent(r, v.code, v);
      const row = await r.org.insertDivision({ code: v.code, name: v.name, level: v.level, parent_code: v.parentCode ?? null });
      return { id: row.code, after: row, result: presentDivision(row) };
    });
  updateDivision = (ctx: Ctx, code: string, v: DivisionInput) =>
    this.change(ctx, 'division', 'division.update', 'code', async (r) => {
      const before = await r.org.getDivision(code);
      if (!before) throw notFound('org.notFound');
      await this.checkDivisionParent(r, code, v);
      const row = (await r.org.updateDivision(code, { name: v.name, level: v.level, parent_code: v.parentCode ?? null }))!;
      return { id: code, before, after: row, result: presentDivision(row) };
    });

  /** A division's parent exists, is of a higher level, and is not the division or below it. */
  private async checkDivisionParent(r: Repositories, code: string, v: DivisionInput) {
    if (!v.parentCode) return;
    const all = await r.org.listDivisions();
    const levels = ['province', 'city', 'county'];
    const parent = all.find((d) => d.code === v.parentCode);
    if (!parent) throw invalid('org.notFound', {}, 'parentCode');
    if (levels.indexOf(parent.level) >= levels.indexOf(v.level)) throw invalid('org.divisionLevel', {}, 'parentCode');
    for (let p: string | null = v.parentCode; p; p = all.find((d) => d.code === p)?.parent_code ?? null) {
      if (p === code) throw invalid('org.parentCycle', {}, 'parentCode');
    }
  }

  // Categories
  async listCategories(ctx: Ctx) {
    const r = repositories(this.deps.database.db);
    const [cats, routes] = await Promise.all([r.org.listCategories(), r.org.listRoutes(ctx.actor.hallId)]);
    return cats.map((c) => presentCategory(c, routes.find((x) => x.category_id === c.id)?.window_id ?? null));
  }
  private async checkParent(r: Repositories, id: number | null, parentId: number | null | undefined) {
    if (!parentId) return;
    const all = await r.org.listCategories();
    for (let p: number | null = parentId; p; p = all.find((c) => c.id === p)?.parent_id ?? null) {
      if (p === id) throw invalid('org.parentCycle', {}, 'parentId');
      if (!all.some((c) => c.id === p)) throw invalid('org.notFound', {}, 'parentId');
    }
  }
  private categoryValues(v: CategoryInput) {
    return { code: v.code, name: v.name, name_en: v.nameEn ?? null, parent_id: v.parentId ?? null, sort: v.sort, active: int(v.active) };
  }
  createCategory = (ctx: Ctx, v: CategoryInput) =>
    this.change(ctx, 'category', 'category.create', 'code', async (r) => {
      await this.checkParent(r, null, v.parentId);
      const row = await r.org.insertCategory(this.categoryValues(v));
      return { id: row.id, after: row, result: presentCategory(row, null) };
    });
  updateCategory = (ctx: Ctx, id: number, v: CategoryInput) =>
    this.change(ctx, 'category', 'category.update', 'code', async (r) => {
      const before = await r.org.getCategory(id);
      if (!before) throw notFound('org.notFound');
      await this.checkParent(r, id, v.parentId);
      const row = (await r.org.updateCategory(id, this.categoryValues(v)))!;
      const route = await r.org.getRoute(ctx.actor.hallId, id);
      return { id, before, after: row, result: presentCategory(row, route?.window_id ?? null) };
    });
  setCategoryRoute = (ctx: Ctx, v: CategoryRouteInput) =>
    this.change(ctx, 'categoryRoute', 'categoryRoute.set', 'categoryId', async (r) => {
      const [cat, win] = await Promise.all([r.org.getCategory(v.categoryId), v.windowId ? r.org.getWindow(v.windowId) : null]);
      if (!cat) throw invalid('org.notFound', {}, 'categoryId');
      if (v.windowId && (!win || win.hall_id !== v.hallId)) throw invalid('registration.windowNotFound', {}, 'windowId');
      const before = await r.org.getRoute(v.hallId, v.categoryId);
      await r.org.setRoute(v.hallId, v.categoryId, v.windowId);
      return { id: `${v.hallId}:${v.categoryId}`, before: before ?? null, after: v, result: { ok: true as const } };
    });

  // Staff
  listStaff = async () => (await repositories(this.deps.database.db).staff.list()).map(presentStaff);
  private async checkStaff(r: Repositories, v: { hallId: number; windowId?: number | null; unitId?: number | null; roles: Role[] }) {
    if (v.windowId) {
      const w = await r.org.getWindow(v.windowId);
      if (!w || w.hall_id !== v.hallId || !w.active) throw invalid('registration.windowNotFound', {}, 'windowId');
    }
    if ((v.roles.includes('unitHandler') || v.roles.includes('unitHead')) && !v.unitId) {
      throw invalid('org.unitRequiredForUnitStaff', {}, 'unitId');
    }
    if (v.unitId && !(await r.org.getUnit(v.unitId))) throw invalid('registration.unitNotFound', {}, 'unitId');
  }

  /** Nobody can lock the organisation out of its own administration. */
  private async checkAdmins(ctx: Ctx, r: Repositories, id: number, v: StaffUpdate) {
    const stillAdmin = v.active && v.roles.includes('admin');
    if (stillAdmin) return;
    if (id === ctx.actor.id) throw invalid('org.cannotLockOutAdmins', {}, 'roles');
    const admins = (await r.staff.list()).filter((s) => s.active && s.roles.includes('admin') && s.id !== id);
    if (admins.length === 0) throw invalid('org.cannotLockOutAdmins', {}, 'roles');
  }
  createStaff = async (ctx: Ctx, v: StaffCreate) => {
    checkPasswordStrength(v.password, 'password');
    const passwordHash = await hashPassword(v.password);
    return this.change(ctx, 'staff', 'staff.create', 'username', async (r) => {
      await this.checkStaff(r, v);
      const row = await r.staff.insert({
        username: v.username,
        display_name: v.displayName,
        password_hash: passwordHash,
        hall_id: v.hallId,
        window_id: v.windowId ?? null,
        unit_id: v.unitId ?? null,
        active: int(v.active),
        created_at: ctx.now.toISOString(),
      });
      await r.staff.setRoles(row.id, [...new Set(v.roles)]);
      const staff = (await r.staff.findById(row.id))!;
      const { password_hash: _omit, ...after } = staff;
      return { id: row.id, after, result: presentStaff(staff) };
    });
  };
  updateStaff = async (ctx: Ctx, id: number, v: StaffUpdate) => {
    if (v.password !== undefined) checkPasswordStrength(v.password, 'password');
    const passwordHash = v.password !== undefined ? await hashPassword(v.password) : undefined;
    return this.change(ctx, 'staff', 'staff.update', 'username', async (r) => {
      const before = await r.staff.findById(id);
      if (!before) throw notFound('org.notFound');
      await this.checkStaff(r, v);
      await this.checkAdmins(ctx, r, id, v);
      await r.staff.update(id, {
        display_name: v.displayName,
        hall_id: v.hallId,
        window_id: v.windowId ?? null,
        unit_id: v.unitId ?? null,
        active: int(v.active),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(v.unlock || passwordHash ? { failed_logins: 0, locked_until: null } : {}),
      });
      await r.staff.setRoles(id, [...new Set(v.roles)]);
      if (!v.active || passwordHash) await r.staff.deleteSessionsOf(id);
      const staff = (await r.staff.findById(id))!;
      const strip = ({ password_hash: _p, ...rest }: typeof staff) => rest;
      return {
        id,
        before: strip(before),
        after: { ...strip(staff), passwordReset: Boolean(passwordHash) },
        result: presentStaff(staff),
      };
    });
  };
}
