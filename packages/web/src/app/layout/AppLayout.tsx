import { Suspense, type ReactNode } from 'react';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../../lib/auth';
import { Permission, can, canAny } from '../../lib/policy';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Loading } from '../../components/PageStatus';
import { DemoBanner, useEnvironment } from '../../components/DemoBanner';
import { UserBar } from './UserBar';
import { useWorklistNav } from '../../features/worklist';
import { useAccountabilityNav } from '../../features/accountability';
import { useQueueNav } from '../../features/queue';
import { FloorAlertsIndicator, useFloorNav } from '../../features/floor';

interface NavItem {
  key: string;
  path: string;
  label: ReactNode;
  /** Opens in a new tab (the hall's kiosk and board pages). */
  newTab?: boolean;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation('app');
  const me = useMe();
  const items: NavItem[] = [];
  if (can(me, Permission.visitorRegister)) items.push({ key: 'register', path: '/register', label: t('nav.register') });
  const readsMatters = canAny(me, [Permission.matterReadOwnWindow, Permission.matterReadAll]);
  if (readsMatters) items.push({ key: 'reception', path: '/reception', label: t('nav.reception') });
  // Unit staff: the cases assigned to their unit (R1.18).
  if (can(me, Permission.matterReadOwnUnit)) items.push({ key: 'cases', path: '/cases', label: t('nav.cases') });
  if (can(me, Permission.orgManage)) items.push({ key: 'admin', path: '/admin', label: t('nav.admin') });
  else if (can(me, Permission.auditRead)) items.push({ key: 'admin', path: '/admin/audit', label: t('nav.audit') });
  // The work lists and the inquiries bring their own entries with count badges (features/worklist,
  // features/accountability): 待办 first, the others before the administration.
  const featureNav: NavItem[] = [...useWorklistNav(), ...useAccountabilityNav(), ...useQueueNav(), ...useFloorNav()];
  const atAdmin = items.findIndex((i) => i.key === 'admin');
  const at = atAdmin < 0 ? items.length : atAdmin;
  return [
    ...featureNav.filter((i) => i.key === 'inbox'),
    ...items.slice(0, at),
    ...featureNav.filter((i) => i.key !== 'inbox'),
    ...items.slice(at),
  ];
}

/** The app chrome: title, navigation by permission, language, the user's name / hall / window. */
export function AppLayout() {
  const { t } = useTranslation('common');
  const location = useLocation();
  const items = useNavItems();
  const matterList = items.some((i) => i.key === 'reception') ? 'reception' : 'cases';
  // An entry whose path holds the page (/queue/window), else the first path segment (/matters/7 → the list).
  const holder = items.find((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`));
  const selected = location.pathname.startsWith('/matters')
    ? matterList
    : (holder?.key ?? location.pathname.split('/')[1] ?? '');
  // The shell waits for the environment so that the demo banner never pushes the header down under
  // a user's click once the page is shown (a failed request shows the shell without the banner).
  const env = useEnvironment();
  if (env.isPending) return <Loading />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          height: 52,
          lineHeight: '52px',
          background: '#1d4f91',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap', letterSpacing: 1 }}>
          {t('app.title')}
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 120, background: 'transparent', lineHeight: '52px' }}
          items={items.map((i) => ({
            key: i.key,
            label: i.newTab ? (
              <a href={i.path} target="_blank" rel="noreferrer" data-testid={`nav-${i.key}`}>
                {i.label}
              </a>
            ) : (
              <Link to={i.path} data-testid={`nav-${i.key}`}>
                {i.label}
              </Link>
            ),
          }))}
        />
        {/* R2.3: the window's disorder-list alerts (nothing for users without queue:serve). */}
        <FloorAlertsIndicator />
        <LanguageSwitch />
        <UserBar />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
