/** Reference data every form needs (GET /api/reference): one call, cached for the session. */
import { useQuery } from '@tanstack/react-query';
import type { Category, HallWindow, Reference } from '@hall/contracts';
import { get } from './api';
import type { AppLang } from './i18n';

export const referenceQueryKey = ['reference'] as const;

export function useReference() {
  return useQuery({ queryKey: referenceQueryKey, queryFn: () => get<Reference>('/reference'), staleTime: 5 * 60_000 });
}

export function categoryLabel(c: Pick<Category, 'name' | 'nameEn'>, lang: AppLang): string {
  return lang === 'en' && c.nameEn ? c.nameEn : c.name;
}

/** Windows of the user's hall that are open, by number. */
export function hallWindows(ref: Reference, includeInactive = false): HallWindow[] {
  return ref.windows
    .filter((w) => w.hallId === ref.hall.id && (includeInactive || w.active))
    .sort((a, b) => a.number - b.number);
}

export const windowLabel = (w: Pick<HallWindow, 'number' | 'name'>) => `${w.number} · ${w.name}`;
