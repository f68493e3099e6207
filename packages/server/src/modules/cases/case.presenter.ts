/** Presents a matter's lifecycle records (CaseRecords) with the names of people, units and windows. */
import type { CaseRecords, DeadlineView, DocumentView } from '@hall/contracts';
import { type Deadline, type MediationLevel, chinaDate } from '@hall/domain';
import { satisfactionState } from './case-facts.ts';
import { type DeadlineRow, type DocumentRow, type MatterRow, type Repositories, bool, fromJson } from '@hall/db';
import { type PiiCipher, isSealed } from '../../pii.ts';

export function presentDeadline(row: DeadlineRow): DeadlineView {
  const d = fromJson<Deadline>(row.detail, null as unknown as Deadline);
  return {
    id: row.id,
    kind: row.kind,
    ruleId: row.rule_id,
    unit: d.unit,
    amount: d.amount,
    start: row.start,
    due: row.due,
    provisional: bool(row.provisional),
    provisionalYears: d.provisionalYears,
    status: row.status,
    computation: d.computation,
    extensions: d.extensions,
    history: d.history.map((h) => ({ kind: h.kind, due: h.due, at: h.at })),
  };
}

/** Frozen content keeps the personal values it carries sealed (issue 8 §3); the view opens them. */
export function presentDocument(d: DocumentRow, names: Map<number, string>, cipher: PiiCipher): DocumentView {
  const content = fromJson<Record<string, unknown>>(d.content, {});
  if (typeof content.petitionerName === 'string' && isSealed(content.petitionerName)) {
    content.petitionerName = cipher.decrypt(content.petitionerName);
  }
  return {
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedAt: d.issued_at,
    issuedByName: d.issued_by ? (names.get(d.issued_by) ?? null) : null,
    content,
  };
}

/** Whether a document's frozen content carries personal data (its view is then audited). */
export const documentCarriesPii = (d: DocumentRow) => d.content.includes('"petitionerName":"');

export async function caseRecords(r: Repositories, m: MatterRow, now: Date, cipher: PiiCipher): Promise<CaseRecords> {
  const [transfers, notes, meetings, assignments, deadlines, extensions, supervision, opinions, reviews, higher, satisfaction, documents, accountability, units, windows, staff] =
    await Promise.all([
      r.cases.transfers(m.id),
      r.cases.notes(m.id),
      r.cases.meetings(m.id),
      r.cases.assignments(m.id),
      r.cases.deadlines(m.id),
      r.cases.extensions(m.id),
      r.cases.supervisionActs([m.id]),
      r.cases.opinions(m.id),
      r.cases.reviews(m.id),
      r.cases.higherReviews(m.id),
      r.cases.satisfaction(m.id),
      r.documents.ofMatter(m.id),
      r.cases.listAccountability({ hallId: m.hall_id, matterId: m.id }),
      r.org.listUnits(),
      r.org.listWindows(m.hall_id),
      r.staff.list(m.hall_id),
    ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const names = new Map(staff.map((s) => [s.id, s.display_name]));
  const name = (id: number | null) => (id ? (names.get(id) ?? null) : null);
  const assigned = m.assigned_unit_id ? { id: m.assigned_unit_id, name: unitName.get(m.assigned_unit_id) ?? '' } : null;
  return {
    origin: m.origin ?? null,
    leaderDay: bool(m.leader_day),
    round: m.round ?? 1,
    assignedUnit: assigned,
    transfers: transfers.map((t) => ({
      id: t.id,
      kind: t.kind,
      unitName: t.unit_id ? (unitName.get(t.unit_id) ?? null) : null,
      windowName: t.window_id ? (windowName.get(t.window_id) ?? null) : null,
      consent: bool(t.consent),
      note: t.note,
      at: t.at,
      byName: name(t.by_id),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      unitName: n.unit_id ? (unitName.get(n.unit_id) ?? null) : null,
      text: n.text,
      data: fromJson<Record<string, unknown> | null>(n.data, null),
      at: n.at,
      byName: name(n.by_id),
    })),
    meetings: meetings.map((x) => ({
      id: x.id,
      level: x.level as MediationLevel,
      heldOn: x.held_on,
      chair: x.chair,
      participants: x.participants,
      outcome: x.outcome as 'agreement' | 'noAgreement',
      summary: x.summary,
      unitName: x.unit_id ? (unitName.get(x.unit_id) ?? null) : null,
      promisedDate: x.promised_date,
      documentId: x.document_id,
      at: x.at,
      byName: name(x.by_id),
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      unitName: unitName.get(a.unit_id) ?? '',
      origin: a.origin,
      limitDays: a.limit_days,
      status: a.status,
      proposedAt: a.proposed_at,
      proposedByName: name(a.proposed_by),
      proposalNote: a.proposal_note,
      decidedAt: a.decided_at,
      decidedByName: name(a.decided_by),
      decisionNote: a.decision_note,
      letterDocumentId: a.letter_document_id,
      respondedAt: a.responded_at,
      objectionReason: a.objection_reason,
    })),
    deadlines: deadlines.map(presentDeadline),
    extensions: extensions.map((e) => ({
      id: e.id,
      days: e.days,
      reason: e.reason,
      status: e.status,
      requestedAt: e.requested_at,
      requestedByName: name(e.requested_by),
      decidedAt: e.decided_at,
      decidedByName: name(e.decided_by),
      decisionNote: e.decision_note,
      petitionerToldOn: e.petitioner_told_on,
    })),
    supervision: supervision.map((s) => ({ id: s.id, kind: s.kind, demand: s.demand, progress: s.progress, onDate: s.on_date, at: s.at, byName: name(s.by_id) })),
    opinions: opinions.map((o) => ({
      id: o.id,
      round: o.round,
      outcome: o.outcome,
      facts: o.facts,
      reasons: o.reasons,
      basis: o.basis,
      documentId: o.document_id,
      issuedAt: o.issued_at,
      deliveryWay: o.delivery_way,
      deliveredOn: o.delivered_on,
      petitionerSigned: o.petitioner_signed === null ? null : bool(o.petitioner_signed),
      petitionerView: o.petitioner_view,
      headName: o.head_name,
      sealed: o.sealed === null ? null : bool(o.sealed),
    })),
    reviews: reviews.map((x) => ({
      id: x.id,
      round: x.round,
      passed: bool(x.passed),
      criteria: fromJson(x.criteria, {}),
      at: x.at,
      byName: name(x.by_id),
    })),
    higherReviews: higher.map((h) => ({ id: h.id, level: h.level, organ: h.organ, requestedOn: h.requested_on, result: h.result, resultAt: h.result_at })),
    satisfaction: satisfaction.map((s) => ({ target: s.target, rating: s.rating, at: s.at })),
    satisfactionState: satisfactionState(m, satisfaction, chinaDate(now)),
    documents: documents.map((d) => presentDocument(d, names, cipher)),
    accountability: accountability.map((a) => ({ id: a.id, trigger: a.trigger, state: a.state, createdAt: a.created_at })),
  };
}
