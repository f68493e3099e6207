// The display board's and the statistics' pure parts (issue 4, capabilities 4 and 8).
import { describe, expect, it } from 'vitest';
import type { BoardCall, BoardSnapshot, QueueStats } from '@hall/contracts';
import { LAST_CALLED_MAX, applyCall, speakable } from './board-model';
import { DEFAULT_VOICE, loadVoiceSettings, saveVoiceSettings } from './speech';
import { bucketOf, statsChartOption } from './stats-model';

const entry = (ticketId: number, number: string, windowNumber: number, calledAt = '2026-11-29T01:00:00.000Z') => ({
  ticketId,
  number,
  windowNumber,
  windowName: `窗口${windowNumber}`,
  status: 'called' as const,
  calledAt,
  recallCount: 0,
});

const board = (over: Partial<BoardSnapshot> = {}): BoardSnapshot => ({
  hall: { code: 'SZ', name: '苏州市联合接访大厅' },
  current: [entry(1, 'B001', 1), entry(2, 'C001', 2)],
  lastCalled: [entry(2, 'C001', 2), entry(1, 'B001', 1)],
  waiting: [],
  at: '2026-11-29T01:00:00.000Z',
  ...over,
});

const call = (over: Partial<BoardCall> = {}): BoardCall => ({
  ticketId: 3,
  number: 'B002',
  windowNumber: 1,
  windowName: '窗口1',
  recallCount: 0,
  announcement: '请 B002 号到 1 号窗口办理',
  at: '2026-11-29T01:05:00.000Z',
  ...over,
});

describe('applyCall (the board between two snapshots)', () => {
  it('puts the called number on its window row and on top of the last-called list', () => {
    const b = applyCall(board(), call());
    expect(b.current.map((e) => [e.windowNumber, e.number])).toEqual([
      [1, 'B002'],
      [2, 'C001'],
    ]);
    expect(b.lastCalled.map((e) => e.number)).toEqual(['B002', 'C001', 'B001']);
    expect(b.at).toBe('2026-11-29T01:05:00.000Z');
  });

  it('a recall moves the number up instead of listing it twice', () => {
    const b = applyCall(board(), call({ ticketId: 1, number: 'B001', recallCount: 1 }));
    expect(b.lastCalled.map((e) => e.number)).toEqual(['B001', 'C001']);
    expect(b.current.find((e) => e.windowNumber === 1)?.recallCount).toBe(1);
  });

  it('a ticket transferred to another window leaves its old row', () => {
    const b = applyCall(board(), call({ ticketId: 1, number: 'B001', windowNumber: 3, windowName: '窗口3' }));
    expect(b.current.map((e) => [e.windowNumber, e.number])).toEqual([
      [2, 'C001'],
      [3, 'B001'],
    ]);
  });

  it('keeps at most the last ten calls', () => {
    let b = board({ current: [], lastCalled: [] });
    for (let i = 1; i <= 15; i++) b = applyCall(b, call({ ticketId: i, number: `B${String(i).padStart(3, '0')}` }));
    expect(b.lastCalled).toHaveLength(LAST_CALLED_MAX);
    expect(b.lastCalled[0].number).toBe('B015');
  });
});

describe('speakable (the Mandarin announcement)', () => {
  it('spells the letters and reads the digits one by one', () => {
    expect(speakable('请 A012 号到 3 号窗口办理', 'A012')).toBe('请 A 零一二 号到 3 号窗口办理');
    expect(speakable('请 AB1000 号到 12 号窗口办理', 'AB1000')).toBe('请 A B 一零零零 号到 12 号窗口办理');
  });

  it('leaves English text alone', () => {
    expect(speakable('Number A 0 1 2, please go to window 3', 'A012')).toBe('Number A 0 1 2, please go to window 3');
  });
});

describe('voice settings in localStorage', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('round-trips, and falls back to the defaults when absent, broken or out of range', () => {
    const s = store();
    expect(loadVoiceSettings(s)).toEqual(DEFAULT_VOICE);
    saveVoiceSettings(s, { enabled: false, repeat: 3, rate: 1.2 });
    expect(loadVoiceSettings(s)).toEqual({ enabled: false, repeat: 3, rate: 1.2 });
    s.setItem('hall.board.voice', '{not json');
    expect(loadVoiceSettings(s)).toEqual(DEFAULT_VOICE);
    s.setItem('hall.board.voice', JSON.stringify({ enabled: true, repeat: 9, rate: 1 }));
    expect(loadVoiceSettings(s)).toEqual(DEFAULT_VOICE);
    expect(loadVoiceSettings(undefined)).toEqual(DEFAULT_VOICE);
  });
});

describe('statsChartOption', () => {
  const figures = {
    issued: 0,
    served: 0,
    noShows: 0,
    waitAvg: null,
    waitP90: null,
    serviceAvg: null,
    serviceP90: null,
  };
  const stats: QueueStats = {
    from: '2026-11-28',
    to: '2026-11-29',
    by: 'service',
    rows: [
      {
        day: '2026-11-28',
        hour: null,
        serviceId: 1,
        windowId: null,
        name: '人社业务',
        ...figures,
        issued: 5,
        waitAvg: 12.5,
      },
      { day: '2026-11-29', hour: null, serviceId: 1, windowId: null, name: '人社业务', ...figures, issued: 3 },
      {
        day: '2026-11-29',
        hour: null,
        serviceId: 2,
        windowId: null,
        name: '住建业务',
        ...figures,
        issued: 2,
        waitAvg: 4,
      },
    ],
    total: { ...figures, issued: 10 },
  };

  it('stacks counts per service over the days, zero where a service had none', () => {
    const o = statsChartOption(stats, 'issued', { animation: false, unit: '分钟' });
    expect(o.animation).toBe(false);
    expect(o.xAxis.data).toEqual(['2026-11-28', '2026-11-29']);
    expect(o.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['人社业务', 'bar', [5, 3]],
      ['住建业务', 'bar', [0, 2]],
    ]);
  });

  it('draws minutes as lines with gaps where nothing was measured', () => {
    const o = statsChartOption(stats, 'waitAvg', { animation: false, unit: '分钟' });
    expect(o.series.map((s) => [s.type, s.data])).toEqual([
      ['line', [12.5, null]],
      ['line', [null, 4]],
    ]);
    expect(o.yAxis.name).toBe('分钟');
  });

  it('labels hourly buckets with the day and hour', () => {
    expect(bucketOf({ day: '2026-11-29', hour: 9 })).toBe('11-29 09:00');
    expect(bucketOf({ day: '2026-11-29', hour: null })).toBe('2026-11-29');
  });
});
