/**
 * The working-day calendar the server computes deadlines with: the package's official years plus
 * the years an administrator loaded (holiday_year). Read per use: the table is a handful of rows,
 * and every app instance then sees an administrator's change at once.
 */
import { type OfficialYear, WorkCalendar } from '@hall/domain';
import { type Repositories, fromJson } from '@hall/db';

export async function loadCalendar(r: Repositories): Promise<WorkCalendar> {
  return calendarOf(await r.calendar.years());
}

/** The calendar of holiday_year rows however they were read (the case's bundle carries them). */
export function calendarOf(years: readonly { year: number; holidays: string; workdays: string; source: string }[]): WorkCalendar {
  return new WorkCalendar(
    years.map(
      (y): OfficialYear => ({
        year: y.year,
        holidays: fromJson<string[]>(y.holidays, []),
        workdays: fromJson<string[]>(y.workdays, []),
        source: y.source,
      }),
    ),
  );
}
