/** Organisation data edited by the administrator (R1.0): all of it data, none of it code. */
import { z } from 'zod';
import { ROLES } from '@hall/domain';
import { Id, Int, Optional, Password, Required } from './common.ts';

export const HallKind = z.enum(['petition', 'court', 'company']);
export const Hall = z.object({ id: z.number(), code: z.string(), name: z.string(), kind: HallKind, active: z.boolean() });
export type Hall = z.infer<typeof Hall>;
export const HallInput = z.object({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9]{1,9}$/),
  name: Required(100),
  kind: HallKind,
  active: z.boolean().default(true),
});
export type HallInput = z.infer<typeof HallInput>;

/** registration: the registration desk (登记台), a window of the queue's petition-registration service. */
export const WindowKind = z.enum(['department', 'general', 'registration']);
export const HallWindow = z.object({
  id: z.number(),
  hallId: z.number(),
  number: z.number(),
  name: z.string(),
  kind: WindowKind,
  unitId: z.number().nullable(),
  active: z.boolean(),
});
export type HallWindow = z.infer<typeof HallWindow>;
export const WindowInput = z.object({
  hallId: Id,
  number: z.number().int().min(1).max(999),
  name: Required(100),
  kind: WindowKind,
  unitId: Id.nullish(),
  active: z.boolean().default(true),
});
export type WindowInput = z.infer<typeof WindowInput>;

export const UnitKind = z.enum(['department', 'county', 'countyOffice', 'other']);
export const Unit = z.object({
  id: z.number(),
  name: z.string(),
  kind: UnitKind,
  divisionCode: z.string().nullable(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitInput = z.object({
  name: Required(100),
  kind: UnitKind,
  divisionCode: Optional(12),
  active: z.boolean().default(true),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const DivisionLevel = z.enum(['province', 'city', 'county']);
export const Division = z.object({
  code: z.string(),
  name: z.string(),
  level: DivisionLevel,
  parentCode: z.string().nullable(),
});
export type Division = z.infer<typeof Division>;
export const DivisionInput = z.object({
  code: z.string().trim().regex(/^\d{6}$/),
  name: Required(100),
  level: DivisionLevel,
  parentCode: z.string().trim().regex(/^\d{6}$/).nullish(),
});
export type DivisionInput = z.infer<typeof DivisionInput>;

export const Category = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  parentId: z.number().nullable(),
  sort: z.number(),
  active: z.boolean(),
  /** The window that owns matters of this category in the signed-in user's hall (R1.1). */
  windowId: z.number().nullable(),
});
export type Category = z.infer<typeof Category>;
export const CategoryInput = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z.-]{1,20}$/),
  name: Required(100),
  nameEn: Optional(100),
  parentId: Id.nullish(),
  sort: Int.default(0),
  active: z.boolean().default(true),
});
export type CategoryInput = z.infer<typeof CategoryInput>;
export const CategoryRouteInput = z.object({ hallId: Id, categoryId: Id, windowId: Id.nullable() });
export type CategoryRouteInput = z.infer<typeof CategoryRouteInput>;

export const Role = z.enum(ROLES);
export const Staff = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  hallId: z.number(),
  windowId: z.number().nullable(),
  unitId: z.number().nullable(),
  roles: z.array(Role),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type Staff = z.infer<typeof Staff>;
export const StaffCreate = z.object({
  username: z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/),
  displayName: Required(50),
  hallId: Id,
  windowId: Id.nullish(),
  /** Unit staff (handlers, heads) belong to a responsible unit. */
  unitId: Id.nullish(),
  roles: z.array(Role).min(1),
  password: Password,
  active: z.boolean().default(true),
});
export type StaffCreate = z.infer<typeof StaffCreate>;
export const StaffUpdate = StaffCreate.omit({ username: true, password: true }).extend({
  /** Set a new password (the administrator resets it); also unlocks the account. */
  password: Password.optional(),
  unlock: z.boolean().optional(),
});
export type StaffUpdate = z.infer<typeof StaffUpdate>;

/** Everything a signed-in user needs to fill forms: one call at start. */
export const Reference = z.object({
  hall: Hall,
  halls: z.array(Hall),
  windows: z.array(HallWindow),
  units: z.array(Unit),
  divisions: z.array(Division),
  categories: z.array(Category),
  receptionists: z.array(z.object({ id: z.number(), displayName: z.string(), windowId: z.number().nullable() })),
});
export type Reference = z.infer<typeof Reference>;
