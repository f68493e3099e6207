/** Accountability inquiries (R1.23–R1.25) and their numbered documents. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountabilityActionInputs,
  AccountabilityDetail,
  AccountabilityListQuery,
  AccountabilityProposeRequest,
  AccountabilitySummary,
  DocumentDetail,
} from '@hall/contracts';
import type { AccountabilityAction } from '@hall/domain';
import { get, post, qs } from '../../lib/api';
import { useLang } from '../../lib/labels';

/** System proposals' reasons come in the request's language: the language is part of the keys. */
export const accKeys = {
  all: ['accountability'] as const,
  list: (lang: string, q: AccountabilityListQuery) => ['accountability', 'list', lang, q] as const,
  detail: (id: number, lang: string) => ['accountability', 'detail', id, lang] as const,
  document: (id: number) => ['documents', id] as const,
};

export function useAccountabilityList(q: AccountabilityListQuery = {}, enabled = true) {
  const lang = useLang();
  return useQuery({
    queryKey: accKeys.list(lang, q),
    queryFn: () => get<AccountabilitySummary[]>(`/accountability${qs({ state: q.state, matterId: q.matterId })}`),
    enabled,
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

export function useAccountability(id: number) {
  const lang = useLang();
  return useQuery({
    queryKey: accKeys.detail(id, lang),
    queryFn: () => get<AccountabilityDetail>(`/accountability/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDocument(id: number) {
  return useQuery({
    queryKey: accKeys.document(id),
    queryFn: () => get<DocumentDetail>(`/documents/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** After a change: the inquiries, the inbox and the case (its timeline) are stale. */
function useRefreshAfter() {
  const qc = useQueryClient();
  const lang = useLang();
  return (detail: AccountabilityDetail) => {
    qc.setQueryData(accKeys.detail(detail.id, lang), detail);
    void qc.invalidateQueries({ queryKey: ['accountability', 'list'] });
    void qc.invalidateQueries({
      queryKey: ['accountability', 'detail', detail.id],
      predicate: (q) => q.queryKey[3] !== lang,
    });
    void qc.invalidateQueries({ queryKey: ['worklist'] });
    void qc.invalidateQueries({ queryKey: ['matters', 'detail', detail.matterId] });
  };
}

export type ActionVariables = {
  [A in AccountabilityAction]: { action: A; body: AccountabilityActionInputs[A] };
}[AccountabilityAction];

export function useAccountabilityAction(id: number) {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ action, body }: ActionVariables) =>
      post<AccountabilityDetail>(`/accountability/${id}/actions/${action}`, body),
    onSuccess: refresh,
  });
}

export function usePropose() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: (body: AccountabilityProposeRequest) => post<AccountabilityDetail>('/accountability', body),
    onSuccess: refresh,
  });
}
