/**
 * The audit trail's hash chain (R1.27): one chain over the whole audit table, ordered by `seq`
 * (1, 2, 3, … without gaps). Each row stores
 *   hash = sha256_hex(prev_hash + "\n" + canonical(row))
 * where prev_hash is the previous row's hash (the genesis value for seq 1) and canonical(row) is a
 * JSON array of the row's content in a fixed order, with before/after exactly as stored (text).
 *
 * The migration 20261204000000_audit_chain has its own frozen copy of this computation; the two
 * must agree (a test checks it), and a change here needs a new version tag, never an edit of v1.
 *
 * `ChainVerifier` is pure (no I/O): feed it the rows in seq order, then `finish()`. It reports the
 * first broken link: a content-hash mismatch (a row was changed), a prev-hash mismatch (a row was
 * replaced or the chain spliced), a gap in seq (a row was deleted), a row that was never sealed,
 * a chain head or a recorded verification head beyond or different from what is there (rows at the
 * end were deleted or replaced).
 */
import { createHash } from 'node:crypto';

export const AUDIT_CHAIN_VERSION = 'hall-audit-v1';
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every column of an audit row except its surrogate id and the hashes. */
export interface ChainContent {
  seq: number;
  at: string;
  actor_id: number | null;
  request_id: string | null;
  hall_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  before_data: string | null;
  after_data: string | null;
}

export interface ChainRow extends Omit<ChainContent, 'seq'> {
  id: number;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function canonicalAuditContent(c: ChainContent): string {
  return JSON.stringify([
    AUDIT_CHAIN_VERSION,
    num(c.seq),
    str(c.at),
    num(c.actor_id),
    str(c.request_id),
    num(c.hall_id),
    str(c.entity),
    str(c.entity_id),
    str(c.action),
    str(c.before_data),
    str(c.after_data),
  ]);
}

export function auditRowHash(prevHash: string, c: ChainContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditContent(c)}`)
    .digest('hex');
}

export type ChainProblem =
  /** The row's content no longer gives its stored hash: the row was changed. */
  | 'content-hash'
  /** The row's prev_hash is not the previous row's hash: a row before it was replaced or the chain spliced. */
  | 'prev-hash'
  /** seq jumps: rows between were deleted. */
  | 'seq-gap'
  /** A row without seq or hash: written around the chain. */
  | 'unsealed'
  /** The chain head (the table the app appends through) is beyond the last row or has another hash: rows at the end were deleted or replaced. */
  | 'head'
  /** A head recorded by an earlier verification is gone or changed: rows at the end were deleted or replaced. */
  | 'recorded-head';

export interface ChainBreak {
  problem: ChainProblem;
  /** The row where the chain breaks (null when the row is missing: a truncated tail). */
  id: number | null;
  seq: number | null;
  expected: string | null;
  actual: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  /** Rows walked. */
  checked: number;
  /** The last row's seq and hash (seq 0 and the genesis hash for an empty chain). */
  head: ChainHead;
  broken: ChainBreak | null;
}

/** Walks the chain incrementally (rows in seq order, in pages if need be). Stops at the first broken link. */
export class ChainVerifier {
  private checked = 0;
  private last: ChainHead = { seq: 0, hash: AUDIT_GENESIS_HASH };
  private broken: ChainBreak | null = null;
  private recordedSeen = false;

  /** recorded: the head an earlier intact verification saw; it must still be there with the same hash. */
  constructor(private readonly opts: { recorded?: ChainHead | null } = {}) {}

  get done() {
    return this.broken !== null;
  }

  push(row: ChainRow): boolean {
    if (this.broken) return false;
    const at = (problem: ChainProblem, expected: unknown, actual: unknown) => {
      this.broken = { problem, id: Number(row.id), seq: num(row.seq), expected: str(expected), actual: str(actual) };
      return false;
    };
    if (row.seq === null || row.seq === undefined || !row.hash || !row.prev_hash)
      return at('unsealed', 'seq and hash', null);
    const seq = Number(row.seq);
    if (seq !== this.last.seq + 1) return at('seq-gap', `seq ${this.last.seq + 1}`, `seq ${seq}`);
    if (row.prev_hash !== this.last.hash) return at('prev-hash', this.last.hash, row.prev_hash);
    const hash = auditRowHash(row.prev_hash, { ...row, seq });
    if (hash !== row.hash) return at('content-hash', hash, row.hash);
    const rec = this.opts.recorded;
    if (rec && rec.seq === seq) {
      this.recordedSeen = true;
      if (rec.hash !== row.hash) return at('recorded-head', rec.hash, row.hash);
    }
    this.checked++;
    this.last = { seq, hash: row.hash };
    return true;
  }

  /** head: the chain head row the app appends through (null: not checked). */
  finish(head?: ChainHead | null): ChainReport {
    const rec = this.opts.recorded;
    if (!this.broken && rec && rec.seq > 0 && !this.recordedSeen) {
      this.broken = {
        problem: 'recorded-head',
        id: null,
        seq: rec.seq,
        expected: `seq ${rec.seq} ${rec.hash}`,
        actual: `last seq ${this.last.seq}`,
      };
    }
    if (!this.broken && head && (Number(head.seq) !== this.last.seq || head.hash !== this.last.hash)) {
      this.broken = {
        problem: 'head',
        id: null,
        seq: Number(head.seq),
        expected: `seq ${head.seq} ${head.hash}`,
        actual: `seq ${this.last.seq} ${this.last.hash}`,
      };
    }
    return { ok: this.broken === null, checked: this.checked, head: { ...this.last }, broken: this.broken };
  }
}

/** The whole chain at once (tests, small tables). */
export function verifyAuditChain(
  rows: Iterable<ChainRow>,
  opts: { head?: ChainHead | null; recorded?: ChainHead | null } = {},
): ChainReport {
  const v = new ChainVerifier({ recorded: opts.recorded });
  for (const row of rows) if (!v.push(row)) break;
  return v.finish(opts.head);
}
