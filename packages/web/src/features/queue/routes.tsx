import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '@hall/contracts';
import { useAuth } from '../../lib/auth';
import { Forbidden, Loading } from '../../components/PageStatus';
import { managesQueue, readsQueueStats, servesQueue } from './policy';

const WindowPanelPage = lazy(() =>
  import('./components/WindowPanelPage').then((m) => ({ default: m.WindowPanelPage })),
);
const StatsPage = lazy(() => import('./components/StatsPage').then((m) => ({ default: m.StatsPage })));
const ServicesPage = lazy(() => import('./components/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const KioskPage = lazy(() => import('./components/KioskPage').then((m) => ({ default: m.KioskPage })));
const BoardPage = lazy(() => import('./components/BoardPage').then((m) => ({ default: m.BoardPage })));

function Allowed({ when, children }: { when: (me: Me | null) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  return when(me) ? <>{children}</> : <Forbidden />;
}

/** Staff screens, inside the app layout (which suspends while a page loads). */
export const queueRoutes: RouteObject[] = [
  {
    path: '/queue/window',
    element: (
      <Allowed when={servesQueue}>
        <WindowPanelPage />
      </Allowed>
    ),
  },
  {
    path: '/queue/stats',
    element: (
      <Allowed when={readsQueueStats}>
        <StatsPage />
      </Allowed>
    ),
  },
  {
    path: '/queue/services',
    element: (
      <Allowed when={managesQueue}>
        <ServicesPage />
      </Allowed>
    ),
  },
];

/**
 * The hall's kiosk and display board: public (no sign-in, no app chrome), per hall code. They show
 * no personal data (see docs/decisions.md).
 */
export const queuePublicRoutes: RouteObject[] = [
  {
    path: '/kiosk/:hallCode',
    element: (
      <Suspense fallback={<Loading />}>
        <KioskPage />
      </Suspense>
    ),
  },
  {
    path: '/board/:hallCode',
    element: (
      <Suspense fallback={<Loading />}>
        <BoardPage />
      </Suspense>
    ),
  },
];
