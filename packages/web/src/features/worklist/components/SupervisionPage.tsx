import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SupervisionCase, SupervisionKindStatus, UnitUrges } from '@hall/contracts';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { hallWindows, useReference, windowLabel } from '../../../lib/reference';
import { DueTag } from '../../../components/DueTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSupervisionDue, useUnitUrges } from '../api';
import { readsAllWindows } from '../policy';

type Tab = 'due' | 'urges';

/** 督办: the supervision schedule of assigned cases (R1.20) and the urges counted per unit (R1.7). */
export function SupervisionPage() {
  const { t } = useTranslation('worklist');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'urges' ? 'urges' : 'due';
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <Card
      size="small"
      data-testid="supervision"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('supervision.title')}
        </Typography.Title>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'due' ? undefined : k })}
        items={[
          {
            key: 'due',
            label: <span data-testid="supervision-tab-due">{t('supervision.tabDue')}</span>,
            children: <DueTab windowParam={params.get('windowId')} onWindow={(w) => set({ windowId: w })} />,
          },
          {
            key: 'urges',
            label: <span data-testid="supervision-tab-urges">{t('supervision.tabUrges')}</span>,
            children: <UrgesTab unitParam={params.get('unitId')} onUnit={(u) => set({ unitId: u })} />,
          },
        ]}
      />
    </Card>
  );
}

const toId = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

function DueTab({ windowParam, onWindow }: { windowParam: string | null; onWindow: (w: string | undefined) => void }) {
  const { t } = useTranslation('worklist');
  const me = useMe();
  const navigate = useNavigate();
  const all = readsAllWindows(me);
  const windowId = all ? toId(windowParam) : undefined;
  const due = useSupervisionDue(windowId);
  const reference = useReference();
  const columns: ColumnsType<SupervisionCase> = [
    {
      title: t('supervision.col.petitionNo'),
      dataIndex: 'petitionNo',
      width: 150,
      render: (v: string, r) => (
        <Link to={`/matters/${r.matterId}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Link>
      ),
    },
    { title: t('supervision.col.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('supervision.col.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    ...(all ? [{ title: t('supervision.col.window'), dataIndex: 'windowName', width: 140, ellipsis: true }] : []),
    { title: t('supervision.col.assignedOn'), dataIndex: 'assignedOn', width: 110 },
    {
      title: t('supervision.col.handleDue'),
      dataIndex: 'handleDue',
      width: 180,
      render: (v: string | null) =>
        v ? (
          <Space size={6} style={{ whiteSpace: 'nowrap' }}>
            <span>{v}</span>
            <DueTag due={v} today={due.data?.today} />
          </Space>
        ) : null,
    },
    {
      title: t('supervision.col.kinds'),
      key: 'kinds',
      width: 420,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          {r.kinds.map((k) => (
            <KindTag key={k.kind} status={k} />
          ))}
        </Space>
      ),
    },
    { title: t('supervision.col.nextDue'), dataIndex: 'nextDue', width: 110 },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('supervision.hint')}
      </Typography.Paragraph>
      <Space size={16} wrap>
        {all ? (
          <Space>
            <span>{t('supervision.window')}</span>
            <Select<number | undefined>
              allowClear
              style={{ width: 240 }}
              placeholder={t('supervision.allWindows')}
              value={windowId}
              onChange={(v) => onWindow(v ? String(v) : undefined)}
              options={(reference.data ? hallWindows(reference.data) : []).map((w) => ({
                value: w.id,
                label: windowLabel(w),
              }))}
              data-testid="supervision-window"
            />
          </Space>
        ) : null}
        {due.data ? <Typography.Text type="secondary">{t('supervision.today', { date: due.data.today })}</Typography.Text> : null}
      </Space>
      {due.error ? <ErrorAlert error={due.error} onRetry={() => void due.refetch()} /> : null}
      {due.data ? (
        <Row gutter={16} data-testid="supervision-totals">
          {(['cases', 'dueToday', 'overdue', 'missed'] as const).map((k) => (
            <Col key={k} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t(`supervision.totals.${k}`)}
                  value={due.data.totals[k]}
                  styles={{ content: { color: k === 'overdue' && due.data.totals[k] > 0 ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Table<SupervisionCase>
        rowKey="matterId"
        size="small"
        loading={due.isPending}
        columns={columns}
        dataSource={due.data?.cases ?? []}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('supervision.empty')} /> }}
        scroll={{ x: 1300 }}
        data-testid="supervision-table"
        onRow={(r) => ({
          onClick: () => navigate(`/matters/${r.matterId}`),
          style: { cursor: 'pointer' },
          'data-testid': `supervision-row-${r.matterId}`,
        })}
      />
    </Space>
  );
}

/** One kind's status: done/due, today, overdue since, missed; the next and the last act in the tooltip. */
function KindTag({ status: s }: { status: SupervisionKindStatus }) {
  const { t } = useTranslation('worklist');
  const ct = useCommonT();
  const color = s.overdueSince ? 'red' : s.dueToday ? 'orange' : s.missed > 0 ? 'gold' : 'green';
  const parts = [t('supervision.kind.done', { done: s.done, due: s.due })];
  if (s.dueToday) parts.push(t('supervision.kind.dueToday'));
  if (s.overdueSince) parts.push(t('supervision.kind.overdue', { since: s.overdueSince }));
  if (s.missed > 0) parts.push(t('supervision.kind.missed', { count: s.missed }));
  const tip = [
    s.nextDue ? t('supervision.kind.next', { date: s.nextDue }) : null,
    s.lastDoneOn ? t('supervision.kind.last', { date: s.lastDoneOn }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip || undefined}>
      <Tag color={color} data-testid={`supervision-kind-${s.kind}`} style={{ marginInlineEnd: 0 }}>
        {ct('supervisionKind', s.kind)}：{parts.join('，')}
      </Tag>
    </Tooltip>
  );
}

function UrgesTab({ unitParam, onUnit }: { unitParam: string | null; onUnit: (u: string | undefined) => void }) {
  const { t } = useTranslation('worklist');
  const unitId = toId(unitParam);
  // The counts of every unit; the urges of the chosen unit (or all).
  const urges = useUnitUrges();
  const ofUnit = useUnitUrges(unitId, unitId !== undefined);
  const listed = unitId !== undefined ? ofUnit : urges;
  const unitColumns: ColumnsType<UnitUrges['units'][number]> = [
    { title: t('urges.col.unit'), dataIndex: 'unitName', ellipsis: true },
    {
      title: t('urges.col.count'),
      dataIndex: 'count',
      width: 100,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('urges.col.lastAt'), dataIndex: 'lastAt', width: 150, render: (v: string | null) => formatDateTime(v) },
  ];
  const urgeColumns: ColumnsType<UnitUrges['urges'][number]> = [
    { title: t('urges.col.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t('urges.col.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: t('urges.col.petitionNo'),
      dataIndex: 'petitionNo',
      width: 150,
      render: (v: string, r) => <Link to={`/matters/${r.matterId}`}>{v}</Link>,
    },
    { title: t('urges.col.text'), dataIndex: 'text', ellipsis: true },
    { title: t('urges.col.by'), dataIndex: 'byName', width: 100 },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('urges.hint')}
      </Typography.Paragraph>
      {urges.error ? <ErrorAlert error={urges.error} onRetry={() => void urges.refetch()} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('urges.units')}>
            <Table
              rowKey="unitId"
              size="small"
              loading={urges.isPending}
              columns={unitColumns}
              dataSource={urges.data?.units ?? []}
              pagination={false}
              locale={{ emptyText: t('urges.empty') }}
              data-testid="urges-units"
              rowClassName={(r) => (r.unitId === unitId ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({
                onClick: () => onUnit(r.unitId === unitId ? undefined : String(r.unitId)),
                style: { cursor: 'pointer' },
                'data-testid': `urges-unit-${r.unitId}`,
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={t('urges.list')}
            extra={
              unitId ? (
                <Typography.Link onClick={() => onUnit(undefined)}>{t('urges.allUnits')}</Typography.Link>
              ) : null
            }
          >
            <Table
              rowKey="id"
              size="small"
              loading={listed.isPending}
              columns={urgeColumns}
              dataSource={listed.data?.urges ?? []}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('urges.empty') }}
              data-testid="urges-list"
              scroll={{ x: 760 }}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
