/**
 * What a queue ticket shows (80 mm receipt). Its own file because both the queue (queue.ts) and
 * registration (matter.ts, which queue.ts imports) return it: one import direction, no cycle.
 */
import { z } from 'zod';

export const TicketPrint = z.object({
  id: z.number(),
  number: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string().nullable(),
  hallName: z.string(),
  issuedAt: z.string(),
  ahead: z.number(),
  estimatedMinutes: z.number(),
  /** "请到 3 号窗口" when the ticket is for one window. */
  windowNumber: z.number().nullable(),
});
export type TicketPrint = z.infer<typeof TicketPrint>;
