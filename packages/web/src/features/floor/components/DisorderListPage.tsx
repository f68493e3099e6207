import { useState } from 'react';
import { Alert, App, Button, Card, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DisorderEntry } from '@hall/contracts';
import { DISORDER_STATUSES } from '@hall/domain';
import { useMe } from '../../../lib/auth';
import { formatShortDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDisorderList, type DisorderShown } from '../api';
import { recordsDisorder } from '../policy';
import { DisorderDrawer } from './DisorderDrawer';
import { IncidentDialog } from './IncidentDialog';
import { DisorderStatusTag } from './tags';

const FILTERS = ['all', ...DISORDER_STATUSES, 'expired'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * 扰序名单 (R2.3): the people recorded for disrupting the hall, their status (expiry computed), and
 * one entry's detail in a drawer. The server audits every load of the list and of an entry.
 */
export function DisorderListPage() {
  const { t } = useTranslation('floor');
  const { message } = App.useApp();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status') as Filter | null;
  const filter: Filter = asked && FILTERS.includes(asked) ? asked : 'all';
  const status: DisorderShown | undefined = filter === 'all' ? undefined : filter;
  const list = useDisorderList(status);
  const rows = list.data ?? [];
  const entryParam = Number(params.get('entry'));
  const openId = Number.isInteger(entryParam) && entryParam > 0 ? entryParam : null;
  const [recording, setRecording] = useState(false);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<DisorderEntry> = [
    { title: t('disorder.col.name'), dataIndex: 'personName', width: 120 },
    {
      title: t('disorder.col.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 200,
      render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : '—'),
    },
    {
      title: t('disorder.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: DisorderShown) => <DisorderStatusTag status={v} />,
    },
    { title: t('disorder.col.expiresOn'), dataIndex: 'expiresOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('disorder.col.incidents'), dataIndex: 'incidents', width: 90, align: 'right' },
    {
      title: t('disorder.col.lastIncident'),
      dataIndex: 'lastIncidentAt',
      width: 130,
      render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(v)}</span>,
    },
    { title: t('disorder.col.createdBy'), dataIndex: 'createdByName', width: 110 },
  ];

  return (
    <Card
      size="small"
      data-testid="disorder-list"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('disorder.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          {recordsDisorder(me) ? (
            <Button onClick={() => setRecording(true)} data-testid="disorder-record">
              {t('disorder.record')}
            </Button>
          ) : null}
          <Button onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common:btn.refresh')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        title={t('disorder.audited')}
        style={{ marginBottom: 12 }}
        data-testid="disorder-audited"
      />
      <Space size={16} wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => setParam('status', v === 'all' ? null : v)}
          options={FILTERS.map((f) => ({
            value: f,
            label: (
              <span data-testid={`disorder-filter-${f}`}>
                {f === 'all' ? t('disorder.filter.all') : t(`status.${f}`)}
              </span>
            ),
          }))}
        />
        <Typography.Text type="secondary">{t('disorder.count', { count: rows.length })}</Typography.Text>
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<DisorderEntry>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('disorder.empty') }}
        scroll={{ x: 900 }}
        onRow={(r) =>
          ({
            onClick: () => setParam('entry', String(r.id)),
            style: { cursor: 'pointer' },
            'data-testid': `disorder-row-${r.id}`,
            'data-status': r.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <DisorderDrawer id={openId} onClose={() => setParam('entry', null)} />
      <IncidentDialog
        open={recording}
        onClose={() => setRecording(false)}
        onDone={(entry) => {
          setRecording(false);
          void message.success(t('incident.done', { name: entry.personName, status: t(`status.${entry.status}`) }));
        }}
      />
    </Card>
  );
}
