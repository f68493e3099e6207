import type { Category, Division, Hall, HallWindow, Staff, Unit } from '@hall/contracts';
import { bool, type CategoryRow, type DivisionRow, type HallRow, type HallWindowRow, type StaffWithRoles, type UnitRow } from '@hall/db';
import type { Role } from '@hall/domain';

export const presentHall = (h: HallRow): Hall => ({
  id: h.id,
  code: h.code,
  name: h.name,
  kind: h.kind as Hall['kind'],
  active: bool(h.active),
});
export const presentWindow = (w: HallWindowRow): HallWindow => ({
  id: w.id,
  hallId: w.hall_id,
  number: w.number,
  name: w.name,
  kind: w.kind as HallWindow['kind'],
  unitId: w.unit_id,
  active: bool(w.active),
});
export const presentUnit = (u: UnitRow): Unit => ({
  id: u.id,
  name: u.name,
  kind: u.kind as Unit['kind'],
  divisionCode: u.division_code,
  active: bool(u.active),
});
export const presentDivision = (d: DivisionRow): Division => ({
  code: d.code,
  name: d.name,
  level: d.level as Division['level'],
  parentCode: d.parent_code,
});
export const presentCategory = (c: CategoryRow, windowId: number | null): Category => ({
  id: c.id,
  code: c.code,
  name: c.name,
  nameEn: c.name_en,
  parentId: c.parent_id,
  sort: c.sort,
  active: bool(c.active),
  windowId,
});
export const presentStaff = (s: StaffWithRoles): Staff => ({
  id: s.id,
  username: s.username,
  displayName: s.display_name,
  hallId: s.hall_id,
  windowId: s.window_id,
  unitId: s.unit_id,
  roles: s.roles as Role[],
  active: bool(s.active),
  lockedUntil: s.locked_until,
});
