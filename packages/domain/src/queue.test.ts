import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { MESSAGES } from './messages.ts';
import {
  DEFAULT_SERVICE_MINUTES,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type QueuedTicket,
  type TicketAction,
  type TicketFacts,
  type TicketStatus,
  aheadOf,
  announcement,
  applyTicketAction,
  checkHours,
  checkIssue,
  chinaTimeOfDay,
  estimateWait,
  formatTicketNumber,
  orderQueue,
  percentile,
  queueDay,
  queueFigures,
  queueStats,
  ticketActions,
  windowServes,
} from './queue.ts';

const now = new Date('2026-11-30T02:00:00Z'); // 10:00 in China
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

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

describe('R2.1 numbering: per service and China day, never wrapped', () => {
  it('pads to three digits and grows past 999', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 12)).toBe('A012');
    expect(formatTicketNumber('BC', 999)).toBe('BC999');
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
  });

  it('the queue day is the China calendar day: 23:59 UTC on the 29th is the 30th in China', () => {
    expect(queueDay(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(queueDay(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(chinaTimeOfDay(new Date('2026-11-29T16:00:00Z'))).toBe('00:00');
    expect(chinaTimeOfDay(now)).toBe('10:00');
  });

  it('issues within opening hours and up to the daily maximum', () => {
    const svc = { opensAt: '08:30', closesAt: '17:30', dailyMax: 3 };
    expect(codeOf(() => checkIssue(svc, now, 1))).toBe('ok');
    expect(codeOf(() => checkIssue(svc, now, 3))).toBe('ok');
    expect(codeOf(() => checkIssue(svc, now, 4))).toBe('queue.dailyMaxReached');
    expect(codeOf(() => checkIssue(svc, new Date('2026-11-30T00:29:00Z'), 1))).toBe('queue.closed'); // 08:29
    expect(codeOf(() => checkIssue(svc, new Date('2026-11-30T00:30:00Z'), 1))).toBe('ok'); // 08:30
    expect(codeOf(() => checkIssue(svc, new Date('2026-11-30T09:30:00Z'), 1))).toBe('queue.closed'); // 17:30
    expect(codeOf(() => checkIssue({ ...svc, opensAt: '00:00', closesAt: '24:00' }, new Date('2026-11-30T15:59:00Z'), 1))).toBe('ok');
  });

  it('checks opening hours', () => {
    expect(codeOf(() => checkHours('08:30', '17:30'))).toBe('ok');
    expect(codeOf(() => checkHours('00:00', '24:00'))).toBe('ok');
    expect(codeOf(() => checkHours('17:30', '08:30'))).toBe('queue.badHours');
    expect(codeOf(() => checkHours('8:30', '17:30'))).toBe('queue.badHours');
    expect(codeOf(() => checkHours('08:30', '25:00'))).toBe('queue.badHours');
    expect(codeOf(() => checkHours('09:00', '09:00'))).toBe('queue.badHours');
  });
});

describe('R2.1 calling order: weighted wait, nobody waits forever', () => {
  const t = (id: number, waited: number, weight = 1, serviceId = 1, targetWindowId: number | null = null): QueuedTicket => ({
    id,
    serviceId,
    issuedAt: minutesAgo(waited),
    weight,
    targetWindowId,
  });

  it('first come first served within one group', () => {
    expect(orderQueue([t(2, 5), t(1, 10), t(3, 1)], now).map((x) => x.id)).toEqual([1, 2, 3]);
  });

  it('an elderly visitor (weight 2) waiting 10 minutes goes before a visitor waiting 15, not before one waiting 25', () => {
    const order = orderQueue([t(1, 15), t(2, 10, 2), t(3, 25)], now).map((x) => x.id);
    expect(order).toEqual([3, 2, 1]);
  });

  it('a normal ticket is passed only for a while: it moves up as it waits', () => {
    const normal = t(1, 60);
    const elderly = { ...t(2, 0, 2) };
    expect(orderQueue([normal, elderly], now)[0].id).toBe(1);
    const later = new Date(now.getTime() + 61 * 60_000); // elderly waited 61 → 122 > 121
    expect(orderQueue([normal, elderly], later)[0].id).toBe(2);
  });

  it('ties go to the earlier arrival, then the lower id', () => {
    const same = minutesAgo(5);
    expect(orderQueue([{ ...t(5, 0), issuedAt: same }, { ...t(4, 0), issuedAt: same }], now).map((x) => x.id)).toEqual([4, 5]);
    // Arrived just now: both score 0; the earlier (by a second) goes first whatever the weight.
    const a = { ...t(7, 0, 3), issuedAt: now.toISOString() };
    const b = { ...t(8, 0, 1), issuedAt: new Date(now.getTime() - 1000).toISOString() };
    expect(orderQueue([a, b], now).map((x) => x.id)).toEqual([8, 7]);
  });

  it('a window calls its services, or tickets transferred to it alone', () => {
    expect(windowServes(t(1, 0, 1, 1), 10, [1, 2])).toBe(true);
    expect(windowServes(t(1, 0, 1, 3), 10, [1, 2])).toBe(false);
    expect(windowServes(t(1, 0, 1, 1, 11), 10, [1, 2])).toBe(false);
    expect(windowServes(t(1, 0, 1, 3, 10), 10, [1, 2])).toBe(true);
  });

  it('counts the people ahead in the same queue only', () => {
    const mine = t(9, 0);
    const waiting = [t(1, 10), t(2, 5), t(3, 20, 1, 2), t(4, 8, 1, 1, 10), mine];
    expect(aheadOf(mine, waiting, now)).toBe(2);
  });
});

describe('R2.1 the ticket at the window: every transition row', () => {
  const opts = { windowId: 3, maxRecalls: 2, now };
  const at = (status: TicketStatus, recallCount = 0, windowId: number | null = 3) => ({ status, recallCount, windowId });

  for (const row of TICKET_TRANSITIONS) {
    it(`${row.from} --${row.action}--> ${row.to}`, () => {
      const recalls = row.action === 'noShow' ? 2 : 0;
      const from = at(row.from, recalls, row.from === 'waiting' ? null : 3);
      const c = applyTicketAction(from, row.action, opts);
      expect(c.status).toBe(row.to);
    });
  }

  it('every action not in the table is refused with a translatable error', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        if (TICKET_TRANSITIONS.some((r) => r.from === status && r.action === action)) continue;
        expect(codeOf(() => applyTicketAction(at(status, 5), action as TicketAction, opts))).toBe('queue.actionNotAllowed');
      }
    }
  });

  it('call gives the ticket to the window and stamps the call', () => {
    const c = applyTicketAction(at('waiting', 0, null), 'call', opts);
    expect(c).toMatchObject({ status: 'called', windowId: 3, recallCount: 0 });
    expect(c.set.calledAt).toBe(now.toISOString());
    expect(c.set.firstCalledAt).toBe(now.toISOString());
  });

  it('recall counts up to the setting; no-show only after it', () => {
    expect(codeOf(() => applyTicketAction(at('called', 0), 'noShow', opts))).toBe('queue.noShowTooEarly');
    const one = applyTicketAction(at('called', 0), 'recall', opts);
    expect(one.recallCount).toBe(1);
    expect(one.set.firstCalledAt).toBeUndefined();
    const two = applyTicketAction(at('called', 1), 'recall', opts);
    expect(two.recallCount).toBe(2);
    expect(codeOf(() => applyTicketAction(at('called', 2), 'recall', opts))).toBe('queue.recallLimit');
    expect(applyTicketAction(at('called', 2), 'noShow', opts).status).toBe('noShow');
    // A setting of 0: no recall, no-show at once.
    expect(applyTicketAction(at('called', 0), 'noShow', { ...opts, maxRecalls: 0 }).status).toBe('noShow');
  });

  it('the buttons follow the same rules', () => {
    expect(ticketActions(at('called', 0), 2).sort()).toEqual(['recall', 'start', 'transfer']);
    expect(ticketActions(at('called', 2), 2).sort()).toEqual(['noShow', 'start', 'transfer']);
    expect(ticketActions(at('serving'), 2).sort()).toEqual(['end', 'park', 'transfer']);
    expect(ticketActions(at('parked'), 2).sort()).toEqual(['end', 'resume', 'transfer']);
    expect(ticketActions(at('done'), 2)).toEqual([]);
  });

  it('another window cannot act on a ticket this window does not hold', () => {
    expect(codeOf(() => applyTicketAction(at('serving', 0, 4), 'end', opts))).toBe('queue.otherWindow');
    expect(codeOf(() => applyTicketAction(at('called', 0, 4), 'recall', opts))).toBe('queue.otherWindow');
  });

  it('transfer puts the ticket back in the queue with no window and no recalls; arrival time is not touched', () => {
    const c = applyTicketAction(at('serving', 1), 'transfer', opts);
    expect(c).toEqual({ status: 'waiting', recallCount: 0, windowId: null, set: {} });
    expect(Object.keys(c.set)).not.toContain('issuedAt');
  });

  it('end, no-show and cancel stamp the end', () => {
    expect(applyTicketAction(at('serving'), 'end', opts).set.endedAt).toBe(now.toISOString());
    expect(applyTicketAction(at('waiting', 0, null), 'cancel', opts).set.endedAt).toBe(now.toISOString());
    expect(applyTicketAction(at('serving'), 'park', opts).set.parkedAt).toBe(now.toISOString());
    expect(applyTicketAction(at('called'), 'start', opts).set.startedAt).toBe(now.toISOString());
  });
});

describe('capability 8: wait estimate and statistics', () => {
  it('estimates from the recent service times shared by the windows', () => {
    expect(estimateWait({ ahead: 4, recentServiceMinutes: [5, 7, 6], windows: 2 })).toBe(12);
    expect(estimateWait({ ahead: 0, recentServiceMinutes: [5], windows: 1 })).toBe(0);
    expect(estimateWait({ ahead: 3, recentServiceMinutes: [], windows: 1 })).toBe(3 * DEFAULT_SERVICE_MINUTES);
    expect(estimateWait({ ahead: 3, recentServiceMinutes: [10], windows: 0 })).toBe(30);
  });

  it('percentile is nearest-rank', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 90)).toBe(10);
  });

  const fact = (over: Partial<TicketFacts>): TicketFacts => ({
    serviceId: 1,
    windowId: 3,
    status: 'done',
    issuedAt: '2026-11-30T01:00:00Z', // 09:00 China
    firstCalledAt: '2026-11-30T01:10:00Z',
    startedAt: '2026-11-30T01:11:00Z',
    endedAt: '2026-11-30T01:17:00Z',
    ...over,
  });

  it('figures: issued, served, no-shows, wait and service time', () => {
    const f = queueFigures([
      fact({}),
      fact({ firstCalledAt: '2026-11-30T01:20:00Z', startedAt: '2026-11-30T01:20:00Z', endedAt: '2026-11-30T01:30:00Z' }),
      fact({ status: 'noShow', startedAt: null, endedAt: '2026-11-30T01:15:00Z' }),
      fact({ status: 'waiting', windowId: null, firstCalledAt: null, startedAt: null, endedAt: null }),
    ]);
    expect(f).toEqual({ issued: 4, served: 2, noShows: 1, waitAvg: 13.3, waitP90: 20, serviceAvg: 8, serviceP90: 10 });
  });

  it('groups by China day and hour, by service or by window', () => {
    const rows = [
      fact({}),
      fact({ issuedAt: '2026-11-30T02:05:00Z', serviceId: 2, windowId: 4 }), // 10:05
      fact({ issuedAt: '2026-11-29T16:30:00Z' }), // 00:30 on the 30th in China
      fact({ status: 'waiting', windowId: null, firstCalledAt: null, startedAt: null, endedAt: null }),
    ];
    const bySvc = queueStats(rows, { by: 'service', byHour: true });
    expect(bySvc.map((r) => [r.day, r.hour, r.serviceId, r.issued])).toEqual([
      ['2026-11-30', 0, 1, 1],
      ['2026-11-30', 9, 1, 2],
      ['2026-11-30', 10, 2, 1],
    ]);
    const byWin = queueStats(rows, { by: 'window', byHour: false });
    // The uncalled ticket has no window.
    expect(byWin.map((r) => [r.day, r.windowId, r.issued])).toEqual([
      ['2026-11-30', 3, 2],
      ['2026-11-30', 4, 1],
    ]);
  });
});

describe('R2.1 the board announcement', () => {
  it('speaks the number and the window in Mandarin (English as second language)', () => {
    expect(announcement('A012', 3, 'zh-CN')).toBe('请 A012 号到 3 号窗口办理');
    expect(announcement('A012', 3, 'en')).toBe('Number A 0 1 2, please go to window 3');
  });
});
