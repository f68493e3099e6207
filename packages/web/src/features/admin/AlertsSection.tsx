/**
 * 提醒: the open administrator alerts (the administrator and the leadership), e.g. a year whose
 * holiday notice is not entered while deadlines run in it (R1.19). The tab label carries the count.
 */
import { Badge, Button, Empty, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import type { AdminAlert, AlertList } from '@hall/contracts';
import { Permission } from '@hall/domain';
import { get } from '../../lib/api';
import { LoadError, SectionHeader } from './common';
import { useMe } from './queries';

/** Messages come translated from the server: the language is part of the key. */
const useAlerts = (lang: string) =>
  useQuery({ queryKey: ['alerts', lang], queryFn: () => get<AlertList>('/alerts'), staleTime: 30_000 });

/** The tab label with the number of open alerts. */
export function AlertsTabLabel() {
  const { t, i18n } = useTranslation('admin');
  const alerts = useAlerts(i18n.language);
  return (
    <Space size={6}>
      {t('nav.alerts')}
      {alerts.data?.count ? <Badge count={alerts.data.count} size="small" data-testid="alerts-count" /> : null}
    </Space>
  );
}

export function AlertsSection() {
  const { t, i18n } = useTranslation('admin');
  const alerts = useAlerts(i18n.language);
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The calendar tab sits beside this one: /admin/alerts → /admin/calendar.
  const calendarPath = pathname.replace(/\/alerts\/?$/, '/calendar');
  const mayEnter = !!me.data?.permissions.includes(Permission.orgManage);

  return (
    <>
      <SectionHeader
        title={t('alerts.title')}
        extra={
          <Button onClick={() => void alerts.refetch()} loading={alerts.isFetching && !alerts.isLoading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <LoadError error={alerts.error} />
      <Table<AdminAlert>
        data-testid="admin-alerts"
        rowKey="id"
        size="middle"
        loading={alerts.isLoading}
        dataSource={alerts.data?.alerts ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.none')} /> }}
        columns={[
          {
            title: t('alerts.message'),
            dataIndex: 'message',
            render: (m: string) => <Typography.Text>{m}</Typography.Text>,
          },
          {
            title: t('alerts.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_, a) => {
              const year = a.params.year;
              if (a.kind !== 'calendar.provisional' || typeof year !== 'number' || !mayEnter) return null;
              return (
                <Button
                  type="link"
                  size="small"
                  onClick={() => navigate(`${calendarPath}?edit=${year}`)}
                  data-testid={`alert-enter-${year}`}
                >
                  {t('alerts.enterYear', { year })}
                </Button>
              );
            },
          },
        ]}
      />
    </>
  );
}
