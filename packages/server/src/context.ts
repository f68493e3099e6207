import type { Lang, Permission, Role } from '@hall/domain';
import type { Database } from '@hall/db';
import type { Config } from './config.ts';
import type { PiiCipher } from './pii.ts';

/** The signed-in staff member, as every service sees him or her. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  hallId: number;
  windowId: number | null;
  /** For unit staff: the responsible unit they work for (R1.18). */
  unitId: number | null;
  sessionId: string;
}

/** What a service call knows about its request: who, when, which request, which language. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  now: Date;
  lang: Lang;
}

/**
 * A change on the hall floor that display boards and desks must see: published after the change
 * commits, delivered to every app instance (PostgreSQL LISTEN/NOTIFY; in-process on SQLite).
 */
export interface FloorEvent {
  /** 0 with kind 'resync': every hall (the listening connection was re-established). */
  hallId: number;
  kind: 'ticket' | 'resync';
  ticketId: number;
  action: string;
  at: string;
}

export interface FloorBus {
  publish(event: FloorEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: FloorEvent) => void): () => void;
  close(): Promise<void>;
}

/** Long-lived dependencies, built once in buildApp. */
export interface Deps {
  bus: FloorBus;
  config: Config;
  database: Database;
  cipher: PiiCipher;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
}
