/** Work lists (issue 3): the inbox (待办), the supervision schedule (R1.20), urges per unit (R1.7), alerts. */
import { useQuery } from '@tanstack/react-query';
import type { AlertList, Inbox, SupervisionDue, UnitUrges } from '@hall/contracts';
import { get, qs } from '../../lib/api';

export const worklistKeys = {
  inbox: () => ['worklist', 'inbox'] as const,
  supervision: (windowId?: number) => ['worklist', 'supervision', windowId ?? null] as const,
  urges: (unitId?: number) => ['worklist', 'urges', unitId ?? null] as const,
  alerts: (lang: string) => ['alerts', lang] as const,
};

/** What waits on the signed-in user; kept fresh (the navigation badge reads it too). */
export function useInbox(enabled = true) {
  return useQuery({
    queryKey: worklistKeys.inbox(),
    queryFn: () => get<Inbox>('/inbox'),
    enabled,
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

/** The open administrator alerts (administrator and leadership); messages come in the UI language. */
export function useAlerts(lang: string, enabled = true) {
  return useQuery({
    queryKey: worklistKeys.alerts(lang),
    queryFn: () => get<AlertList>('/alerts'),
    enabled,
    refetchInterval: 5 * 60_000,
    staleTime: 30_000,
  });
}

export function useSupervisionDue(windowId?: number) {
  return useQuery({
    queryKey: worklistKeys.supervision(windowId),
    queryFn: () => get<SupervisionDue>(`/supervision/due${qs({ windowId })}`),
    refetchInterval: 5 * 60_000,
    placeholderData: (prev) => prev,
  });
}

export function useUnitUrges(unitId?: number, enabled = true) {
  return useQuery({
    queryKey: worklistKeys.urges(unitId),
    queryFn: () => get<UnitUrges>(`/units/urges${qs({ unitId })}`),
    enabled,
    placeholderData: (prev) => prev,
  });
}
