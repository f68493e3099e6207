/** The display board's state, kept pure so that it can be tested without a browser. */
import type { BoardCall, BoardSnapshot } from '@hall/contracts';

/** How many calls the board lists under 最近叫号 (the server sends up to 10). */
export const LAST_CALLED_MAX = 10;

/**
 * A call as it arrives on the stream, applied to the board before the next snapshot comes: the
 * window's row shows the new number, and the call goes to the top of the last-called list (a
 * recall moves the number up again instead of listing it twice).
 */
export function applyCall(board: BoardSnapshot, call: BoardCall): BoardSnapshot {
  const entry = {
    ticketId: call.ticketId,
    number: call.number,
    windowNumber: call.windowNumber,
    windowName: call.windowName,
    status: 'called' as const,
    calledAt: call.at,
    recallCount: call.recallCount,
  };
  const current = [
    ...board.current.filter((e) => e.windowNumber !== call.windowNumber && e.ticketId !== call.ticketId),
    entry,
  ].sort((a, b) => a.windowNumber - b.windowNumber);
  const lastCalled = [entry, ...board.lastCalled.filter((e) => e.ticketId !== call.ticketId)].slice(0, LAST_CALLED_MAX);
  return { ...board, current, lastCalled, at: call.at > board.at ? call.at : board.at };
}

const ZH_DIGITS = '零一二三四五六七八九';

/**
 * The announcement as a Mandarin voice should read it: "A012" spelled "A 零一二" (a voice reads
 * "A012" as a word or as "十二"). English text is left alone.
 */
export function speakable(text: string, number: string): string {
  if (!/[\u4e00-\u9fff]/.test(text)) return text;
  const m = /^([A-Z]+)(\d+)$/.exec(number);
  if (!m) return text;
  const spoken = `${m[1].split('').join(' ')} ${m[2]
    .split('')
    .map((d) => ZH_DIGITS[Number(d)])
    .join('')}`;
  return text.split(number).join(spoken);
}
