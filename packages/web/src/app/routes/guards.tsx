import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '@hall/domain';
import { useAuth } from '../../lib/auth';
import { canAny, homePath } from '../../lib/policy';
import { Forbidden, LoadFailed, Loading } from '../../components/PageStatus';

/** Signed-in routes: wait for /auth/me, send strangers to /login (coming back afterwards). */
export function RequireAuth() {
  const { me, loading, error, refetch } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (error && !me) return <LoadFailed error={error} onRetry={refetch} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function RequirePermission({ any, children }: { any: readonly Permission[]; children: ReactNode }) {
  const { me } = useAuth();
  return canAny(me, any) ? <>{children}</> : <Forbidden />;
}

export function HomeRedirect() {
  const { me } = useAuth();
  return me ? <Navigate to={homePath(me)} replace /> : <Navigate to="/login" replace />;
}
