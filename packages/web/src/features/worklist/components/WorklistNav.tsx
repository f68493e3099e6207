import type { ReactNode } from 'react';
import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { useAlerts, useInbox } from '../api';
import { hasInbox, readsAlerts, seesSupervision } from '../policy';

/** A navigation entry a feature adds to the app's menu. */
export interface FeatureNavItem {
  key: string;
  path: string;
  label: ReactNode;
}

function CountBadge({ count, color, testId, title }: { count: number; color?: string; testId: string; title: string }) {
  return (
    <span data-testid={testId} data-count={count} title={title} style={{ display: 'inline-flex' }}>
      <Badge count={count} overflowCount={99} size="small" color={color} showZero={false} />
    </span>
  );
}

/**
 * The work lists' menu entries: 待办 with the inbox total (and, for the administrator and the
 * leadership, the open alerts), 督办 for whoever reads cases. An administrator without an inbox gets
 * 提醒 with the alert count instead.
 */
export function useWorklistNav(): FeatureNavItem[] {
  const { t, i18n } = useTranslation('worklist');
  const { me } = useAuth();
  const inboxOn = hasInbox(me);
  const alertsOn = readsAlerts(me);
  const inbox = useInbox(inboxOn);
  const alerts = useAlerts(i18n.language, alertsOn);
  const total = inbox.data?.total ?? 0;
  const alertCount = alerts.data?.count ?? 0;
  const alertBadge =
    alertsOn && alertCount > 0 ? (
      <CountBadge count={alertCount} color="#fa8c16" testId="nav-alerts-count" title={t('badge.alerts', { count: alertCount })} />
    ) : null;
  const items: FeatureNavItem[] = [];
  if (inboxOn) {
    items.push({
      key: 'inbox',
      path: '/inbox',
      label: (
        <Space size={4}>
          <span>{t('nav.inbox')}</span>
          <CountBadge count={total} testId="nav-inbox-count" title={t('badge.inbox', { count: total })} />
          {alertBadge}
        </Space>
      ),
    });
  } else if (alertsOn) {
    items.push({
      key: 'alerts',
      path: '/admin/alerts',
      label: (
        <Space size={4}>
          <span>{t('nav.alerts')}</span>
          {alertBadge}
        </Space>
      ),
    });
  }
  if (seesSupervision(me)) items.push({ key: 'supervision', path: '/supervision', label: t('nav.supervision') });
  return items;
}
