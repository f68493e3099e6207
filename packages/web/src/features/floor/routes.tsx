import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '@hall/contracts';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../components/PageStatus';
import { readsDisorder, usesGuideDesk } from './policy';

const GuideDeskPage = lazy(() => import('./components/GuideDeskPage').then((m) => ({ default: m.GuideDeskPage })));
const DisorderListPage = lazy(() =>
  import('./components/DisorderListPage').then((m) => ({ default: m.DisorderListPage })),
);

function Allowed({ when, children }: { when: (me: Me | null) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  return when(me) ? <>{children}</> : <Forbidden />;
}

/** Inside the app layout (which suspends while a page loads). */
export const floorRoutes: RouteObject[] = [
  {
    path: '/floor/guide',
    element: (
      <Allowed when={usesGuideDesk}>
        <GuideDeskPage />
      </Allowed>
    ),
  },
  {
    path: '/floor/disorder',
    element: (
      <Allowed when={readsDisorder}>
        <DisorderListPage />
      </Allowed>
    ),
  },
];
