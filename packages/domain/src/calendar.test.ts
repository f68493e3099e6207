import chineseDays from 'chinese-days';
import { describe, it, expect } from 'vitest';
import {
  WorkCalendar,
  addDays,
  checkOfficialYear,
  dayNumber,
  isIsoDate,
  isWeekend,
  packageOfficialYear,
  packageOfficialYears,
  provisionalDaysOff,
  qingmingDate,
  statutoryHolidays,
  weekday,
  type OfficialYear,
} from './calendar.ts';
import { DomainError } from './errors.ts';
import { MESSAGES, translate } from './messages.ts';

/*
 * R1.19 / R2.4b / R2.6: working days follow the official calendar.
 *
 * What the State Council's notice on the 2026 holidays (国务院办公厅关于2026年部分节假日安排的通知)
 * says, as chinese-days 1.5.7 has it (checked below, day by day):
 *   元旦   1月1日（周四）至3日（周六）放假调休，共3天；1月4日（周日）上班。
 *   春节   2月15日（腊月二十八，周日）至23日（周一）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
 *   清明节 4月4日（周六）至6日（周一）放假，共3天。
 *   劳动节 5月1日（周五）至5日（周二）放假调休，共5天；5月9日（周六）上班。
 *   端午节 6月19日（周五）至21日（周日）放假，共3天。
 *   中秋节 9月25日（周五）至27日（周日）放假，共3天。
 *   国庆节 10月1日（周四）至7日（周三）放假调休，共7天；9月20日（周日）、10月10日（周六）上班。
 * So Mid-Autumn and National Day are two separate breaks in 2026 (28–30 September are working
 * days, and 8 October too), unlike 2025's single 1–8 October break.
 */

const cal = new WorkCalendar();

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};
const daysOfYear = (y: number) => range(`${y}-01-01`, `${y}-12-31`);

/** A made-up 2027 notice, standing in for the one the administrator will load (not real data). */
const FAKE_2027: OfficialYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
  source: 'test fixture, not the real 2027 notice',
};

describe('dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('weekdays and day arithmetic (UTC day numbers)', () => {
    expect(weekday('2026-10-01')).toBe(4); // Thursday
    expect(weekday('2026-09-20')).toBe(0); // Sunday
    expect(weekday('2026-10-10')).toBe(6); // Saturday
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('R1.19 official data: chinese-days 1.5.7', () => {
  it('covers 2004–2026 and nothing after', () => {
    const years = packageOfficialYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
  });

  it('the trap: the package itself calls 2027-01-01 a working day; our calendar does not', () => {
    expect(chineseDays.isWorkday(new Date(2027, 0, 1, 12))).toBe(true);
    expect(cal.status(2027)).toBe('provisional');
    expect(cal.isWorkday('2027-01-01')).toBe(false);
    expect(cal.day('2027-01-01')).toMatchObject({ kind: 'holiday', provisional: true, name: { 'zh-CN': '元旦' } });
  });

  it('2026 days off are the notice’s, break by break', () => {
    const y = packageOfficialYear(2026)!;
    expect(y.holidays).toEqual([
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ]);
    expect(y.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of y.workdays) expect(isWeekend(d), d).toBe(true);
    expect(cal.status(2026)).toBe('official');
  });

  it('2026 around Mid-Autumn and National Day: 9-28…9-30 and 10-08 are working days', () => {
    const work = range('2026-09-19', '2026-10-11').filter((d) => cal.isWorkday(d));
    expect(work).toEqual([
      '2026-09-20', // Sunday, make-up working day
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10', // Saturday, make-up working day
    ]);
    expect(cal.day('2026-09-20')).toMatchObject({ kind: 'makeUpWorkday', work: true, name: { 'zh-CN': '国庆节' } });
    expect(cal.day('2026-09-25')).toMatchObject({ kind: 'holiday', name: { 'zh-CN': '中秋节' } });
    expect(cal.day('2026-10-07')).toMatchObject({ kind: 'holiday', name: { 'zh-CN': '国庆节' } });
    expect(cal.day('2026-10-11')).toMatchObject({ kind: 'weekend', work: false });
  });

  it('2026 Spring Festival: 2-15…2-23 off, 2-14 and 2-28 (Saturdays) worked', () => {
    expect(range('2026-02-14', '2026-02-28').filter((d) => cal.isWorkday(d))).toEqual([
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
  });
});

describe('R1.19 statutory holidays computed from the national rules (lunar dates, Qingming)', () => {
  it('2026: the 13 days of the 2024 rules (eve + 3 days of Spring Festival, 1–2 May)', () => {
    expect(statutoryHolidays(2026).map((h) => `${h.date} ${h.festival}`)).toEqual([
      '2026-01-01 newYear',
      '2026-02-16 springFestival', // eve (lunar new year 2026-02-17)
      '2026-02-17 springFestival',
      '2026-02-18 springFestival',
      '2026-02-19 springFestival',
      '2026-04-05 qingming',
      '2026-05-01 labourDay',
      '2026-05-02 labourDay',
      '2026-06-19 dragonBoat',
      '2026-09-25 midAutumn',
      '2026-10-01 nationalDay',
      '2026-10-02 nationalDay',
      '2026-10-03 nationalDay',
    ]);
  });

  it('2025: the first year of the 13-day rules', () => {
    expect(statutoryHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-04',
      '2025-05-01',
      '2025-05-02',
      '2025-05-31',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
    ]);
  });

  it('cross-check with the official notices: every computed statutory day of 2008–2026 is a day off', () => {
    for (let year = 2008; year <= 2026; year++) {
      const holidays = statutoryHolidays(year);
      expect(holidays).toHaveLength(year >= 2025 ? 13 : 11);
      for (const h of holidays) expect(cal.isWorkday(h.date), `${year}: ${h.date} ${h.festival}`).toBe(false);
    }
  });

  it('cross-check 2025 and 2026: weekday days off − make-up working days = the 13 statutory days', () => {
    for (const year of [2025, 2026]) {
      const days = daysOfYear(year).map((d) => cal.day(d));
      const weekdaysOff = days.filter((d) => !d.work && !isWeekend(d.date)).length;
      const makeUp = days.filter((d) => d.kind === 'makeUpWorkday').length;
      expect(weekdaysOff - makeUp, String(year)).toBe(13);
    }
  });

  it('the substitute days off (补假) of the provisional rule are official days off in 2025 and 2026', () => {
    for (const year of [2025, 2026]) {
      for (const d of provisionalDaysOff(year)) expect(cal.isWorkday(d.date), `${year}: ${d.date}`).toBe(false);
    }
    // 2026: Qingming (Sun 4-5), 2 May (Sat) and 3 October (Sat) fall on weekends.
    expect(
      provisionalDaysOff(2026)
        .filter((d) => d.substitute)
        .map((d) => d.date),
    ).toEqual(['2026-04-06', '2026-05-04', '2026-10-05']);
  });

  it('Qingming by formula agrees with the package and the notices', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map(qingmingDate)).toEqual([
      '2024-04-04',
      '2025-04-04',
      '2026-04-05',
      '2027-04-05',
      '2028-04-04',
      '2029-04-04',
      '2030-04-05',
    ]);
  });

  it('2027: New Year, and Spring Festival from the eve (2027-02-05) with the lunar new year 2027-02-06', () => {
    const dates = statutoryHolidays(2027).map((h) => h.date);
    expect(dates).toContain('2027-01-01');
    expect(dates.filter((_, i) => statutoryHolidays(2027)[i].festival === 'springFestival')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(dates).toHaveLength(13);
  });

  it('is the same in any server time zone (the package’s converter is used with local dates)', () => {
    const before = process.env.TZ;
    const expected = JSON.stringify([2026, 2027, 2031].map(statutoryHolidays));
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(JSON.stringify([2026, 2027, 2031].map(statutoryHolidays)), tz).toBe(expected);
      }
      // The switch takes effect: west of Greenwich the package's own solar-term function is a day
      // early (it formats a UTC instant with local getters), which is why qingmingDate exists.
      process.env.TZ = 'America/Los_Angeles';
      expect(chineseDays.getSolarTermDate(2027, 4, 'pure_brightness')).toBe('2027-04-04');
      process.env.TZ = 'Asia/Shanghai';
      expect(chineseDays.getSolarTermDate(2027, 4, 'pure_brightness')).toBe('2027-04-05');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('years before the 2007 rules are refused rather than guessed', () => {
    expect(() => statutoryHolidays(2007)).toThrow(RangeError);
    // ...but those years are official in the package, so the calendar answers.
    expect(cal.status(2007)).toBe('official');
    expect(cal.isWorkday('2007-10-01')).toBe(false);
  });
});

describe('R1.19 provisional years and the administrator’s notices', () => {
  it('a year with no notice: statutory days and substitutes off, no make-up days', () => {
    expect(cal.status(2027)).toBe('provisional');
    expect(cal.source(2027)).toContain('暂定');
    expect(cal.isWorkday('2027-02-05')).toBe(false); // eve, Friday
    expect(cal.isWorkday('2027-02-09')).toBe(false); // substitute for 2-6 (Sat)
    expect(cal.isWorkday('2027-02-11')).toBe(true);
    expect(cal.day('2027-02-09')).toMatchObject({ kind: 'holiday', provisional: true, name: { 'zh-CN': '春节补假' } });
    expect(cal.provisionalYearsBetween('2026-12-01', '2028-01-10')).toEqual([2027, 2028]);
  });

  it('an administrator-added year makes it official and replaces the package for that year', () => {
    const withNotice = new WorkCalendar([FAKE_2027]);
    expect(withNotice.status(2027)).toBe('official');
    expect(withNotice.isWorkday('2027-01-01')).toBe(false);
    expect(withNotice.isWorkday('2027-02-09')).toBe(true); // the fixture has no Spring Festival

    const corrected = new WorkCalendar([
      { year: 2026, holidays: ['2026-03-02'], workdays: ['2026-03-07'], source: 'correction' },
    ]);
    expect(corrected.isWorkday('2026-03-02')).toBe(false);
    expect(corrected.isWorkday('2026-03-07')).toBe(true);
    expect(corrected.isWorkday('2026-10-01')).toBe(true); // the package's 2026 is replaced, not merged
    expect(corrected.source(2026)).toBe('correction');
  });

  it('a notice with mistakes is refused with every problem listed', () => {
    const problems = checkOfficialYear({
      year: 2027,
      holidays: ['2027-02-30', '2026-12-31', '2027-02-06'],
      workdays: ['2027-02-03', '2027-02-06'],
      source: ' ',
    });
    expect(problems.map((p) => p.code)).toEqual([
      'calendar.sourceRequired',
      'calendar.badDate',
      'calendar.dateOutsideYear',
      'calendar.workdayNotWeekend',
      'calendar.dayBothOffAndWorking',
    ]);
    expect(checkOfficialYear({ ...FAKE_2027, year: 1.5 }).map((p) => p.code)).toEqual(['calendar.badYear']);
    expect(checkOfficialYear(FAKE_2027)).toEqual([]);
    expect(() => new WorkCalendar([{ ...FAKE_2027, workdays: ['2027-01-04'] }])).toThrow(DomainError);
  });

  it('a year no rule covers is an error, never a guess', () => {
    expect(() => cal.isWorkday('2100-01-04')).toThrow(DomainError);
    expect(() => cal.isWorkday('1999-01-04')).toThrow(DomainError);
  });

  it('every calendar code has both languages, and its placeholders are filled', () => {
    const problems = [
      ...checkOfficialYear({ year: 2027, holidays: ['x', '2026-01-01'], workdays: ['2027-01-04', 'x'], source: '' }),
      ...checkOfficialYear({ ...FAKE_2027, holidays: ['2027-01-02'], workdays: ['2027-01-02'] }),
      ...checkOfficialYear({ ...FAKE_2027, year: 0 }),
    ];
    let thrown: DomainError | undefined;
    try {
      cal.isWorkday('2100-01-04');
    } catch (e) {
      thrown = e as DomainError;
    }
    const all = [...problems, { code: thrown!.code, params: thrown!.params }];
    expect(new Set(all.map((p) => p.code)).size).toBe(7);
    for (const p of all) {
      expect(MESSAGES[p.code], p.code).toBeDefined();
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(translate(p.code, lang, p.params as Record<string, string | number>)).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
