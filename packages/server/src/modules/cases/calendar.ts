/**
 * The working-day calendar the server computes deadlines with: the package's official years plus
 * the years an administrator loaded (holiday_year). Read per use: the table is a handful of rows,
 * and every app instance then sees an administrator's change at once.
 */
import { type OfficialYear, WorkCalendar } from '@hall/domain';
import { type Repositories, fromJson } from '@hall/db';

export async function loadCalendar(r: Repositories): Promise<WorkCalendar> {
  const years = await r.calendar.years();
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
