import { z } from 'zod';
import { ROLES } from '@hall/domain';
import { Password, Required } from './common.ts';

export const LoginRequest = z.object({ username: Required(64), password: Password });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: Password,
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  hallId: z.number(),
  hallName: z.string(),
  windowId: z.number().nullable(),
  windowName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** GET /api/public/environment (no sign-in): whether this installation runs on demo data (the 演示环境 banner). */
export const Environment = z.object({ demo: z.boolean() });
export type Environment = z.infer<typeof Environment>;
