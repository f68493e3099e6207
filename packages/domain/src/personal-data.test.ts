import { describe, expect, it } from 'vitest';
import { ageOn, birthYearOf, maskName, normalizeName } from './personal-data.ts';

describe('personal data in masked views (issue 8 §3)', () => {
  it('normalises names for the keyed lookup: NFC, trim, collapsed inner spaces', () => {
    expect(normalizeName('  张三 ')).toBe('张三');
    expect(normalizeName('阿依古丽\u3000 \t买买提')).toBe('阿依古丽 买买提');
    // 'é' as e + combining acute (NFD) and as one code point (NFC) are one name.
    expect(normalizeName('Ren\u0065\u0301')).toBe(normalizeName('Ren\u00e9'));
  });

  it('shows a birth year, not the date', () => {
    expect(birthYearOf('1949-12-31')).toBe(1949);
    expect(birthYearOf(null)).toBeNull();
    expect(birthYearOf('19491231')).toBeNull();
  });

  it('computes the age in completed years', () => {
    expect(ageOn('1949-12-31', '2026-11-30')).toBe(76);
    expect(ageOn('1949-11-30', '2026-11-30')).toBe(77);
    expect(ageOn('1949-12-01', '2026-11-30')).toBe(76);
    expect(ageOn('2030-01-01', '2026-11-30')).toBeNull();
    expect(ageOn(null, '2026-11-30')).toBeNull();
  });

  it('masks a name for lists, logs and audit rows: the surname, two stars (issue 8 §3)', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张**');
    expect(maskName(' 李四 ')).toBe('李**');
    expect(maskName('王')).toBe('王**');
    expect(maskName('张 三')).toBe('张**');
    expect(maskName('')).toBeNull();
    expect(maskName('   ')).toBeNull();
    expect(maskName(null)).toBeNull();
  });

  it('keeps a compound surname whole, but never the whole of a two-character name', () => {
    expect(maskName('欧阳修')).toBe('欧阳**');
    expect(maskName('司马相如')).toBe('司马**');
    expect(maskName('诸葛亮')).toBe('诸葛**');
    // Two characters: surname 欧 and given name 阳, or the surname alone; either way one character shows.
    expect(maskName('欧阳')).toBe('欧**');
    // Not a compound surname: only the first character.
    expect(maskName('张三丰')).toBe('张**');
  });

  it('keeps the first letter of each part of a name in parts', () => {
    expect(maskName('John Smith')).toBe('J** S**');
    expect(maskName('  John   Ronald  Tolkien ')).toBe('J** R** T**');
    expect(maskName('Jean-Luc Picard')).toBe('J**-L** P**');
    expect(maskName('阿依古丽·买买提')).toBe('阿**·买**');
    expect(maskName('René')).toBe('R**');
    // Astral characters are one letter each, never split into halves.
    expect(maskName('𠀋一')).toBe('𠀋**');
  });

  it('never returns any character of the given name of a Chinese name', () => {
    for (const [name, given] of [
      ['张三', '三'],
      ['李小龙', '小龙'],
      ['欧阳娜娜', '娜娜'],
    ] as const) {
      const masked = maskName(name)!;
      for (const ch of given) expect(masked).not.toContain(ch);
    }
  });
});
