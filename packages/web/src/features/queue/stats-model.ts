/** The queue statistics chart (ECharts option), built from the server's rows: pure, testable. */
import type { QueueStats } from '@hall/contracts';

export const STAT_METRICS = ['issued', 'served', 'noShows', 'waitAvg', 'waitP90', 'serviceAvg', 'serviceP90'] as const;
export type StatMetric = (typeof STAT_METRICS)[number];
export const isCount = (m: StatMetric) => m === 'issued' || m === 'served' || m === 'noShows';

type Row = QueueStats['rows'][number];

/** The x-axis key of a row: the day, or the day and hour. */
export const bucketOf = (r: Pick<Row, 'day' | 'hour'>) =>
  r.hour === null ? r.day : `${r.day.slice(5)} ${String(r.hour).padStart(2, '0')}:00`;

/**
 * One series per service (or window) over the days or hours: bars for counts (stacked), lines for
 * minutes (an average of several services would need their ticket counts, so each keeps its line).
 */
export function statsChartOption(stats: QueueStats, metric: StatMetric, opts: { animation: boolean; unit: string }) {
  const buckets = [...new Set(stats.rows.map(bucketOf))].sort();
  const names = [...new Set(stats.rows.map((r) => r.name))];
  const count = isCount(metric);
  const series = names.map((name) => {
    const byBucket = new Map(stats.rows.filter((r) => r.name === name).map((r) => [bucketOf(r), r[metric]]));
    return {
      name,
      type: count ? ('bar' as const) : ('line' as const),
      stack: count ? 'total' : undefined,
      barMaxWidth: 56,
      connectNulls: !count,
      data: buckets.map((b) => byBucket.get(b) ?? (count ? 0 : null)),
    };
  });
  return {
    animation: opts.animation,
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 40 },
    xAxis: { type: 'category' as const, data: buckets },
    yAxis: { type: 'value' as const, name: count ? undefined : opts.unit, minInterval: count ? 1 : undefined },
    series,
  };
}
