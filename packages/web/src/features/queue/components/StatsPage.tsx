import { useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { QueueStats } from '@hall/contracts';
import { todayInChina } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useQueueStats, type StatsQuery } from '../api';
import { STAT_METRICS, statsChartOption, type StatMetric } from '../stats-model';

// Only the parts the page draws: the bundle stays small (STACK.md).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = QueueStats['rows'][number];
const DAY = 'YYYY-MM-DD';
const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Queue statistics (issue 4 cap. 8): per service or window, per day or hour; waits and service times in minutes. */
export function StatsPage() {
  const { t } = useTranslation('queue');
  const today = todayInChina();
  const [range, setRange] = useState<[string, string]>([dayjs(today).subtract(6, 'day').format(DAY), today]);
  const [by, setBy] = useState<StatsQuery['by']>('service');
  const [byHour, setByHour] = useState(false);
  const [metric, setMetric] = useState<StatMetric>('issued');
  const stats = useQueueStats({ from: range[0], to: range[1], by, byHour });
  // Browser tests drive a webdriver-controlled browser: no animation there (STACK.md).
  const animation = typeof navigator === 'undefined' || !navigator.webdriver;
  const option = useMemo(
    () => (stats.data ? statsChartOption(stats.data, metric, { animation, unit: t('stats.minutes') }) : null),
    [stats.data, metric, animation, t],
  );

  const columns: ColumnsType<Row> = [
    { title: t('stats.col.day'), dataIndex: 'day', width: 110 },
    ...(byHour
      ? [
          {
            title: t('stats.col.hour'),
            dataIndex: 'hour',
            width: 80,
            render: (h: number) => t('stats.hour', { hour: h }),
          },
        ]
      : []),
    { title: by === 'service' ? t('stats.col.service') : t('stats.col.window'), dataIndex: 'name' },
    ...STAT_METRICS.map((m) => ({
      title: t(`stats.col.${m}`),
      dataIndex: m,
      align: 'right' as const,
      render: (v: number | null) => (m === 'issued' || m === 'served' || m === 'noShows' ? v : fmt(v)),
    })),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="queue-stats">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('stats.hint')}</Typography.Text>
      </div>
      <Card size="small">
        <Space wrap size={16}>
          <span>
            {t('stats.range')}{' '}
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(range[0]), dayjs(range[1])]}
              onChange={(v) => {
                const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
                if (a && b) setRange([a.format(DAY), b.format(DAY)]);
              }}
            />
          </span>
          <Segmented<StatsQuery['by']>
            value={by}
            onChange={setBy}
            options={[
              { value: 'service', label: t('stats.byService') },
              { value: 'window', label: t('stats.byWindow') },
            ]}
          />
          <Segmented<'day' | 'hour'>
            value={byHour ? 'hour' : 'day'}
            onChange={(v) => setByHour(v === 'hour')}
            options={[
              { value: 'day', label: t('stats.byDay') },
              { value: 'hour', label: t('stats.byHour') },
            ]}
          />
          <span>
            {t('stats.metric')}{' '}
            <Select<StatMetric>
              value={metric}
              onChange={setMetric}
              style={{ width: 180 }}
              options={STAT_METRICS.map((m) => ({ value: m, label: t(`stats.col.${m}`) }))}
            />
          </span>
        </Space>
      </Card>
      {stats.error ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      <Card size="small">
        {option && stats.data?.rows.length ? (
          <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340 }} />
        ) : (
          <Empty description={t('stats.empty')} />
        )}
      </Card>
      <Card size="small">
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.day}|${r.hour}|${r.serviceId}|${r.windowId}`}
          loading={stats.isFetching}
          columns={columns}
          dataSource={stats.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('stats.empty') }}
          summary={() =>
            stats.data && stats.data.rows.length ? (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0} colSpan={byHour ? 3 : 2}>
                  {t('stats.total')}
                </Table.Summary.Cell>
                {STAT_METRICS.map((m, i) => {
                  const v = stats.data!.total[m];
                  return (
                    <Table.Summary.Cell key={m} index={i + 3} align="right">
                      {m === 'issued' || m === 'served' || m === 'noShows' ? v : fmt(v)}
                    </Table.Summary.Cell>
                  );
                })}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
