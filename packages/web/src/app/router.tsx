import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Permission } from '@hall/domain';
import { LoginPage } from '../features/auth';
import { Loading, NotFound } from '../components/PageStatus';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect, RequireAuth, RequirePermission } from './routes/guards';

// Feature screens load on demand: the desk does not download the administrator's screens.
const RegisterPage = lazy(() => import('../features/registration').then((m) => ({ default: m.RegisterPage })));
const ReceptionListPage = lazy(() => import('../features/reception').then((m) => ({ default: m.ReceptionListPage })));
const MatterDetailPage = lazy(() => import('../features/reception').then((m) => ({ default: m.MatterDetailPage })));
const NoticePage = lazy(() => import('../features/reception').then((m) => ({ default: m.NoticePage })));
const AdminRoutes = lazy(() => import('../features/admin').then((m) => ({ default: m.AdminRoutes })));

const READ_MATTERS = [Permission.matterReadOwnWindow, Permission.matterReadAll] as const;

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          {/* The notice prints alone: no app chrome. */}
          <Route
            path="/matters/:id/notice"
            element={
              <RequirePermission any={READ_MATTERS}>
                <Suspense fallback={<Loading />}>
                  <NoticePage />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route
              path="/register"
              element={
                <RequirePermission any={[Permission.visitorRegister]}>
                  <RegisterPage />
                </RequirePermission>
              }
            />
            <Route
              path="/reception"
              element={
                <RequirePermission any={READ_MATTERS}>
                  <ReceptionListPage />
                </RequirePermission>
              }
            />
            <Route
              path="/matters/:id"
              element={
                <RequirePermission any={READ_MATTERS}>
                  <MatterDetailPage />
                </RequirePermission>
              }
            />
            <Route
              path="/admin/*"
              element={
                <RequirePermission any={[Permission.orgManage, Permission.auditRead]}>
                  <AdminRoutes />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
