import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import type { Me } from '@hall/contracts';
import { Forbidden } from '../../components/PageStatus';
import { hasInbox, seesSupervision } from './policy';

const InboxPage = lazy(() => import('./components/InboxPage').then((m) => ({ default: m.InboxPage })));
const SupervisionPage = lazy(() => import('./components/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));

function Allowed({ when, children }: { when: (me: Me | null) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  return when(me) ? <>{children}</> : <Forbidden />;
}

/** Inside the app layout (which suspends while a page loads). */
export const worklistRoutes: RouteObject[] = [
  {
    path: '/inbox',
    element: (
      <Allowed when={hasInbox}>
        <InboxPage />
      </Allowed>
    ),
  },
  {
    path: '/supervision',
    element: (
      <Allowed when={seesSupervision}>
        <SupervisionPage />
      </Allowed>
    ),
  },
];
