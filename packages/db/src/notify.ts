/**
 * Change notifications across app instances: PostgreSQL LISTEN/NOTIFY on one dedicated connection
 * per instance; on SQLite (one instance by design) an in-process fan-out. A message is delivered to
 * every subscriber of every instance, including the one that published it.
 *
 * The listening connection reconnects by itself; subscribers then receive `null`, meaning "messages
 * may have been missed: reload what you show".
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type NotifyListener = (payload: string | null) => void;

export interface Notifier {
  publish(payload: string): Promise<void>;
  subscribe(listener: NotifyListener): () => void;
  /** Resolves once the instance listens (PostgreSQL) — messages published after it are received. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function createNotifier(
  database: Database,
  channel: string,
  opts: { onError?: (err: Error) => void; reconnectMs?: number } = {},
): Notifier {
  if (!CHANNEL.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const listeners = new Set<NotifyListener>();
  const emit = (payload: string | null) => {
    for (const l of listeners) {
      try {
        l(payload);
      } catch (err) {
        opts.onError?.(err as Error);
      }
    }
  };
  const subscribe = (l: NotifyListener) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };

  if (database.dialect === 'sqlite' || !database.url) {
    return {
      async publish(payload) {
        // After the caller's commit, like NOTIFY; asynchronously, like a message from the server.
        queueMicrotask(() => emit(payload));
      },
      subscribe,
      ready: async () => {},
      close: async () => listeners.clear(),
    };
  }

  const url = database.url;
  const reconnectMs = opts.reconnectMs ?? 1000;
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let first = true;

  const endQuietly = (c: pg.Client) => {
    c.removeAllListeners('end');
    return c.end().catch(() => {});
  };
  // The listening connection failed or ended: drop it and connect again later.
  const lost = (c: pg.Client) => {
    if (closed || client !== c) return;
    client = null;
    void endQuietly(c);
    scheduleReconnect();
  };
  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch((err: Error) => {
        opts.onError?.(err);
        scheduleReconnect();
      });
    }, reconnectMs);
  };
  const connect = async (): Promise<void> => {
    // keepAlive: a connection cut by the network (no FIN) is noticed by TCP rather than never.
    // application_name: operators can see (and tests can end) the listening sessions.
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: `hall-listen-${channel}` });
    c.on('notification', (msg) => {
      if (msg.channel === channel) emit(msg.payload ?? '');
    });
    // Errors before `client = c` are the failed attempt's; connect() rejects with them.
    c.on('error', (err) => {
      if (client === c) opts.onError?.(err);
      lost(c);
    });
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      await endQuietly(c);
      throw err;
    }
    if (closed) {
      // close() ran while this attempt was connecting: nobody will end this connection otherwise.
      await endQuietly(c);
      return;
    }
    client = c;
    if (!first) emit(null);
    first = false;
  };
  const started = connect();

  return {
    async publish(payload) {
      await sql`select pg_notify(${channel}, ${payload})`.execute(database.db);
    },
    subscribe,
    ready: () => started,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
      await started.catch(() => {});
      const c = client;
      client = null;
      if (c) await endQuietly(c);
    },
  };
}
