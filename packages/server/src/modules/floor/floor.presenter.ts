/**
 * Rows → the floor's API shapes (contracts/floor.ts). ID numbers leave only masked: these functions
 * never read an `id_enc` column. Names are stored sealed; lists show them masked ('张**', issue 8 §3),
 * only an entry's detail (its view audited as `disorder.view`) opens the full name.
 */
import type { DisorderAlert, DisorderDetail, DisorderEntry, Visit } from '@hall/contracts';
import {
  DISORDER_TRANSITIONS,
  type DisorderAction,
  type DisorderKind,
  type DisorderStatus,
  type GuideOutcome,
  type InformedParty,
  type Lang,
  disorderShownStatus,
} from '@hall/domain';
import { type Repositories, fromJson } from '@hall/db';
import type { PiiCipher } from '../../pii.ts';
import { openMaskedName, openPii } from '../reception/personal-data.ts';

type Floor = Repositories['floor'];
export type VisitListRow = Awaited<ReturnType<Floor['listVisits']>>[number];
export type DisorderEntryListRow = Awaited<ReturnType<Floor['listEntries']>>[number];
export type DisorderIncidentListRow = Awaited<ReturnType<Floor['incidentsOf']>>[number];
export type DisorderAlertListRow = Awaited<ReturnType<Floor['listAlerts']>>[number];

export function presentVisit(v: VisitListRow, lang: Lang, cipher: PiiCipher): Visit {
  return {
    id: v.id,
    at: v.at,
    byName: v.by_name,
    personName: openMaskedName(cipher, v.person_name_enc),
    idNumberMasked: v.id_masked,
    securityCheck: v.security_check,
    securityNote: v.security_note,
    purpose: v.purpose,
    outcome: v.outcome as GuideOutcome | null,
    serviceId: v.service_id,
    serviceName: (lang === 'en' ? v.service_name_en : null) ?? v.service_name,
    ticketNumber: v.ticket_number,
    securityInformed: v.security_informed === 1,
    legalQuestion: v.legal_question,
    legalAnswer: v.legal_answer,
    note: v.note,
  };
}

/** The decisions a supervisor may take on an entry in this status (R2.3). */
export function disorderActions(status: string, mayApprove: boolean): DisorderAction[] {
  if (!mayApprove) return [];
  return DISORDER_TRANSITIONS.filter((t) => t.from === status).map((t) => t.action);
}

export function presentEntry(e: DisorderEntryListRow, today: string, mayApprove: boolean, cipher: PiiCipher): DisorderEntry {
  return {
    id: e.id,
    personName: openMaskedName(cipher, e.person_name_enc) ?? '',
    idNumberMasked: e.id_masked,
    status: disorderShownStatus({ status: e.status, expiresOn: e.expires_on }, today),
    expiresOn: e.expires_on,
    incidents: Number(e.incident_count ?? 0),
    lastIncidentAt: e.last_incident_at ?? null,
    createdAt: e.created_at,
    createdByName: e.created_by_name,
    version: e.version,
    actions: disorderActions(e.status as DisorderStatus, mayApprove),
  };
}

export function presentAlert(a: DisorderAlertListRow, cipher: PiiCipher): DisorderAlert {
  return {
    id: a.id,
    entryId: a.entry_id,
    personName: openMaskedName(cipher, a.person_name_enc) ?? '',
    at: a.at,
    source: a.source as DisorderAlert['source'],
    ticketNumber: a.ticket_number,
    matterId: a.matter_id,
    windowNumber: a.window_number,
    acknowledgedAt: a.acknowledged_at,
    acknowledgedByName: a.acknowledged_by_name,
  };
}

export function presentDetail(
  e: DisorderEntryListRow,
  incidents: DisorderIncidentListRow[],
  alerts: DisorderAlertListRow[],
  today: string,
  mayApprove: boolean,
  cipher: PiiCipher,
): DisorderDetail {
  return {
    ...presentEntry(e, today, mayApprove, cipher),
    // The single-record view: the full name, so that staff can recognise the person (audited).
    personName: openPii(cipher, e.person_name_enc) ?? '',
    decidedAt: e.decided_at,
    decidedByName: e.decided_by_name,
    decisionNote: e.decision_note,
    removedAt: e.removed_at,
    removalReason: e.removal_reason,
    incidentList: incidents.map((i) => ({
      id: i.id,
      occurredAt: i.occurred_at,
      kind: i.kind as DisorderKind,
      description: i.description,
      informed: fromJson<InformedParty[]>(i.informed, []),
      windowNumber: i.window_number,
      ticketNumber: i.ticket_number,
      matterId: i.matter_id,
      recordedAt: i.recorded_at,
      recordedByName: i.recorded_by_name,
    })),
    alerts: alerts.map((a) => presentAlert(a, cipher)),
  };
}
