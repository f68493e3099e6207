import { Alert, Badge, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { InboxCategory, InboxItem } from '@hall/contracts';
import { allowedAccountabilityActions, type MatterState } from '@hall/domain';
import { useMe } from '../../../lib/auth';
import { formatShortDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { DueTag } from '../../../components/DueTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StateTag } from '../../../components/StateTag';
import { QueryBoundary } from '../../../components/PageStatus';
import { useAlerts, useInbox } from '../api';
import { readsAlerts } from '../policy';

/** Where an item opens: the inquiry for accountability proposals, else the case. */
const itemPath = (i: InboxItem) =>
  i.accountabilityId !== undefined ? `/accountability/${i.accountabilityId}` : `/matters/${i.matterId}`;

/** 待办: what waits on the signed-in user, by category, with counts (issue 3). */
export function InboxPage() {
  const { t } = useTranslation('worklist');
  const inbox = useInbox();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="inbox">
      <AlertsBanner />
      <QueryBoundary query={inbox}>
        {(data) => {
          const open = data.categories.filter((c) => c.count > 0);
          const quiet = data.categories.filter((c) => c.count === 0);
          return (
            <>
              <Card size="small">
                <Space size={16} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Space size={16} wrap>
                    <Typography.Title level={4} style={{ margin: 0 }}>
                      {t('inbox.title')}
                    </Typography.Title>
                    <Tag color={data.total > 0 ? 'red' : 'default'} data-testid="inbox-total" data-count={data.total}>
                      {t('inbox.total', { count: data.total })}
                    </Tag>
                    <Typography.Text type="secondary">{t('inbox.today', { date: data.today })}</Typography.Text>
                  </Space>
                  <Button onClick={() => void inbox.refetch()} loading={inbox.isFetching}>
                    {t('inbox.refresh')}
                  </Button>
                </Space>
                {quiet.length > 0 ? (
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                      {t('inbox.nothing')}：
                    </Typography.Text>
                    {quiet.map((c) => (
                      <Tag key={c.key} data-testid={`inbox-category-${c.key}`} data-count={0}>
                        {t(`category.${c.key}`)}
                      </Tag>
                    ))}
                  </div>
                ) : null}
              </Card>
              {inbox.error ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
              {open.length === 0 ? (
                <Card>
                  <Empty description={t('inbox.empty')} />
                </Card>
              ) : (
                open.map((c) => (
                  // `inbox-<key>` too: the case-lifecycle journey finds the categories by that id.
                  <div key={c.key} data-testid={`inbox-${c.key}`}>
                    <CategoryCard category={c} />
                  </div>
                ))
              )}
            </>
          );
        }}
      </QueryBoundary>
    </Space>
  );
}

/** The administrator's and the leadership's open alerts (e.g. a year's holiday notice missing, R1.19). */
function AlertsBanner() {
  const { t, i18n } = useTranslation('worklist');
  const me = useMe();
  const reader = readsAlerts(me);
  const alerts = useAlerts(i18n.language, reader);
  if (!reader || !alerts.data || alerts.data.count === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="inbox-alerts"
      title={t('inbox.alerts', { count: alerts.data.count })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {alerts.data.alerts.slice(0, 5).map((a) => (
            <li key={a.id}>{a.message}</li>
          ))}
        </ul>
      }
      action={
        <Link to="/admin/alerts">
          <Button size="small">{t('inbox.alertsOpen')}</Button>
        </Link>
      }
    />
  );
}

function CategoryCard({ category }: { category: InboxCategory }) {
  const { t } = useTranslation('worklist');
  const ct = useCommonT();
  const navigate = useNavigate();
  const me = useMe();
  const isAccountability = category.key === 'accountability';
  // What the user may do with a proposal (R1.23), from the inquiry's own table.
  const proposalActions = isAccountability ? allowedAccountabilityActions('proposed', me.roles) : [];
  const columns: ColumnsType<InboxItem> = [
    {
      title: t('inbox.col.petitionNo'),
      dataIndex: 'petitionNo',
      width: 150,
      render: (v: string, r) => (
        <Link to={itemPath(r)} style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: t('inbox.col.summary'), dataIndex: 'summary', ellipsis: true },
    {
      title: t('inbox.col.state'),
      dataIndex: 'state',
      width: 130,
      // The case's state (for accountability proposals too: the proposal itself waits for approval).
      render: (v: string) => <StateTag state={v as MatterState} />,
    },
    { title: t('inbox.col.petitioner'), dataIndex: 'petitionerName', width: 90, ellipsis: true },
    {
      title: t('inbox.col.where'),
      key: 'where',
      width: 200,
      ellipsis: true,
      render: (_: unknown, r) => [r.windowName, r.unitName].filter(Boolean).join(' / '),
    },
    {
      title: t('inbox.col.since'),
      dataIndex: 'since',
      width: 110,
      render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(v)}</span>,
    },
    {
      title: t('inbox.col.due'),
      dataIndex: 'due',
      width: 180,
      render: (v: string | null) =>
        v ? (
          <Space size={6} style={{ whiteSpace: 'nowrap' }}>
            <span>{v}</span>
            <DueTag due={v} />
          </Space>
        ) : null,
    },
    category.key === 'supervision'
      ? {
          title: t('inbox.col.supervision'),
          key: 'supervision',
          width: 220,
          render: (_: unknown, r) => (
            <Space size={4} wrap>
              {r.supervision?.overdue.map((k) => (
                <Tag key={`o-${k}`} color="red">
                  {ct('supervisionKind', k)} · {t('inbox.overdue')}
                </Tag>
              ))}
              {r.supervision?.dueToday.map((k) => (
                <Tag key={`d-${k}`} color="orange">
                  {ct('supervisionKind', k)} · {t('inbox.dueToday')}
                </Tag>
              ))}
            </Space>
          ),
        }
      : {
          title: t('inbox.col.actions'),
          dataIndex: 'actions',
          width: 220,
          render: (v: string[]) => (
            <Space size={4} wrap>
              {isAccountability
                ? proposalActions.map((a) => (
                    <Tag key={a} color="gold">
                      {ct('accountabilityAction', a)}
                    </Tag>
                  ))
                : v.map((a) => (
                    <Tag key={a} color="blue">
                      {ct('matterAction', a)}
                    </Tag>
                  ))}
            </Space>
          ),
        },
  ];
  return (
    <Card
      size="small"
      data-testid={`inbox-category-${category.key}`}
      data-count={category.count}
      title={
        <Space size={8}>
          <span>{t(`category.${category.key}`)}</span>
          <Badge count={category.count} overflowCount={999} data-testid={`inbox-count-${category.key}`} />
          <Tooltip title={t(`categoryHint.${category.key}`)}>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {t(`categoryHint.${category.key}`)}
            </Typography.Text>
          </Tooltip>
        </Space>
      }
      extra={
        category.items.length < category.count ? (
          <Typography.Text type="secondary">
            {t('inbox.more', { shown: category.items.length, count: category.count })}
          </Typography.Text>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<InboxItem>
        rowKey={(r) => `${r.matterId}-${r.accountabilityId ?? ''}`}
        size="small"
        columns={columns}
        dataSource={category.items}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={(r) => ({
          onClick: () => navigate(itemPath(r)),
          style: { cursor: 'pointer' },
          'data-testid': `inbox-item-${category.key}-${r.accountabilityId ?? r.matterId}`,
        })}
      />
    </Card>
  );
}
