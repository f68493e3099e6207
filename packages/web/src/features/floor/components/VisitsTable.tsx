import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Visit } from '@hall/contracts';
import { formatShortDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useVisits } from '../api';

/** The day's visits at the desk (ID numbers masked by the server), newest first. */
export function VisitsTable({ date }: { date: string }) {
  const { t } = useTranslation('floor');
  const ct = useCommonT();
  const visits = useVisits(date);
  const rows = [...(visits.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  const outcomeText = (v: Visit) => {
    if (!v.outcome) return '';
    const base = t(`outcome.${v.outcome}`);
    if (v.outcome === 'directed' && v.serviceName) return `${base} · ${v.serviceName}`;
    if (v.outcome === 'outOfScope' && v.securityInformed) return `${base} · ${t('guide.handling.securityInformed')}`;
    if (v.outcome === 'pointedElsewhere' && v.note) return `${base} · ${v.note}`;
    return base;
  };

  const columns: ColumnsType<Visit> = [
    {
      title: t('visits.col.at'),
      dataIndex: 'at',
      width: 80,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatShortDateTime(v)}</span>,
    },
    { title: t('visits.col.person'), dataIndex: 'personName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('visits.col.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 190,
      render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : '—'),
    },
    {
      title: t('visits.col.check'),
      dataIndex: 'securityCheck',
      width: 200,
      render: (v: string | null, r) => (
        <span>
          {v ? ct('securityCheck', v) : '—'}
          {r.securityNote ? (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.securityNote}
              </Typography.Text>
            </>
          ) : null}
        </span>
      ),
    },
    { title: t('visits.col.purpose'), dataIndex: 'purpose', ellipsis: true },
    { title: t('visits.col.outcome'), key: 'outcome', ellipsis: true, render: (_: unknown, r) => outcomeText(r) },
    {
      title: t('visits.col.ticket'),
      dataIndex: 'ticketNumber',
      width: 80,
      render: (v: string | null) => (v ? <Typography.Text strong>{v}</Typography.Text> : ''),
    },
    { title: t('visits.col.by'), dataIndex: 'byName', width: 100 },
  ];

  return (
    <Card
      size="small"
      title={t('visits.title')}
      extra={
        <>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 12 }}>
            {t('visits.count', { count: rows.length })}
          </Typography.Text>
          <Button size="small" onClick={() => void visits.refetch()} loading={visits.isFetching}>
            {t('common:btn.refresh')}
          </Button>
        </>
      }
    >
      {visits.error ? <ErrorAlert error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      <Table<Visit>
        rowKey="id"
        size="small"
        loading={visits.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('visits.empty') }}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ 'data-testid': `visit-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
