/**
 * Personal data shown in masked views (PIPL: identity numbers are sensitive personal information).
 * Pure: given the stored values and today's date, what a list or a card may show.
 */

/**
 * A person's name as it is matched: Unicode NFC, trimmed, inner runs of white space (including the
 * ideographic space U+3000) collapsed to one space. Two spellings that normalise alike are one name.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\s\u3000]+/gu, ' ')
    .trim();
}

/**
 * The birth year of an ISO date ('1949-12-31' → 1949), or null. Masked views show this (or the age),
 * never the date: with the masked ID ('1101**********002X') the full date leaves only a handful of
 * candidate numbers, the year alone hundreds.
 */
export function birthYearOf(birthDate: string | null | undefined): number | null {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate ?? '');
  return m ? Number(m[1]) : null;
}

/** Completed years on `today` (both ISO dates), or null. */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !t) return null;
  const [by, bm, bd] = b.slice(1).map(Number) as [number, number, number];
  const [ty, tm, td] = t.slice(1).map(Number) as [number, number, number];
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 ? age : null;
}

/**
 * Two-character surnames (复姓) kept whole by `maskName` when the name is longer than the surname.
 * The common ones; a rarer compound surname is masked after its first character, which reveals less.
 */
export const COMPOUND_SURNAMES: readonly string[] = (
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 司空 夏侯 轩辕 端木 独孤 南宫 西门 呼延 ' +
  '赫连 澹台 公羊 太史 申屠 钟离 闻人 万俟 濮阳 百里 东郭 第五 左丘 拓跋 单于 淳于 鲜于 闾丘 亓官 司寇 巫马'
).split(' ');

const STARS = '**';
const HAN = /^\p{Script=Han}+$/u;

/**
 * A person's name as lists, logs and audit rows show it (issue 8 §3: masked in lists and logs):
 * - a Chinese name keeps its surname, a compound surname (欧阳, 司马 …) whole: '张三' → '张**',
 *   '张三丰' → '张**', '欧阳修' → '欧阳**';
 * - a name in parts (Latin 'John Smith', a transliterated '阿依古丽·买买提') keeps the first letter of
 *   each part: 'J** S**', '阿**·买**'; hyphenated parts alike ('Jean-Luc' → 'J**-L**').
 * The stars are always two, so the mask does not tell the length of the given name either.
 * Full names appear only in single-record views, and each such view is audited.
 */
export function maskName(name: string | null | undefined): string | null {
  const n = normalizeName(name ?? '');
  if (n.length === 0) return null;
  // '张 三' (a space typed inside a Chinese name) is still one Chinese name.
  const compact = n.replace(/\s/gu, '');
  if (HAN.test(compact)) {
    const chars = Array.from(compact);
    const surname = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
    return chars.slice(0, surname).join('') + STARS;
  }
  // Parts and their separators: white space, hyphens, the interpunct of transliterated names (· ・ •).
  return n
    .split(/([\s\-\u2010\u2011\u00b7\u30fb\u2022]+)/u)
    .map((part, i) => (i % 2 === 1 ? part : part ? Array.from(part)[0] + STARS : ''))
    .join('');
}
