/**
 * Verification of the audit chain (R1.27, issue 8 §2). One walk, three callers: `npm run
 * audit:verify` (source 'cli'), the administrator's screen ('admin') and the daily job ('daily').
 *
 * The walk reads the chain head first and then only rows with seq ≤ head.seq, in pages: a row with
 * such a seq committed together with (or before) the head it is under, so concurrent appends never
 * make an intact chain look broken and no long snapshot or lock is needed. Then it checks:
 *   – every row's content hash, its link to the previous row, and seq without gaps (ChainVerifier);
 *   – the head recorded by the last intact verification is still there with the same hash (a
 *     truncated or rewritten tail is noticed even when the head row was rewound too);
 *   – the chain head is the last row (a deleted tail is noticed);
 *   – no row was written around the chain (seq or hash null; possible on SQLite only).
 * Each verification is recorded (audit_verification) and audited; a broken chain raises the
 * administrator alert 'audit.chainBroken', an intact one resolves it.
 */
import { chinaDate, translate, type Lang } from '@hall/domain';
import { ChainVerifier, repositories, type ChainReport, type Repositories } from '@hall/db';
import type { AuditVerification } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { auditAs } from '../../audit.ts';
import { transact } from '../../transact.ts';

export const AUDIT_ALERT = 'audit.chainBroken';
/** The daily verification's advisory lock: "HALL" + 0x27 (R1.27). */
export const AUDIT_VERIFY_LOCK_KEY = 0x48414c4c27;
const PAGE = 1000;

export type VerificationSource = 'cli' | 'admin' | 'daily';

/** Walks the chain through `r` (the database or a transaction). Reads only. */
export async function walkChain(r: Repositories): Promise<ChainReport> {
  const head = await r.audit.chainHead();
  const recordedRow = await r.audit.lastIntactVerification();
  const recorded = recordedRow ? { seq: Number(recordedRow.head_seq), hash: recordedRow.head_hash } : null;
  const v = new ChainVerifier({ recorded });
  const upto = head ? head.seq : Number.MAX_SAFE_INTEGER;
  let after = 0;
  while (!v.done) {
    const rows = await r.audit.chainPage(after, upto, PAGE);
    for (const row of rows) if (!v.push(row)) break;
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  let report = v.finish(head ?? { seq: 0, hash: '' });
  if (report.ok) {
    const loose = await r.audit.firstUnsealed();
    if (loose) {
      report = {
        ...report,
        ok: false,
        broken: { problem: 'unsealed', id: loose.id, seq: loose.seq, expected: 'seq and hash', actual: null },
      };
    }
  }
  return report;
}

export interface VerifyWho {
  source: VerificationSource;
  actorId: number | null;
  requestId: string;
  now: Date;
  /** The China date of a daily run (one per day). */
  dailyOn?: string;
}

/** Walks, records, audits and alerts, in one transaction. */
export async function verifyAndRecord(r: Repositories, who: VerifyWho) {
  const report = await walkChain(r);
  const at = who.now.toISOString();
  const b = report.broken;
  const row = await r.audit.recordVerification({
    at,
    source: who.source,
    actor_id: who.actorId,
    ok: report.ok ? 1 : 0,
    checked: report.checked,
    head_seq: report.head.seq,
    head_hash: report.head.hash,
    problem: b?.problem ?? null,
    broken_id: b?.id ?? null,
    broken_seq: b?.seq ?? null,
    detail: b ? JSON.stringify({ expected: b.expected, actual: b.actual }) : null,
    daily_on: who.dailyOn ?? null,
  });
  if (b) {
    await r.calendar.raiseAlert({
      kind: AUDIT_ALERT,
      key: AUDIT_ALERT,
      params: JSON.stringify({ seq: b.seq ?? '-', id: b.id ?? '-', problem: b.problem }),
      created_at: at,
    });
  } else {
    await r.calendar.resolveAlerts(AUDIT_ALERT, [AUDIT_ALERT], at);
  }
  await auditAs(
    r,
    { actorId: who.actorId, at, requestId: who.requestId },
    {
      entity: 'audit_verification',
      entityId: row.id,
      action: 'audit.verify',
      after: {
        source: who.source,
        ok: report.ok,
        checked: report.checked,
        headSeq: report.head.seq,
        problem: b?.problem ?? null,
        brokenId: b?.id ?? null,
        brokenSeq: b?.seq ?? null,
      },
    },
  );
  return row;
}

type VerificationRow = Awaited<ReturnType<typeof verifyAndRecord>>;

/** One line in the user's language: "审计链完整：已校验 N 条…" or the first broken link. */
export function verificationMessage(
  v: Pick<VerificationRow, 'ok' | 'checked' | 'head_seq' | 'problem' | 'broken_id' | 'broken_seq'>,
  lang: Lang,
): string {
  if (v.ok) return translate('audit.verify.ok', lang, { checked: v.checked, seq: v.head_seq });
  return translate('audit.verify.broken', lang, {
    seq: v.broken_seq ?? '-',
    id: v.broken_id ?? '-',
    problem: translate(`audit.problem.${v.problem ?? 'unknown'}`, lang),
  });
}

export function presentVerification(
  v: VerificationRow & { actor_name?: string | null },
  lang: Lang,
): AuditVerification {
  const d = v.detail ? (JSON.parse(v.detail) as { expected?: string | null; actual?: string | null }) : {};
  return {
    id: Number(v.id),
    at: v.at,
    source: v.source as VerificationSource,
    actorId: v.actor_id,
    actorName: v.actor_name ?? null,
    ok: Number(v.ok) === 1,
    checked: Number(v.checked),
    headSeq: Number(v.head_seq),
    headHash: v.head_hash,
    problem: v.problem,
    brokenId: v.broken_id === null ? null : Number(v.broken_id),
    brokenSeq: v.broken_seq === null ? null : Number(v.broken_seq),
    expected: d.expected ?? null,
    actual: d.actual ?? null,
    message: verificationMessage(v, lang),
  };
}

export class AuditVerifyService {
  constructor(private readonly deps: Pick<Deps, 'database'>) {}

  async last(lang: Lang): Promise<AuditVerification | null> {
    const r = repositories(this.deps.database.db);
    const row = await r.audit.lastVerification();
    if (!row) return null;
    return presentVerification({ ...row, actor_name: await this.actorName(row.actor_id) }, lang);
  }

  private async actorName(id: number | null): Promise<string | null> {
    if (id === null) return null;
    return (await repositories(this.deps.database.db).staff.findById(id))?.display_name ?? null;
  }

  /** Runs a verification now (the administrator's screen, the CLI). */
  async run(who: Omit<VerifyWho, 'dailyOn'>, lang: Lang): Promise<AuditVerification> {
    const row = await transact(this.deps, (r) => verifyAndRecord(r, who));
    return presentVerification({ ...row, actor_name: await this.actorName(row.actor_id) }, lang);
  }

  /**
   * The daily verification: at most one per China date across app instances. On PostgreSQL the
   * transaction first takes an advisory lock without waiting (an instance that does not get it skips);
   * the unique daily_on is the second line of defence. Returns null when skipped.
   */
  async runDaily(now: Date): Promise<VerificationRow | null> {
    const day = chinaDate(now);
    return transact(this.deps, async (r) => {
      if (!(await r.accountability.tryTransactionLock(AUDIT_VERIFY_LOCK_KEY))) return null;
      if (await r.audit.dailyOn(day)) return null;
      return verifyAndRecord(r, {
        source: 'daily',
        actorId: null,
        requestId: `audit-verify:${day}`,
        now,
        dailyOn: day,
      });
    });
  }
}
