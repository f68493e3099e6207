/**
 * The queue (issue 4, R2.1): kiosk, window panel, display board, statistics and the services'
 * administration. Every answer is checked against its contract schema: the kiosk and the board run
 * unattended for days, and a silent shape mismatch there would show wrong numbers to the hall.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  BoardSnapshot,
  KioskInfo,
  PresentResult,
  Priority,
  QueueService,
  QueueStats,
  TicketDetail,
  TicketPrint,
  WindowPanel,
  type KioskTicketInput,
  type ServiceInput,
  type TicketActionInput,
  type TransferInput,
} from '@hall/contracts';
import { ApiError, api, qs } from '../../lib/api';
import i18n from '../../lib/i18n';
import { useLang } from '../../lib/labels';

type Method = 'GET' | 'POST' | 'PUT';

/** Fetches and parses with the contract's schema; a mismatch is an error the page shows. */
export async function fetchAs<S extends z.ZodType>(
  schema: S,
  method: Method,
  path: string,
  body?: unknown,
): Promise<z.output<S>> {
  const data = await api<unknown>(method, path, method === 'GET' ? undefined : (body ?? {}));
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} /api${path}`, parsed.error.issues);
    throw new ApiError(500, 'response.invalid', i18n.t('queue:error.badResponse'));
  }
  return parsed.data;
}

export const queueKeys = {
  all: ['queue'] as const,
  kiosk: (hallCode: string, lang: string) => ['queue', 'kiosk', hallCode, lang] as const,
  board: (hallCode: string) => ['queue', 'board', hallCode] as const,
  window: (lang: string) => ['queue', 'window', lang] as const,
  services: () => ['queue', 'services'] as const,
  priorities: () => ['queue', 'priorities'] as const,
  stats: (q: StatsQuery) => ['queue', 'stats', q] as const,
};

const hall = (hallCode: string) => `/public/halls/${encodeURIComponent(hallCode)}`;

// ---------------------------------------------------------------------------------------------
// Public: kiosk and board

/** The open services with their waiting counts; refreshed while the kiosk stands idle. */
export function useKiosk(hallCode: string) {
  const lang = useLang();
  return useQuery({
    queryKey: queueKeys.kiosk(hallCode, lang),
    queryFn: () => fetchAs(KioskInfo, 'GET', `${hall(hallCode)}/kiosk`),
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
}

export function useIssueKioskTicket(hallCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: KioskTicketInput) => fetchAs(TicketPrint, 'POST', `${hall(hallCode)}/tickets`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['queue', 'kiosk', hallCode] }),
  });
}

export const fetchBoard = (hallCode: string) => fetchAs(BoardSnapshot, 'GET', `${hall(hallCode)}/board`);
export const boardStreamUrl = (hallCode: string) => `/api${hall(hallCode)}/board/stream`;

// ---------------------------------------------------------------------------------------------
// The window's calling panel

/** Polled: other windows call from the same queue, and the kiosk keeps issuing. */
export const WINDOW_REFRESH_SECONDS = 4;

export function useWindowPanel(enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: queueKeys.window(lang),
    queryFn: () => fetchAs(WindowPanel, 'GET', '/queue/window'),
    enabled,
    refetchInterval: WINDOW_REFRESH_SECONDS * 1000,
    placeholderData: keepPreviousData,
  });
}

/** After any step at the window the panel is reloaded (the server decides what comes next). */
function useWindowMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => void qc.invalidateQueries({ queryKey: ['queue', 'window'] }),
  });
}

export const useCallNext = () => useWindowMutation(() => fetchAs(TicketDetail, 'POST', '/queue/window/call-next'));

export const useCallNumber = () =>
  useWindowMutation((number: string) => fetchAs(TicketDetail, 'POST', '/queue/window/call', { number }));

export const usePresent = () =>
  useMutation({
    mutationFn: (number: string) => fetchAs(PresentResult, 'POST', '/queue/window/present', { number }),
  });

export const useTicketAction = () =>
  useWindowMutation(({ id, ...body }: TicketActionInput & { id: number }) =>
    fetchAs(TicketDetail, 'POST', `/queue/tickets/${id}/action`, body),
  );

export const useTransfer = () =>
  useWindowMutation(({ id, ...body }: TransferInput & { id: number }) =>
    fetchAs(TicketDetail, 'POST', `/queue/tickets/${id}/transfer`, body),
  );

// ---------------------------------------------------------------------------------------------
// Services and priority groups (queue:manage); the list is read by every window (transfers)

export function useQueueServices(enabled = true) {
  return useQuery({
    queryKey: queueKeys.services(),
    queryFn: () => fetchAs(z.array(QueueService), 'GET', '/queue/services'),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ServiceInput }) =>
      id
        ? fetchAs(QueueService, 'PUT', `/queue/services/${id}`, body)
        : fetchAs(QueueService, 'POST', '/queue/services', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

export function usePriorities() {
  return useQuery({
    queryKey: queueKeys.priorities(),
    queryFn: () => fetchAs(z.array(Priority), 'GET', '/queue/priorities'),
  });
}

export function useSavePriorities() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Priority[]) => fetchAs(z.array(Priority), 'PUT', '/queue/priorities', body),
    onSuccess: (data) => qc.setQueryData(queueKeys.priorities(), data),
  });
}

// ---------------------------------------------------------------------------------------------
// Statistics (queue:stats)

export interface StatsQuery {
  from: string;
  to: string;
  by: 'service' | 'window';
  byHour: boolean;
}

export function useQueueStats(q: StatsQuery) {
  return useQuery({
    queryKey: queueKeys.stats(q),
    queryFn: () =>
      fetchAs(QueueStats, 'GET', `/queue/stats${qs({ from: q.from, to: q.to, by: q.by, byHour: String(q.byHour) })}`),
    placeholderData: keepPreviousData,
  });
}
