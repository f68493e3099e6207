/**
 * The floor bus: hall-floor changes (a ticket called, recalled, served…) announced to every app
 * instance after they commit, so that each instance's display boards update whichever instance
 * made the change. PostgreSQL LISTEN/NOTIFY through @hall/db's notifier; in-process on SQLite.
 */
import { type Database, createNotifier } from '@hall/db';
import type { FloorBus, FloorEvent } from './context.ts';

export const FLOOR_CHANNEL = 'hall_floor';

export function createFloorBus(
  database: Database,
  onError: (err: Error) => void,
): FloorBus & { ready(): Promise<void> } {
  const notifier = createNotifier(database, FLOOR_CHANNEL, { onError });
  return {
    async publish(event) {
      // Called after the change committed: a failed notification must not turn the committed change
      // into an error for the user (who might then do it again). It is logged; boards catch up with
      // the next change or their reconnect.
      try {
        await notifier.publish(JSON.stringify(event));
      } catch (err) {
        onError(err as Error);
      }
    },
    subscribe(listener) {
      return notifier.subscribe((payload) => {
        // null: the listening connection was re-established and messages may have been lost; every
        // hall reloads (hallId 0 stands for all halls).
        if (payload === null)
          return listener({ hallId: 0, kind: 'resync', ticketId: 0, action: 'resync', at: new Date().toISOString() });
        try {
          listener(JSON.parse(payload) as FloorEvent);
        } catch (err) {
          onError(err as Error);
        }
      });
    },
    ready: () => notifier.ready(),
    close: () => notifier.close(),
  };
}
