/**
 * The hall floor's API (issue 4: R2.2 guide desk, R4.1 entry check, R2.3 disorder list and alerts).
 * Each call parses the answer with its contract schema, so a server that drifts from
 * packages/contracts fails loudly here instead of rendering half a screen.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  DisorderAlert,
  DisorderDetail,
  DisorderEntry,
  Lingering,
  Priority,
  QueueService,
  VisitResult,
  Visit,
  type DisorderDecision,
  type IncidentInput,
  type VisitInput,
} from '@hall/contracts';
import { get, post, qs } from '../../lib/api';

const parse =
  <S extends z.ZodType>(schema: S) =>
  (data: unknown): z.infer<S> =>
    schema.parse(data);

export type DisorderShown = DisorderEntry['status'];

export const floorKeys = {
  // Own keys: the queue feature may cache the same lists in its own shape.
  services: ['floor', 'services'] as const,
  priorities: ['floor', 'priorities'] as const,
  visits: (date: string) => ['floor', 'visits', date] as const,
  alerts: (all: boolean) => ['floor', 'alerts', all] as const,
  lingering: ['floor', 'lingering'] as const,
  disorder: (status: DisorderShown | undefined) => ['floor', 'disorder', 'list', status ?? 'all'] as const,
  disorderDetail: (id: number) => ['floor', 'disorder', 'detail', id] as const,
};

/** The hall's services (to direct a visitor to); only the active ones are offered. */
export function useServices(enabled = true) {
  return useQuery({
    queryKey: floorKeys.services,
    queryFn: () => get<unknown>('/queue/services').then(parse(z.array(QueueService))),
    enabled,
    staleTime: 60_000,
  });
}

export function usePriorities(enabled = true) {
  return useQuery({
    queryKey: floorKeys.priorities,
    queryFn: () => get<unknown>('/queue/priorities').then(parse(z.array(Priority))),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The day's visits at the desk (ID numbers masked by the server). */
export function useVisits(date: string) {
  return useQuery({
    queryKey: floorKeys.visits(date),
    queryFn: () => get<unknown>(`/floor/visits${qs({ date })}`).then(parse(z.array(Visit))),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

export function useRecordVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitInput) => post<unknown>('/floor/visits', body).then(parse(VisitResult)),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['floor', 'visits'] });
      if (r.alert) void qc.invalidateQueries({ queryKey: ['floor', 'alerts'] });
    },
  });
}

/**
 * R2.3 alerts: the guide sees the hall's of today, a window its own. Polled: an alert raised at
 * the kiosk or at registration must reach the guide and the window without a reload.
 */
export function useFloorAlerts(opts: { all?: boolean; enabled?: boolean; pollMs?: number } = {}) {
  const all = opts.all ?? false;
  return useQuery({
    queryKey: floorKeys.alerts(all),
    queryFn: () =>
      get<unknown>(`/floor/alerts${qs({ all: all ? 'true' : undefined })}`).then(parse(z.array(DisorderAlert))),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.pollMs ?? 15_000,
    placeholderData: (prev) => prev,
  });
}

/** R2.3a: visitors who linger (polled: the list changes as time passes, not only on changes). */
export function useLingering(enabled = true) {
  return useQuery({
    queryKey: floorKeys.lingering,
    queryFn: () => get<unknown>('/floor/lingering').then(parse(Lingering)),
    enabled,
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

export function useAckAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => post<unknown>(`/floor/alerts/${id}/ack`).then(parse(DisorderAlert)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['floor', 'alerts'] });
      void qc.invalidateQueries({ queryKey: ['floor', 'disorder', 'detail'] });
    },
  });
}

/** The list (every load is audited by the server: it is not polled). */
export function useDisorderList(status: DisorderShown | undefined, enabled = true) {
  return useQuery({
    queryKey: floorKeys.disorder(status),
    queryFn: () => get<unknown>(`/floor/disorder${qs({ status })}`).then(parse(z.array(DisorderEntry))),
    enabled,
    placeholderData: (prev) => prev,
    refetchOnWindowFocus: false,
  });
}

export function useDisorderDetail(id: number | null) {
  return useQuery({
    queryKey: floorKeys.disorderDetail(id ?? 0),
    queryFn: () => get<unknown>(`/floor/disorder/${id}`).then(parse(DisorderDetail)),
    enabled: id !== null && id > 0,
    refetchOnWindowFocus: false,
  });
}

export function useRecordIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentInput) => post<unknown>('/floor/disorder/incidents', body).then(parse(DisorderEntry)),
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: ['floor', 'disorder', 'list'] });
      void qc.invalidateQueries({ queryKey: floorKeys.disorderDetail(e.id) });
    },
  });
}

export function useDecideDisorder(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DisorderDecision) =>
      post<unknown>(`/floor/disorder/${id}/decide`, body).then(parse(DisorderDetail)),
    onSuccess: (d) => {
      qc.setQueryData(floorKeys.disorderDetail(d.id), d);
      void qc.invalidateQueries({ queryKey: ['floor', 'disorder', 'list'] });
    },
  });
}
