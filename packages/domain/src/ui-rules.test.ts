import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar.ts';
import { DEFAULT_RULES, applyExtension, computeDeadline, extensionCap, makeRuleSet } from './deadline.ts';
import { MEDIATION_LEVELS, NO_FACTS, decideTransition, nextMediationLevels, type MediationLevel } from './workflow.ts';

/*
 * The rules the web app offers in its forms come from here: the mediation levels the next meeting
 * may take (R1.14, R1.15) and the extension cap (R1.19). Each is checked against the server's
 * own decision (the recordMeeting guard, applyExtension), so the form and the server agree.
 */

describe('nextMediationLevels (R1.14, R1.15)', () => {
  it('the first meeting is a group meeting; then the same level or the next one up', () => {
    expect(nextMediationLevels(null)).toEqual(['group']);
    expect(nextMediationLevels('group')).toEqual(['group', 'deputyDirector']);
    expect(nextMediationLevels('deputyDirector')).toEqual(['deputyDirector', 'directorMeeting']);
    expect(nextMediationLevels('directorMeeting')).toEqual(['directorMeeting', 'jointConference']);
    expect(nextMediationLevels('jointConference')).toEqual(['jointConference']);
  });

  const meeting = (level: MediationLevel) => ({
    level,
    heldOn: '2026-03-02',
    chair: '王组长',
    participants: '信访人',
    outcome: 'noAgreement',
    summary: '会议情况',
    unitId: null,
  });
  const grid = ([null, ...MEDIATION_LEVELS] as const).flatMap((current) =>
    MEDIATION_LEVELS.map((level) => [current, level] as const),
  );

  it.each(grid)(
    'held so far %s, a meeting at %s: offered exactly when the recordMeeting guard accepts it',
    (current, level) => {
      const d = decideTransition('mediating', 'recordMeeting', ['receptionist'], meeting(level), {
        ...NO_FACTS,
        today: '2026-03-02',
        mediationLevel: current,
      });
      expect(d.ok).toBe(nextMediationLevels(current).includes(level));
    },
  );
});

describe('extensionCap (R1.19)', () => {
  it('is the extension rule’s amount: 30 days by default, an administrator’s rule set may change it', () => {
    expect(extensionCap()).toBe(30);
    expect(extensionCap(DEFAULT_RULES)).toBe(DEFAULT_RULES.rules.extension.amount);
    const rules = makeRuleSet(DEFAULT_RULES, {
      id: 'short',
      version: 1,
      source: 'test',
      rules: { extension: { amount: 20 } },
    });
    expect(extensionCap(rules)).toBe(20);
  });

  it('is what applyExtension allows: the cap is granted, one day more is refused', () => {
    const cal = new WorkCalendar();
    const base = computeDeadline({ rule: 'handle', start: '2026-03-02', calendar: cal });
    for (const rules of [
      DEFAULT_RULES,
      makeRuleSet(DEFAULT_RULES, { id: 'short', version: 1, source: 'test', rules: { extension: { amount: 20 } } }),
    ]) {
      const cap = extensionCap(rules);
      expect(applyExtension(base, { days: cap, reason: 'r' }, cal, rules).ok).toBe(true);
      expect(applyExtension(base, { days: cap + 1, reason: 'r' }, cal, rules)).toMatchObject({
        ok: false,
        code: 'deadline.extensionTooLong',
        params: { max: cap },
      });
    }
  });
});
