/** The audit chain's pure verifier (R1.27): every kind of broken link is named at the right row. */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_GENESIS_HASH,
  type ChainRow,
  auditRowHash,
  canonicalAuditContent,
  verifyAuditChain,
} from './audit-chain.ts';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = AUDIT_GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      seq: i,
      at: `2026-12-04T01:00:0${i % 10}.000Z`,
      actor_id: i % 3 === 0 ? null : i,
      request_id: `req-${i}`,
      hall_id: 1,
      entity: 'matter',
      entity_id: String(100 + i),
      action: i === 3 ? 'deemClosed' : 'matter.update',
      before_data: i % 2 ? null : JSON.stringify({ state: 'a' }),
      after_data: JSON.stringify({ state: 'b', n: i }),
    };
    const hash = auditRowHash(prev, content);
    rows.push({ ...content, id: 10 + i, prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}
const head = (rows: ChainRow[]) => ({ seq: rows.at(-1)!.seq!, hash: rows.at(-1)!.hash! });

describe('audit chain verification', () => {
  it('an intact chain verifies, with its head', () => {
    const rows = chain(6);
    const r = verifyAuditChain(rows, { head: head(rows) });
    expect(r).toMatchObject({ ok: true, checked: 6, head: head(rows), broken: null });
  });

  it('an empty chain verifies against the genesis head', () => {
    expect(verifyAuditChain([], { head: { seq: 0, hash: AUDIT_GENESIS_HASH } }).ok).toBe(true);
  });

  it('the canonical content is stable and covers every column', () => {
    const [row] = chain(1);
    expect(canonicalAuditContent({ ...row!, seq: 1 })).toBe(
      '["hall-audit-v1",1,"2026-12-04T01:00:01.000Z",1,"req-1",1,"matter","101","matter.update",null,"{\\"state\\":\\"b\\",\\"n\\":1}"]',
    );
    for (const change of [
      { actor_id: 2 },
      { at: 'x' },
      { request_id: null },
      { hall_id: 2 },
      { entity: 'x' },
      { entity_id: '9' },
      { action: 'x' },
      { before_data: '{}' },
      { after_data: null },
    ]) {
      expect(auditRowHash(AUDIT_GENESIS_HASH, { ...row!, seq: 1, ...change })).not.toBe(row!.hash);
    }
  });

  it('a changed actor is named as a content-hash mismatch at that row', () => {
    const rows = chain(6);
    rows[2] = { ...rows[2]!, actor_id: 99 };
    const r = verifyAuditChain(rows, { head: head(rows) });
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ problem: 'content-hash', id: 13, seq: 3 });
    expect(r.checked).toBe(2);
  });

  it('a deleted row is named as a seq gap at the row after it', () => {
    const rows = chain(6);
    rows.splice(3, 1); // seq 4
    const r = verifyAuditChain(rows, { head: head(rows) });
    expect(r.broken).toMatchObject({ problem: 'seq-gap', id: 15, seq: 5, expected: 'seq 4', actual: 'seq 5' });
  });

  it('a deleted first row is a gap too', () => {
    const rows = chain(3).slice(1);
    expect(verifyAuditChain(rows).broken).toMatchObject({ problem: 'seq-gap', seq: 2 });
  });

  it('a row replaced with a re-hashed one breaks the link of the next row', () => {
    const rows = chain(5);
    const forged = { ...rows[1]!, actor_id: 7 };
    forged.hash = auditRowHash(forged.prev_hash!, { ...forged, seq: 2 });
    rows[1] = forged;
    expect(verifyAuditChain(rows, { head: head(rows) }).broken).toMatchObject({ problem: 'prev-hash', id: 13, seq: 3 });
  });

  it('a deleted tail is noticed through the chain head', () => {
    const rows = chain(6);
    const h = head(rows);
    const r = verifyAuditChain(rows.slice(0, 4), { head: h });
    expect(r.broken).toMatchObject({ problem: 'head', id: null, seq: 6 });
  });

  it('a deleted tail with a rewound head is noticed through the recorded head of an earlier verification', () => {
    const rows = chain(6);
    const recorded = head(rows);
    const short = rows.slice(0, 4);
    expect(verifyAuditChain(short, { head: head(short), recorded }).broken).toMatchObject({
      problem: 'recorded-head',
      seq: 6,
    });
    // A rewritten tail (the recorded seq is there, with another hash) is noticed too.
    const rewritten = chain(6).map((r) => r);
    rewritten[5] = { ...rewritten[5]!, hash: 'f'.repeat(64) };
    expect(verifyAuditChain(rewritten, { recorded }).broken?.problem).toBe('content-hash');
    expect(verifyAuditChain(rows, { head: recorded, recorded }).ok).toBe(true);
  });

  it('a row without seq or hash is unsealed', () => {
    const rows = chain(2);
    rows.push({ ...rows[1]!, id: 50, seq: null, hash: null, prev_hash: null });
    expect(verifyAuditChain(rows).broken).toMatchObject({ problem: 'unsealed', id: 50 });
  });
});
