import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@hall/contracts';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';

const COLORS: Record<string, string> = {
  accept: 'blue',
  notAccept: 'orange',
  noLongerAccept: 'red',
  directReply: 'green',
};

/** R1.27: every step, who and when, with the state it moved from and to. */
export function MatterTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Card size="small" title={t('timeline.title')}>
      <div data-testid="timeline">
        {sorted.length === 0 ? (
          <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>
        ) : (
          <Timeline
            items={sorted.map((e) => ({
              key: e.id,
              color: COLORS[e.action] ?? 'gray',
              title: (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
              ),
              content: (
                <div data-testid="timeline-entry" data-action={e.action}>
                  <Typography.Text strong>{ct('timelineAction', e.action)}</Typography.Text>
                  {e.actorName ? <Typography.Text type="secondary"> · {e.actorName}</Typography.Text> : null}
                  {e.fromState || e.toState ? (
                    <div style={{ fontSize: 12 }}>
                      {e.fromState ? ct('state', e.fromState) : '—'} → {e.toState ? ct('state', e.toState) : '—'}
                    </div>
                  ) : null}
                  {typeof e.data?.visitKind === 'string' ? (
                    <div style={{ fontSize: 12 }}>
                      {t('common:matter.visitKind')}：{ct('visitKind', e.data.visitKind)}
                    </div>
                  ) : null}
                  {e.note ? (
                    <div style={{ fontSize: 12, whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{e.note}</div>
                  ) : null}
                </div>
              ),
            }))}
          />
        )}
      </div>
    </Card>
  );
}
