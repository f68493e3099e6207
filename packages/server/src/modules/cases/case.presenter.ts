/**
 * Presents a case (MatterDetail) and its lifecycle records (CaseRecords) from its bundle
 * (case.bundle.ts): pure functions, no query.
 */
import type { CaseRecords, DeadlineView, MatterDetail } from '@hall/contracts';
import { type Deadline, type MatterState, type MediationLevel, type Purpose, allowedActions, chinaDate, proposeVisitKind } from '@hall/domain';
import { caseFacts, relatedClosedForGood, satisfactionState } from './case-facts.ts';
import { type DeadlineRow, type PetitionerRow, bool, fromJson } from '@hall/db';
import type { Actor } from '../../context.ts';
import { mayActOnMatter, mayTakeAction } from './matter-access.ts';
import { presentEvent, presentPetitioner, presentSummary } from './matter.presenter.ts';
import { openPii } from '../reception/personal-data.ts';
import type { CaseBundle } from './case.bundle.ts';
import type { PiiCipher } from '../../pii.ts';
import { presentDocument } from '../documents/document.presenter.ts';

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


/** R1.8: the county's receipt and answer of a transfer to it (its unit's notes), if recorded. */
function countyRecords(b: CaseBundle, t: CaseBundle['m']['transfers'][number]): Pick<CaseRecords['transfers'][number], 'receipt' | 'answer'> {
  const of = (kind: string) => (t.kind === 'county' ? b.m.notes.find((n) => n.kind === kind && n.unit_id === t.unit_id) : undefined);
  const receipt = of('countyReceipt');
  const answer = of('countyAnswer');
  const answeredOn = fromJson<{ answeredOn?: string } | null>(answer?.data ?? null, null)?.answeredOn;
  return {
    receipt: receipt ? { note: receipt.text, at: receipt.at, byName: receipt.by_name } : null,
    answer: answer ? { text: answer.text ?? '', answeredOn: answeredOn ?? '', at: answer.at, byName: answer.by_name } : null,
  };
}

/** The case's records with the names of people, units and windows: a pure function of the bundle. */
export function presentRecords(b: CaseBundle, now: Date, cipher: PiiCipher): CaseRecords {
  const { m } = b;
  const assigned = m.assigned_unit_id ? { id: m.assigned_unit_id, name: m.assigned_unit_name ?? '' } : null;
  return {
    origin: m.origin ?? null,
    leaderDay: bool(m.leader_day),
    round: m.round ?? 1,
    assignedUnit: assigned,
    transfers: m.transfers.map((t) => ({
      id: t.id,
      kind: t.kind,
      unitName: t.unit_name,
      windowName: t.window_name,
      consent: bool(t.consent),
      note: t.note,
      at: t.at,
      byName: t.by_name,
      ...countyRecords(b, t),
    })),
    notes: m.notes.map((n) => ({
      id: n.id,
      kind: n.kind,
      unitName: n.unit_name,
      text: n.text,
      data: fromJson<Record<string, unknown> | null>(n.data, null),
      at: n.at,
      byName: n.by_name,
    })),
    meetings: m.meetings.map((x) => ({
      id: x.id,
      level: x.level as MediationLevel,
      heldOn: x.held_on,
      chair: x.chair,
      participants: x.participants,
      outcome: x.outcome as 'agreement' | 'noAgreement',
      summary: x.summary,
      unitName: x.unit_name,
      promisedDate: x.promised_date,
      documentId: x.document_id,
      at: x.at,
      byName: x.by_name,
    })),
    assignments: m.assignments.map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      unitName: a.unit_name,
      origin: a.origin,
      limitDays: a.limit_days,
      status: a.status,
      proposedAt: a.proposed_at,
      proposedByName: a.proposed_by_name,
      proposalNote: a.proposal_note,
      decidedAt: a.decided_at,
      decidedByName: a.decided_by_name,
      decisionNote: a.decision_note,
      letterDocumentId: a.letter_document_id,
      respondedAt: a.responded_at,
      objectionReason: a.objection_reason,
    })),
    deadlines: m.deadlines.map(presentDeadline),
    extensions: m.extensions.map((e) => ({
      id: e.id,
      days: e.days,
      reason: e.reason,
      status: e.status,
      requestedAt: e.requested_at,
      requestedByName: e.requested_by_name,
      decidedAt: e.decided_at,
      decidedByName: e.decided_by_name,
      decisionNote: e.decision_note,
      petitionerToldOn: e.petitioner_told_on,
    })),
    supervision: m.supervision.map((s) => ({ id: s.id, kind: s.kind, demand: s.demand, progress: s.progress, onDate: s.on_date, at: s.at, byName: s.by_name })),
    opinions: m.opinions.map((o) => ({
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
    reviews: m.reviews.map((x) => ({
      id: x.id,
      round: x.round,
      passed: bool(x.passed),
      criteria: fromJson(x.criteria, {}),
      at: x.at,
      byName: x.by_name,
    })),
    higherReviews: m.higher_reviews.map((h) => ({ id: h.id, level: h.level, organ: h.organ, requestedOn: h.requested_on, result: h.result, resultAt: h.result_at })),
    satisfaction: m.satisfaction.map((s) => ({ target: s.target, rating: s.rating, at: s.at })),
    satisfactionState: satisfactionState(m, m.satisfaction, chinaDate(now)),
    documents: m.documents.map((d) => presentDocument(d, new Map(d.issued_by && d.issued_by_name !== null ? [[d.issued_by, d.issued_by_name]] : []), cipher)),
    accountability: m.accountability.map((a) => ({ id: a.id, trigger: a.trigger, state: a.state, createdAt: a.created_at })),
  };
}

/** The case as the case screen shows it: a pure function of the bundle, the reader and the time. */
export function presentCase(b: CaseBundle, actor: Actor, now: Date, cipher: PiiCipher): MatterDetail {
  const { m } = b;
  const today = chinaDate(now);
  const facts = caseFacts(b, now);
  const countyUnitIds = m.locality_level === 'county' ? m.locality_units.map((u) => u.id) : [];
  const earlierHandling = fromJson<MatterDetail['earlierHandling']>(m.earlier_handling, []);
  const proposal = proposeVisitKind({
    categoryId: m.category_id,
    localityCode: m.locality_code,
    unitIds: m.units.map((u) => u.id),
    localityIsCounty: m.locality_level === 'county',
    countyUnitIds,
    earlierHandlingUnitIds: earlierHandling.flatMap((e) => (e.unitId ? [e.unitId] : [])),
    earlierMatters: b.earlier.map((e) => ({
      id: e.id,
      petitionNo: e.petition_no,
      categoryId: e.category_id,
      localityCode: e.locality_code,
      unitIds: e.unit_ids,
    })),
  });
  const petitioner: PetitionerRow = {
    id: m.petitioner_id,
    name_enc: m.petitioner_name_enc,
    name_hash: m.petitioner_name_hash,
    id_type: m.petitioner_id_type,
    id_hash: m.petitioner_id_hash,
    id_enc: m.petitioner_id_enc,
    id_masked: m.petitioner_id_masked,
    sex: m.petitioner_sex,
    birth_enc: m.petitioner_birth_enc,
    phone_enc: m.petitioner_phone_enc,
    phone_masked: m.petitioner_phone_masked,
    address_enc: m.petitioner_address_enc,
    address_masked: m.petitioner_address_masked,
    ethnicity: m.petitioner_ethnicity,
    workplace: m.petitioner_workplace,
    occupation: m.petitioner_occupation,
    created_at: m.petitioner_created_at,
    updated_at: m.petitioner_updated_at,
  };
  return {
    ...presentSummary({ ...m, petitioner_name_enc: m.petitioner_name_enc, id_masked: m.petitioner_id_masked }, cipher),
    // The single-record view: the full name (lists show it masked); reading it is audited by the service.
    petitionerName: openPii(cipher, m.petitioner_name_enc) ?? '',
    queryCode: m.query_code,
    hallName: m.hall_name,
    petitioner: presentPetitioner(petitioner, cipher, today),
    representatives: m.representatives.map((x) => ({
      name: openPii(cipher, x.name_enc) ?? '',
      idNumberMasked: x.id_masked,
      phoneMasked: x.phone_masked,
    })),
    rulesAcknowledgedAt: m.rules_acknowledged_at,
    securityCheck: m.security_check,
    securityNote: m.security_note,
    purpose: m.purpose as Purpose,
    demands: m.demands,
    localityCode: m.locality_code,
    localityName: m.locality_name ?? null,
    units: m.units.map((u) => ({ id: u.id, name: u.name })),
    earlierHandling,
    markers: fromJson(m.markers, {
      collective: false,
      longStanding: false,
      litigationRelated: false,
      urgent: false,
      threat: false,
      foreign: false,
    }),
    registeredByName: m.registered_by_name ?? null,
    proposedVisitKind: proposal.kind,
    relatedMatterIds: proposal.related.map((x) => x.id),
    closedForGoodMatters: relatedClosedForGood(b),
    earlierMatters: b.earlier.map((x) => presentSummary(x, cipher)),
    decision:
      m.acceptance && m.decided_at
        ? {
            acceptance: m.acceptance as 'accepted' | 'notAccepted' | 'noLongerAccepted',
            reason: m.decision_reason,
            channel: m.decision_channel,
            decidedAt: m.decided_at,
            decidedByName: m.decided_by_name ?? null,
          }
        : null,
    directReplies: m.direct_replies.map((x) => ({
      reply: x.reply,
      agrees: bool(x.agrees),
      ceases: bool(x.ceases),
      signedName: openPii(cipher, x.signed_name_enc),
      repliedAt: x.replied_at,
      repliedByName: x.replied_by_name,
    })),
    closedAt: m.closed_at,
    version: m.version,
    allowedActions: mayActOnMatter(actor, m)
      ? allowedActions(m.state as MatterState, actor.roles, facts).filter((a) => mayTakeAction(actor, m, a))
      : [],
    facts,
    case: presentRecords(b, now, cipher),
    timeline: m.events.map(presentEvent),
  };
}
