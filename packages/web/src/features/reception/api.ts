import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  MatterDetail,
  MatterListQuery,
  MatterSummary,
  Notice,
  ReceptionUpdate,
} from '@hall/contracts';
import { get, post, put, qs } from '../../lib/api';
import { matterKeys, useMatterMutation } from '../../lib/matters';

export type Scope = MatterListQuery['scope'];
export interface ListParams {
  scope: Scope;
  windowId?: number;
  q?: string;
}

export const listMatters = (p: ListParams) =>
  get<MatterSummary[]>(`/matters${qs({ scope: p.scope, windowId: p.windowId, q: p.q })}`);
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

export function useUpdateReception(id: number) {
  return useMatterMutation(id, (body: ReceptionUpdate) => put<MatterDetail>(`/matters/${id}/reception`, body));
}
