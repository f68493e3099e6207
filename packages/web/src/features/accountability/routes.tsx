import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useAuth } from '../../lib/auth';
import { Forbidden } from '../../components/PageStatus';
import { seesAccountability } from './policy';

const ListPage = lazy(() =>
  import('./components/AccountabilityListPage').then((m) => ({ default: m.AccountabilityListPage })),
);
const DetailPage = lazy(() =>
  import('./components/AccountabilityDetailPage').then((m) => ({ default: m.AccountabilityDetailPage })),
);

function Allowed({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return seesAccountability(me) ? <>{children}</> : <Forbidden />;
}

/** Inside the app layout (which suspends while a page loads). */
export const accountabilityRoutes: RouteObject[] = [
  {
    path: '/accountability',
    element: (
      <Allowed>
        <ListPage />
      </Allowed>
    ),
  },
  {
    path: '/accountability/:id',
    element: (
      <Allowed>
        <DetailPage />
      </Allowed>
    ),
  },
];

