/**
 * Keyset cursors of the lists (issue 9 §2): a cursor is the base64url of `registered_at|id` of the
 * last row shown (the matter list), or of its id alone (the audit trail, in id order). It is opaque to the client; what comes back is checked here, and anything that
 * is not a cursor this server wrote is a 400 (`list.badCursor`), never a 500.
 */
import { invalid } from '@hall/domain';
import { INT_MAX } from '@hall/contracts';

export interface KeysetPosition {
  registeredAt: string;
  id: number;
}

/** An ISO instant as the app writes it (`Date#toISOString`), or with an offset; no separator inside. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function encodeCursor(p: KeysetPosition): string {
  return Buffer.from(`${p.registeredAt}|${p.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  const bad = () => invalid('list.badCursor', {}, 'cursor');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Base64url decoding skips what it cannot read: the cursor must be exactly what encodeCursor wrote.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) throw bad();
  const parts = text.split('|');
  if (parts.length !== 2) throw bad();
  const [registeredAt, idText] = parts as [string, string];
  if (!INSTANT.test(registeredAt) || Number.isNaN(Date.parse(registeredAt))) throw bad();
  if (!/^[1-9]\d{0,9}$/.test(idText)) throw bad();
  const id = Number(idText);
  if (id > INT_MAX) throw bad();
  return { registeredAt, id };
}

/** A cursor of a list in id order (newest first): the id of the last row shown. */
export function encodeIdCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64url');
}

export function decodeIdCursor(cursor: string): number {
  const bad = () => invalid('list.badCursor', {}, 'cursor');
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor || !/^[1-9]\d{0,14}$/.test(text)) throw bad();
  return Number(text);
}

/** A page of a list in id order out of `limit + 1` rows read (see pageOf). */
export function idPageOf<R extends { id: number }>(rows: readonly R[], limit: number) {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
}

/**
 * A page out of `limit + 1` rows read: the extra row only says that there is a next page, which
 * starts after the last row kept.
 */
export function pageOf<R extends { id: number; registered_at: string }>(rows: readonly R[], limit: number) {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: rows.length > limit && last ? encodeCursor({ registeredAt: last.registered_at, id: last.id }) : null };
}
