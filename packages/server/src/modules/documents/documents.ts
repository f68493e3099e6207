/**
 * Numbered official documents (notice of acceptance and deadline, assignment letter, minutes,
 * handling opinion, self-inspection notice). The number follows the usual form of Chinese official
 * documents: hall code + the kind's character + 〔year〕 + sequence + 号, e.g. SZ交〔2026〕12号.
 * The content is frozen at issue: the print page shows what was issued, whatever changes later.
 */
import { chinaYear } from '@hall/domain';
import type { Repositories } from '@hall/db';
import type { Ctx } from '../../context.ts';

export const DOCUMENT_KINDS = {
  acceptanceNotice: '受', // 受理告知书 (R1.13)
  assignmentLetter: '交', // 信访事项交办函 (R1.18)
  minutes: '纪', // 会议纪要 (R1.15)
  handlingOpinion: '意', // 信访事项处理意见书 (R1.21)
  selfInspectionNotice: '查', // 信访责任自查通知 (R1.24)
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export async function issueDocument(
  r: Repositories,
  ctx: Ctx,
  kind: DocumentKind,
  o: { matterId?: number; accountabilityId?: number; content: Record<string, unknown> },
  /** The issuing hall when the caller has it at hand (the case's bundle); else it is read. */
  known?: { id: number; code: string; name: string },
) {
  const hall = known ?? (await r.org.getHall(ctx.actor.hallId))!;
  const year = chinaYear(ctx.now);
  const seq = await r.documents.nextNumber(hall.id, kind, year);
  const number = `${hall.code}${DOCUMENT_KINDS[kind]}〔${year}〕${seq}号`;
  return r.documents.insert({
    hall_id: hall.id,
    kind,
    number,
    matter_id: o.matterId ?? null,
    accountability_id: o.accountabilityId ?? null,
    content: JSON.stringify({ hallName: hall.name, ...o.content }),
    issued_at: ctx.now.toISOString(),
    issued_by: ctx.actor.id,
  });
}
