import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail, MatterSummary } from '@hall/contracts';
import { get, qs } from '../../lib/api';

export type CaseScope = 'open' | 'all';

/** The unit's assigned cases: the server scopes GET /api/matters to the signed-in unit's cases (R1.18). */
export function useUnitCases(scope: CaseScope, q?: string) {
  return useQuery({
    queryKey: ['matters', 'list', { scope, q, unit: true }],
    queryFn: () => get<MatterSummary[]>(`/matters${qs({ scope, q })}`),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

/** A numbered document for its print page (GET /api/documents/:id). */
export function useDocument(id: number) {
  return useQuery({
    queryKey: ['documents', id],
    queryFn: () => get<DocumentDetail>(`/documents/${id}`),
    enabled: Number.isFinite(id) && id > 0,
  });
}
