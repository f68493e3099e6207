/**
 * The desk's forms → request bodies (pure: tested in model.test.ts). Blanks become null, fields of
 * another outcome are dropped, and security staff send the check and the visitor only (R4.1).
 */
import type { VisitInput } from '@hall/contracts';
import type { GuideOutcome, IdType, SecurityCheck } from '@hall/domain';

export interface PersonValues {
  personName?: string;
  idType?: IdType;
  idNumber?: string;
}

export interface VisitFormValues extends PersonValues {
  securityCheck?: SecurityCheck;
  securityNote?: string;
  purpose?: string;
  outcome?: GuideOutcome;
  serviceId?: number;
  priority?: string;
  securityInformed?: boolean;
  legalQuestion?: string;
  legalAnswer?: string;
  note?: string;
}

const text = (s?: string) => s?.trim() || null;

/** The person's part of a request body: blanks are left out, the document type only with a number. */
export function personBody(v: PersonValues) {
  const idNumber = text(v.idNumber);
  return {
    personName: text(v.personName),
    idType: idNumber ? (v.idType ?? 'resident') : null,
    idNumber,
  };
}

/** Only the fields a person's prefill actually has (undefined would wipe a form's defaults). */
export function definedPerson(v: PersonValues | undefined): PersonValues {
  return Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined && x !== '')) as PersonValues;
}

/** POST /api/floor/visits: `guiding` is false for security staff (entry:record without guide:record). */
export function visitBody(v: VisitFormValues, guiding: boolean): VisitInput {
  const body: VisitInput = {
    ...personBody(v),
    securityCheck: v.securityCheck ?? null,
    securityNote: text(v.securityNote),
  };
  if (!guiding) return body;
  const outcome = v.outcome ?? null;
  return {
    ...body,
    purpose: text(v.purpose),
    outcome,
    serviceId: outcome === 'directed' ? (v.serviceId ?? null) : null,
    priority: outcome === 'directed' ? (v.priority ?? 'normal') : null,
    securityInformed: outcome === 'outOfScope' ? !!v.securityInformed : false,
    legalQuestion: outcome === 'legalAnswered' ? text(v.legalQuestion) : null,
    legalAnswer: outcome === 'legalAnswered' ? text(v.legalAnswer) : null,
    note: text(v.note),
  };
}

/** Whether the form holds anything to record: the check, or (for the guide) what was done. */
export const visitHasContent = (v: VisitFormValues, guiding: boolean) => !!v.securityCheck || (guiding && !!v.outcome);
