/**
 * Identity documents (spec DOMAIN.md "Identity documents"; rule R1.1).
 *
 * Pure functions only: no I/O, no clock, no environment. "Today" is always
 * passed in by the caller as an ISO date string 'YYYY-MM-DD'.
 */

export const IdType = {
  resident: 'resident',
  resident15: 'resident15',
  hkmoPermit: 'hkmoPermit',
  twPermit: 'twPermit',
  foreignerPermanent: 'foreignerPermanent',
  passport: 'passport',
  hkmoPass: 'hkmoPass',
  twPass: 'twPass',
  other: 'other',
} as const;
export type IdType = (typeof IdType)[keyof typeof IdType];

export type IdCheckFailure =
  | 'id.empty'
  | 'id.badFormat'
  | 'id.badCheckChar'
  | 'id.badBirthDate'
  | 'id.badDivision'
  | 'id.typeMismatch';

export interface IdentityInfo {
  type: IdType;
  normalized: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: 'male' | 'female';
  divisionCode?: string;
  nationalityCode?: string;
}

export type IdCheckResult = { ok: true; info: IdentityInfo } | { ok: false; code: IdCheckFailure };

/** Earliest accepted birth date (inclusive). Real historical vectors born in 1880 must pass. */
export const MIN_BIRTH_DATE = '1800-01-01';

/** ISO 7064 MOD 11-2 weights for the first 17 characters (GB 11643-1999). */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits of a GB/T 2260 division code (provinces, autonomous regions, municipalities, Taiwan). */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
]);

const HKMO_PERMIT_PREFIXES: ReadonlySet<string> = new Set(['810000', '820000']);
const TW_PERMIT_PREFIX = '830000';

const RE_18 = /^\d{17}[\dX]$/;
const RE_15 = /^\d{15}$/;
const RE_FREE = /^[A-Z0-9-]{5,20}$/;
const RE_ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Trim, drop every whitespace character (incl. full-width spaces) and upper-case. */
function normalizeRaw(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits of `body`. */
/** GB 11643 / ISO 7064 MOD 11-2 check character of the first 17 characters (also for test data generators). */
export function gb11643CheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(body.charAt(i)) * CHECK_WEIGHTS[i]!;
  }
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Returns 'YYYY-MM-DD' if the parts form a real Gregorian date, else undefined. */
function toCalendarDate(yyyy: string, mm: string, dd: string): string | undefined {
  const y = Number(yyyy);
  const m = Number(mm);
  const d = Number(dd);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > daysInMonth) return undefined;
  return `${yyyy}-${mm}-${dd}`;
}

function assertToday(today: string): void {
  if (!RE_ISO_DATE.test(today) || toCalendarDate(today.slice(0, 4), today.slice(5, 7), today.slice(8, 10)) === undefined) {
    throw new RangeError(`today must be a real date 'YYYY-MM-DD', got '${today}'`);
  }
}

/** Birth date within [MIN_BIRTH_DATE, today]; ISO strings compare lexicographically. */
function birthDateInRange(date: string, today: string): boolean {
  return date >= MIN_BIRTH_DATE && date <= today;
}

/** Shape-only classification of an already-normalized 18-character number. */
function classify18(n: string): IdType | undefined {
  const prefix6 = n.slice(0, 6);
  if (HKMO_PERMIT_PREFIXES.has(prefix6)) return IdType.hkmoPermit;
  if (prefix6 === TW_PERMIT_PREFIX) return IdType.twPermit;
  if (n.charAt(0) === '9') return IdType.foreignerPermanent;
  if (PROVINCE_CODES.has(n.slice(0, 2))) return IdType.resident;
  return undefined;
}

/**
 * Detect the type of an 18/15-char number: resident (division code), hkmoPermit
 * (810000/820000), twPermit (830000), foreignerPermanent (starts with 9, 2023
 * format), resident15. Returns undefined when nothing fits. Shape only: the
 * check character and birth date are not verified here (use checkIdentity).
 */
export function detectIdType(raw: string): IdType | undefined {
  const n = normalizeRaw(raw);
  if (RE_18.test(n)) return classify18(n);
  if (RE_15.test(n) && PROVINCE_CODES.has(n.slice(0, 2))) return IdType.resident15;
  return undefined;
}

const fail = (code: IdCheckFailure): IdCheckResult => ({ ok: false, code });

const CHECKSUM_TYPES: ReadonlySet<IdType> = new Set<IdType>([
  IdType.resident,
  IdType.hkmoPermit,
  IdType.twPermit,
  IdType.foreignerPermanent,
]);

function check18(type: IdType, n: string, today: string): IdCheckResult {
  if (!RE_18.test(n)) {
    // A well-formed legacy 15-digit number declared as resident is the wrong type, not garbage.
    if (type === IdType.resident && RE_15.test(n)) return fail('id.typeMismatch');
    return fail('id.badFormat');
  }

  // The first six digits decide which 18-char document this is; it must match the declaration.
  const prefix6 = n.slice(0, 6);
  const shapeType: IdType = HKMO_PERMIT_PREFIXES.has(prefix6)
    ? IdType.hkmoPermit
    : prefix6 === TW_PERMIT_PREFIX
      ? IdType.twPermit
      : n.charAt(0) === '9'
        ? IdType.foreignerPermanent
        : IdType.resident;
  if (shapeType !== type) return fail('id.typeMismatch');

  let divisionCode: string;
  let nationalityCode: string | undefined;
  let birth: string;
  if (type === IdType.foreignerPermanent) {
    // 9 | PP province of issue | NNN ISO 3166 numeric nationality | YYYYMMDD | SSS | C
    const province = n.slice(1, 3);
    if (!PROVINCE_CODES.has(province)) return fail('id.badDivision');
    divisionCode = `${province}0000`;
    nationalityCode = n.slice(3, 6);
    birth = n.slice(6, 14);
  } else {
    if (type === IdType.resident && !PROVINCE_CODES.has(n.slice(0, 2))) return fail('id.badDivision');
    divisionCode = prefix6;
    birth = n.slice(6, 14);
  }

  if (gb11643CheckChar(n) !== n.charAt(17)) return fail('id.badCheckChar');

  const birthDate = toCalendarDate(birth.slice(0, 4), birth.slice(4, 6), birth.slice(6, 8));
  if (birthDate === undefined || !birthDateInRange(birthDate, today)) return fail('id.badBirthDate');

  const sex = Number(n.charAt(16)) % 2 === 1 ? 'male' : 'female';
  const info: IdentityInfo = { type, normalized: n, birthDate, sex, divisionCode };
  if (nationalityCode !== undefined) info.nationalityCode = nationalityCode;
  return { ok: true, info };
}

function check15(n: string, today: string): IdCheckResult {
  if (!RE_15.test(n)) {
    if (RE_18.test(n) && classify18(n) !== undefined) return fail('id.typeMismatch');
    return fail('id.badFormat');
  }
  if (!PROVINCE_CODES.has(n.slice(0, 2))) return fail('id.badDivision');
  // 6-digit division | YYMMDD (19YY) | 3-digit sequence, last digit odd = male
  const birthDate = toCalendarDate(`19${n.slice(6, 8)}`, n.slice(8, 10), n.slice(10, 12));
  if (birthDate === undefined || !birthDateInRange(birthDate, today)) return fail('id.badBirthDate');
  const sex = Number(n.charAt(14)) % 2 === 1 ? 'male' : 'female';
  return {
    ok: true,
    info: { type: IdType.resident15, normalized: n, birthDate, sex, divisionCode: n.slice(0, 6) },
  };
}

/**
 * Validate `raw` as the declared type. Whitespace anywhere is removed and the
 * value upper-cased first (so a lowercase check 'x' becomes 'X').
 *
 * Check order: empty → format → type mismatch → division → check char → birth date.
 *
 * @param today 'YYYY-MM-DD', supplied by the caller (never read from the clock);
 *   a malformed value is a programming error and throws RangeError.
 */
export function checkIdentity(type: IdType, raw: string, today: string): IdCheckResult {
  assertToday(today);
  const n = normalizeRaw(raw);
  if (n.length === 0) return fail('id.empty');

  if (CHECKSUM_TYPES.has(type)) return check18(type, n, today);
  if (type === IdType.resident15) return check15(n, today);

  // passport / hkmoPass / twPass / other: no checksum, free format.
  if (!RE_FREE.test(n)) return fail('id.badFormat');
  return { ok: true, info: { type, normalized: n } };
}

/**
 * Mask for lists/logs: keep the first 4 and last 4 characters with one star per
 * hidden character ('110105194912310021' → '1101**********0021'). Values of at
 * most 8 characters keep the first and last 1; values of 1–2 characters are
 * fully starred. Surrounding whitespace is trimmed.
 */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value.trim());
  const len = chars.length;
  if (len === 0) return '';
  if (len <= 2) return '*'.repeat(len);
  const keep = len <= 8 ? 1 : 4;
  return chars.slice(0, keep).join('') + '*'.repeat(len - 2 * keep) + chars.slice(len - keep).join('');
}

/**
 * '13812345678' → '138****5678'. Other lengths keep the first 3 and last 2
 * with one star per hidden character; values of at most 5 characters are fully starred.
 */
export function maskPhone(value: string): string {
  const chars = Array.from(value.trim());
  const len = chars.length;
  if (len === 0) return '';
  if (len === 11) return chars.slice(0, 3).join('') + '****' + chars.slice(7).join('');
  if (len <= 5) return '*'.repeat(len);
  return chars.slice(0, 3).join('') + '*'.repeat(len - 5) + chars.slice(len - 2).join('');
}

/**
 * First 6 characters then '****' (a Chinese character counts as one, by code
 * point); at most 6 characters: first 2 + '****'. Empty stays empty.
 */
export function maskAddress(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length === 0) return '';
  const keep = chars.length <= 6 ? 2 : 6;
  return chars.slice(0, keep).join('') + '****';
}
