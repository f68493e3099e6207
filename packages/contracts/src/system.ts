import { z } from 'zod';

/** GET /api/health/ready: the database answered a trivial query in time (for a load balancer). */
export const Ready = z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) });
export type Ready = z.infer<typeof Ready>;
