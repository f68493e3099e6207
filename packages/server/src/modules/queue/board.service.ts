/**
 * The display board (issue 4, capability 4): what a hall's TV shows, and the live stream that keeps
 * it current on every app instance.
 *
 * Each instance keeps one BoardHub. Every floor change reaches every instance on the floor bus
 * (PostgreSQL LISTEN/NOTIFY); an instance with screens of that hall sends each call or recall at once
 * as a `call` event (so that the board can speak), and computes ONE snapshot for the change (the
 * changes of a busy moment make one) whose bytes it writes to all its screens of the hall. The cost
 * per change is a few queries per instance, not per screen. Public: numbers, windows and times only,
 * no personal data.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { BoardCall, BoardSnapshot } from '@hall/contracts';
import { announcement, notFound, queueDay } from '@hall/domain';
import { repositories } from '@hall/db';
import type { Deps, FloorEvent } from '../../context.ts';

export interface BoardHall {
  id: number;
  code: string;
  name: string;
}

/** Calls shown under "last called". */
const LAST_CALLED = 10;
/** Actions the board announces aloud. */
const ANNOUNCED = new Set(['call', 'recall']);

export class BoardService {
  constructor(private readonly deps: Deps) {}

  private get r() {
    return repositories(this.deps.database.db);
  }

  async hall(code: string): Promise<BoardHall> {
    const hall = await this.r.board.hallByCode(code);
    if (!hall) throw notFound('hall.unknownCode', { code });
    return hall;
  }

  async snapshotByCode(code: string): Promise<BoardSnapshot> {
    return this.snapshot(await this.hall(code));
  }

  async snapshot(hall: BoardHall): Promise<BoardSnapshot> {
    const now = this.deps.clock();
    const day = queueDay(now);
    const r = this.r;
    const [atWindows, calls, waiting] = await Promise.all([
      r.board.atWindows(hall.id, day),
      // More than shown: a ticket recalled several times is listed once.
      r.board.recentCalls(hall.id, day, LAST_CALLED * 4),
      r.board.waitingCounts(hall.id, day),
    ]);
    const seen = new Set<number>();
    const lastCalled: BoardSnapshot['lastCalled'] = [];
    for (const c of calls) {
      if (seen.has(c.id) || lastCalled.length === LAST_CALLED) continue;
      seen.add(c.id);
      // Still at the window it was called to: its present state; otherwise the call as it was.
      const here = c.ticket_window_id === c.window_id;
      lastCalled.push({
        ticketId: c.id,
        number: c.number,
        windowNumber: c.window_number,
        windowName: c.window_name,
        status: here && c.status === 'serving' ? 'serving' : 'called',
        calledAt: c.at,
        recallCount: here ? c.recall_count : 0,
      });
    }
    return {
      hall: { code: hall.code, name: hall.name },
      current: atWindows.map((t) => ({
        ticketId: t.id,
        number: t.number,
        windowNumber: t.window_number,
        windowName: t.window_name,
        status: t.status === 'serving' ? 'serving' : 'called',
        calledAt: t.called_at ?? t.issued_at,
        recallCount: t.recall_count,
      })),
      lastCalled,
      waiting: waiting.map((s) => ({ serviceId: s.id, name: s.name, prefix: s.prefix, count: Number(s.count) })),
      at: now.toISOString(),
    };
  }

  /** The announcements for these call/recall events of one hall, in their order (one query for all). */
  async calls(hall: BoardHall, events: readonly FloorEvent[]): Promise<BoardCall[]> {
    if (events.length === 0) return [];
    const tickets = new Map(
      (await this.r.board.tickets([...new Set(events.map((e) => e.ticketId))])).map((t) => [t.id, t]),
    );
    const out: BoardCall[] = [];
    for (const e of events) {
      const t = tickets.get(e.ticketId);
      // Gone from the window already (transferred): nothing to announce.
      if (!t || t.hall_id !== hall.id || t.window_number === null || t.window_name === null) continue;
      out.push({
        ticketId: t.id,
        number: t.number,
        windowNumber: t.window_number,
        windowName: t.window_name,
        recallCount: t.recall_count,
        announcement: announcement(t.number, t.window_number, 'zh-CN'),
        at: e.at,
      });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The live stream

/** Calls within this make one batch of announcements (one query). */
export const CALL_COALESCE_MS = 30;
/**
 * At most one snapshot per hall and instance in this time: the first change after a quiet moment goes out at once,
 * the changes of a busy moment (20 windows calling and starting) make one snapshot each interval. Calls do not wait
 * for it: they go out as `call` events at once.
 */
export const SNAPSHOT_INTERVAL_MS = 200;
/** A comment line keeps proxies and the browser from dropping an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** After a failed update (database unreachable), try again this much later. */
const RETRY_MS = 2000;
/** Calls kept for announcing while updates fail; older ones are no longer worth saying. */
const MAX_PENDING_CALLS = 20;
/** A screen that does not read (network gone, tab frozen) is dropped beyond this; it reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const sseMessage = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Runs a task after `poke()`: at once when idle; when poked while it runs or within `gapMs` of its last start, once
 * more afterwards (however many pokes). A failed run is retried after RETRY_MS.
 */
class Throttle {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private dirty = false;
  private lastRun = 0;
  private stopped = false;

  constructor(
    private readonly gapMs: number,
    private readonly task: () => Promise<void>,
    private readonly onError: (err: Error) => void,
  ) {}

  poke(delay = 0) {
    this.dirty = true;
    if (this.running || this.timer || this.stopped) return;
    const wait = Math.max(delay, this.lastRun + this.gapMs - Date.now(), 0);
    this.timer = setTimeout(() => void this.run(), wait);
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run() {
    this.timer = null;
    this.running = true;
    this.dirty = false;
    this.lastRun = Date.now();
    let failed = false;
    try {
      await this.task();
    } catch (err) {
      this.onError(err as Error);
      failed = true;
    } finally {
      this.running = false;
    }
    if (failed) this.poke(RETRY_MS);
    else if (this.dirty) this.poke();
  }
}

interface Screen {
  res: ServerResponse;
  /** Generation of the last snapshot written, so that an older one never overwrites a newer one. */
  gen: number;
}

interface Snapshot {
  gen: number;
  bytes: Buffer;
}

interface HallBoard {
  hall: BoardHall;
  screens: Set<Screen>;
  /** Bumped by every change of the hall: a snapshot computed at an older generation is stale. */
  gen: number;
  cached: Snapshot | null;
  loading: Promise<Snapshot> | null;
  /** Calls and recalls not announced yet. */
  calls: FloorEvent[];
  snapshots: Throttle;
  announcements: Throttle;
}

export class BoardHub {
  private readonly halls = new Map<number, HallBoard>();
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;
  /** Screens connected to this instance (all halls). */
  screens = 0;

  constructor(
    deps: Deps,
    private readonly service: BoardService,
    private readonly log: FastifyBaseLogger,
  ) {
    this.unsubscribe = deps.bus.subscribe((e) => this.onEvent(e));
  }

  /** Streams the hall's board to a response whose headers are already written. */
  attach(hall: BoardHall, res: ServerResponse): void {
    if (this.closed) {
      res.end();
      return;
    }
    const b = this.halls.get(hall.id) ?? this.open(hall);
    const screen: Screen = { res, gen: -1 };
    b.screens.add(screen);
    this.screens++;
    this.log.debug({ hall: hall.code, screens: this.screens }, 'board screen connected');
    res.on('error', () => {}); // 'close' follows and cleans up
    res.on('close', () => this.detach(b, screen));
    this.startHeartbeat();
    this.current(b).then(
      (s) => this.writeSnapshot(screen, s),
      (err: Error) => {
        this.log.warn({ err, hall: hall.code }, 'board snapshot failed');
        res.destroy();
      },
    );
  }

  /** Ends every stream (app closing: open streams must not keep the server from closing). */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const b of this.halls.values()) {
      b.snapshots.stop();
      b.announcements.stop();
      for (const s of b.screens) s.res.end();
    }
    this.halls.clear();
  }

  private open(hall: BoardHall): HallBoard {
    const warn = (what: string) => (err: Error) => this.log.warn({ err, hall: hall.code }, what);
    const b: HallBoard = {
      hall,
      screens: new Set(),
      gen: 0,
      cached: null,
      loading: null,
      calls: [],
      snapshots: new Throttle(SNAPSHOT_INTERVAL_MS, () => this.pushSnapshot(b), warn('board update failed')),
      announcements: new Throttle(CALL_COALESCE_MS, () => this.pushCalls(b), warn('board announcement failed')),
    };
    this.halls.set(hall.id, b);
    return b;
  }

  private detach(b: HallBoard, screen: Screen) {
    if (!b.screens.delete(screen)) return;
    this.screens--;
    this.log.debug({ hall: b.hall.code, screens: this.screens }, 'board screen disconnected');
    if (b.screens.size === 0 && this.halls.get(b.hall.id) === b) {
      b.snapshots.stop();
      b.announcements.stop();
      this.halls.delete(b.hall.id);
    }
    if (this.screens === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private onEvent(e: FloorEvent) {
    if (this.closed) return;
    // A resync (hallId 0): the bus may have missed changes, every hall reloads.
    const boards =
      e.hallId === 0 ? [...this.halls.values()] : [this.halls.get(e.hallId)].filter((b) => b !== undefined);
    for (const b of boards) {
      b.gen++;
      b.cached = null;
      if (e.kind === 'ticket' && ANNOUNCED.has(e.action)) {
        b.calls.push(e);
        b.announcements.poke();
      }
      b.snapshots.poke();
    }
  }

  /** One snapshot for all of this instance's screens of the hall. */
  private async pushSnapshot(b: HallBoard) {
    const gen = b.gen;
    const s = { gen, bytes: Buffer.from(sseMessage('snapshot', await this.service.snapshot(b.hall))) };
    if (b.gen === gen) b.cached = s;
    for (const screen of b.screens) this.writeSnapshot(screen, s);
  }

  /** The pending calls as `call` events, the same bytes to every screen of the hall. */
  private async pushCalls(b: HallBoard) {
    const events = b.calls;
    b.calls = [];
    let calls: BoardCall[];
    try {
      calls = await this.service.calls(b.hall, events);
    } catch (err) {
      b.calls = [...events, ...b.calls].slice(-MAX_PENDING_CALLS);
      throw err;
    }
    if (calls.length === 0) return;
    const bytes = Buffer.from(calls.map((c) => sseMessage('call', c)).join(''));
    for (const screen of b.screens) this.write(screen, bytes);
  }

  /** The hall's current snapshot for a new screen: the cached one, or one load shared by all who connect meanwhile. */
  private current(b: HallBoard): Promise<Snapshot> {
    if (b.cached && b.cached.gen === b.gen) return Promise.resolve(b.cached);
    if (!b.loading) {
      const gen = b.gen;
      b.loading = this.service
        .snapshot(b.hall)
        .then((snapshot) => {
          const s = { gen, bytes: Buffer.from(sseMessage('snapshot', snapshot)) };
          if (b.gen === gen) b.cached = s;
          return s;
        })
        .finally(() => {
          b.loading = null;
        });
    }
    return b.loading;
  }

  private writeSnapshot(screen: Screen, s: Snapshot) {
    if (s.gen <= screen.gen) return;
    screen.gen = s.gen;
    this.write(screen, s.bytes);
  }

  private write(screen: Screen, bytes: Buffer | string) {
    const res = screen.res;
    if (res.destroyed || res.writableEnded) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      res.destroy();
      return;
    }
    res.write(bytes);
  }

  private startHeartbeat() {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const b of this.halls.values()) for (const s of b.screens) this.write(s, ': heartbeat\n\n');
    }, HEARTBEAT_MS);
  }
}
