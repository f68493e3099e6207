import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { MESSAGES } from './messages.ts';
import {
  DISORDER_MAX_DAYS,
  DISORDER_STATUSES,
  DISORDER_TRANSITIONS,
  type DisorderAction,
  disorderActive,
  disorderShownStatus,
  disorderTransition,
  lingering,
  minutesToClosing,
} from './floor.ts';

const today = '2026-11-30';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) {
      expect(MESSAGES[e.code], `message for ${e.code}`).toBeDefined();
      return e.code;
    }
    throw e;
  }
  return 'ok';
}

describe('R2.3 the disorder list: every transition row', () => {
  for (const row of DISORDER_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to}`, () => {
      expect(disorderTransition(row.from, row.action, { today, expiresOn: '2027-05-30' })).toBe(row.to);
    });
  }

  it('refuses every other action', () => {
    for (const status of DISORDER_STATUSES) {
      for (const action of ['approve', 'reject', 'remove'] as DisorderAction[]) {
        if (DISORDER_TRANSITIONS.some((r) => r.from === status && r.action === action)) continue;
        expect(codeOf(() => disorderTransition(status, action, { today, expiresOn: '2027-05-30' }))).toBe(
          'disorder.actionNotAllowed',
        );
      }
    }
  });

  it('approval needs an expiry date from today up to a year', () => {
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today }))).toBe('disorder.expiryRequired');
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today, expiresOn: '2026/12/01' }))).toBe(
      'disorder.expiryRequired',
    );
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today, expiresOn: '2026-11-29' }))).toBe('disorder.expiryPast');
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today, expiresOn: today }))).toBe('ok');
    expect(DISORDER_MAX_DAYS).toBe(365);
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today, expiresOn: '2027-11-30' }))).toBe('ok');
    expect(codeOf(() => disorderTransition('proposed', 'approve', { today, expiresOn: '2027-12-01' }))).toBe(
      'disorder.expiryTooFar',
    );
  });
});

describe('R2.3 who alerts: listed and not expired', () => {
  it('a listed entry alerts up to and including its expiry day', () => {
    expect(disorderActive({ status: 'listed', expiresOn: today }, today)).toBe(true);
    expect(disorderActive({ status: 'listed', expiresOn: '2026-11-29' }, today)).toBe(false);
    expect(disorderActive({ status: 'proposed', expiresOn: null }, today)).toBe(false);
    expect(disorderActive({ status: 'removed', expiresOn: '2027-01-01' }, today)).toBe(false);
    expect(disorderActive({ status: 'rejected', expiresOn: null }, today)).toBe(false);
  });

  it('shows a listed entry past its date as expired', () => {
    expect(disorderShownStatus({ status: 'listed', expiresOn: '2026-11-29' }, today)).toBe('expired');
    expect(disorderShownStatus({ status: 'listed', expiresOn: today }, today)).toBe('listed');
    expect(disorderShownStatus({ status: 'removed', expiresOn: '2026-11-29' }, today)).toBe('removed');
  });
});

describe('R2.3a visitors who linger', () => {
  const now = new Date('2026-11-30T08:00:00Z'); // 16:00 in China
  const ago = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  const t = (id: number, status: string, minutes: number) => ({ id, status, issuedAt: ago(minutes), endedAt: null });

  it('lists a ticket waiting an hour or more, never called, and the day’s no-shows', () => {
    const list = lingering([t(1, 'waiting', 59), t(2, 'waiting', 60), t(3, 'noShow', 20), t(4, 'serving', 120), t(5, 'done', 200)], {
      now,
      closesAt: '17:30',
    });
    expect(list.map((x) => [x.ticket.id, x.reason, x.minutes])).toEqual([
      [2, 'longWait', 60],
      [3, 'noShow', 20],
    ]);
  });

  it('from 30 minutes before closing, everyone whose ticket is not finished is listed first', () => {
    const tickets = [t(1, 'waiting', 10), t(2, 'serving', 40), t(3, 'parked', 5), t(4, 'done', 90), t(5, 'noShow', 30)];
    const at1659 = lingering(tickets, { now, closesAt: '16:31' });
    expect(at1659.map((x) => x.reason)).toEqual(['noShow']);
    const at30 = lingering(tickets, { now, closesAt: '16:30' });
    expect(at30.map((x) => [x.ticket.id, x.reason])).toEqual([
      [2, 'closing'],
      [1, 'closing'],
      [3, 'closing'],
      [5, 'noShow'],
    ]);
    // Past closing too.
    expect(lingering(tickets, { now, closesAt: '15:00' })[0].reason).toBe('closing');
    // Open all day: no closing list.
    expect(lingering(tickets, { now, closesAt: null }).map((x) => x.reason)).toEqual(['noShow']);
  });

  it('minutes to closing in China time', () => {
    expect(minutesToClosing(now, '17:30')).toBe(90);
    expect(minutesToClosing(now, '24:00')).toBe(480);
    expect(minutesToClosing(now, '15:00')).toBe(-60);
  });
});
