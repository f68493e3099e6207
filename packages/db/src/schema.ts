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
  created_at: string;
}
export interface StaffRoleTable { staff_id: number; role: string }
export interface StaffSessionTable { id: string; staff_id: number; created_at: string; last_seen_at: string }
export interface ContentCategoryTable {
  id: Id; code: string; name: string; name_en: string | null; parent_id: number | null; sort: number; active: Bool;
}
export interface CategoryRouteTable { hall_id: number; category_id: number; window_id: number }
export interface PetitionerTable {
  id: Id; name: string; id_type: string; id_hash: string; id_enc: string; id_masked: string;
  sex: string | null; birth_date: string | null; phone_enc: string | null; phone_masked: string | null;
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
}
export interface MatterUnitTable { matter_id: number; unit_id: number }
export interface MatterRepresentativeTable {
  id: Id; matter_id: number; name: string; id_type: string | null; id_enc: string | null; id_masked: string | null;
  phone_enc: string | null; phone_masked: string | null;
}
export interface DirectReplyTable {
  id: Id; matter_id: number; reply: string; agrees: Bool; ceases: Bool; signed_name: string | null;
  replied_at: string; replied_by: number | null;
}
export interface MatterEventTable {
  id: Id; matter_id: number; at: string; actor_id: number | null; action: string; from_state: string | null;
  to_state: string | null; note: string | null; data: string | null;
}
export interface AuditLogTable {
  id: Id; at: string; actor_id: number | null; request_id: string | null; entity: string; entity_id: string;
  action: string; before_data: string | null; after_data: string | null;
}
export interface IdempotencyKeyTable {
  staff_id: number; key: string; scope: string; request_hash: string; response: string | null; created_at: string;
}

export interface DB {
  hall: HallTable;
  division: DivisionTable;
  unit: UnitTable;
  hall_window: HallWindowTable;
  staff_user: StaffUserTable;
  staff_role: StaffRoleTable;
  staff_session: StaffSessionTable;
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
