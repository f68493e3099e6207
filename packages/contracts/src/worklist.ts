/**
 * Work lists (issue 3): the supervision schedule of assigned cases (R1.20), each staff member's inbox of
 * what waits on him or her, and urges counted per unit (R1.7).
 *
 * GET /api/supervision/due?windowId         → SupervisionDue  (window staff: their window; group lead and
 *                                                             the hall's readers: all windows; unit staff: their unit)
 * GET /api/inbox                            → Inbox           (the signed-in user's work, with counts)
 * GET /api/units/urges?unitId               → UnitUrges       (counts per unit; the urges themselves as scoped)
 */
import { z } from 'zod';
import { Id, IsoDate } from './common.ts';
import { SupervisionKind } from './actions.ts';

export const SupervisionDueQuery = z.object({ windowId: Id.optional() });
export type SupervisionDueQuery = z.infer<typeof SupervisionDueQuery>;

export const SupervisionKindStatus = z.object({
  kind: SupervisionKind,
  dueToday: z.boolean(),
  /** The due day not done whose period still runs (past due, the next one not yet due). */
  overdueSince: IsoDate.nullable(),
  /** Past due days whose period ended with no act of the kind. */
  missed: z.number().int(),
  done: z.number().int(),
  /** Due days so far (up to today). */
  due: z.number().int(),
  nextDue: IsoDate.nullable(),
  lastDoneOn: IsoDate.nullable(),
});
export type SupervisionKindStatus = z.infer<typeof SupervisionKindStatus>;

export const SupervisionCase = z.object({
  matterId: z.number(),
  petitionNo: z.string(),
  summary: z.string(),
  state: z.string(),
  version: z.number(),
  /** Masked ('张**', issue 8 §3). */
  petitionerName: z.string(),
  windowId: z.number(),
  windowName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** The day the case was assigned (or reassigned): supervision counts from it. */
  assignedOn: IsoDate,
  /** The handling deadline (R1.19), if active. */
  handleDue: IsoDate.nullable(),
  kinds: z.array(SupervisionKindStatus),
  dueToday: z.array(SupervisionKind),
  overdue: z.array(SupervisionKind),
  missed: z.number().int(),
  nextDue: IsoDate.nullable(),
});
export type SupervisionCase = z.infer<typeof SupervisionCase>;

export const SupervisionDue = z.object({
  today: IsoDate,
  /** Cases first with something overdue, then due today, then by next due day. */
  cases: z.array(SupervisionCase),
  totals: z.object({
    cases: z.number().int(),
    /** Cases with an act due today. */
    dueToday: z.number().int(),
    /** Cases with an overdue act. */
    overdue: z.number().int(),
    /** Missed acts, all cases and kinds. */
    missed: z.number().int(),
  }),
});
export type SupervisionDue = z.infer<typeof SupervisionDue>;

/** What can wait on a staff member. */
export const InboxCategoryKey = z.enum([
  /** Registered visitors waiting for the window's decision (R1.5). */
  'reception',
  /** Filing and assignment proposals to approve; extension requests to decide (R1.16, R1.19). */
  'approvals',
  /** Assigned cases for the unit to sign for, or object to while the objection period lasts (R1.18). */
  'signFor',
  /** Cases the unit objected to, for the window to reassign (R1.18). */
  'objections',
  /** Cases the unit handles: the opinion to issue, its delivery to record (R1.19, R1.21). */
  'toHandle',
  /** Opinions delivered, for the unit head to sign and seal (R1.21). */
  'opinionSignOff',
  /** Cases for the assigning window to review against the five criteria (R1.22). */
  'reviews',
  /** Reviewed cases for the director's or a deputy's sign-off (R1.21). */
  'signOff',
  /** Supervision due today or overdue (R1.20). */
  'supervision',
  /** Cases past their handling deadline (R1.19, R1.23). */
  'overdue',
  /** Accountability proposals waiting for approval (R1.23). */
  'accountability',
]);
export type InboxCategoryKey = z.infer<typeof InboxCategoryKey>;

export const InboxItem = z.object({
  matterId: z.number(),
  petitionNo: z.string(),
  summary: z.string(),
  state: z.string(),
  /** Masked ('张**', issue 8 §3). */
  petitionerName: z.string().nullable(),
  windowName: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The actions the user may take on it now (from the workflow table). */
  actions: z.array(z.string()),
  /** Since when it waits (ISO instant), where known. */
  since: z.string().nullable(),
  /** The day it is due (deadline, objection period, supervision), where there is one. */
  due: IsoDate.nullable(),
  /** For supervision: the kinds due today and overdue. */
  supervision: z.object({ dueToday: z.array(SupervisionKind), overdue: z.array(SupervisionKind) }).optional(),
  /** For accountability proposals. */
  accountabilityId: z.number().optional(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxCategory = z.object({
  key: InboxCategoryKey,
  /** All that wait, even when `items` is cut to the first ones. */
  count: z.number().int(),
  items: z.array(InboxItem),
});
export type InboxCategory = z.infer<typeof InboxCategory>;

export const Inbox = z.object({
  today: IsoDate,
  /** Items over all categories (a case in two categories counts twice). */
  total: z.number().int(),
  /** Only the categories the user's roles have, in a fixed order. */
  categories: z.array(InboxCategory),
});
export type Inbox = z.infer<typeof Inbox>;

export const UnitUrgesQuery = z.object({ unitId: Id.optional() });
export type UnitUrgesQuery = z.infer<typeof UnitUrgesQuery>;

export const UnitUrges = z.object({
  /** Urges counted per unit (R1.7: they count in the unit's record), most urged first. */
  units: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), count: z.number().int(), lastAt: z.string().nullable() }),
  ),
  /** The urges the user may read, newest first: unit staff their unit's; window staff those on their window's cases. */
  urges: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      matterId: z.number(),
      petitionNo: z.string(),
      text: z.string().nullable(),
      at: z.string(),
      byName: z.string().nullable(),
    }),
  ),
});
export type UnitUrges = z.infer<typeof UnitUrges>;
