/**
 * Queries and saves of the administrator's screens. Every list comes from the admin GET endpoints
 * (org:manage); after a save the list and the signed-in user's reference data are invalidated.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditPage,
  AuditVerification,
  AuditVerificationState,
  Category,
  CategoryInput,
  CategoryRouteInput,
  Division,
  DivisionInput,
  Hall,
  HallInput,
  HallWindow,
  Me,
  Staff,
  StaffCreate,
  StaffUpdate,
  Unit,
  UnitInput,
  WindowInput,
} from '@hall/contracts';
import { get, post, put, qs } from '../../lib/api';
import { joinPages, nextPageParam } from '../../lib/pages';

export const adminKeys = {
  all: ['admin'] as const,
  halls: ['admin', 'halls'] as const,
  windows: ['admin', 'windows'] as const,
  units: ['admin', 'units'] as const,
  divisions: ['admin', 'divisions'] as const,
  categories: ['admin', 'categories'] as const,
  staff: ['admin', 'staff'] as const,
  me: ['admin', 'me'] as const,
  audit: (q: AuditQueryParams) => ['admin', 'audit', q] as const,
};

export type AuditQueryParams = { entity?: string; entityId?: string; limit: number };

const lookup = { staleTime: 30_000 };

export const useHalls = () =>
  useQuery({ queryKey: adminKeys.halls, queryFn: () => get<Hall[]>('/admin/halls'), ...lookup });
export const useWindows = () =>
  useQuery({ queryKey: adminKeys.windows, queryFn: () => get<HallWindow[]>('/admin/windows'), ...lookup });
export const useUnits = () =>
  useQuery({ queryKey: adminKeys.units, queryFn: () => get<Unit[]>('/admin/units'), ...lookup });
export const useDivisions = () =>
  useQuery({ queryKey: adminKeys.divisions, queryFn: () => get<Division[]>('/admin/divisions'), ...lookup });
export const useCategories = () =>
  useQuery({ queryKey: adminKeys.categories, queryFn: () => get<Category[]>('/admin/categories'), ...lookup });
export const useStaff = () =>
  useQuery({ queryKey: adminKeys.staff, queryFn: () => get<Staff[]>('/admin/staff'), ...lookup });
export const useMe = () => useQuery({ queryKey: adminKeys.me, queryFn: () => get<Me>('/auth/me'), staleTime: 60_000 });
/** The audit trail, newest first, `limit` rows a page; more with `loadMore()`, and the total of the filters. */
export function useAudit(q: AuditQueryParams) {
  const query = useInfiniteQuery({
    queryKey: adminKeys.audit(q),
    queryFn: ({ pageParam }) => get<AuditPage>(`/audit${qs({ ...q, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextPageParam,
  });
  return { query, ...joinPages(query.data?.pages), loadMore: () => void query.fetchNextPage() };
}

/** The audit chain's last verification (R1.27), and running one now (org:manage; recorded and audited). */
export const useAuditVerification = () =>
  useQuery({ queryKey: ['admin', 'audit-verification'], queryFn: () => get<AuditVerificationState>('/admin/audit/verification') });
export function useRunAuditVerification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<AuditVerification>('/admin/audit/verify'),
    onSuccess: (v) => {
      qc.setQueryData<AuditVerificationState>(['admin', 'audit-verification'], { last: v });
      void qc.invalidateQueries({ queryKey: ['admin', 'audit'] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** Create (POST) or update (PUT /:key) one record, then refresh the list it belongs to. */
function useSave<In, Out>(path: string, listKey: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input }: { key?: number | string; input: In }) =>
      key === undefined ? post<Out>(path, input) : put<Out>(`${path}/${encodeURIComponent(String(key))}`, input),
    onSuccess: () => invalidateAfterSave(qc, listKey),
  });
}

function invalidateAfterSave(qc: ReturnType<typeof useQueryClient>, listKey: readonly string[]) {
  void qc.invalidateQueries({ queryKey: listKey });
  // Forms elsewhere read /api/reference: whatever key the shell uses for it starts with 'reference'.
  void qc.invalidateQueries({ queryKey: ['reference'] });
  void qc.invalidateQueries({ queryKey: ['admin', 'audit'] });
}

export const useSaveHall = () => useSave<HallInput, Hall>('/admin/halls', adminKeys.halls);
export const useSaveWindow = () => useSave<WindowInput, HallWindow>('/admin/windows', adminKeys.windows);
export const useSaveUnit = () => useSave<UnitInput, Unit>('/admin/units', adminKeys.units);
export const useSaveDivision = () => useSave<DivisionInput, Division>('/admin/divisions', adminKeys.divisions);
export const useSaveCategory = () => useSave<CategoryInput, Category>('/admin/categories', adminKeys.categories);
export const useSaveStaff = () => useSave<StaffCreate | StaffUpdate, Staff>('/admin/staff', adminKeys.staff);

export function useSaveCategoryRoute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CategoryRouteInput) => put<{ ok: true }>('/admin/category-routes', input),
    onSuccess: () => invalidateAfterSave(qc, adminKeys.categories),
  });
}
