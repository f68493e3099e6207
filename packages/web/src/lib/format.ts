/** Dates as the hall reads them: China time (UTC+8), whatever the browser's zone. */
import { chinaDate } from '@hall/domain';
import type { AppLang } from './i18n';

const TZ = 'Asia/Shanghai';

function parts(iso: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: p.year, m: p.month, d: p.day, h: p.hour, min: p.minute };
}

/** 2026-11-29 09:05 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}` : iso;
}

/** 09:05 when today, else 11-28 09:05 (dense lists). */
export function formatShortDateTime(iso: string | null | undefined, today = todayInChina()): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  return `${p.y}-${p.m}-${p.d}` === today ? `${p.h}:${p.min}` : `${p.m}-${p.d} ${p.h}:${p.min}`;
}

/** 2026-11-29 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = parts(iso);
  return p ? `${p.y}-${p.m}-${p.d}` : iso;
}

/** 2026年11月29日 (Chinese), 29 November 2026 (English): for documents. */
export function formatLongDate(iso: string | null | undefined, lang: AppLang): string {
  const date = formatDate(iso);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === 'en') {
    const month = new Date(Date.UTC(2000, Number(mo) - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    return `${Number(d)} ${month} ${y}`;
  }
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

/** Today's date in China, YYYY-MM-DD (the identity checks' "today"). */
export function todayInChina(): string {
  return chinaDate(new Date());
}
