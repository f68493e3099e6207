/**
 * Registration rules (R1.1, R4.1, R4.4, R4.5) and the petition number (national petition record).
 */
import { invalid } from './errors.ts';
import type { IdType } from './identity.ts';

/** R4.4: a group visit elects at most 5 representatives. Configurable, default 5. */
export const MAX_REPRESENTATIVES = 5;

export const Purpose = {
  suggestion: 'suggestion', // 意见建议
  appeal: 'appeal', // 申诉
  demand: 'demand', // 求决
  accusation: 'accusation', // 揭发控告
  consultation: 'consultation', // 咨询
  other: 'other', // 其他
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];
export const PURPOSES = Object.values(Purpose);

export const SecurityCheck = {
  passed: 'passed', // 通过
  itemsHeld: 'itemsHeld', // 暂存物品后通过
  refused: 'refused', // 拒绝入内
} as const;
export type SecurityCheck = (typeof SecurityCheck)[keyof typeof SecurityCheck];
export const SECURITY_CHECKS = Object.values(SecurityCheck);

export const VisitKind = { first: 'first', repeat: 'repeat', skipLevel: 'skipLevel' } as const;
export type VisitKind = (typeof VisitKind)[keyof typeof VisitKind];
export const VISIT_KINDS = Object.values(VisitKind);

export interface RegistrationFacts {
  peopleCount: number;
  representativeCount: number;
  rulesAcknowledged: boolean;
  securityCheck: SecurityCheck;
}

/**
 * Checks a registration against the visitor rules. Throws a DomainError naming the rule.
 * R4.4: more than 5 representatives is refused; the group's size is recorded.
 * R4.5: the visitor must have acknowledged the visitor rules.
 * R4.1: a visitor refused at the security check is not registered.
 */
export function checkRegistration(f: RegistrationFacts, maxRepresentatives = MAX_REPRESENTATIVES): void {
  if (f.representativeCount > maxRepresentatives) {
    throw invalid('registration.tooManyRepresentatives', { max: maxRepresentatives, count: f.representativeCount }, 'representatives');
  }
  if (!Number.isInteger(f.peopleCount) || f.peopleCount < 1) throw invalid('registration.peopleCount', {}, 'peopleCount');
  if (f.representativeCount > f.peopleCount) {
    throw invalid('registration.representativesExceedPeople', {}, 'representatives');
  }
  if (!f.rulesAcknowledged) throw invalid('registration.rulesNotAcknowledged', {}, 'rulesAcknowledged');
  if (f.securityCheck === 'refused') throw invalid('registration.securityRefused', {}, 'securityCheck');
}

/** China has used UTC+8 all year since 1991: the hall's calendar day does not depend on the server's TZ. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date in China (YYYY-MM-DD) of an instant. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date and time of day in China (YYYY-MM-DD HH:MM) of an instant (a Date or an ISO string). */
export function chinaDateTime(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function chinaYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** The instants where a China calendar day starts and ends (half-open), as ISO strings. */
export function chinaDayBounds(date: string): { start: string; end: string } {
  const start = new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
}

/** Petition number: hall code, year, and the per-year sequence (e.g. SJ-2026-000042). */
/** The petition number's shape: a prefix, then the sequence padded to `pad` digits (never cut). */
export function petitionNoParts(hallCode: string, year: number): { prefix: string; pad: number } {
  return { prefix: `${hallCode}-${year}-`, pad: 6 };
}

export function formatPetitionNo(hallCode: string, year: number, seq: number): string {
  const { prefix, pad } = petitionNoParts(hallCode, year);
  return `${prefix}${String(seq).padStart(pad, '0')}`;
}

/** Query codes avoid characters that are read wrongly aloud or on paper (0/O, 1/I/L). */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Turns random bytes (supplied by the caller: the domain has no randomness) into a query code. */
export function queryCodeFromBytes(bytes: Uint8Array, length = 8): string {
  if (bytes.length < length) throw new RangeError(`queryCodeFromBytes needs ${length} bytes, got ${bytes.length}`);
  let out = '';
  for (let i = 0; i < length; i++) out += QUERY_CODE_ALPHABET[bytes[i] % QUERY_CODE_ALPHABET.length];
  return out;
}

/**
 * R1.1: identity is checked against a resident ID; other documents are allowed with a reason.
 * The residence permits and the foreigners' permanent residence ID are GB 11643 numbers checked
 * like the resident ID; passports, travel passes and "other" documents need a written reason.
 */
export const DOCUMENTS_NEEDING_REASON: readonly IdType[] = ['passport', 'hkmoPass', 'twPass', 'other'];
export const needsDocumentReason = (type: IdType) => DOCUMENTS_NEEDING_REASON.includes(type);
