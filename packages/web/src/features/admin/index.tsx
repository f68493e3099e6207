/**
 * The administrator's screens, mounted by the shell under /admin/*: halls, windows, units,
 * staff, content categories with their owning windows, divisions, the holiday calendar (all
 * org:manage, R1.0, R1.19), the open alerts (administrator and leadership) and the audit log
 * (audit:read, R1.27). A user with audit:read only sees the audit log (and the alerts if leadership).
 */
import { createContext, useContext, type JSX } from 'react';
import { Card, Result, Spin, Tabs, message } from 'antd';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Permission } from '@hall/domain';
import { ALERT_READER_ROLES } from '@hall/contracts';
import './i18n';
import { MessageContext } from './common';
import { useMe } from './queries';
import { HallsSection } from './HallsSection';
import { WindowsSection } from './WindowsSection';
import { UnitsSection } from './UnitsSection';
import { StaffSection } from './StaffSection';
import { CategoriesSection } from './CategoriesSection';
import { DivisionsSection } from './DivisionsSection';
import { AuditSection } from './AuditSection';
import { CalendarSection } from './CalendarSection';
import { AlertsSection, AlertsTabLabel } from './AlertsSection';

const SECTIONS = [
  { key: 'halls', element: <HallsSection />, permission: Permission.orgManage },
  { key: 'windows', element: <WindowsSection />, permission: Permission.orgManage },
  { key: 'units', element: <UnitsSection />, permission: Permission.orgManage },
  { key: 'staff', element: <StaffSection />, permission: Permission.orgManage },
  { key: 'categories', element: <CategoriesSection />, permission: Permission.orgManage },
  { key: 'divisions', element: <DivisionsSection />, permission: Permission.orgManage },
  { key: 'calendar', element: <CalendarSection />, permission: Permission.orgManage },
  { key: 'alerts', element: <AlertsSection />, permission: Permission.auditRead, roles: ALERT_READER_ROLES },
  { key: 'audit', element: <AuditSection />, permission: Permission.auditRead },
] as const;

function useAllowedSections() {
  const me = useMe();
  // Until /auth/me answers (or if it fails) every tab shows; the server checks each request anyway.
  const perms = me.data ? new Set(me.data.permissions) : null;
  const roles = me.data?.roles;
  return {
    loading: me.isLoading,
    sections: SECTIONS.filter(
      (s) => !perms || (perms.has(s.permission) && (!('roles' in s) || s.roles.some((r) => roles?.includes(r)))),
    ),
  };
}

function AdminLayout() {
  const { t } = useTranslation('admin');
  const [messageApi, holder] = message.useMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const { sections } = useAllowedSections();
  const base = useContext(AdminBase);
  const rest = location.pathname.slice(base.length).split('/').filter(Boolean);
  const active = sections.find((s) => s.key === rest[0])?.key;

  return (
    <MessageContext.Provider value={messageApi}>
      {holder}
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }} data-testid="admin">
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`${base}/${key}`)}
          items={sections.map((s) => ({
            key: s.key,
            label: (
              <span data-testid={`admin-tab-${s.key}`}>
                {s.key === 'alerts' ? <AlertsTabLabel /> : t(`nav.${s.key}`)}
              </span>
            ),
          }))}
        />
        <Outlet />
      </Card>
    </MessageContext.Provider>
  );
}

/** Where the shell mounted these screens (e.g. /admin); links are absolute from it. */
const AdminBase = createContext('/admin');

/**
 * The mount point: the current path less what the shell's `/admin/*` route left to us. (A relative
 * '.' would not do: in react-router 7 it resolves against the splat, i.e. the current section.)
 */
function useMountPath(): string {
  const { pathname } = useLocation();
  const rest = (useParams()['*'] ?? '').replace(/\/+$/, '');
  const path = pathname.replace(/\/+$/, '');
  return rest && path.endsWith(`/${rest}`) ? path.slice(0, -rest.length - 1) : path;
}

function DefaultSection() {
  const { t } = useTranslation('admin');
  const base = useContext(AdminBase);
  const { loading, sections } = useAllowedSections();
  if (loading) return <Spin />;
  if (!sections.length) return <Result status="403" title={t('title')} />;
  return <Navigate to={`${base}/${sections[0].key}`} replace />;
}

export function AdminRoutes(): JSX.Element {
  const base = useMountPath();
  return (
    <AdminBase.Provider value={base}>
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<DefaultSection />} />
          {SECTIONS.map((s) => (
            <Route key={s.key} path={s.key} element={s.element} />
          ))}
          <Route path="*" element={<DefaultSection />} />
        </Route>
      </Routes>
    </AdminBase.Provider>
  );
}

export default AdminRoutes;
