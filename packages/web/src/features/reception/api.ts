import { useMutation, useQuery } from '@tanstack/react-query';
import type { MatterDetail, MatterListQuery, Notice, ReceptionUpdate } from '@hall/contracts';
import { get, post, put } from '../../lib/api';
import { type MatterListParams, matterKeys, useMatterMutation, useMatterPages } from '../../lib/matters';

export type Scope = MatterListQuery['scope'];
export type ListParams = MatterListParams;

export const getNotice = (id: number) => get<Notice>(`/matters/${id}/notice`);

/** The reception list, page by page with its total. The window waits for visitors the desk sends: kept fresh. */
export const useMatters = (p: ListParams) => useMatterPages(p, { refetchInterval: 30_000 });

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
