import type { MatterSummary, PetitionerView, TimelineEntry } from '@hall/contracts';
import { type IdType, type MatterState, type VisitKind, ageOn, birthYearOf } from '@hall/domain';
import { fromJson, type MatterEventRow, type PetitionerRow } from '@hall/db';
import type { PiiCipher } from '../../pii.ts';
import { openMaskedName, openPii } from '../reception/personal-data.ts';

/** The petitioner's card: name opened, ID/phone/address masked, birth year and age instead of the date (issue 8 §3). */
export const presentPetitioner = (p: PetitionerRow, cipher: PiiCipher, today: string): PetitionerView => {
  const birthDate = openPii(cipher, p.birth_enc);
  return {
    id: p.id,
    name: openPii(cipher, p.name_enc) ?? '',
    idType: p.id_type as IdType,
    idNumberMasked: p.id_masked,
    sex: (p.sex as 'male' | 'female' | null) ?? null,
    birthYear: birthYearOf(birthDate),
    age: ageOn(birthDate, today),
    phoneMasked: p.phone_masked,
    addressMasked: p.address_masked,
    ethnicity: p.ethnicity,
    workplace: p.workplace,
    occupation: p.occupation,
  };
};

export interface SummaryRow {
  id: number;
  petition_no: string;
  registered_at: string;
  state: string;
  visit_kind: string | null;
  petitioner_id: number;
  /** Sealed; opened by presentSummary. */
  petitioner_name_enc: string;
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

/** A row of a list: the petitioner's name masked ('张**'); the matter's detail opens it (audited). */
export const presentSummary = (m: SummaryRow, cipher: PiiCipher): MatterSummary => ({
  id: m.id,
  petitionNo: m.petition_no,
  registeredAt: m.registered_at,
  state: m.state as MatterState,
  visitKind: (m.visit_kind as VisitKind | null) ?? null,
  petitionerId: m.petitioner_id,
  petitionerName: openMaskedName(cipher, m.petitioner_name_enc) ?? '',
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
