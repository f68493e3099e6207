import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Permission } from '@hall/domain';
import { LoginPage } from '../features/auth';
import { useAuth } from '../lib/auth';
import { canAny } from '../lib/policy';
import { Loading, NotFound } from '../components/PageStatus';
import { AppLayout } from './layout/AppLayout';
import { worklistRoutes } from '../features/worklist';
import { ProposeAccountabilityButton, accountabilityRoutes } from '../features/accountability';
import { queuePublicRoutes, queueRoutes } from '../features/queue';
import { floorRoutes } from '../features/floor';
import { HomeRedirect, RequireAuth, RequirePermission } from './routes/guards';

// Feature screens load on demand: the desk does not download the administrator's screens.
const RegisterPage = lazy(() => import('../features/registration').then((m) => ({ default: m.RegisterPage })));
const ReceptionListPage = lazy(() => import('../features/reception').then((m) => ({ default: m.ReceptionListPage })));
const MatterRegistration = lazy(() => import('../features/reception').then((m) => ({ default: m.MatterRegistration })));
const NoticePage = lazy(() => import('../features/reception').then((m) => ({ default: m.NoticePage })));
const MatterDetailPage = lazy(() => import('../features/cases').then((m) => ({ default: m.MatterDetailPage })));
const MatterDocumentPage = lazy(() => import('../features/cases').then((m) => ({ default: m.MatterDocumentPage })));
const UnitCasesPage = lazy(() => import('../features/cases').then((m) => ({ default: m.UnitCasesPage })));
const DocumentPage = lazy(() => import('../features/cases').then((m) => ({ default: m.DocumentPage })));
const AdminRoutes = lazy(() => import('../features/admin').then((m) => ({ default: m.AdminRoutes })));

const READ_MATTERS = [Permission.matterReadOwnWindow, Permission.matterReadAll] as const;
/** Anyone who reads matters: the window's, the hall's, or (unit staff) their unit's assigned cases. */
const READ_ANY_MATTER = [...READ_MATTERS, Permission.matterReadOwnUnit] as const;
/** Who may open an inquiry's documents: approvers, the office, and the windows that propose them (R1.23). */
const ACCOUNTABILITY = [
  Permission.accountabilityApprove,
  Permission.accountabilityHandle,
  Permission.accountabilityPropose,
] as const;

/** The reception list; unit staff (who read only their unit's cases) land on 本单位案件 instead. */
function ReceptionOrUnitCases() {
  const { me } = useAuth();
  if (!canAny(me, READ_MATTERS) && canAny(me, [Permission.matterReadOwnUnit])) return <Navigate to="/cases" replace />;
  return (
    <RequirePermission any={READ_MATTERS}>
      <ReceptionListPage />
    </RequirePermission>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* The hall's ticket kiosk and display board: public, full screen, per hall code (issue 4). */}
        {queuePublicRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route element={<RequireAuth />}>
          {/* The notice prints alone: no app chrome. */}
          <Route
            path="/matters/:id/notice"
            element={
              <RequirePermission any={READ_ANY_MATTER}>
                <Suspense fallback={<Loading />}>
                  <NoticePage />
                </Suspense>
              </RequirePermission>
            }
          />
          {/* Numbered documents print alone too (issue 3). */}
          <Route
            path="/matters/:id/documents/:docId"
            element={
              <RequirePermission any={READ_ANY_MATTER}>
                <Suspense fallback={<Loading />}>
                  <MatterDocumentPage />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route
            path="/documents/:id"
            element={
              <RequirePermission any={[...READ_ANY_MATTER, ...ACCOUNTABILITY]}>
                <Suspense fallback={<Loading />}>
                  <DocumentPage />
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
            <Route path="/reception" element={<ReceptionOrUnitCases />} />
            <Route
              path="/cases"
              element={
                <RequirePermission any={[Permission.matterReadOwnUnit]}>
                  <UnitCasesPage />
                </RequirePermission>
              }
            />
            {/* The work lists and the inquiries: /inbox, /supervision, /accountability, /accountability/:id. */}
            {/* The queue: /queue/window, /queue/stats, /queue/services. */}
            {/* The hall floor: /floor/guide (导访台), /floor/disorder (扰序名单). */}
            {[...worklistRoutes, ...accountabilityRoutes, ...queueRoutes, ...floorRoutes].map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route
              path="/matters/:id"
              element={
                <RequirePermission any={READ_ANY_MATTER}>
                  {/* The case screens (features/cases) with the registration side (features/reception). */}
                  <MatterDetailPage
                    caseExtras={(d) => <ProposeAccountabilityButton matterId={d.id} petitionNo={d.petitionNo} />}
                    registration={(p) => (
                      <Suspense fallback={null}>
                        <MatterRegistration {...p} />
                      </Suspense>
                    )}
                  />
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
