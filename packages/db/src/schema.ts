/**
 * Table types for Kysely. Same shapes on SQLite and PostgreSQL: timestamps are ISO-8601 UTC text,
 * booleans are 0/1 integers, JSON is text. Keeping one representation keeps repositories dialect-free.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
type Bool = number;

export interface HallTable { id: Id; code: string; name: string; kind: string; active: Bool }
export interface DivisionTable { code: string; name: string; level: string; parent_code: string | null }
export interface UnitTable { id: Id; name: string; kind: string; division_code: string | null; active: Bool }
export interface HallWindowTable {
  id: Id; hall_id: number; number: number; name: string; kind: string; unit_id: number | null; active: Bool;
}
export interface StaffUserTable {
  id: Id; username: string; display_name: string; password_hash: string; hall_id: number;
  window_id: number | null; active: Bool; failed_logins: Generated<number>; locked_until: string | null;
  created_at: string; unit_id: Generated<number | null>;
}
export interface StaffRoleTable { staff_id: number; role: string }
export interface StaffSessionTable { id: string; staff_id: number; created_at: string; last_seen_at: string }
/** Fixed-window counters shared by every instance (issue 8 §4): sign-in and kiosk limits. */
export interface RateLimitTable { bucket: string; window_start: string; hits: number; expires_at: string }
/** Facts about the installation, e.g. `demo` = 'true' once demo data was loaded. */
export interface AppSettingTable { key: string; value: string; updated_at: string }
export interface ContentCategoryTable {
  id: Id; code: string; name: string; name_en: string | null; parent_id: number | null; sort: number; active: Bool;
}
export interface CategoryRouteTable { hall_id: number; category_id: number; window_id: number }
export interface PetitionerTable {
  /** Sealed (20261204010000_personal_data): name and birth date encrypted, the name also as a keyed hash. */
  id: Id; name_enc: string; name_hash: string | null; id_type: string; id_hash: string; id_enc: string; id_masked: string;
  sex: string | null; birth_enc: string | null; phone_enc: string | null; phone_masked: string | null;
  address_enc: string | null; address_masked: string | null; ethnicity: string | null; workplace: string | null;
  occupation: string | null; created_at: string; updated_at: string;
}
export interface PetitionSequenceTable { hall_id: number; year: number; last_value: number }
export interface MatterTable {
  id: Id; hall_id: number; petition_no: string; query_code: string; petitioner_id: number; form: string;
  registered_at: string; registered_by: number | null; window_id: number; receptionist_id: number | null;
  state: string; visit_kind: string | null; proposed_visit_kind: string | null; purpose: string;
  category_id: number | null; summary: string; demands: string; locality_code: string | null; people_count: number;
  markers: string; earlier_handling: string; other_doc_reason: string | null; rules_acknowledged_at: string | null;
  security_check: string; security_note: string | null; acceptance: string | null; decision_reason: string | null;
  decision_channel: string | null; decided_at: string | null; decided_by: number | null; closed_at: string | null;
  version: ColumnType<number, number | undefined, number>;
  origin: Generated<string | null>; leader_day: Generated<number | null>; assigned_unit_id: Generated<number | null>;
  round: Generated<number | null>; no_reasonable_demand: Generated<number | null>;
}
export interface MatterUnitTable { matter_id: number; unit_id: number }
export interface MatterRepresentativeTable {
  id: Id; matter_id: number; name_enc: string; id_type: string | null; id_enc: string | null; id_masked: string | null;
  phone_enc: string | null; phone_masked: string | null;
}
export interface DirectReplyTable {
  id: Id; matter_id: number; reply: string; agrees: Bool; ceases: Bool; signed_name_enc: string | null;
  replied_at: string; replied_by: number | null;
}
export interface MatterEventTable {
  id: Id; matter_id: number; at: string; actor_id: number | null; action: string; from_state: string | null;
  to_state: string | null; note: string | null; data: string | null;
}
export interface AuditLogTable {
  id: Id; at: string; actor_id: number | null; request_id: string | null; entity: string; entity_id: string;
  action: string; before_data: string | null; after_data: string | null;
  /** The hash chain (20261204000000_audit_chain); null only on SQLite rows written around the chain. */
  seq: number | null; hall_id: number | null; prev_hash: string | null; hash: string | null;
}
export interface AuditChainHeadTable { id: number; seq: number; hash: string }
export interface AuditVerificationTable {
  id: Id; at: string; source: string; actor_id: number | null; ok: number; checked: number; head_seq: number;
  head_hash: string; problem: string | null; broken_id: number | null; broken_seq: number | null; detail: string | null;
  daily_on: string | null;
}
export interface IdempotencyKeyTable {
  staff_id: number; key: string; scope: string; request_hash: string; response: string | null; created_at: string;
}

type At = { at: string; by_id: number | null };
export interface TransferTable extends At {
  id: Id; matter_id: number; kind: string; unit_id: number | null; window_id: number | null; consent: Bool; note: string | null;
}
export interface MatterNoteTable extends At {
  id: Id; matter_id: number; kind: string; unit_id: number | null; text: string | null; data: string | null;
}
export interface MediationMeetingTable extends At {
  id: Id; matter_id: number; level: string; held_on: string; chair: string; participants: string; outcome: string;
  summary: string; unit_id: number | null; promised_date: string | null; document_id: number | null;
}
export interface DeadlineTable {
  id: Id; matter_id: number | null; kind: string; rule_id: string; start: string; due: string; provisional: Bool;
  status: string; detail: string; created_at: string; updated_at: string;
}
export interface AssignmentTable {
  id: Id; matter_id: number; unit_id: number; origin: string; limit_days: number | null; status: string;
  proposed_at: string; proposed_by: number | null; proposal_note: string | null; decided_at: string | null;
  decided_by: number | null; decision_note: string | null; letter_document_id: number | null; deadline_id: number | null;
  objection_deadline_id: number | null; responded_at: string | null; responded_by: number | null; objection_reason: string | null;
}
export interface ExtensionTable {
  id: Id; matter_id: number; deadline_id: number; days: number; reason: string; status: string; requested_at: string;
  requested_by: number | null; decided_at: string | null; decided_by: number | null; decision_note: string | null;
  petitioner_told_on: string | null;
}
export interface SupervisionActTable extends At {
  id: Id; matter_id: number; kind: string; demand: string; progress: string; on_date: string;
}
export interface OpinionTable {
  id: Id; matter_id: number; round: number; outcome: string; facts: string; reasons: string; basis: string;
  document_id: number | null; issued_at: string; issued_by: number | null; delivery_way: string | null;
  delivered_on: string | null; petitioner_signed: Bool | null; petitioner_view: string | null; delivery_note: string | null;
  head_name: string | null; sealed: Bool | null; signed_off_at: string | null; signed_off_by: number | null;
}
export interface CaseReviewTable extends At { id: Id; matter_id: number; round: number; criteria: string; passed: Bool }
export interface HigherReviewTable extends At {
  id: Id; matter_id: number; level: string; organ: string; requested_on: string; deadline_id: number | null;
  result: string | null; result_at: string | null;
}
export interface SatisfactionTable extends At { id: Id; matter_id: number; target: string; rating: string }
export interface AccountabilityTable {
  id: Id; hall_id: number; matter_id: number; unit_id: number | null; trigger: string; source_key: string | null;
  state: string; reason: string; rectify_due: string | null; version: ColumnType<number, number | undefined, number>;
  created_at: string; created_by: number | null;
}
export interface AccountabilityEventTable {
  id: Id; accountability_id: number; at: string; actor_id: number | null; action: string; from_state: string | null;
  to_state: string | null; note: string | null; data: string | null; document_id: number | null;
}
export interface DocumentSequenceTable { hall_id: number; kind: string; year: number; last_value: number }
export interface DocumentTable {
  id: Id; hall_id: number; kind: string; number: string; matter_id: number | null; accountability_id: number | null;
  content: string; issued_at: string; issued_by: number | null;
}
export interface HolidayYearTable {
  year: number; holidays: string; workdays: string; source: string; updated_at: string; updated_by: number | null;
}
export interface AdminAlertTable {
  id: Id; kind: string; key: string; params: string | null; created_at: string; resolved_at: string | null;
}

// The hall floor (issue 4).
export interface QueueServiceTable {
  id: Id; hall_id: number; code: string; prefix: string; name: string; name_en: string | null; kind: string;
  opens_at: string; closes_at: string; daily_max: number; max_recalls: number; sort: number; active: Bool;
}
export interface QueueServiceWindowTable { service_id: number; window_id: number }
export interface QueuePriorityTable { hall_id: number; code: string; name: string; name_en: string | null; weight: number }
export interface QueueSequenceTable { service_id: number; day: string; last_value: number }
export interface QueueTicketTable {
  id: Id; hall_id: number; service_id: number; day: string; seq: number; number: string; priority: string;
  weight: number; status: string; issued_at: string; issued_via: string; issued_by: number | null;
  petitioner_id: number | null; id_hash: string | null; matter_id: number | null; visit_id: number | null;
  target_window_id: number | null; window_id: number | null; called_by: number | null; called_at: string | null;
  first_called_at: string | null; recall_count: Generated<number>; started_at: string | null; ended_at: string | null;
  parked_at: string | null; transfer_count: Generated<number>; version: ColumnType<number, number | undefined, number>;
  /** The queue the ticket waits in now: differs from service_id (the numbering's) after a transfer. */
  current_service_id: number;
}
export interface QueueEventTable {
  id: Id; ticket_id: number; hall_id: number; at: string; actor_id: number | null; action: string;
  from_status: string | null; to_status: string | null; window_id: number | null; data: string | null;
}
export interface HallVisitTable {
  id: Id; hall_id: number; at: string; by_id: number | null; person_name_enc: string | null; id_type: string | null;
  id_hash: string | null; id_enc: string | null; id_masked: string | null; security_check: string | null;
  security_note: string | null; purpose: string | null; outcome: string | null; service_id: number | null;
  security_informed: Generated<Bool>; legal_question: string | null; legal_answer: string | null; note: string | null;
  matter_id: number | null;
}
export interface DisorderEntryTable {
  id: Id; hall_id: number; person_name_enc: string; person_name_hash: string | null; id_type: string | null;
  id_hash: string | null; id_enc: string | null;
  id_masked: string | null; description: string | null; status: string; expires_on: string | null; created_at: string;
  created_by: number | null; decided_at: string | null; decided_by: number | null; decision_note: string | null;
  removed_at: string | null; removed_by: number | null; removal_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
}
export interface DisorderIncidentTable {
  id: Id; entry_id: number; hall_id: number; occurred_at: string; kind: string; description: string; informed: string;
  window_id: number | null; ticket_id: number | null; matter_id: number | null; recorded_at: string; recorded_by: number | null;
}
export interface DisorderAlertTable {
  id: Id; entry_id: number; hall_id: number; at: string; source: string; ticket_id: number | null;
  matter_id: number | null; visit_id: number | null; window_id: number | null; acknowledged_at: string | null;
  acknowledged_by: number | null;
}

export interface DB {
  queue_service: QueueServiceTable;
  queue_service_window: QueueServiceWindowTable;
  queue_priority: QueuePriorityTable;
  queue_sequence: QueueSequenceTable;
  queue_ticket: QueueTicketTable;
  queue_event: QueueEventTable;
  hall_visit: HallVisitTable;
  disorder_entry: DisorderEntryTable;
  disorder_incident: DisorderIncidentTable;
  disorder_alert: DisorderAlertTable;
  transfer: TransferTable;
  matter_note: MatterNoteTable;
  mediation_meeting: MediationMeetingTable;
  deadline: DeadlineTable;
  assignment: AssignmentTable;
  extension: ExtensionTable;
  supervision_act: SupervisionActTable;
  opinion: OpinionTable;
  case_review: CaseReviewTable;
  higher_review: HigherReviewTable;
  satisfaction: SatisfactionTable;
  accountability: AccountabilityTable;
  accountability_event: AccountabilityEventTable;
  document_sequence: DocumentSequenceTable;
  document: DocumentTable;
  holiday_year: HolidayYearTable;
  admin_alert: AdminAlertTable;
  hall: HallTable;
  division: DivisionTable;
  unit: UnitTable;
  hall_window: HallWindowTable;
  staff_user: StaffUserTable;
  staff_role: StaffRoleTable;
  staff_session: StaffSessionTable;
  rate_limit: RateLimitTable;
  app_setting: AppSettingTable;
  content_category: ContentCategoryTable;
  category_route: CategoryRouteTable;
  petitioner: PetitionerTable;
  petition_sequence: PetitionSequenceTable;
  matter: MatterTable;
  matter_unit: MatterUnitTable;
  matter_representative: MatterRepresentativeTable;
  direct_reply: DirectReplyTable;
  matter_event: MatterEventTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  audit_verification: AuditVerificationTable;
  idempotency_key: IdempotencyKeyTable;
}

export type HallRow = Selectable<HallTable>;
export type HallWindowRow = Selectable<HallWindowTable>;
export type UnitRow = Selectable<UnitTable>;
export type DivisionRow = Selectable<DivisionTable>;
export type CategoryRow = Selectable<ContentCategoryTable>;
export type StaffRow = Selectable<StaffUserTable>;
export type PetitionerRow = Selectable<PetitionerTable>;
export type NewPetitioner = Insertable<PetitionerTable>;
export type PetitionerUpdate = Updateable<PetitionerTable>;
export type MatterRow = Selectable<MatterTable>;
export type NewMatter = Insertable<MatterTable>;
export type MatterEventRow = Selectable<MatterEventTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type DeadlineRow = Selectable<DeadlineTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type OpinionRow = Selectable<OpinionTable>;
export type AccountabilityRow = Selectable<AccountabilityTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type QueueServiceRow = Selectable<QueueServiceTable>;
export type QueueTicketRow = Selectable<QueueTicketTable>;
export type QueueEventRow = Selectable<QueueEventTable>;
export type HallVisitRow = Selectable<HallVisitTable>;
export type DisorderEntryRow = Selectable<DisorderEntryTable>;
export type DisorderIncidentRow = Selectable<DisorderIncidentTable>;
export type DisorderAlertRow = Selectable<DisorderAlertTable>;
