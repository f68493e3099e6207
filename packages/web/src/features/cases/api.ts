import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail } from '@hall/contracts';
import { get } from '../../lib/api';
import { useMatterPages } from '../../lib/matters';

export type CaseScope = 'open' | 'all';

/**
 * The unit's assigned cases, page by page with their total: the server scopes GET /api/matters to
 * the signed-in unit's cases (R1.18).
 */
export const useUnitCases = (scope: CaseScope, q?: string) =>
  useMatterPages({ scope, q }, { key: { unit: true }, refetchInterval: 60_000 });

/** A numbered document for its print page (GET /api/documents/:id). */
export function useDocument(id: number) {
  return useQuery({
    queryKey: ['documents', id],
    queryFn: () => get<DocumentDetail>(`/documents/${id}`),
    enabled: Number.isFinite(id) && id > 0,
  });
}
