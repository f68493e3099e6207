import type { MatterSummary, PetitionerView, TimelineEntry } from '@hall/contracts';
import type { IdType, MatterState, VisitKind } from '@hall/domain';
import { fromJson, type MatterEventRow, type PetitionerRow } from '@hall/db';

export const presentPetitioner = (p: PetitionerRow): PetitionerView => ({
  id: p.id,
  name: p.name,
  idType: p.id_type as IdType,
  idNumberMasked: p.id_masked,
  sex: (p.sex as 'male' | 'female' | null) ?? null,
  birthDate: p.birth_date,
  phoneMasked: p.phone_masked,
  addressMasked: p.address_masked,
  ethnicity: p.ethnicity,
  workplace: p.workplace,
  occupation: p.occupation,
});

export interface SummaryRow {
  id: number;
  petition_no: string;
  registered_at: string;
  state: string;
  visit_kind: string | null;
  petitioner_id: number;
  petitioner_name: string;
  id_masked: string;
  category_id: number | null;
  category_name: string | null;
  summary: string;
  window_id: number;
  window_name: string;
  receptionist_id: number | null;
  receptionist_name: string | null;
  people_count: number;
}

export const presentSummary = (m: SummaryRow): MatterSummary => ({
  id: m.id,
  petitionNo: m.petition_no,
  registeredAt: m.registered_at,
  state: m.state as MatterState,
  visitKind: (m.visit_kind as VisitKind | null) ?? null,
  petitionerId: m.petitioner_id,
  petitionerName: m.petitioner_name,
  idNumberMasked: m.id_masked,
  categoryId: m.category_id,
  categoryName: m.category_name,
  summary: m.summary,
  windowId: m.window_id,
  windowName: m.window_name,
  receptionistId: m.receptionist_id,
  receptionistName: m.receptionist_name,
  peopleCount: m.people_count,
});

export const presentEvent = (e: MatterEventRow & { actor_name: string | null }): TimelineEntry => ({
  id: e.id,
  at: e.at,
  actorId: e.actor_id,
  actorName: e.actor_name,
  action: e.action,
  fromState: e.from_state,
  toState: e.to_state,
  note: e.note,
  data: fromJson<Record<string, unknown> | null>(e.data, null),
});
