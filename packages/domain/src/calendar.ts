/**
 * The working-day calendar of mainland China (R1.19, R2.4b, R2.6).
 *
 * A day is a working day unless it is a weekend or a public holiday, and a weekend day that the
 * State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知) makes a make-up working
 * day (调休上班) is a working day. The notices come from two sources:
 *  - the `chinese-days` package (pinned 1.5.7): official data for 2004–2026, read from its static
 *    JSON. Past its data the package answers "workday" for every weekday (2027-01-01 included), so
 *    its own `isWorkday` is never asked;
 *  - years an administrator adds (`OfficialYear`), which replace the package's data for that year.
 *
 * A year with no notice loaded is *provisional*: the days off are the statutory holidays computed
 * from the national rules (《全国年节及纪念日放假办法》: lunar dates, the Qingming solar term) plus
 * the substitute day off the rules give when a holiday falls on a weekend (补假); there are no
 * make-up working days, since only a notice creates them. Deadlines that touch such a year say so
 * (deadline.ts), and the administrator is alerted to load the notice.
 *
 * Dates are China calendar days as 'YYYY-MM-DD' strings; arithmetic is done on UTC day numbers,
 * so nothing depends on the server's time zone. Pure: static data only, no clock, no I/O.
 */
import chineseDays from 'chinese-days';
import packageData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { invalid } from './errors.ts';

export type Bilingual = { 'zh-CN': string; en: string };

/** One year's official holiday notice. */
export interface OfficialYear {
  year: number;
  /** Days off named by the notice (weekend days inside a holiday period may be listed too). */
  holidays: string[];
  /** Make-up working days (调休上班): weekend days that are working days. */
  workdays: string[];
  /** Where the data comes from, e.g. '国办发明电〔2025〕7号' or 'chinese-days 1.5.7'. */
  source: string;
  /** Optional names of the days above (festival the day off or the make-up day belongs to). */
  names?: Record<string, Bilingual>;
}

export type YearStatus = 'official' | 'provisional';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface DayInfo {
  date: string;
  work: boolean;
  kind: DayKind;
  /** The festival a holiday or a make-up working day belongs to. */
  name?: Bilingual;
  /** The year has no official notice loaded: the answer comes from the statutory rules. */
  provisional: boolean;
}

// ---- dates as UTC day numbers -------------------------------------------------------------------

const DAY_MS = 86_400_000;
const RE_ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real Gregorian date written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = RE_ISO_DATE.exec(s);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`expected a real date 'YYYY-MM-DD', got '${String(date)}'`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export const isWeekend = (date: string): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

const yearOf = (date: string): number => Number(date.slice(0, 4));

// ---- statutory holidays (全国年节及纪念日放假办法) -----------------------------------------------

export type Festival =
  'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';

export const FESTIVAL_NAMES: Record<Festival, Bilingual> = {
  newYear: { 'zh-CN': '元旦', en: "New Year's Day" },
  springFestival: { 'zh-CN': '春节', en: 'Spring Festival' },
  qingming: { 'zh-CN': '清明节', en: 'Qingming (Tomb-sweeping Day)' },
  labourDay: { 'zh-CN': '劳动节', en: 'Labour Day' },
  dragonBoat: { 'zh-CN': '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { 'zh-CN': '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { 'zh-CN': '国庆节', en: 'National Day' },
};

/** The national rules by the year they took effect. Spring Festival days are offsets from the lunar new year (-1 = eve). */
const STATUTORY_RULES: readonly {
  from: number;
  to: number;
  source: string;
  springFestival: readonly number[];
  labourDays: readonly number[];
}[] = [
  // 2024 revision (国务院令第795号), from 2025: 13 days — the eve of the Spring Festival and 2 May added.
  { from: 2025, to: 2099, source: '国务院令第795号（2024年修订）', springFestival: [-1, 0, 1, 2], labourDays: [1, 2] },
  // 2013 revision (国务院令第644号), 2014–2024: 11 days — Spring Festival is the first three days.
  { from: 2014, to: 2024, source: '国务院令第644号（2013年修订）', springFestival: [0, 1, 2], labourDays: [1] },
  // 2007 revision (国务院令第513号), 2008–2013: 11 days — eve, first and second day; Qingming, Dragon Boat, Mid-Autumn added.
  { from: 2008, to: 2013, source: '国务院令第513号（2007年修订）', springFestival: [-1, 0, 1], labourDays: [1] },
];

/** First and last year for which the statutory holidays can be computed. */
export const STATUTORY_YEARS = { first: 2008, last: 2099 } as const;

export interface StatutoryHoliday {
  date: string;
  festival: Festival;
  name: Bilingual;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Solar date of a lunar date (lunar year = the solar year it begins in). The package's converter
 * reads the year, month and day with local-time getters and builds its result in local time, so a
 * local Date in, a local result out: the answer is the same in every server time zone.
 */
function solarFromLunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day, 12)).date;
}

/**
 * Qingming: the day the sun reaches 15° ecliptic longitude, by the usual 21st-century formula
 * ([Y·0.2422 + 4.81] − [Y/4], the one chinese-days uses; no exception in 2000–2099). Computed here
 * because the package's getSolarTermDate formats a UTC instant with local getters and answers a
 * day early on servers west of Greenwich.
 */
export function qingmingDate(year: number): string {
  if (year < 2000 || year > 2099) throw new RangeError(`Qingming is computed for 2000–2099, not ${year}`);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${pad2(day)}`;
}

/** The statutory public holidays of a year (all citizens), by the rules in force that year, in date order. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const rule = STATUTORY_RULES.find((r) => year >= r.from && year <= r.to);
  if (!rule)
    throw new RangeError(`no statutory holiday rule for ${year} (${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last})`);
  const out: StatutoryHoliday[] = [];
  const add = (festival: Festival, date: string) => out.push({ date, festival, name: FESTIVAL_NAMES[festival] });
  add('newYear', `${year}-01-01`);
  const lunarNewYear = solarFromLunar(year, 1, 1);
  for (const offset of rule.springFestival) add('springFestival', addDays(lunarNewYear, offset));
  add('qingming', qingmingDate(year));
  for (const d of rule.labourDays) add('labourDay', `${year}-05-${pad2(d)}`);
  add('dragonBoat', solarFromLunar(year, 5, 5));
  add('midAutumn', solarFromLunar(year, 8, 15));
  for (const d of [1, 2, 3]) add('nationalDay', `${year}-10-${pad2(d)}`);
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function statutoryRuleSource(year: number): string | undefined {
  return STATUTORY_RULES.find((r) => year >= r.from && year <= r.to)?.source;
}

/**
 * The days off of a year with no notice: the statutory holidays, and for each one that falls on a
 * weekend or on another holiday, a substitute day off (补假) on the first weekday after that
 * festival's days that is not already off (放假办法: a holiday for all citizens that falls on a
 * Saturday or Sunday is made up on a working day). No make-up working days: only a notice makes them.
 */
export function provisionalDaysOff(year: number): { date: string; name: Bilingual; substitute: boolean }[] {
  const holidays = statutoryHolidays(year);
  const off = new Map<string, { date: string; name: Bilingual; substitute: boolean }>();
  const owed = new Map<Festival, number>();
  for (const h of holidays) {
    if (off.has(h.date) || isWeekend(h.date)) owed.set(h.festival, (owed.get(h.festival) ?? 0) + 1);
    if (!off.has(h.date)) off.set(h.date, { date: h.date, name: h.name, substitute: false });
  }
  const festivals = [...new Set(holidays.map((h) => h.festival))];
  for (const festival of festivals) {
    let n = owed.get(festival) ?? 0;
    const last = holidays
      .filter((h) => h.festival === festival)
      .map((h) => h.date)
      .sort()
      .at(-1)!;
    let d = addDays(last, 1);
    while (n > 0) {
      if (!isWeekend(d) && !off.has(d)) {
        const name = FESTIVAL_NAMES[festival];
        off.set(d, {
          date: d,
          name: { 'zh-CN': `${name['zh-CN']}补假`, en: `${name.en} (substitute day off)` },
          substitute: true,
        });
        n--;
      }
      d = addDays(d, 1);
    }
  }
  return [...off.values()].sort((a, b) => a.date.localeCompare(b.date));
}

// ---- the package's official data ----------------------------------------------------------------

export const PACKAGE_SOURCE = 'chinese-days 1.5.7（国务院办公厅历年部分节假日安排通知）';

const PACKAGE_FESTIVALS: Record<string, Festival> = {
  "New Year's Day": 'newYear',
  'Spring Festival': 'springFestival',
  'Tomb-sweeping Day': 'qingming',
  'Labour Day': 'labourDay',
  'Dragon Boat Festival': 'dragonBoat',
  'Mid-autumn Festival': 'midAutumn',
  'National Day': 'nationalDay',
};

/** "National Day,国庆节,3" → the statutory names; any other day (2015-09-03) keeps the package's. */
function packageName(raw: string): Bilingual {
  const [en = '', zh = ''] = raw.split(',');
  const festival = PACKAGE_FESTIVALS[en];
  return festival ? FESTIVAL_NAMES[festival] : { 'zh-CN': zh, en };
}

function readPackageYears(): Map<number, OfficialYear> {
  const years = new Map<number, OfficialYear>();
  const yearEntry = (y: number) => {
    let e = years.get(y);
    if (!e) years.set(y, (e = { year: y, holidays: [], workdays: [], source: PACKAGE_SOURCE, names: {} }));
    return e;
  };
  const data = packageData as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const [date, raw] of Object.entries(data.holidays)) {
    const e = yearEntry(yearOf(date));
    e.holidays.push(date);
    e.names![date] = packageName(raw);
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    const e = yearEntry(yearOf(date));
    e.workdays.push(date);
    e.names![date] = packageName(raw);
  }
  for (const e of years.values()) {
    e.holidays.sort();
    e.workdays.sort();
  }
  return years;
}

let packageYearsCache: ReadonlyMap<number, OfficialYear> | undefined;
const packageYears = (): ReadonlyMap<number, OfficialYear> => (packageYearsCache ??= readPackageYears());

/** The years the pinned package has official data for (2004–2026 in 1.5.7). */
export const packageOfficialYears = (): number[] => [...packageYears().keys()].sort((a, b) => a - b);

/** The package's notice for a year, as an OfficialYear (undefined past its data). */
export const packageOfficialYear = (year: number): OfficialYear | undefined => packageYears().get(year);

// ---- administrator-added years ------------------------------------------------------------------

export type OfficialYearProblem =
  | { code: 'calendar.badYear'; params: { year: string } }
  | { code: 'calendar.badDate'; params: { date: string } }
  | { code: 'calendar.dateOutsideYear'; params: { date: string; year: number } }
  | { code: 'calendar.workdayNotWeekend'; params: { date: string } }
  | { code: 'calendar.dayBothOffAndWorking'; params: { date: string } }
  | { code: 'calendar.sourceRequired'; params: { year: number } };

/** Checks a notice an administrator enters; returns every problem found (empty when it is fine). */
export function checkOfficialYear(y: OfficialYear): OfficialYearProblem[] {
  const problems: OfficialYearProblem[] = [];
  if (!Number.isInteger(y.year) || y.year < 1949 || y.year > 2999) {
    return [{ code: 'calendar.badYear', params: { year: String(y.year) } }];
  }
  if (!y.source?.trim()) problems.push({ code: 'calendar.sourceRequired', params: { year: y.year } });
  const off = new Set<string>();
  for (const [list, isWork] of [
    [y.holidays, false],
    [y.workdays, true],
  ] as const) {
    for (const date of list) {
      if (!isIsoDate(date)) {
        problems.push({ code: 'calendar.badDate', params: { date: String(date) } });
        continue;
      }
      if (yearOf(date) !== y.year) problems.push({ code: 'calendar.dateOutsideYear', params: { date, year: y.year } });
      if (!isWork) off.add(date);
      if (isWork && !isWeekend(date)) problems.push({ code: 'calendar.workdayNotWeekend', params: { date } });
      if (isWork && off.has(date)) problems.push({ code: 'calendar.dayBothOffAndWorking', params: { date } });
    }
  }
  return problems;
}

// ---- the calendar -------------------------------------------------------------------------------

interface YearData {
  status: YearStatus;
  source: string;
  off: Map<string, Bilingual>;
  work: Map<string, Bilingual | undefined>;
}

const HOLIDAY: Bilingual = { 'zh-CN': '节假日', en: 'public holiday' };

export class WorkCalendar {
  private readonly official = new Map<number, OfficialYear>();
  private readonly cache = new Map<number, YearData>();

  /**
   * @param extraYears notices entered by an administrator; each replaces the package's data for
   *   its year. A notice with problems (checkOfficialYear) is refused with a DomainError.
   */
  constructor(extraYears: readonly OfficialYear[] = []) {
    for (const [year, y] of packageYears()) this.official.set(year, y);
    for (const y of extraYears) {
      const problem = checkOfficialYear(y)[0];
      if (problem) throw invalid(problem.code, problem.params);
      this.official.set(y.year, y);
    }
  }

  status(year: number): YearStatus {
    return this.official.has(year) ? 'official' : 'provisional';
  }

  /** Where the year's days off come from: the notice's source, or the statutory rule (provisional). */
  source(year: number): string {
    return this.official.get(year)?.source ?? `${statutoryRuleSource(year) ?? '—'}（推算，暂定）`;
  }

  officialYears(): number[] {
    return [...this.official.keys()].sort((a, b) => a - b);
  }

  /** The years between `from` and `to` (inclusive) with no notice loaded: the ones to alert about. */
  provisionalYearsBetween(from: string, to: string): number[] {
    const out: number[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) if (this.status(y) === 'provisional') out.push(y);
    return out;
  }

  statutoryHolidays(year: number): StatutoryHoliday[] {
    return statutoryHolidays(year);
  }

  private year(year: number): YearData {
    let data = this.cache.get(year);
    if (data) return data;
    const o = this.official.get(year);
    if (o) {
      const off = new Map(o.holidays.map((d) => [d, o.names?.[d] ?? HOLIDAY] as const));
      const work = new Map(o.workdays.map((d) => [d, o.names?.[d]] as const));
      data = { status: 'official', source: o.source, off, work };
    } else {
      if (year < STATUTORY_YEARS.first || year > STATUTORY_YEARS.last) {
        throw invalid('calendar.yearNotCovered', { year });
      }
      const off = new Map(provisionalDaysOff(year).map((d) => [d.date, d.name] as const));
      data = { status: 'provisional', source: this.source(year), off, work: new Map() };
    }
    this.cache.set(year, data);
    return data;
  }

  day(date: string): DayInfo {
    dayNumber(date); // validates
    const y = this.year(yearOf(date));
    const provisional = y.status === 'provisional';
    if (y.work.has(date)) {
      const name = y.work.get(date);
      return { date, work: true, kind: 'makeUpWorkday', ...(name ? { name } : {}), provisional };
    }
    const name = y.off.get(date);
    if (name) return { date, work: false, kind: 'holiday', name, provisional };
    if (isWeekend(date)) return { date, work: false, kind: 'weekend', provisional };
    return { date, work: true, kind: 'workday', provisional };
  }

  isWorkday(date: string): boolean {
    return this.day(date).work;
  }

  addCalendarDays(start: string, n: number): string {
    return addDays(start, n);
  }

  /** The first working day on or after `date`. */
  nextWorkdayOnOrAfter(date: string): string {
    let d = date;
    for (let i = 0; i < 400 && !this.isWorkday(d); i++) d = addDays(d, 1);
    return d;
  }

  /**
   * The n-th working day after `start` (the start day itself is not counted), with the days the
   * count passed over: the non-working days skipped and the make-up working days counted.
   */
  countWorkdays(start: string, n: number): { due: string; passed: DayInfo[] } {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let d = start;
    dayNumber(d);
    const passed: DayInfo[] = [];
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      const info = this.day(d);
      passed.push(info);
      if (info.work) left--;
    }
    return { due: d, passed };
  }

  addWorkdays(start: string, n: number): string {
    return this.countWorkdays(start, n).due;
  }
}
