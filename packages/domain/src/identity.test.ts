import { describe, it, expect } from 'vitest';
import {
  IdType,
  MIN_BIRTH_DATE,
  checkIdentity,
  detectIdType,
  maskAddress,
  maskIdNumber,
  maskPhone,
  type IdCheckFailure,
  type IdCheckResult,
} from './identity.ts';

/*
 * Test vectors. Check characters are either published examples or computed BY HAND
 * below (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[sum mod 11]);
 * no helper shares code with the implementation.
 *
 * 11010519491231002X (published GB 11643 example)
 *   1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2
 *   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167 = 11*15 + 2 → 'X'
 * 440524188001010014 (published example)
 *   28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195 = 11*17 + 8 → '4'
 * 110105194913310021 (month 13, check char correct so only the date is wrong)
 *   1 1 0 1 0 5 1 9 4 9 1 3 3 1 0 0 2
 *   7+9+0+5+0+20+2+9+24+27+7+27+30+5+0+0+4 = 176 = 11*16 + 0 → '1'
 * 810000199408230021 (Hong Kong residence permit)
 *   8 1 0 0 0 0 1 9 9 4 0 8 2 3 0 0 2
 *   56+9+0+0+0+0+2+9+54+12+0+72+20+15+0+0+4 = 253 = 11*23 + 0 → '1'
 * 820000199001010029 (Macau residence permit)
 *   8 2 0 0 0 0 1 9 9 0 0 1 0 1 0 0 2
 *   56+18+0+0+0+0+2+9+54+0+0+9+0+5+0+0+4 = 157 = 11*14 + 3 → '9'
 * 830000199001010012 (Taiwan residence permit)
 *   8 3 0 0 0 0 1 9 9 0 0 1 0 1 0 0 1
 *   56+27+0+0+0+0+2+9+54+0+0+9+0+5+0+0+2 = 164 = 11*14 + 10 → '2'
 * 911840199001010018 (2023 foreigner permanent ID: 9 | 11 Beijing | 840 USA | 19900101 | 001)
 *   9 1 1 8 4 0 1 9 9 0 0 1 0 1 0 0 1
 *   63+9+10+40+32+0+2+9+54+0+0+9+0+5+0+0+2 = 235 = 11*21 + 4 → '8'
 * 919840199001010015 (foreigner ID with province 19, which does not exist)
 *   9 1 9 8 4 0 1 9 9 0 0 1 0 1 0 0 1
 *   63+9+90+40+32+0+2+9+54+0+0+9+0+5+0+0+2 = 315 = 11*28 + 7 → '5'
 * 911840203001010017 (foreigner ID born 2030-01-01)
 *   63+9+10+40+32+0+4+0+18+0+0+9+0+5+0+0+2 = 192 = 11*17 + 5 → '7'
 * 110105209912310029 (born 2099-12-31, in the future)
 *   7+9+0+5+0+20+4+0+54+27+7+18+30+5+0+0+4 = 190 = 11*17 + 3 → '9'
 * 110105198002290013 (1980-02-29, leap year)
 *   7+9+0+5+0+20+2+9+48+0+0+18+20+45+0+0+2 = 185 = 11*16 + 9 → '3'
 * 110105198102290010 (1981-02-29, not a leap year)
 *   7+9+0+5+0+20+2+9+48+3+0+18+20+45+0+0+2 = 188 = 11*17 + 1 → '0'
 * 19010119900101001X (province 19 does not exist)
 *   7+81+0+5+0+4+2+9+54+0+0+9+0+5+0+0+2 = 178 = 11*16 + 2 → 'X'
 * 110105179912310016 (born 1799-12-31, before the 1800-01-01 lower bound)
 *   7+9+0+5+0+20+2+7+54+27+7+18+30+5+0+0+2 = 193 = 11*17 + 6 → '6'
 * 110105180001010010 (born 1800-01-01, exactly the lower bound)
 *   7+9+0+5+0+20+2+8+0+0+0+9+0+5+0+0+2 = 67 = 11*6 + 1 → '0'
 */

const TODAY = '2025-06-01';

function expectFail(result: IdCheckResult, code: IdCheckFailure): void {
  expect(result).toEqual({ ok: false, code });
}

function expectOk(result: IdCheckResult) {
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error(`expected ok, got ${result.code}`);
  return result.info;
}

describe('R1.1 identity: resident ID (GB 11643, 18 chars)', () => {
  it('accepts the published female example 11010519491231002X', () => {
    const info = expectOk(checkIdentity(IdType.resident, '11010519491231002X', TODAY));
    expect(info).toEqual({
      type: 'resident',
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      divisionCode: '110105',
    });
  });

  it('accepts the published male example 440524188001010014 (born 1880, lower bound is 1800)', () => {
    const info = expectOk(checkIdentity(IdType.resident, '440524188001010014', TODAY));
    expect(info.birthDate).toBe('1880-01-01');
    expect(info.sex).toBe('male');
    expect(info.divisionCode).toBe('440524');
    expect(MIN_BIRTH_DATE).toBe('1800-01-01');
  });

  it('accepts a lowercase x and normalizes it to X', () => {
    const info = expectOk(checkIdentity(IdType.resident, '11010519491231002x', TODAY));
    expect(info.normalized).toBe('11010519491231002X');
  });

  it('trims and removes inner whitespace (incl. full-width space) before checking', () => {
    const info = expectOk(checkIdentity(IdType.resident, '  110105 19491231 002x\t', TODAY));
    expect(info.normalized).toBe('11010519491231002X');
    expect(expectOk(checkIdentity(IdType.resident, '110105\u300019491231002X', TODAY)).normalized).toBe(
      '11010519491231002X',
    );
  });

  it('rejects a wrong check character (id.badCheckChar)', () => {
    expectFail(checkIdentity(IdType.resident, '110105194912310021', TODAY), 'id.badCheckChar');
    expectFail(checkIdentity(IdType.resident, '440524188001010015', TODAY), 'id.badCheckChar');
  });

  it('rejects month 13 with an otherwise correct check char (id.badBirthDate)', () => {
    expectFail(checkIdentity(IdType.resident, '110105194913310021', TODAY), 'id.badBirthDate');
  });

  it('accepts 29 February in a leap year and rejects it otherwise', () => {
    expect(expectOk(checkIdentity(IdType.resident, '110105198002290013', TODAY)).birthDate).toBe('1980-02-29');
    expectFail(checkIdentity(IdType.resident, '110105198102290010', TODAY), 'id.badBirthDate');
  });

  it('rejects a birth date after today, with today passed in', () => {
    expectFail(checkIdentity(IdType.resident, '110105209912310029', TODAY), 'id.badBirthDate');
    // the same number is fine once "today" has passed the birth date
    expect(expectOk(checkIdentity(IdType.resident, '110105209912310029', '2100-01-01')).birthDate).toBe('2099-12-31');
    // birth date equal to today is accepted
    expect(checkIdentity(IdType.resident, '110105209912310029', '2099-12-31').ok).toBe(true);
  });

  it('rejects a birth date before 1800-01-01 and accepts exactly 1800-01-01', () => {
    expectFail(checkIdentity(IdType.resident, '110105179912310016', TODAY), 'id.badBirthDate');
    expect(expectOk(checkIdentity(IdType.resident, '110105180001010010', TODAY)).birthDate).toBe('1800-01-01');
  });

  it('rejects an unknown province code (id.badDivision)', () => {
    expectFail(checkIdentity(IdType.resident, '19010119900101001X', TODAY), 'id.badDivision');
  });

  it('rejects wrong length or bad characters (id.badFormat)', () => {
    expectFail(checkIdentity(IdType.resident, '11010519491231002', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.resident, '11010519491231002X1', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.resident, '1101051949123100X2', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.resident, '11010519491231002Y', TODAY), 'id.badFormat');
  });

  it('rejects empty or whitespace-only input (id.empty)', () => {
    expectFail(checkIdentity(IdType.resident, '', TODAY), 'id.empty');
    expectFail(checkIdentity(IdType.resident, '   \t ', TODAY), 'id.empty');
    expectFail(checkIdentity(IdType.passport, ' ', TODAY), 'id.empty');
  });

  it('rejects permits and foreigner IDs declared as resident (id.typeMismatch)', () => {
    expectFail(checkIdentity(IdType.resident, '810000199408230021', TODAY), 'id.typeMismatch');
    expectFail(checkIdentity(IdType.resident, '830000199001010012', TODAY), 'id.typeMismatch');
    // passes the MOD 11-2 checksum, but 9xxxxx is not a division code
    expectFail(checkIdentity(IdType.resident, '911840199001010018', TODAY), 'id.typeMismatch');
    // a legacy 15-digit number is a different declared type
    expectFail(checkIdentity(IdType.resident, '110105491231002', TODAY), 'id.typeMismatch');
  });

  it('throws on a malformed "today" (caller error, never read from the clock)', () => {
    expect(() => checkIdentity(IdType.resident, '11010519491231002X', '2025-6-1')).toThrow(RangeError);
    expect(() => checkIdentity(IdType.resident, '11010519491231002X', '2025-02-30')).toThrow(RangeError);
  });
});

describe('R1.1 identity: legacy 15-digit resident ID', () => {
  it('accepts 110105491231002 (female, 1949-12-31, no check char)', () => {
    const info = expectOk(checkIdentity(IdType.resident15, '110105491231002', TODAY));
    expect(info).toEqual({
      type: 'resident15',
      normalized: '110105491231002',
      birthDate: '1949-12-31',
      sex: 'female',
      divisionCode: '110105',
    });
  });

  it('derives male from an odd last digit', () => {
    expect(expectOk(checkIdentity(IdType.resident15, '110105491231001', TODAY)).sex).toBe('male');
  });

  it('rejects a bad date, a bad province, a wrong length and an 18-char number', () => {
    expectFail(checkIdentity(IdType.resident15, '110105491331002', TODAY), 'id.badBirthDate');
    expectFail(checkIdentity(IdType.resident15, '110105490230002', TODAY), 'id.badBirthDate');
    expectFail(checkIdentity(IdType.resident15, '190105491231002', TODAY), 'id.badDivision');
    expectFail(checkIdentity(IdType.resident15, '11010549123100', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.resident15, '11010549123100X', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.resident15, '11010519491231002X', TODAY), 'id.typeMismatch');
  });
});

describe('R1.1 identity: Hong Kong / Macau / Taiwan residence permits', () => {
  it('accepts an HK permit 810000199408230021', () => {
    const info = expectOk(checkIdentity(IdType.hkmoPermit, '810000199408230021', TODAY));
    expect(info).toEqual({
      type: 'hkmoPermit',
      normalized: '810000199408230021',
      birthDate: '1994-08-23',
      sex: 'female',
      divisionCode: '810000',
    });
  });

  it('accepts a Macau permit 820000199001010029', () => {
    const info = expectOk(checkIdentity(IdType.hkmoPermit, '820000199001010029', TODAY));
    expect(info.divisionCode).toBe('820000');
    expect(info.sex).toBe('female');
    expect(info.birthDate).toBe('1990-01-01');
  });

  it('accepts a TW permit 830000199001010012', () => {
    const info = expectOk(checkIdentity(IdType.twPermit, '830000199001010012', TODAY));
    expect(info).toEqual({
      type: 'twPermit',
      normalized: '830000199001010012',
      birthDate: '1990-01-01',
      sex: 'male',
      divisionCode: '830000',
    });
  });

  it('rejects a bad check char on a permit', () => {
    expectFail(checkIdentity(IdType.hkmoPermit, '810000199408230022', TODAY), 'id.badCheckChar');
    expectFail(checkIdentity(IdType.twPermit, '830000199001010013', TODAY), 'id.badCheckChar');
  });

  it('rejects a permit of the other kind or a resident number (id.typeMismatch)', () => {
    expectFail(checkIdentity(IdType.hkmoPermit, '830000199001010012', TODAY), 'id.typeMismatch');
    expectFail(checkIdentity(IdType.twPermit, '810000199408230021', TODAY), 'id.typeMismatch');
    expectFail(checkIdentity(IdType.hkmoPermit, '11010519491231002X', TODAY), 'id.typeMismatch');
    expectFail(checkIdentity(IdType.twPermit, '911840199001010018', TODAY), 'id.typeMismatch');
  });
});

describe('R1.1 identity: 2023 foreigner permanent residence ID', () => {
  it('accepts 911840199001010018 (Beijing, USA 840, 1990-01-01)', () => {
    const info = expectOk(checkIdentity(IdType.foreignerPermanent, '911840199001010018', TODAY));
    expect(info).toEqual({
      type: 'foreignerPermanent',
      normalized: '911840199001010018',
      birthDate: '1990-01-01',
      sex: 'male',
      divisionCode: '110000',
      nationalityCode: '840',
    });
  });

  it('rejects a bad check char, a bad province, and a future birth date', () => {
    expectFail(checkIdentity(IdType.foreignerPermanent, '911840199001010019', TODAY), 'id.badCheckChar');
    expectFail(checkIdentity(IdType.foreignerPermanent, '919840199001010015', TODAY), 'id.badDivision');
    expectFail(checkIdentity(IdType.foreignerPermanent, '911840203001010017', TODAY), 'id.badBirthDate');
  });

  it('rejects a resident number declared as foreigner ID (id.typeMismatch)', () => {
    expectFail(checkIdentity(IdType.foreignerPermanent, '11010519491231002X', TODAY), 'id.typeMismatch');
    expectFail(checkIdentity(IdType.foreignerPermanent, '810000199408230021', TODAY), 'id.typeMismatch');
  });

  it('rejects a wrong length (id.badFormat)', () => {
    expectFail(checkIdentity(IdType.foreignerPermanent, '91184019900101001', TODAY), 'id.badFormat');
  });
});

describe('R1.1 identity: passports and other documents (no checksum)', () => {
  it('accepts passport E12345678', () => {
    expect(checkIdentity(IdType.passport, 'E12345678', TODAY)).toEqual({
      ok: true,
      info: { type: 'passport', normalized: 'E12345678' },
    });
  });

  it('normalizes to trimmed upper case without inner spaces', () => {
    const info = expectOk(checkIdentity(IdType.hkmoPass, '  h1234 5678 ', TODAY));
    expect(info).toEqual({ type: 'hkmoPass', normalized: 'H12345678' });
    expect(expectOk(checkIdentity(IdType.twPass, '12345-678', TODAY)).normalized).toBe('12345-678');
    expect(expectOk(checkIdentity(IdType.other, 'ab-cd-ef', TODAY)).normalized).toBe('AB-CD-EF');
  });

  it('accepts 5 and 20 characters, rejects 4 and 21 and bad characters (id.badFormat)', () => {
    expect(checkIdentity(IdType.other, 'A1234', TODAY).ok).toBe(true);
    expect(checkIdentity(IdType.other, 'A'.repeat(20), TODAY).ok).toBe(true);
    expectFail(checkIdentity(IdType.passport, 'E123', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.passport, 'E'.repeat(21), TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.passport, 'E1234_5678', TODAY), 'id.badFormat');
    expectFail(checkIdentity(IdType.other, '护照12345', TODAY), 'id.badFormat');
  });
});

describe('R1.1 identity: every failure code is reachable', () => {
  it('covers all IdCheckFailure values', () => {
    const seen = new Set<IdCheckFailure>();
    const cases: Array<[IdType, string]> = [
      [IdType.resident, ''],
      [IdType.resident, '1101051949123100'],
      [IdType.resident, '110105194912310021'],
      [IdType.resident, '110105194913310021'],
      [IdType.resident, '19010119900101001X'],
      [IdType.resident, '810000199408230021'],
    ];
    for (const [type, raw] of cases) {
      const r = checkIdentity(type, raw, TODAY);
      if (!r.ok) seen.add(r.code);
    }
    expect([...seen].sort()).toEqual(
      ['id.badBirthDate', 'id.badCheckChar', 'id.badDivision', 'id.badFormat', 'id.empty', 'id.typeMismatch'].sort(),
    );
  });
});

describe('R1.1 identity: detectIdType', () => {
  it('detects each 18/15-char kind by shape', () => {
    expect(detectIdType('11010519491231002X')).toBe('resident');
    expect(detectIdType(' 11010519491231002x ')).toBe('resident');
    expect(detectIdType('810000199408230021')).toBe('hkmoPermit');
    expect(detectIdType('820000199001010029')).toBe('hkmoPermit');
    expect(detectIdType('830000199001010012')).toBe('twPermit');
    expect(detectIdType('911840199001010018')).toBe('foreignerPermanent');
    expect(detectIdType('110105491231002')).toBe('resident15');
  });

  it('returns undefined when nothing fits', () => {
    expect(detectIdType('')).toBeUndefined();
    expect(detectIdType('E12345678')).toBeUndefined();
    expect(detectIdType('19010119900101001X')).toBeUndefined(); // no province 19
    expect(detectIdType('190105491231002')).toBeUndefined();
    expect(detectIdType('1101051949123100')).toBeUndefined(); // 16 chars
    expect(detectIdType('11010519491231002Y')).toBeUndefined();
  });
});

describe('R1.1 identity: masking for lists and logs', () => {
  it('maskIdNumber keeps first 4 and last 4', () => {
    expect(maskIdNumber('110105194912341234')).toBe('1101**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
    expect(maskIdNumber('E123456789')).toBe('E123**6789');
  });

  it('maskIdNumber keeps first 1 and last 1 for short values', () => {
    expect(maskIdNumber('E1234567')).toBe('E******7');
    expect(maskIdNumber('ABC')).toBe('A*C');
    expect(maskIdNumber('AB')).toBe('**');
    expect(maskIdNumber('')).toBe('');
  });

  it('maskPhone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('01012345678901')).toBe('010*********01');
    expect(maskPhone('1234567')).toBe('123**67');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });

  it('maskAddress counts Chinese characters as one', () => {
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区****');
    expect(maskAddress('北京市朝阳区')).toBe('北京****');
    expect(maskAddress('𠀀𠀁𠀂𠀃𠀄𠀅𠀆')).toBe('𠀀𠀁𠀂𠀃𠀄𠀅****'); // astral CJK counts as one too
    expect(maskAddress('No. 1 Main Street')).toBe('No. 1 ****');
    expect(maskAddress('')).toBe('');
  });
});
