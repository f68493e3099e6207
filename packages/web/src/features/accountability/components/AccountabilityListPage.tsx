import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AccountabilitySummary } from '@hall/contracts';
import { useMe } from '../../../lib/auth';
import { formatShortDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { DueTag } from '../../../components/DueTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAccountabilityList } from '../api';
import { actionsFor, isFinal, waitsOn } from '../policy';
import { AccStateTag, TriggerTag } from './tags';

const FILTERS = ['mine', 'open', 'closed', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** 责任查究: the inquiries the user may see (R1.23–R1.25), those waiting on him or her first. */
export function AccountabilityListPage() {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const list = useAccountabilityList();
  const rows = list.data ?? [];
  const mine = rows.filter((r) => waitsOn(me, r));
  const asked = params.get('filter') as Filter | null;
  // Those who act on inquiries start with what waits on them; a window with its open inquiries.
  const filter: Filter = asked && FILTERS.includes(asked) ? asked : mine.length > 0 ? 'mine' : 'open';
  const shown =
    filter === 'mine'
      ? mine
      : filter === 'open'
        ? rows.filter((r) => !isFinal(r))
        : filter === 'closed'
          ? rows.filter((r) => isFinal(r))
          : rows;

  const columns: ColumnsType<AccountabilitySummary> = [
    { title: '#', dataIndex: 'id', width: 56 },
    {
      title: t('list.col.petitionNo'),
      dataIndex: 'petitionNo',
      width: 150,
      render: (v: string, r) => (
        <Link to={`/accountability/${r.id}`} style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: t('list.col.summary'), dataIndex: 'matterSummary', ellipsis: true },
    { title: t('list.col.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    {
      title: t('list.col.trigger'),
      dataIndex: 'trigger',
      width: 260,
      render: (_: unknown, r) => <TriggerTag trigger={r.trigger} system={r.systemDetected} />,
    },
    {
      title: t('list.col.state'),
      dataIndex: 'state',
      width: 130,
      render: (_: unknown, r) => <AccStateTag state={r.state} />,
    },
    {
      title: t('list.col.waiting'),
      key: 'waiting',
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {actionsFor(me, r).map((a) => (
            <Tag key={a} color="blue" style={{ marginInlineEnd: 0 }}>
              {ct('accountabilityAction', a)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('list.col.rectifyDue'),
      dataIndex: 'rectifyDue',
      width: 170,
      render: (v: string | null, r) =>
        v ? (
          <Space size={6} style={{ whiteSpace: 'nowrap' }}>
            <span>{v}</span>
            {r.state === 'noticeSent' ? <DueTag due={v} /> : null}
          </Space>
        ) : null,
    },
    {
      title: t('list.col.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(v)}</span>,
    },
  ];

  return (
    <Card
      size="small"
      data-testid="accountability-list"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
      }
      extra={
        <Button onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('common:btn.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('list.hint')}</Typography.Paragraph>
      <Space size={16} wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => setParams({ filter: v }, { replace: true })}
          options={FILTERS.map((f) => ({
            value: f,
            label: (
              <span data-testid={`acc-filter-${f}`}>
                {t(`list.filter.${f}`)}
                {f === 'mine' && mine.length > 0 ? `（${mine.length}）` : ''}
              </span>
            ),
          }))}
        />
        <Typography.Text type="secondary">{t('list.count', { count: shown.length })}</Typography.Text>
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<AccountabilitySummary>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('list.empty') }}
        scroll={{ x: 1300 }}
        onRow={(r) => ({
          onClick: () => navigate(`/accountability/${r.id}`),
          style: { cursor: 'pointer' },
          'data-testid': `accountability-row-${r.id}`,
        })}
      />
    </Card>
  );
}
