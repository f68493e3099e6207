import { z } from 'zod';

export const Id = z.coerce.number().int().positive();
export const IdParam = z.object({ id: Id });
export const Text = (max = 200) => z.string().trim().max(max);
export const Required = (max = 200) => z.string().trim().min(1).max(max);
export const Optional = (max = 200) => z.string().trim().max(max).nullish();
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });
