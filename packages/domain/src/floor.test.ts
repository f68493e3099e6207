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
