import { afterEach, describe, it, expect } from 'vitest';
import { DomainError } from './errors.ts';
import {
  MAX_REPRESENTATIVES,
  QUERY_CODE_ALPHABET,
  SECURITY_CHECKS,
  checkRegistration,
  chinaDate,
  chinaDateTime,
  chinaDayBounds,
  chinaYear,
  formatPetitionNo,
  queryCodeFromBytes,
  type RegistrationFacts,
} from './registration.ts';

const facts = (over: Partial<RegistrationFacts> = {}): RegistrationFacts => ({
  peopleCount: 20,
  representativeCount: 5,
  rulesAcknowledged: true,
  securityCheck: 'passed',
  ...over,
});

/** Runs checkRegistration and returns the DomainError it throws (fails the test if it does not). */
function refusal(f: RegistrationFacts, max?: number): DomainError {
  try {
    checkRegistration(f, max);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error(`checkRegistration accepted ${JSON.stringify(f)}`);
}

describe('checkRegistration', () => {
  it('a complete, lawful registration passes', () => {
    expect(() => checkRegistration(facts())).not.toThrow();
  });

  describe('R4.4 at most 5 representatives', () => {
    it('the default limit is 5', () => {
      expect(MAX_REPRESENTATIVES).toBe(5);
    });

    it('R4.4 5 representatives are allowed', () => {
      expect(() => checkRegistration(facts({ representativeCount: 5 }))).not.toThrow();
    });

    it('R4.4 6 representatives are refused: tooManyRepresentatives {max:5,count:6} on field representatives', () => {
      const e = refusal(facts({ representativeCount: 6 }));
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('registration.tooManyRepresentatives');
      expect(e.params).toEqual({ max: 5, count: 6 });
      expect(e.fields).toEqual([
        { path: 'representatives', code: 'registration.tooManyRepresentatives', params: { max: 5, count: 6 } },
      ]);
    });

    it('R4.4 the limit is configurable', () => {
      expect(() => checkRegistration(facts({ representativeCount: 3 }), 3)).not.toThrow();
      const e = refusal(facts({ representativeCount: 4 }), 3);
      expect(e.code).toBe('registration.tooManyRepresentatives');
      expect(e.params).toEqual({ max: 3, count: 4 });
    });

    it('R4.4 an individual visit with no representatives passes', () => {
      expect(() => checkRegistration(facts({ peopleCount: 1, representativeCount: 0 }))).not.toThrow();
    });

    it('R4.4 a group cannot have more representatives than people', () => {
      const e = refusal(facts({ peopleCount: 3, representativeCount: 4 }));
      expect(e.code).toBe('registration.representativesExceedPeople');
      expect(e.fields.map((f) => f.path)).toEqual(['representatives']);
    });

    it('R4.4 a single visitor cannot have two representatives', () => {
      expect(refusal(facts({ peopleCount: 1, representativeCount: 2 })).code).toBe('registration.representativesExceedPeople');
    });

    it('peopleCount must be a whole number', () => {
      expect(refusal(facts({ peopleCount: Number.NaN, representativeCount: 0 })).code).toBe('registration.peopleCount');
    });

    it('R4.4 the group size is recorded: peopleCount 0 is refused on field peopleCount', () => {
      const e = refusal(facts({ peopleCount: 0, representativeCount: 0 }));
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('registration.peopleCount');
      expect(e.fields.map((f) => f.path)).toEqual(['peopleCount']);
    });

    it('negative peopleCount is refused', () => {
      expect(refusal(facts({ peopleCount: -1, representativeCount: 0 })).code).toBe('registration.peopleCount');
    });
  });

  describe('R4.5 rules acknowledged', () => {
    it('R4.5 a visitor who has not acknowledged the rules is refused on field rulesAcknowledged', () => {
      const e = refusal(facts({ rulesAcknowledged: false }));
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('registration.rulesNotAcknowledged');
      expect(e.fields.map((f) => f.path)).toEqual(['rulesAcknowledged']);
    });
  });

  describe('R4.1 security check', () => {
    it("R4.1 security 'refused' is refused on field securityCheck", () => {
      const e = refusal(facts({ securityCheck: 'refused' }));
      expect(e.kind).toBe('invalid');
      expect(e.code).toBe('registration.securityRefused');
      expect(e.fields.map((f) => f.path)).toEqual(['securityCheck']);
    });

    it.each([['passed'], ['itemsHeld']] as const)("R4.1 security '%s' passes", (securityCheck) => {
      expect(() => checkRegistration(facts({ securityCheck }))).not.toThrow();
    });

    it('R4.1 the three outcomes are passed, itemsHeld, refused', () => {
      expect([...SECURITY_CHECKS].sort()).toEqual(['itemsHeld', 'passed', 'refused']);
    });
  });
});

describe('China calendar day (UTC+8, independent of the server TZ)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const zones = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

  it.each(zones.map((z) => [z] as const))('chinaDate at the China midnight boundary, process TZ %s', (tz) => {
    process.env.TZ = tz;
    expect(chinaDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(chinaDate(new Date('2026-11-28T15:59:59.999Z'))).toBe('2026-11-28');
  });

  it.each(zones.map((z) => [z] as const))('chinaDateTime across the China midnight boundary, process TZ %s', (tz) => {
    process.env.TZ = tz;
    expect(chinaDateTime('2026-11-28T15:59:59.999Z')).toBe('2026-11-28 23:59');
    expect(chinaDateTime('2026-11-28T16:00:00.000Z')).toBe('2026-11-29 00:00');
    expect(chinaDateTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05');
    // Agrees with chinaDate on the day, from a Date or its ISO string.
    const at = new Date('2028-02-29T10:30:00+08:00');
    expect(chinaDateTime(at)).toBe('2028-02-29 10:30');
    expect(chinaDateTime(at.toISOString()).slice(0, 10)).toBe(chinaDate(at));
  });

  it.each(zones.map((z) => [z] as const))("chinaYear at new year's boundary, process TZ %s", (tz) => {
    process.env.TZ = tz;
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
  });

  it.each(zones.map((z) => [z] as const))('chinaDayBounds, process TZ %s', (tz) => {
    process.env.TZ = tz;
    expect(chinaDayBounds('2026-11-29')).toEqual({
      start: '2026-11-28T16:00:00.000Z',
      end: '2026-11-29T16:00:00.000Z',
    });
    expect(chinaDayBounds('2027-01-01')).toEqual({
      start: '2026-12-31T16:00:00.000Z',
      end: '2027-01-01T16:00:00.000Z',
    });
  });

  it('chinaDayBounds is half-open and agrees with chinaDate, across month ends and a leap day', () => {
    for (const day of ['2026-11-29', '2026-12-31', '2028-02-29', '2028-03-01']) {
      const { start, end } = chinaDayBounds(day);
      expect(chinaDate(new Date(start))).toBe(day);
      expect(chinaDate(new Date(Date.parse(end) - 1))).toBe(day);
      expect(chinaDate(new Date(end))).not.toBe(day);
      expect(Date.parse(end) - Date.parse(start)).toBe(86_400_000);
    }
  });
});

describe('petition number and query code (national petition record)', () => {
  it("formatPetitionNo('SZ', 2026, 42) = 'SZ-2026-000042'", () => {
    expect(formatPetitionNo('SZ', 2026, 42)).toBe('SZ-2026-000042');
  });

  it('formatPetitionNo pads to six digits and never truncates a larger sequence', () => {
    expect(formatPetitionNo('SZ', 2027, 1)).toBe('SZ-2027-000001');
    expect(formatPetitionNo('SZ', 2026, 999_999)).toBe('SZ-2026-999999');
    expect(formatPetitionNo('SZ', 2026, 1_000_000)).toBe('SZ-2026-1000000');
  });

  it('the query code alphabet avoids characters misread aloud or on paper (0/O, 1/I/L)', () => {
    for (const c of '01OIL') expect(QUERY_CODE_ALPHABET).not.toContain(c);
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(QUERY_CODE_ALPHABET.length);
  });

  it('queryCodeFromBytes has length 8 and uses only QUERY_CODE_ALPHABET', () => {
    const samples = [
      new Uint8Array(8),
      new Uint8Array(8).fill(255),
      Uint8Array.from([0, 1, 2, 3, 252, 253, 254, 255]),
      Uint8Array.from([17, 42, 99, 128, 200, 31, 30, 62]),
    ];
    for (const bytes of samples) {
      const code = queryCodeFromBytes(bytes);
      expect(code).toHaveLength(8);
      for (const c of code) expect(QUERY_CODE_ALPHABET).toContain(c);
    }
  });

  it('every byte value maps to a character of the alphabet', () => {
    for (let b = 0; b < 256; b++) {
      const code = queryCodeFromBytes(new Uint8Array(8).fill(b));
      expect(code).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{8}$`));
    }
  });

  it('queryCodeFromBytes is deterministic for the same bytes and differs for different bytes', () => {
    const a = Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(queryCodeFromBytes(a)).toBe(queryCodeFromBytes(Uint8Array.from(a)));
    expect(queryCodeFromBytes(a)).not.toBe(queryCodeFromBytes(Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 3])));
  });

  it('queryCodeFromBytes honours a custom length', () => {
    expect(queryCodeFromBytes(new Uint8Array(12), 12)).toHaveLength(12);
  });
});
