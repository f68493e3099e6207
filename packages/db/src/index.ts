export * from './database.ts';
export * from './schema.ts';
export * from './repositories.ts';
export * from './json.ts';
export * from './notify.ts';
export type { AuditInput } from './repositories/audit.repository.ts';
export type { MatterListFilter } from './repositories/matter.repository.ts';
export type { StaffWithRoles } from './repositories/staff.repository.ts';
