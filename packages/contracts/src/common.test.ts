/**
 * The one text schema and the one date schema of every request (issue 8 §5): what they keep, what
 * they change, what they refuse — and that the refusal is a message code the server translates.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  DATE_RANGE,
  Id,
  IdempotencyKey,
  IsoDate,
  IsoDateTime,
  LongText,
  Optional,
  Password,
  Required,
  Text,
  Version,
  INT_MAX,
} from './common.ts';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues;
};

describe('Text / Required / Optional', () => {
  it('NFC-normalises: e + combining acute is é, one character', () => {
    expect(Text(10).parse('Cafe\u0301')).toBe('Café');
    expect(Text(10).parse('Cafe\u0301')).toHaveLength(4);
  });

  it('trims, and counts the length after normalising and trimming', () => {
    expect(Required(3).parse('  张三  ')).toBe('张三');
    expect(Required(2).safeParse('e\u0301e\u0301').success).toBe(true);
    expect(Required(1).safeParse('   ').success).toBe(false);
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a lone high surrogate', 'a\uD800b', 'U+D800'],
    ['a lone low surrogate', '\uDC00', 'U+DC00'],
    ['ESC', 'x\u001B[31m', 'U+001B'],
    ['DEL', 'x\u007F', 'U+007F'],
    ['a C1 control', 'x\u0085', 'U+0085'],
    ['the noncharacter U+FFFF', 'x\uFFFF', 'U+FFFF'],
    ['a line feed in one-line text', '张\n三', 'U+000A'],
    ['a tab in one-line text', '张\t三', 'U+0009'],
  ])('refuses %s with validation.badCharacter naming the character', (_what, value, char) => {
    const found = issues(Required(50), value);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'custom', message: 'validation.badCharacter', params: { char } });
  });

  it('multi-line text keeps tab, line feed and carriage return, and still refuses NUL', () => {
    expect(LongText(100).parse('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(Required(100, { multiline: true }).parse('a\nb')).toBe('a\nb');
    expect(issues(LongText(100), 'a\u0000b')[0]).toMatchObject({ message: 'validation.badCharacter' });
  });

  it('keeps what is ordinary text: emoji (surrogate pairs, ZWJ), RTL marks, Arabic script, CJK extension B', () => {
    for (const v of ['👨‍👩‍👧', 'مرحبا\u200F', 'abc\u202Edef', '𠀀𪚥', 'ئۇيغۇر'])
      expect(Text(50).parse(v)).toBe(v.normalize('NFC'));
  });

  it('Optional takes null and undefined; Text keeps the empty string', () => {
    expect(Optional(5).parse(null)).toBeNull();
    expect(Optional(5).parse(undefined)).toBeUndefined();
    expect(Text(5).parse('')).toBe('');
  });

  it('refuses wrong types', () => {
    for (const v of [1, true, {}, [], null]) expect(Text(5).safeParse(v).success).toBe(false);
  });

  it('measures the length after NFC: a character that normalises to two cannot push a value past max', () => {
    // U+1D15E (musical half note) is excluded from composition: NFC gives U+1D157 U+1D165.
    const value = '\u{1D15E}' + '\u{10000}'.repeat(8); // 18 UTF-16 units typed, 20 after NFC
    expect(Text(19).safeParse(value).success).toBe(false);
    expect(Text(20).parse(value)).toBe(value.normalize('NFC'));
    expect(Text(19).safeParse(value).error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 19 });
  });

  it('property: any accepted value is NFC, trimmed, within max and free of the refused characters', () => {
    // eslint-disable-next-line no-control-regex -- the characters the schema refuses
    const bad = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = Text(20).safeParse(s);
        if (!r.success) return;
        expect(r.data).toBe(r.data.normalize('NFC'));
        expect(r.data).toBe(r.data.trim());
        expect(r.data.length).toBeLessThanOrEqual(20);
        expect(bad.test(r.data)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a string with a NUL or a lone surrogate somewhere is always refused', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
        fc.string({ maxLength: 10 }),
        (a, bad, b) => {
          // A high surrogate right before a low one would make a pair: keep them apart.
          const value = `${a}x${bad}x${b}`;
          expect(LongText(100).safeParse(value).success).toBe(false);
        },
      ),
    );
  });
});

describe('Password', () => {
  it('is taken as typed (no trimming, no normalising)', () => {
    expect(Password.parse(' pass word ')).toBe(' pass word ');
    expect(Password.parse('e\u0301')).toBe('e\u0301');
  });
  it('refuses NUL and lone surrogates, which would hash like other passwords', () => {
    expect(issues(Password, 'hall\u000012345')[0]).toMatchObject({ message: 'validation.badCharacter' });
    expect(issues(Password, 'hall\uD83D')[0]).toMatchObject({ message: 'validation.badCharacter' });
    expect(Password.safeParse('').success).toBe(false);
  });
});

describe('IsoDate', () => {
  it.each(['2026-11-30', '2024-02-29', '2000-02-29', '1900-01-01', '2099-12-31'])('takes the real day %s', (d) => {
    expect(IsoDate.parse(d)).toBe(d);
  });

  it.each([
    '2026-13-01',
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '9999-99-99',
    '2026-00-10',
    '2026-01-00',
    '0000-00-00',
  ])('refuses the impossible day %s as a date', (d) => {
    expect(issues(IsoDate, d)[0]).toMatchObject({ code: 'invalid_format', format: 'date' });
  });

  it.each(['2026-1-1', '20261130', '2026-11-30T00:00:00Z', ' 2026-11-30', '+02026-11-30', '２０２６-１１-３０', ''])(
    'refuses %j (not YYYY-MM-DD)',
    (d) => {
      expect(IsoDate.safeParse(d).success).toBe(false);
    },
  );

  it.each(['1899-12-31', '2100-01-01', '0001-01-01', '9999-12-31'])(
    'refuses the real day %s outside the range',
    (d) => {
      expect(issues(IsoDate, d)[0]).toMatchObject({ message: 'validation.dateOutOfRange', params: DATE_RANGE });
    },
  );

  it('property: whatever it accepts, Date can compute with (no "Invalid time value")', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })),
        ([y, m, d]) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const r = IsoDate.safeParse(s);
          const real = new Date(`${s}T00:00:00Z`);
          const isReal = !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === s;
          expect(r.success).toBe(isReal && s >= DATE_RANGE.min && s <= DATE_RANGE.max);
          if (r.success) expect(new Date(`${s}T00:00:00+08:00`).toISOString()).toMatch(/^\d{4}-/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('IsoDateTime', () => {
  it('takes an instant with an offset', () => {
    expect(IsoDateTime.parse('2026-11-30T10:00:00+08:00')).toBe('2026-11-30T10:00:00+08:00');
    expect(IsoDateTime.parse('2026-11-30T02:00:00.123Z')).toBe('2026-11-30T02:00:00.123Z');
  });
  it.each([
    '2026-02-30T10:00:00Z',
    '2026-11-30T25:00:00Z',
    '2026-11-30T10:00:00',
    '2026-11-30',
    '9999-99-99T99:99:99Z',
  ])('refuses %s', (v) => {
    expect(issues(IsoDateTime, v)[0]).toMatchObject({ code: 'invalid_format', format: 'datetime' });
  });
  it('refuses instants outside the range', () => {
    expect(issues(IsoDateTime, '2100-01-01T00:00:00Z')[0]).toMatchObject({ message: 'validation.dateOutOfRange' });
    expect(issues(IsoDateTime, '1899-12-31T23:59:59Z')[0]).toMatchObject({ message: 'validation.dateOutOfRange' });
  });
});

describe('numbers that reach integer columns', () => {
  it('Id: a positive integer up to the largest integer column value, from a path or a body', () => {
    expect(Id.parse('12')).toBe(12);
    expect(Id.parse(INT_MAX)).toBe(INT_MAX);
    for (const v of ['0', '-1', '1.5', 'abc', '', String(INT_MAX + 1), '99999999999999999999', 'NaN', 'Infinity'])
      expect(Id.safeParse(v).success, v).toBe(false);
  });
  it('Version: 0 … INT_MAX', () => {
    expect(Version.safeParse(INT_MAX + 1).success).toBe(false);
    expect(Version.safeParse(-1).success).toBe(false);
    expect(Version.safeParse(1.5).success).toBe(false);
  });
});

describe('IdempotencyKey', () => {
  it('takes 8–100 visible ASCII characters', () => {
    expect(IdempotencyKey.parse('reg-7f3a9c21-0001')).toBe('reg-7f3a9c21-0001');
    for (const v of ['short', 'a'.repeat(101), 'key with space', 'clé-0001-0001', 'abc\u0000defgh'])
      expect(IdempotencyKey.safeParse(v).success, v).toBe(false);
  });
});
