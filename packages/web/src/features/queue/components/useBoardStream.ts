import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { BoardCall, BoardSnapshot } from '@hall/contracts';
import { ApiError } from '../../../lib/api';
import { boardStreamUrl, fetchBoard } from '../api';
import { applyCall } from '../board-model';

export type StreamStatus = 'connecting' | 'open' | 'lost';

/** When the server refused the stream outright (EventSource gives up): try again after this long. */
const REOPEN_MS = 5_000;

/** An event's JSON data checked against its contract; a malformed event is ignored. */
function parseEvent<T>(schema: z.ZodType<T>, e: Event): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(String((e as MessageEvent).data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The board's live state: the snapshot (fetched, then pushed as `snapshot` events) with each `call`
 * applied as it comes. EventSource reconnects by itself; after a reconnection the snapshot is
 * fetched again, since calls made while the connection was down were never received.
 */
export function useBoardStream(hallCode: string, onCall: (call: BoardCall) => void) {
  const [board, setBoard] = useState<BoardSnapshot | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [unknownHall, setUnknownHall] = useState(false);
  const callRef = useRef(onCall);
  useEffect(() => {
    callRef.current = onCall;
  });

  useEffect(() => {
    let closed = false;
    let es: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let wasLost = false;

    const refresh = () =>
      fetchBoard(hallCode).then(
        (b) => {
          if (!closed) setBoard(b);
        },
        (err: unknown) => {
          if (!closed && err instanceof ApiError && err.status === 404) setUnknownHall(true);
        },
      );

    const open = () => {
      if (closed) return;
      es = new EventSource(boardStreamUrl(hallCode));
      es.onopen = () => {
        setStatus('open');
        if (wasLost) void refresh();
        wasLost = false;
      };
      es.onerror = () => {
        wasLost = true;
        setStatus('lost');
        // CLOSED: the server answered with an error status; EventSource will not retry by itself.
        if (es?.readyState === EventSource.CLOSED) {
          es.close();
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
      es.addEventListener('snapshot', (e) => {
        const snap = parseEvent(BoardSnapshot, e);
        if (snap) setBoard(snap);
      });
      es.addEventListener('call', (e) => {
        const call = parseEvent(BoardCall, e);
        if (!call) return;
        setBoard((b) => (b ? applyCall(b, call) : b));
        callRef.current(call);
      });
    };

    void refresh();
    open();
    return () => {
      closed = true;
      clearTimeout(reopen);
      es?.close();
    };
  }, [hallCode]);

  return { board, status, unknownHall };
}
