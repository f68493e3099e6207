/** Presents inquiries (R1.23–R1.25): the summary for lists, the dossier for the detail view. */
import type { AccountabilityEventView, AccountabilitySummary } from '@hall/contracts';
import {
  type AccountabilityState,
  type AccountabilityTrigger,
  type Lang,
  SYSTEM_TRIGGERS,
  chinaDate,
  daysBetween,
  translate,
} from '@hall/domain';
import { type Repositories, fromJson } from '@hall/db';

type AccountabilityListRow = Awaited<ReturnType<Repositories['accountability']['list']>>[number];
type EventRow = Awaited<ReturnType<Repositories['cases']['accountabilityEvents']>>[number];

const isSystem = (trigger: string) => (SYSTEM_TRIGGERS as readonly string[]).includes(trigger);

/** The due day a system proposal was about, read from its key (`overdue:<deadline>:<due>`). */
export const dueOfKey = (sourceKey: string | null) => sourceKey?.split(':')[2] ?? null;

/** The reason of a system proposal in the given language (the row keeps the Chinese text of record). */
export function systemReason(trigger: string, due: string, detectedOn: string, lang: Lang) {
  return translate(`accountability.reason.${trigger}`, lang, { due, days: daysBetween(due, detectedOn) });
}

export function presentSummary(row: AccountabilityListRow, lang: Lang): AccountabilitySummary {
  const system = isSystem(row.trigger) && row.source_key !== null;
  const due = dueOfKey(row.source_key);
  return {
    id: row.id,
    matterId: row.matter_id,
    petitionNo: row.petition_no,
    matterSummary: row.matter_summary,
    matterState: row.matter_state,
    windowId: row.window_id,
    windowName: row.window_name,
    unitId: row.unit_id,
    unitName: row.unit_name ?? null,
    trigger: row.trigger as AccountabilityTrigger,
    systemDetected: system,
    state: row.state as AccountabilityState,
    reason: system && due ? systemReason(row.trigger, due, chinaDate(new Date(row.created_at)), lang) : row.reason,
    rectifyDue: row.rectify_due,
    createdAt: row.created_at,
    createdByName: row.created_by_name ?? null,
    version: row.version,
  };
}

export function presentEvent(e: EventRow, numbers: Map<number, string>): AccountabilityEventView {
  return {
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    note: e.note,
    data: fromJson<Record<string, unknown> | null>(e.data, null),
    documentId: e.document_id,
    documentNumber: e.document_id ? (numbers.get(e.document_id) ?? null) : null,
  };
}

