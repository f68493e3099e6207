/**
 * The matter's query and its mutations' cache update, shared by the features that show or change a
 * matter (cases: the detail and its actions; reception: the reception record, the notice).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInputs, MatterDetail } from '@hall/contracts';
import type { MatterAction } from '@hall/domain';
import { get, post } from './api';

export const matterKeys = {
  all: ['matters'] as const,
  list: (p: object) => ['matters', 'list', p] as const,
  detail: (id: number) => ['matters', 'detail', id] as const,
  notice: (id: number) => ['matters', 'notice', id] as const,
};

export const getMatter = (id: number) => get<MatterDetail>(`/matters/${id}`);

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
