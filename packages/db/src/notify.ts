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
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let first = true;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel === channel) emit(msg.payload ?? '');
    });
    c.on('error', (err) => {
      opts.onError?.(err);
      retry(c);
    });
    c.on('end', () => retry(c));
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    if (!first) emit(null);
    first = false;
  };
  const retry = (c: pg.Client) => {
    if (closed || client !== c || timer) return;
    client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    timer = setTimeout(async () => {
      timer = null;
      try {
        await connect();
      } catch (err) {
        opts.onError?.(err as Error);
        // Try again later: a fake client stands for the failed attempt.
        client = new pg.Client();
        retry(client);
      }
    }, opts.reconnectMs ?? 1000);
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
      listeners.clear();
      await started.catch(() => {});
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
