import { describe, it, expect } from 'vitest';
import { WorkCalendar, type OfficialYear } from './calendar.ts';
import {
  DEFAULT_RULES,
  RULE_IDS,
  applyExtension,
  computeDeadline,
  daysLeft,
  deadlineAlert,
  isOverdue,
  makeRuleSet,
  mayApproveExtension,
  recomputeDeadline,
  type Deadline,
  type ExtensionResult,
  type RuleId,
} from './deadline.ts';
import { DomainError } from './errors.ts';
import { MESSAGES, translate } from './messages.ts';

/*
 * R1.19 (60 days, extension ≤ 30 days), R2.4b and R2.6 (3 working days) and the spec's table of
 * national limits. The 2026 calendar is the State Council's notice as chinese-days 1.5.7 has it
 * (see calendar.test.ts): Mid-Autumn 9-25…9-27, National Day 10-01…10-07, make-up working days
 * 9-20 (Sun) and 10-10 (Sat); Spring Festival 2-15…2-23, make-up 2-14 and 2-28 (Sat).
 * The start day is not counted; a calendar-day period ending on a day off ends on the next working day.
 */

const cal = new WorkCalendar();
/** A made-up 2027 notice standing in for the real one (not real data). */
const FAKE_2027: OfficialYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
  source: 'test fixture, not the real 2027 notice',
};
const calWith2027 = new WorkCalendar([FAKE_2027]);

const due = (rule: RuleId, start: string, calendar = cal) => computeDeadline({ rule, start, calendar }).due;

const extended = (r: ExtensionResult): Deadline => {
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.deadline;
};

describe('default rules: the spec’s table, R1.14, R1.19, R2.4b, R2.6', () => {
  it.each([
    ['dispose', 'calendarDays', 15],
    ['noticeOfReceipt', 'calendarDays', 15],
    ['objection', 'workingDays', 5],
    ['handle', 'calendarDays', 60],
    ['extension', 'calendarDays', 30],
    ['reviewRequest', 'calendarDays', 30],
    ['reviewAnswer', 'calendarDays', 30],
    ['reReviewRequest', 'calendarDays', 30],
    ['reReviewAnswer', 'calendarDays', 30],
    ['mediationAgreement', 'calendarDays', 7],
    ['courtNotice', 'workingDays', 3],
    ['materialNotice', 'workingDays', 3],
  ] as const)('%s: %s %i', (id, unit, amount) => {
    expect(DEFAULT_RULES.rules[id]).toMatchObject({ id, unit, amount });
  });

  it('every rule id has a rule', () => {
    expect(Object.keys(DEFAULT_RULES.rules).sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('R1.19 60 calendar days to handle', () => {
  it.each([
    ['2026-01-15', '2026-03-16', 'plain'],
    ['2026-01-31', '2026-04-01', 'from a month end, across February (28 days)'],
    ['2024-01-01', '2024-03-01', 'leap year: across 2024-02-29'],
    ['2024-02-29', '2024-04-29', 'from the leap day'],
    ['2023-12-31', '2024-02-29', 'from a year end onto the leap day'],
    ['2025-12-31', '2026-03-02', 'year end; day 60 is Sunday 2026-03-01 → Monday'],
    ['2023-02-28', '2023-05-04', 'day 60 is 2023-04-29, in the Labour Day break (4-29…5-3) → 5-4'],
    ['2026-08-05', '2026-10-08', 'day 60 is 2026-10-04, in the National Day break → 10-08'],
    ['2025-12-18', '2026-02-24', 'day 60 is 2026-02-16, in the Spring Festival break (2-15…2-23) → 2-24'],
  ])('from %s → due %s (%s)', (start, expected) => {
    const d = computeDeadline({ rule: 'handle', start, calendar: cal });
    expect(d.due).toBe(expected);
    expect(d).toMatchObject({
      ruleId: 'handle',
      unit: 'calendarDays',
      amount: 60,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('records its rule, rule set, start and how it was computed', () => {
    const d = computeDeadline({ rule: 'handle', start: '2026-08-05', calendar: cal, at: '2026-08-05T02:00:00.000Z' });
    expect(d).toMatchObject({
      ruleId: 'handle',
      ruleSet: { id: 'default', version: 1 },
      start: '2026-08-05',
      periodEnd: '2026-10-04',
      due: '2026-10-08',
      amountOverridden: false,
    });
    expect(d.computation['zh-CN']).toBe(
      '2026-08-05 起（当日不计）60 日 → 2026-10-04；该日为节假日（国庆节），顺延至其后第一个工作日 2026-10-08',
    );
    expect(d.computation.en).toBe(
      '60 days from 2026-08-05 (the start day not counted) → 2026-10-04; that is a day off (National Day): moved to the next working day 2026-10-08',
    );
    expect(d.history).toEqual([
      {
        kind: 'computed',
        due: '2026-10-08',
        provisional: false,
        computation: d.computation,
        at: '2026-08-05T02:00:00.000Z',
      },
    ]);
  });

  it('the assigning side may set another limit; it is recorded as such', () => {
    const d = computeDeadline({ rule: 'handle', start: '2026-08-05', calendar: cal, amount: 30 });
    expect(d).toMatchObject({ amount: 30, amountOverridden: true, due: '2026-09-04' });
    expect(() => computeDeadline({ rule: 'handle', start: '2026-08-05', calendar: cal, amount: 0 })).toThrow(
      DomainError,
    );
  });

  it('an administrator’s rule set: another limit, and strict calendar days without moving off days off', () => {
    const rules = makeRuleSet(DEFAULT_RULES, {
      id: 'hall-2026',
      version: 2,
      source: 'hall regulation 2026',
      rules: { handle: { amount: 90, rollForward: false } },
    });
    const d = computeDeadline({ rule: 'handle', start: '2026-07-06', calendar: cal, rules });
    expect(d).toMatchObject({ ruleSet: { id: 'hall-2026', version: 2 }, amount: 90, due: '2026-10-04' });
    expect(() =>
      makeRuleSet(DEFAULT_RULES, { id: 'x', version: 3, source: 'x', rules: { handle: { amount: 1.5 } } }),
    ).toThrow(DomainError);
  });

  it('the other calendar-day limits of the table', () => {
    expect(due('dispose', '2026-09-16')).toBe('2026-10-08'); // day 15 = 10-01
    expect(due('noticeOfReceipt', '2026-03-02')).toBe('2026-03-17');
    expect(due('reviewRequest', '2026-03-02')).toBe('2026-04-01');
    expect(due('reReviewAnswer', '2026-09-01')).toBe('2026-10-08'); // day 30 = 10-01
    expect(due('mediationAgreement', '2026-09-18')).toBe('2026-09-28'); // R1.14: day 7 = 9-25, Mid-Autumn
    expect(due('mediationAgreement', '2026-03-02')).toBe('2026-03-09');
  });
});

describe('R2.4b / R2.6 / objection: working days on the official 2026 calendar', () => {
  it.each([
    ['objection', '2026-09-24', '2026-10-09', 'across Mid-Autumn (9-25…9-27) and National Day (10-01…10-07)'],
    ['objection', '2026-09-28', '2026-10-10', 'the 5th working day is the make-up Saturday 10-10'],
    ['objection', '2026-09-30', '2026-10-13', 'across National Day, counting 10-10, not 10-11'],
    ['courtNotice', '2026-09-18', '2026-09-22', 'R2.4b: the make-up Sunday 9-20 counts'],
    ['materialNotice', '2026-09-24', '2026-09-30', 'R2.6: across Mid-Autumn'],
    ['materialNotice', '2026-10-09', '2026-10-13', 'R2.6: the make-up Saturday 10-10 counts, Sunday 10-11 does not'],
    ['courtNotice', '2026-02-12', '2026-02-24', 'R2.4b: 2-13, make-up 2-14, then across Spring Festival'],
    ['materialNotice', '2026-02-13', '2026-02-25', 'R2.6: across Spring Festival'],
    ['objection', '2026-02-24', '2026-03-02', 'after Spring Festival: the make-up Saturday 2-28 counts'],
    ['courtNotice', '2025-12-31', '2026-01-06', 'R2.4b: across New Year 2026 and the make-up Sunday 1-04'],
    ['courtNotice', '2026-03-06', '2026-03-11', 'R2.4b: an ordinary weekend'],
  ] as const)('%s from %s → %s (%s)', (rule, start, expected, _why) => {
    const d = computeDeadline({ rule, start, calendar: cal });
    expect(d.due).toBe(expected);
    expect(d.unit).toBe('workingDays');
    expect(d.provisional).toBe(false);
  });

  it('the computation names the breaks skipped and the make-up days counted', () => {
    const d = computeDeadline({ rule: 'objection', start: '2026-09-24', calendar: cal });
    expect(d.computation['zh-CN']).toBe(
      '2026-09-24 起（当日不计）5 个工作日（跳过 2026-09-25…2026-09-27 中秋节；跳过 2026-10-01…2026-10-07 国庆节）→ 2026-10-09',
    );
    const e = computeDeadline({ rule: 'objection', start: '2026-09-28', calendar: cal });
    expect(e.computation['zh-CN']).toBe(
      '2026-09-28 起（当日不计）5 个工作日（跳过 2026-10-01…2026-10-07 国庆节；2026-10-10 调休上班，计入）→ 2026-10-10',
    );
    expect(e.computation.en).toBe(
      '5 working days from 2026-09-28 (the start day not counted) (skipping 2026-10-01…2026-10-07 National Day; 2026-10-10 is a make-up working day, counted) → 2026-10-10',
    );
  });
});

describe('R1.19 a limit reaching into 2027 (no official notice loaded) is provisional', () => {
  it('working days across New Year 2027: provisional, with 2027 listed and an alert for the administrator', () => {
    const d = computeDeadline({ rule: 'objection', start: '2026-12-28', calendar: cal });
    // 2027-01-01 is a statutory holiday even though chinese-days calls it a working day.
    expect(d).toMatchObject({ due: '2027-01-05', provisional: true, provisionalYears: [2027] });
    expect(d.computation['zh-CN']).toContain('2027 年放假安排尚未载入，按法定节假日推算（暂定）');
    expect(deadlineAlert(d)).toEqual({ code: 'deadline.provisional', params: { years: '2027' } });
    expect(translate('deadline.provisional', 'zh-CN', deadlineAlert(d)!.params)).toContain(
      '2027 年国务院节假日安排尚未载入',
    );
  });

  it('60 calendar days ending in 2027 are provisional (whether day 60 is a working day needs the 2027 calendar)', () => {
    expect(computeDeadline({ rule: 'handle', start: '2026-11-15', calendar: cal })).toMatchObject({
      due: '2027-01-14',
      provisional: true,
      provisionalYears: [2027],
    });
    expect(computeDeadline({ rule: 'handle', start: '2026-11-02', calendar: cal })).toMatchObject({
      periodEnd: '2027-01-01',
      due: '2027-01-04',
      provisional: true,
    });
  });

  it('with the administrator’s 2027 notice loaded the same deadline is official', () => {
    const d = computeDeadline({ rule: 'objection', start: '2026-12-28', calendar: calWith2027 });
    expect(d).toMatchObject({ due: '2027-01-05', provisional: false, provisionalYears: [] });
    expect(deadlineAlert(d)).toBeUndefined();
  });

  it('recomputing once the notice is loaded moves the due date and keeps the history', () => {
    // Provisional 2027: the eve (2-5), 2-8 and the two substitute days 2-9, 2-10 are off.
    const d = computeDeadline({ rule: 'objection', start: '2027-02-03', calendar: cal });
    expect(d).toMatchObject({ due: '2027-02-16', provisional: true });
    const r = recomputeDeadline(d, calWith2027, '2026-11-20T01:00:00.000Z');
    expect(r).toMatchObject({ due: '2027-02-10', provisional: false, provisionalYears: [] });
    expect(r.history.map((h) => h.kind)).toEqual(['computed', 'recomputed']);
    expect(r.history[1]).toMatchObject({
      previousDue: '2027-02-16',
      due: '2027-02-10',
      at: '2026-11-20T01:00:00.000Z',
    });
    expect(recomputeDeadline(r, calWith2027)).toBe(r); // nothing changed, nothing recorded
  });
});

describe('R1.19 extension: at most 30 days in all, approved by the director or a deputy', () => {
  // Day 60 from 2026-03-02 is 2026-05-01, in the Labour Day break (5-1…5-5): due 5-06.
  const base = computeDeadline({ rule: 'handle', start: '2026-03-02', calendar: cal });

  it('the base deadline', () => {
    expect(base).toMatchObject({ periodEnd: '2026-05-01', due: '2026-05-06' });
  });

  it('30 days are allowed: the period runs 60 + 30 days from the start', () => {
    const d = extended(
      applyExtension(base, { days: 30, reason: '涉及多个部门，需补充调查', approvedBy: 'director:7' }, cal),
    );
    expect(d).toMatchObject({ periodEnd: '2026-05-31', due: '2026-06-01', extensions: [{ days: 30 }] });
    expect(d.computation['zh-CN']).toContain('延期 30 日 → 2026-05-31；该日为周末，顺延至其后第一个工作日 2026-06-01');
    expect(d.history.map((h) => h.kind)).toEqual(['computed', 'extended']);
    expect(d.history[1]).toMatchObject({
      days: 30,
      previousDue: '2026-05-06',
      due: '2026-06-01',
      approvedBy: 'director:7',
    });
  });

  it('31 days are refused', () => {
    expect(applyExtension(base, { days: 31, reason: 'r' }, cal)).toEqual({
      ok: false,
      code: 'deadline.extensionTooLong',
      params: { max: 30, days: 31 },
    });
  });

  it('a second extension past the cap is refused; one within it is allowed', () => {
    const once = extended(applyExtension(base, { days: 10, reason: 'r1' }, cal));
    expect(applyExtension(once, { days: 21, reason: 'r2' }, cal)).toEqual({
      ok: false,
      code: 'deadline.extensionAlreadyUsed',
      params: { max: 30, used: 10, remaining: 20, days: 21 },
    });
    const twice = extended(applyExtension(once, { days: 20, reason: 'r2' }, cal));
    expect(twice).toMatchObject({ due: '2026-06-01', extensions: [{ days: 10 }, { days: 20 }] });
    expect(twice.computation['zh-CN']).toContain('延期 10 + 20 日（共 30 日）');
    const third = applyExtension(twice, { days: 1, reason: 'r3' }, cal);
    expect(third).toMatchObject({ ok: false, code: 'deadline.extensionAlreadyUsed', params: { remaining: 0 } });
  });

  it('extensions recorded elsewhere count too (previousExtensions)', () => {
    expect(applyExtension(base, { days: 1, reason: 'r', previousExtensions: [30] }, cal)).toMatchObject({
      ok: false,
      code: 'deadline.extensionAlreadyUsed',
    });
  });

  it('a rule set may allow a single extension only', () => {
    const rules = makeRuleSet(DEFAULT_RULES, { id: 'once', version: 1, source: 'strict', extensionMaxCount: 1 });
    const once = extended(applyExtension(base, { days: 10, reason: 'r' }, cal, rules));
    expect(applyExtension(once, { days: 5, reason: 'r' }, cal, rules)).toEqual({
      ok: false,
      code: 'deadline.extensionCountExceeded',
      params: { maxCount: 1 },
    });
  });

  it.each([0, -5, 2.5, Number.NaN])('%d days are refused', (days) => {
    expect(applyExtension(base, { days, reason: 'r' }, cal)).toMatchObject({
      ok: false,
      code: 'deadline.extensionNotPositive',
    });
  });

  it('an extension needs a reason', () => {
    expect(applyExtension(base, { days: 10, reason: '  ' }, cal)).toEqual({
      ok: false,
      code: 'deadline.extensionReasonRequired',
      params: {},
    });
  });

  it('the director or a deputy approves', () => {
    expect(mayApproveExtension(['director'])).toBe(true);
    expect(mayApproveExtension(['deputyDirector', 'office'])).toBe(true);
    expect(mayApproveExtension(['office', 'receptionist', 'admin'])).toBe(false);
  });
});

describe('overdue and days left (R1.23 detection reads these)', () => {
  const d = computeDeadline({ rule: 'objection', start: '2026-09-28', calendar: cal }); // due 2026-10-10
  it.each([
    ['2026-10-01', false, 9],
    ['2026-10-10', false, 0],
    ['2026-10-11', true, -1],
    ['2027-01-01', true, -83],
  ] as const)('on %s: overdue %s, %i days left', (today, overdue, left) => {
    expect(isOverdue(d, today)).toBe(overdue);
    expect(daysLeft(d, today)).toBe(left);
  });
});

describe('deadline codes are translated', () => {
  it('every refusal and error code has zh-CN and en, with its placeholders filled', () => {
    const base = computeDeadline({ rule: 'handle', start: '2026-03-02', calendar: cal });
    const once = extended(applyExtension(base, { days: 10, reason: 'r' }, cal));
    const strict = makeRuleSet(DEFAULT_RULES, { id: 's', version: 1, source: 's', extensionMaxCount: 1 });
    const results = [
      applyExtension(base, { days: 0, reason: 'r' }, cal),
      applyExtension(base, { days: 31, reason: 'r' }, cal),
      applyExtension(once, { days: 25, reason: 'r' }, cal),
      applyExtension(once, { days: 5, reason: 'r' }, cal, strict),
      applyExtension(base, { days: 5 }, cal),
    ];
    const codes: { code: string; params: Record<string, string | number> }[] = [];
    for (const r of results) if (!r.ok) codes.push({ code: r.code, params: r.params });
    try {
      computeDeadline({ rule: 'handle', start: '2026-03-02', calendar: cal, amount: -1 });
    } catch (e) {
      codes.push({ code: (e as DomainError).code, params: (e as DomainError).params });
    }
    codes.push(deadlineAlert(computeDeadline({ rule: 'objection', start: '2026-12-28', calendar: cal }))!);
    expect(new Set(codes.map((c) => c.code)).size).toBe(7);
    for (const { code, params } of codes) {
      expect(MESSAGES[code], code).toBeDefined();
      for (const lang of ['zh-CN', 'en'] as const)
        expect(translate(code, lang, params), `${code} ${lang}`).not.toMatch(/\{\w+\}/);
    }
  });
});
