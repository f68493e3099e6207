import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { type SupervisionActRef, supervisionDueDays, supervisionSchedule } from './supervision.ts';

/*
 * R1.20: daily tracking, weekly callback, monthly inspection. The 2026 notice: Mid-Autumn 9-25…9-27 and
 * National Day 10-01…10-07 off, make-up working days 9-20 (Sun) and 10-10 (Sat); Spring Festival make-up
 * Saturdays 2-14 and 2-28; Labour Day 5-01…5-05 off, make-up 5-09 (Sat).
 */
const calendar = new WorkCalendar();
const take = (it: Generator<string>, n: number) => Array.from({ length: n }, () => it.next().value as string);
const schedule = (assignedOn: string, today: string, acts: SupervisionActRef[] = [], until = today) =>
  supervisionSchedule({ assignedOn, until, today, acts, calendar });

describe('R1.20 supervision due days', () => {
  it('daily: every working day after the assignment, skipping National Day 2026 and counting the make-up Saturday', () => {
    expect(take(supervisionDueDays('daily', '2026-09-29', calendar), 5)).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10', // Saturday, make-up working day
      '2026-10-12',
    ]);
    // The assignment day itself is never due, and the Mid-Autumn break is skipped too.
    expect(take(supervisionDueDays('daily', '2026-09-24', calendar), 2)).toEqual(['2026-09-28', '2026-09-29']);
  });

  it('weekly: every 7 days from the assignment, a day off moved to the next working day; a long break merges two weeks', () => {
    expect(take(supervisionDueDays('weekly', '2026-11-02', calendar), 3)).toEqual([
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    // 9-24 + 7 = 10-01 (National Day) → 10-08; + 14 = 10-08 is the same due day; + 21 = 10-15.
    expect(take(supervisionDueDays('weekly', '2026-09-24', calendar), 3)).toEqual([
      '2026-10-08',
      '2026-10-15',
      '2026-10-22',
    ]);
    // 9-19 + 7 = 9-26 (Mid-Autumn, Saturday) → Monday 9-28; + 14 = 10-03 (National Day) → 10-08.
    expect(take(supervisionDueDays('weekly', '2026-09-19', calendar), 2)).toEqual(['2026-09-28', '2026-10-08']);
  });

  it('monthly: same day next month, clamped to the month end, then the next working day', () => {
    expect(take(supervisionDueDays('monthly', '2026-01-31', calendar), 5)).toEqual([
      '2026-02-28', // clamped; a make-up Saturday, so a working day
      '2026-03-31',
      '2026-04-30',
      '2026-06-01', // 5-31 is a Sunday
      '2026-06-30',
    ]);
    // Across National Day: 8-31 → 9-30, 10-31 (Sat) → 11-02, 11-30, 12-31.
    expect(take(supervisionDueDays('monthly', '2026-08-31', calendar), 4)).toEqual([
      '2026-09-30',
      '2026-11-02',
      '2026-11-30',
      '2026-12-31',
    ]);
    // The 1st of October is a holiday: 9-01 → 10-08.
    expect(take(supervisionDueDays('monthly', '2026-09-01', calendar), 2)).toEqual(['2026-10-08', '2026-11-02']);
    // Clamping is from the assignment day each month, not from the previous due day: 31 (Sat → Mon 2-02), 28, 31.
    expect(take(supervisionDueDays('monthly', '2025-12-31', calendar), 3)).toEqual([
      '2026-02-02',
      '2026-02-28',
      '2026-03-31',
    ]);
  });
});

describe('R1.20 supervision schedule', () => {
  it('counts done, missed and due today; an act on the due day or before the next one does it', () => {
    // Assigned Monday 11-02; daily acts on 11-03 and 11-05 only; today Monday 11-09.
    const s = schedule('2026-11-02', '2026-11-09', [
      { kind: 'daily', onDate: '2026-11-03' },
      { kind: 'daily', onDate: '2026-11-05' },
    ]);
    const daily = s.kinds.daily;
    expect(daily.slots.map((x) => [x.due, x.status])).toEqual([
      ['2026-11-03', 'done'],
      ['2026-11-04', 'missed'],
      ['2026-11-05', 'done'],
      ['2026-11-06', 'missed'], // Friday's period ran to Monday
      ['2026-11-09', 'dueToday'],
    ]);
    expect(daily).toMatchObject({
      missed: 2,
      done: 2,
      dueToday: true,
      overdueSince: null,
      nextDue: '2026-11-09',
      lastDoneOn: '2026-11-05',
    });
    expect(s.kinds.weekly).toMatchObject({ dueToday: true, missed: 0, nextDue: '2026-11-09' });
    expect(s.kinds.monthly).toMatchObject({ slots: [], dueToday: false, nextDue: '2026-12-02' });
    expect(s.dueToday).toEqual(['daily', 'weekly']);
    expect(s.overdue).toEqual([]);
    expect(s.missed).toBe(2);
    expect(s.nextDue).toBe('2026-11-09');
  });

  it('a weekend act does Friday’s daily tracking; an act of another kind does not count', () => {
    const s = schedule('2026-11-05', '2026-11-09', [
      { kind: 'daily', onDate: '2026-11-07' },
      { kind: 'weekly', onDate: '2026-11-06' },
    ]);
    expect(s.kinds.daily.slots.map((x) => [x.due, x.status, x.doneOn])).toEqual([
      ['2026-11-06', 'done', '2026-11-07'],
      ['2026-11-09', 'dueToday', null],
    ]);
    expect(s.kinds.weekly.slots).toEqual([]); // first weekly callback 11-12: the act on 11-06 is before it
    expect(s.kinds.weekly.nextDue).toBe('2026-11-12');
  });

  it('overdue: past due, not done, the next one not yet due; done late within the period; missed when the next comes', () => {
    const base = '2026-11-02';
    const overdue = schedule(base, '2026-11-11');
    expect(overdue.kinds.weekly).toMatchObject({ overdueSince: '2026-11-09', missed: 0, nextDue: '2026-11-09' });
    expect(overdue.overdue).toEqual(['weekly']);
    // The daily kind is never overdue: yesterday's period ends when today's is due.
    expect(overdue.kinds.daily.overdueSince).toBeNull();
    expect(overdue.kinds.daily.missed).toBe(6); // 11-03 … 11-10
    expect(overdue.kinds.daily.dueToday).toBe(true);

    const late = schedule(base, '2026-11-12', [{ kind: 'weekly', onDate: '2026-11-12' }]);
    expect(late.kinds.weekly).toMatchObject({ overdueSince: null, missed: 0, done: 1, nextDue: '2026-11-16' });

    const missed = schedule(base, '2026-11-16');
    expect(missed.kinds.weekly.slots.map((x) => x.status)).toEqual(['missed', 'dueToday']);
    expect(missed.kinds.weekly.missed).toBe(1);
  });

  it('the assignment day is not due, and an act on it does not count for the first due day', () => {
    const s = schedule('2026-11-02', '2026-11-02', [{ kind: 'daily', onDate: '2026-11-02' }]);
    expect(s.kinds.daily.slots).toEqual([]);
    expect(s.dueToday).toEqual([]);
    expect(s.nextDue).toBe('2026-11-03');
    const next = schedule('2026-11-02', '2026-11-03', [{ kind: 'daily', onDate: '2026-11-02' }]);
    expect(next.kinds.daily.dueToday).toBe(true);
  });

  it('on a day off nothing is due today, and Friday’s tracking is overdue over the weekend', () => {
    const s = schedule('2026-11-02', '2026-11-07'); // Saturday
    expect(s.kinds.daily).toMatchObject({
      dueToday: false,
      overdueSince: '2026-11-06',
      missed: 3,
      nextDue: '2026-11-06',
    });
  });

  it('across National Day: the days off are never due and never missed', () => {
    const s = schedule('2026-09-29', '2026-10-08', [{ kind: 'daily', onDate: '2026-09-30' }]);
    expect(s.kinds.daily.slots.map((x) => [x.due, x.status])).toEqual([
      ['2026-09-30', 'done'],
      ['2026-10-08', 'dueToday'],
    ]);
    expect(s.missed).toBe(0);
  });

  it('when supervision ended (until before today), the last periods end with it and nothing is next', () => {
    const s = schedule('2026-11-02', '2026-11-20', [{ kind: 'daily', onDate: '2026-11-03' }], '2026-11-04');
    expect(s.kinds.daily.slots.map((x) => [x.due, x.status, x.periodEnd])).toEqual([
      ['2026-11-03', 'done', '2026-11-04'],
      ['2026-11-04', 'missed', '2026-11-05'],
    ]);
    expect(s.kinds.weekly.slots).toEqual([]);
    expect(s.nextDue).toBeNull();
    expect(s.overdue).toEqual([]);
    expect(s.missed).toBe(1);
  });

  it('a 60-day case: every due day is a working day, weekly and monthly counted as expected', () => {
    const s = schedule('2026-09-15', '2026-11-14');
    for (const k of ['daily', 'weekly', 'monthly'] as const) {
      for (const slot of s.kinds[k].slots) expect(calendar.isWorkday(slot.due)).toBe(true);
    }
    // Weekly: 9-22, 9-29, 10-08 (10-06 moved), 10-13, 10-20, 10-27, 11-03, 11-10.
    expect(s.kinds.weekly.slots.map((x) => x.due)).toEqual([
      '2026-09-22',
      '2026-09-29',
      '2026-10-08',
      '2026-10-13',
      '2026-10-20',
      '2026-10-27',
      '2026-11-03',
      '2026-11-10',
    ]);
    // Monthly: 10-15, then 11-15 (Sunday) → 11-16: the October inspection not done is overdue until then.
    expect(s.kinds.monthly.slots.map((x) => x.due)).toEqual(['2026-10-15']);
    expect(s.kinds.monthly).toMatchObject({ overdueSince: '2026-10-15', nextDue: '2026-10-15', missed: 0 });
    expect(s.kinds.weekly.missed).toBe(7);
    expect(s.kinds.weekly.overdueSince).toBe('2026-11-10');
  });
});
