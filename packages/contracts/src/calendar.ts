/**
 * The working-day calendar as the administrator sees and edits it (R1.19): every year's status
 * (the package's official data, a notice an administrator loaded, or provisional: the statutory
 * holidays computed with no make-up working days), the days off of a year, a year's notice, one
 * day's answer, and the open administrator alerts.
 *
 * GET    /api/calendar/years                     → CalendarYear[]      (org:manage)
 * GET    /api/calendar/years/:year               → CalendarYearDetail  (org:manage)
 * PUT    /api/calendar/years/:year  CalendarYearInput → CalendarSaveResult (org:manage; recomputes deadlines)
 * DELETE /api/calendar/years/:year               → CalendarSaveResult  (org:manage; administrator years only)
 * GET    /api/calendar/day/:date                 → CalendarDay         (any signed-in user)
 * GET    /api/alerts                             → AlertList           (administrator and leadership)
 */
import { z } from 'zod';
import type { Role } from '@hall/domain';
import { IsoDate, Text } from './common.ts';

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

/** Who sees the administrator alerts: the administrator and the hall's leadership. */
export const ALERT_READER_ROLES: readonly Role[] = ['admin', 'director', 'deputyDirector'];

/**
 * Where a year's days off come from: the pinned package's official data, a notice an administrator
 * loaded (both official), or the statutory computation (provisional).
 */
export const CalendarYearOrigin = z.enum(['package', 'admin', 'statutory']);
export type CalendarYearOrigin = z.infer<typeof CalendarYearOrigin>;

export const CalendarYearParam = z.object({ year: z.coerce.number().int().min(1000).max(9999) });
export const CalendarDateParam = z.object({ date: IsoDate });

export const CalendarYear = z.object({
  year: z.number(),
  status: z.enum(['official', 'provisional']),
  origin: CalendarYearOrigin,
  source: z.string(),
  /** Days off and make-up working days the year has (for a provisional year: the computed days off). */
  holidayCount: z.number(),
  workdayCount: z.number(),
  /** Active deadlines still provisional because of this year. */
  provisionalDeadlines: z.number(),
  /** A notice an administrator loaded: its data, when and by whom. */
  holidays: z.array(z.string()).optional(),
  workdays: z.array(z.string()).optional(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarDayKind = z.enum(['workday', 'weekend', 'holiday', 'makeUpWorkday']);

/** A day off or a make-up working day of the year (ordinary weekends and working days are not listed). */
export const CalendarYearDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeUpWorkday']),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number(),
  name: Bilingual.nullable(),
});
export type CalendarYearDay = z.infer<typeof CalendarYearDay>;

export const CalendarYearDetail = CalendarYear.extend({
  days: z.array(CalendarYearDay),
  /** The notice's lists as they stand (official years), to start an edit from. Empty when provisional. */
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
});
export type CalendarYearDetail = z.infer<typeof CalendarYearDetail>;

/**
 * A year's State Council notice (国务院办公厅关于某年部分节假日安排的通知). Dates are checked by
 * the domain (checkOfficialYear): real dates, inside the year, make-up working days on weekends,
 * no day both off and worked; the errors come back per field (`holidays.3`, `workdays.0`, `source`).
 */
export const CalendarYearInput = z.object({
  holidays: z.array(Text(20)).max(366),
  workdays: z.array(Text(20)).max(366),
  source: Text(200),
});
export type CalendarYearInput = z.infer<typeof CalendarYearInput>;

/** A deadline moved (or made official) by a change of the calendar. */
export const RecomputedDeadline = z.object({
  deadlineId: z.number(),
  matterId: z.number().nullable(),
  kind: z.string(),
  beforeDue: z.string(),
  afterDue: z.string(),
  beforeProvisional: z.boolean(),
  afterProvisional: z.boolean(),
});
export type RecomputedDeadline = z.infer<typeof RecomputedDeadline>;

export const CalendarSaveResult = z.object({
  year: CalendarYear,
  recomputed: z.array(RecomputedDeadline),
});
export type CalendarSaveResult = z.infer<typeof CalendarSaveResult>;

export const CalendarDay = z.object({
  date: z.string(),
  work: z.boolean(),
  kind: CalendarDayKind,
  name: Bilingual.nullable(),
  weekday: z.number(),
  provisional: z.boolean(),
  source: z.string(),
  /** Why, in the request's language: "节假日（春节）", "调休上班（春节）", "周末", "工作日". */
  why: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const AdminAlert = z.object({
  id: z.number(),
  kind: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** In the request's language. */
  message: z.string(),
});
export type AdminAlert = z.infer<typeof AdminAlert>;

/** The open alerts; `count` feeds the navigation badge. */
export const AlertList = z.object({ count: z.number(), alerts: z.array(AdminAlert) });
export type AlertList = z.infer<typeof AlertList>;
