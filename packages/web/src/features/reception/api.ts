import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInputs,
  MatterDetail,
  MatterListQuery,
  MatterSummary,
  Notice,
  ReceptionUpdate,
} from '@hall/contracts';
import type { MatterAction } from '@hall/domain';
import { get, post, put, qs } from '../../lib/api';

export type Scope = MatterListQuery['scope'];
export interface ListParams {
  scope: Scope;
  windowId?: number;
  q?: string;
}

export const matterKeys = {
  all: ['matters'] as const,
  list: (p: ListParams) => ['matters', 'list', p] as const,
  detail: (id: number) => ['matters', 'detail', id] as const,
  notice: (id: number) => ['matters', 'notice', id] as const,
};

export const listMatters = (p: ListParams) =>
  get<MatterSummary[]>(`/matters${qs({ scope: p.scope, windowId: p.windowId, q: p.q })}`);
export const getMatter = (id: number) => get<MatterDetail>(`/matters/${id}`);
export const getNotice = (id: number) => get<Notice>(`/matters/${id}/notice`);

export function useMatters(p: ListParams) {
  return useQuery({
    queryKey: matterKeys.list(p),
    queryFn: () => listMatters(p),
    // The window waits for visitors the desk sends: keep the list fresh.
    refetchInterval: 30_000,
    placeholderData: (prev) => prev,
  });
}

export function useMatter(id: number) {
  return useQuery({
    queryKey: matterKeys.detail(id),
    queryFn: () => getMatter(id),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useNotice(id: number) {
  return useQuery({
    queryKey: matterKeys.notice(id),
    queryFn: () => getNotice(id),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** Audited: each call is one entry in the audit trail. */
export const revealField = (petitionerId: number, field: 'idNumber' | 'phone' | 'address' | 'birthDate') =>
  post<{ value: string | null }>(`/petitioners/${petitionerId}/reveal`, { field });

export function useReveal() {
  return useMutation({
    mutationFn: ({ petitionerId, field }: { petitionerId: number; field: 'idNumber' | 'phone' | 'address' | 'birthDate' }) =>
      revealField(petitionerId, field),
  });
}

function useMatterMutation<V>(id: number, fn: (v: V) => Promise<MatterDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      qc.setQueryData(matterKeys.detail(id), detail);
      void qc.invalidateQueries({ queryKey: ['matters', 'list'] });
      void qc.invalidateQueries({ queryKey: matterKeys.notice(id) });
      // What waits on whom changed: the work lists (inbox and its count in the navigation, supervision).
      void qc.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
}

export function useUpdateReception(id: number) {
  return useMatterMutation(id, (body: ReceptionUpdate) => put<MatterDetail>(`/matters/${id}/reception`, body));
}

/** The input of any workflow action (ACTION_INPUTS), with the version the user saw. */
export type ActionBody = ActionInputs[MatterAction];

export function useMatterAction(id: number) {
  return useMatterMutation(id, ({ action, body }: { action: MatterAction; body: ActionBody }) =>
    post<MatterDetail>(`/matters/${id}/actions/${action}`, body),
  );
}

