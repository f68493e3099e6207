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
  approveAssignment: 'blue',
  signFor: 'blue',
  approveExtension: 'gold',
  requestExtension: 'gold',
  refuseAssignment: 'red',
  refuseExtension: 'red',
  object: 'red',
  issueOpinion: 'cyan',
  signOff: 'green',
  deemClosed: 'green',
};

/** What a case step's event data says, in a few words (issue 3). */
function useCaseSummary() {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (e: TimelineEntry): string => {
    const d = (e.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
    const parts: string[] = [];
    if (str('level')) parts.push(ct('mediationLevel', str('level')));
    if (str('outcome'))
      parts.push(e.action === 'issueOpinion' ? ct('opinionOutcome', str('outcome')) : ct('meetingOutcome', str('outcome')));
    if (str('unitName')) parts.push(str('unitName')!);
    if (str('kind') && e.action === 'supervise') parts.push(ct('supervisionKind', str('kind')));
    if (str('channel')) parts.push(ct('transferKind', str('channel')));
    if (typeof d.days === 'number') parts.push(t('tl.days', { days: d.days }));
    if (str('previousDue') && str('due')) parts.push(t('tl.dueChange', { from: str('previousDue'), to: str('due') }));
    else if (str('due')) parts.push(t('tl.due', { due: str('due') }));
    if (str('view')) parts.push(t('tl.view', { view: ct('opinionView', str('view')) }));
    if (typeof d.passed === 'boolean') parts.push(d.passed ? t('tl.passed') : t('tl.failed'));
    if (str('unitRating') && str('officeRating'))
      parts.push(t('tl.rating', { unit: ct('rating', str('unitRating')), office: ct('rating', str('officeRating')) }));
    for (const k of ['letterNo', 'minutesNo', 'documentNo']) if (str(k)) parts.push(str(k)!);
    return parts.join(' · ');
  };
}

/** R1.27: every step, who and when, with the state it moved from and to. */
export function MatterTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const summary = useCaseSummary();
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
                  {summary(e) ? (
                    <div style={{ fontSize: 12 }} data-testid="timeline-summary">
                      {summary(e)}
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
