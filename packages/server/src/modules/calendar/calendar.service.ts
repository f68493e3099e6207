/**
 * The working-day calendar as data (R1.19): the administrator sees every year's status, loads a
 * year's State Council notice (or removes one), and every active deadline the change touches is
 * recomputed in the same transaction, with a timeline event on its case and an audit row. Alerts
 * for the administrator and the leadership (a deadline in a year with no notice) are listed here.
 *
 * The years: the pinned package's official data (2004–2026), the notices an administrator loaded
 * (holiday_year, which replace the package's year), and provisional years, whose days off are the
 * statutory holidays computed by the domain and which have no make-up working days.
 */
import type {
  AdminAlert,
  AlertList,
  CalendarDay,
  CalendarSaveResult,
  CalendarYear,
  CalendarYearDay,
  CalendarYearDetail,
  CalendarYearInput,
  RecomputedDeadline,
} from '@hall/contracts';
import { ALERT_READER_ROLES } from '@hall/contracts';
import {
  type Bilingual,
  type Deadline,
  type DayInfo,
  DomainError,
  type Lang,
  type OfficialYearProblem,
  STATUTORY_YEARS,
  type WorkCalendar,
  addDays,
  chinaDate,
  checkOfficialYear,
  daysBetween,
  forbidden,
  invalid,
  isIsoDate,
  notFound,
  packageOfficialYear,
  recomputeDeadline,
  statutoryHolidays,
  translate,
  weekday,
} from '@hall/domain';
import { type DeadlineRow, type Repositories, fromJson, repositories } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { loadCalendar } from '../cases/calendar.ts';
import { deadlineOf, raiseProvisionalAlert } from '../cases/deadlines.ts';
import { audit } from '../../audit.ts';

export const PROVISIONAL_ALERT = 'calendar.provisional';
export const provisionalAlertKey = (year: number) => `${PROVISIONAL_ALERT}:${year}`;

/** The first year listed: the package's first year of official data. */
const FIRST_LISTED_YEAR = 2004;

const yearOf = (date: string) => Number(date.slice(0, 4));

type HolidayYearRow = Awaited<ReturnType<Repositories['calendar']['years']>>[number];

interface YearNotice {
  holidays: string[];
  workdays: string[];
  source: string;
}

const noticeOf = (row: HolidayYearRow): YearNotice => ({
  holidays: fromJson<string[]>(row.holidays, []),
  workdays: fromJson<string[]>(row.workdays, []),
  source: row.source,
});

/**
 * The problems of a notice as one error: the message lists them all (in the user's language), and
 * each is put on its field (`holidays.3`, `workdays.0`, `source`) with its own code.
 */
export function noticeError(year: number, v: YearNotice, problems: OfficialYearProblem[], lang: Lang): DomainError {
  const fields = problems.map((p) => ({
    path: problemPath(v, p),
    code: p.code,
    params: p.params as Record<string, string | number>,
  }));
  const details = problems.map((p) => translate(p.code, lang, p.params)).join(lang === 'en' ? '; ' : '；');
  return new DomainError('invalid', 'calendar.noticeInvalid', { year, details }, fields);
}

function problemPath(v: YearNotice, p: OfficialYearProblem): string {
  switch (p.code) {
    case 'calendar.sourceRequired':
      return 'source';
    case 'calendar.badYear':
      return 'year';
    case 'calendar.workdayNotWeekend':
    case 'calendar.dayBothOffAndWorking': {
      const i = v.workdays.indexOf(p.params.date);
      return i >= 0 ? `workdays.${i}` : 'workdays';
    }
    default: {
      const h = v.holidays.indexOf(p.params.date);
      if (h >= 0) return `holidays.${h}`;
      const w = v.workdays.indexOf(p.params.date);
      return w >= 0 ? `workdays.${w}` : 'holidays';
    }
  }
}

/** Checks a notice for `year` as entered: the domain's checks, plus a notice has days off. */
export function checkNotice(year: number, v: YearNotice, lang: Lang): void {
  const problems: OfficialYearProblem[] = checkOfficialYear({ year, ...v });
  if (problems.some((p) => p.code === 'calendar.badYear')) {
    throw invalid('calendar.badYear', { year: String(year) });
  }
  if (problems.length) throw noticeError(year, v, problems, lang);
  if (v.holidays.length === 0) throw invalid('calendar.holidaysRequired', { year }, 'holidays');
}

/** Sorted, without repeats. */
const uniqueSorted = (dates: readonly string[]) => [...new Set(dates)].sort();

/**
 * The festival a day off or a make-up working day of an administrator's notice belongs to: the
 * nearest statutory holiday within ten days (notices do not name their days; the package does).
 */
function festivalNear(date: string): Bilingual | null {
  const y = yearOf(date);
  let best: { d: number; name: Bilingual } | null = null;
  for (const yy of [y - 1, y, y + 1]) {
    if (yy < STATUTORY_YEARS.first || yy > STATUTORY_YEARS.last) continue;
    for (const h of statutoryHolidays(yy)) {
      const d = Math.abs(daysBetween(date, h.date));
      if (d <= 10 && (!best || d < best.d)) best = { d, name: h.name };
    }
  }
  return best?.name ?? null;
}

const GENERIC_HOLIDAY = '节假日';

export class CalendarService {
  constructor(private readonly deps: Deps) {}

  private db() {
    return repositories(this.deps.database.db);
  }

  // ---- reading ----------------------------------------------------------------------------------

  async listYears(ctx: Ctx): Promise<CalendarYear[]> {
    const r = this.db();
    const [calendar, rows, provisional] = await Promise.all([
      loadCalendar(r),
      r.calendar.years(),
      r.cases.provisionalActiveDeadlines(),
    ]);
    const byYear = new Map(rows.map((row) => [row.year, row]));
    const last = Number(chinaDate(ctx.now).slice(0, 4)) + 2;
    const years = new Set<number>();
    for (let y = FIRST_LISTED_YEAR; y <= last; y++) years.add(y);
    for (const row of rows) years.add(row.year);
    const names = await this.staffNames(r, rows);
    const counts = provisionalCounts(provisional);
    return [...years]
      .sort((a, b) => b - a)
      .map((y) => this.summary(calendar, y, byYear.get(y), names, counts.get(y) ?? 0));
  }

  async yearDetail(_ctx: Ctx, year: number): Promise<CalendarYearDetail> {
    const r = this.db();
    const [calendar, rows, provisional] = await Promise.all([
      loadCalendar(r),
      r.calendar.years(),
      r.cases.provisionalActiveDeadlines(),
    ]);
    const row = rows.find((x) => x.year === year);
    const names = await this.staffNames(r, row ? [row] : []);
    const summary = this.summary(calendar, year, row, names, provisionalCounts(provisional).get(year) ?? 0);
    const days = yearDays(calendar, year);
    const notice = row ? noticeOf(row) : packageOfficialYear(year);
    return {
      ...summary,
      days,
      holidays: notice ? [...notice.holidays] : [],
      workdays: notice ? [...notice.workdays] : [],
    };
  }

  async day(ctx: Ctx, date: string): Promise<CalendarDay> {
    if (!isIsoDate(date)) throw invalid('calendar.badDate', { date }, 'date');
    const calendar = await loadCalendar(this.db());
    const d = calendar.day(date);
    return presentDay(d, calendar.source(yearOf(date)), ctx.lang);
  }

  async alerts(ctx: Ctx): Promise<AlertList> {
    if (!ctx.actor.roles.some((role) => ALERT_READER_ROLES.includes(role))) throw forbidden();
    const r = this.db();
    const [rows, provisional] = await Promise.all([r.calendar.openAlerts(), r.cases.provisionalActiveDeadlines()]);
    const counts = provisionalCounts(provisional);
    const alerts: AdminAlert[] = rows.map((a) => {
      const params = fromJson<Record<string, unknown>>(a.params, {});
      const msgParams: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') msgParams[k] = v;
      if (a.kind === PROVISIONAL_ALERT && typeof params.year === 'number')
        msgParams.deadlines = counts.get(params.year) ?? 0;
      return {
        id: a.id,
        kind: a.kind,
        key: a.key,
        params: { ...params, ...msgParams },
        createdAt: a.created_at,
        message: translate(`alert.${a.kind}`, ctx.lang, msgParams),
      };
    });
    return { count: alerts.length, alerts };
  }

  // ---- changing ---------------------------------------------------------------------------------

  /**
   * Loads (or replaces) a year's notice, then recomputes every active deadline the year touches and
   * resolves the year's alert — all in one transaction with the audit rows.
   */
  async saveYear(ctx: Ctx, year: number, input: CalendarYearInput): Promise<CalendarSaveResult> {
    const notice: YearNotice = {
      holidays: uniqueSorted(input.holidays.filter(Boolean)),
      workdays: uniqueSorted(input.workdays.filter(Boolean)),
      source: input.source.trim(),
    };
    // Checked on the lists as entered, so the field paths point at what the user typed.
    checkNotice(year, { holidays: input.holidays, workdays: input.workdays, source: notice.source }, ctx.lang);
    return transact(this.deps, async (r) => {
      const at = ctx.now.toISOString();
      const before = (await r.calendar.years()).find((x) => x.year === year);
      await r.calendar.saveYear({
        year,
        holidays: JSON.stringify(notice.holidays),
        workdays: JSON.stringify(notice.workdays),
        source: notice.source,
        updated_at: at,
        updated_by: ctx.actor.id,
      });
      await audit(r, ctx, {
        entity: 'holidayYear',
        entityId: year,
        action: before ? 'holidayYear.update' : 'holidayYear.create',
        before: before
          ? noticeOf(before)
          : packageOfficialYear(year)
            ? { source: packageOfficialYear(year)!.source }
            : null,
        after: notice,
      });
      const calendar = await loadCalendar(r);
      const recomputed = await this.recompute(ctx, r, calendar, year);
      await r.calendar.resolveAlerts(PROVISIONAL_ALERT, [provisionalAlertKey(year)], at);
      return { year: await this.summaryIn(r, calendar, year), recomputed };
    });
  }

  /** Removes a notice an administrator loaded; the year falls back to the package or becomes provisional. */
  async deleteYear(ctx: Ctx, year: number): Promise<CalendarSaveResult> {
    return transact(this.deps, async (r) => {
      const before = (await r.calendar.years()).find((x) => x.year === year);
      if (!before) throw notFound('calendar.notAdminYear', { year });
      await r.calendar.deleteYear(year);
      await audit(r, ctx, {
        entity: 'holidayYear',
        entityId: year,
        action: 'holidayYear.delete',
        before: noticeOf(before),
        after: null,
      });
      const calendar = await loadCalendar(r);
      if (calendar.status(year) === 'provisional' && (year < STATUTORY_YEARS.first || year > STATUTORY_YEARS.last)) {
        // Deadlines in such a year could no longer be counted at all.
        const touching = (await this.activeDeadlines(r)).filter((row) => touches(row, year));
        if (touching.length) throw invalid('calendar.yearNotCovered', { year });
      }
      const recomputed = await this.recompute(ctx, r, calendar, year);
      return { year: await this.summaryIn(r, calendar, year), recomputed };
    });
  }

  /**
   * Every active deadline whose period touches `year` (or that is provisional because of it) is
   * recomputed on the new calendar; a changed one is saved with a timeline event on its case and
   * an audit row. A deadline still provisional (another year, or the year removed) raises its alert.
   */
  private async recompute(
    ctx: Ctx,
    r: Repositories,
    calendar: WorkCalendar,
    year: number,
  ): Promise<RecomputedDeadline[]> {
    const at = ctx.now.toISOString();
    const out: RecomputedDeadline[] = [];
    for (const row of await this.activeDeadlines(r)) {
      if (!touches(row, year)) continue;
      const before = deadlineOf(row);
      const after = recomputeDeadline(before, calendar, at);
      if (after.provisional) await raiseProvisionalAlert(r, after, at);
      if (after === before) continue;
      await r.cases.updateDeadline(row.id, {
        due: after.due,
        provisional: after.provisional ? 1 : 0,
        detail: JSON.stringify(after),
        updated_at: at,
      });
      const change = {
        deadlineId: row.id,
        matterId: row.matter_id,
        kind: row.kind,
        beforeDue: before.due,
        afterDue: after.due,
        beforeProvisional: before.provisional,
        afterProvisional: after.provisional,
      };
      if (row.matter_id !== null) {
        await r.matters.insertEvent({
          matter_id: row.matter_id,
          at,
          actor_id: ctx.actor.id,
          action: 'deadlineRecomputed',
          from_state: null,
          to_state: null,
          // Language-neutral: the computation in both languages is in `data`.
          note: `${before.due} → ${after.due}`,
          data: JSON.stringify({ ...change, year, computation: after.computation }),
        });
      }
      await audit(r, ctx, {
        entity: 'deadline',
        entityId: row.id,
        action: 'deadline.recompute',
        before: { due: before.due, provisional: before.provisional, provisionalYears: before.provisionalYears },
        after: { due: after.due, provisional: after.provisional, provisionalYears: after.provisionalYears, year },
      });
      out.push(change);
    }
    return out;
  }

  /** Every active deadline: a loaded or removed notice can move any of them. */
  private activeDeadlines(r: Repositories): Promise<DeadlineRow[]> {
    return r.cases.activeDeadlines();
  }

  private async summaryIn(r: Repositories, calendar: WorkCalendar, year: number): Promise<CalendarYear> {
    const [rows, provisional] = await Promise.all([r.calendar.years(), r.cases.provisionalActiveDeadlines()]);
    const row = rows.find((x) => x.year === year);
    return this.summary(
      calendar,
      year,
      row,
      await this.staffNames(r, row ? [row] : []),
      provisionalCounts(provisional).get(year) ?? 0,
    );
  }

  private async staffNames(r: Repositories, rows: readonly HolidayYearRow[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((x) => x.updated_by).filter((x): x is number => x !== null))];
    const staff = await Promise.all(ids.map((id) => r.staff.findById(id)));
    return new Map(staff.filter((s) => !!s).map((s) => [s.id, s.display_name]));
  }

  private summary(
    calendar: WorkCalendar,
    year: number,
    row: HolidayYearRow | undefined,
    names: Map<number, string>,
    provisionalDeadlines: number,
  ): CalendarYear {
    const status = calendar.status(year);
    const pkg = packageOfficialYear(year);
    const notice = row ? noticeOf(row) : undefined;
    let holidayCount = 0;
    let workdayCount = 0;
    if (notice) {
      holidayCount = notice.holidays.length;
      workdayCount = notice.workdays.length;
    } else if (pkg) {
      holidayCount = pkg.holidays.length;
      workdayCount = pkg.workdays.length;
    } else if (year >= STATUTORY_YEARS.first && year <= STATUTORY_YEARS.last) {
      holidayCount = yearDays(calendar, year).filter((d) => d.kind === 'holiday').length;
    }
    return {
      year,
      status,
      origin: row ? 'admin' : pkg ? 'package' : 'statutory',
      source: calendar.source(year),
      holidayCount,
      workdayCount,
      provisionalDeadlines,
      ...(notice ? { holidays: notice.holidays, workdays: notice.workdays } : {}),
      updatedAt: row?.updated_at ?? null,
      updatedByName: row?.updated_by ? (names.get(row.updated_by) ?? null) : null,
    };
  }
}

/** Whether a deadline's period (start … due) or its provisional years include `year`. */
function touches(row: DeadlineRow, year: number): boolean {
  if (yearOf(row.start) <= year && year <= yearOf(row.due)) return true;
  const d = fromJson<Deadline | null>(row.detail, null);
  return !!d?.provisionalYears?.includes(year);
}

/** Active provisional deadlines per provisional year. */
function provisionalCounts(rows: readonly DeadlineRow[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    for (const y of fromJson<Deadline | null>(row.detail, null)?.provisionalYears ?? [])
      counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return counts;
}

/** The days off and make-up working days of a year, as the calendar answers them, with names. */
function yearDays(calendar: WorkCalendar, year: number): CalendarYearDay[] {
  const out: CalendarYearDay[] = [];
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) {
    const info = calendar.day(d);
    if (info.kind !== 'holiday' && info.kind !== 'makeUpWorkday') continue;
    const named = info.name && info.name['zh-CN'] !== GENERIC_HOLIDAY ? info.name : null;
    out.push({ date: d, kind: info.kind, weekday: weekday(d), name: named ?? festivalNear(d) });
  }
  return out;
}

function presentDay(d: DayInfo, source: string, lang: Lang): CalendarDay {
  const name =
    d.name && d.name['zh-CN'] !== GENERIC_HOLIDAY
      ? d.name
      : d.kind === 'holiday' || d.kind === 'makeUpWorkday'
        ? festivalNear(d.date)
        : null;
  const base = translate(`calendar.why.${d.kind}${name ? 'Named' : ''}`, lang, { name: name?.[lang] ?? '' });
  const why = d.provisional ? `${base}${translate('calendar.why.provisional', lang, { year: yearOf(d.date) })}` : base;
  return {
    date: d.date,
    work: d.work,
    kind: d.kind,
    name,
    weekday: weekday(d.date),
    provisional: d.provisional,
    source,
    why,
  };
}
