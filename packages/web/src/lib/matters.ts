/**
 * The matter's query and its mutations' cache update, shared by the features that show or change a
 * matter (cases: the detail and its actions; reception: the reception record, the notice).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInputs, MatterDetail, MatterListQuery, MatterPage } from '@hall/contracts';
import type { MatterAction } from '@hall/domain';
import { get, post, qs } from './api';
import { joinPages, nextPageParam } from './pages';

export const matterKeys = {
  all: ['matters'] as const,
  list: (p: object) => ['matters', 'list', p] as const,
  detail: (id: number) => ['matters', 'detail', id] as const,
  notice: (id: number) => ['matters', 'notice', id] as const,
};

export const getMatter = (id: number) => get<MatterDetail>(`/matters/${id}`);

/** Rows a list asks for at a time (GET /api/matters pages with a cursor; it answers the total). */
export const MATTER_PAGE_SIZE = 50;

export interface MatterListParams {
  scope: MatterListQuery['scope'];
  windowId?: number;
  q?: string;
}

export const listMatterPage = (p: MatterListParams, cursor?: string) =>
  get<MatterPage>(`/matters${qs({ scope: p.scope, windowId: p.windowId, q: p.q, limit: MATTER_PAGE_SIZE, cursor })}`);

/**
 * The matter list, page by page: the first page, then one more per `loadMore()`. A refresh reads
 * the pages loaded again from the first one. `key` tells lists with the same parameters apart
 * (the reception list, a unit's cases).
 */
export function useMatterPages(p: MatterListParams, o: { key?: object; refetchInterval?: number } = {}) {
  const query = useInfiniteQuery({
    queryKey: matterKeys.list({ ...p, ...o.key }),
    queryFn: ({ pageParam }) => listMatterPage(p, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextPageParam,
    refetchInterval: o.refetchInterval,
    placeholderData: keepPreviousData,
  });
  return { query, ...joinPages(query.data?.pages), loadMore: () => void query.fetchNextPage() };
}

export function useMatter(id: number) {
  return useQuery({
    queryKey: matterKeys.detail(id),
    queryFn: () => getMatter(id),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** A change to the matter: the answer is the new detail; lists, the notice and the work lists refresh. */
export function useMatterMutation<V>(id: number, fn: (v: V) => Promise<MatterDetail>) {
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

/** The input of any workflow action (ACTION_INPUTS), with the version the user saw. */
export type ActionBody = ActionInputs[MatterAction];

export function useMatterAction(id: number) {
  return useMatterMutation(id, ({ action, body }: { action: MatterAction; body: ActionBody }) =>
    post<MatterDetail>(`/matters/${id}/actions/${action}`, body),
  );
}
