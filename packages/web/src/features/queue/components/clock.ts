import { useEffect, useState } from 'react';

const timeFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
const dateFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  });

/** The hall's time (China time, whatever the device's zone), ticking every second. */
export function useClock(opts: { withDate?: boolean; lang?: string } = {}): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const lang = opts.lang ?? 'zh-CN';
  const time = timeFormat(lang).format(now);
  return opts.withDate ? `${dateFormat(lang).format(now)} ${time}` : time;
}
