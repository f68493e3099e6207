import { useState } from 'react';
import { App, Button, Descriptions, Drawer, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DisorderDetail } from '@hall/contracts';
import type { DisorderAction } from '@hall/domain';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDisorderDetail } from '../api';
import { readsMatters } from '../policy';
import { AlertList } from './AlertList';
import { DecideDialog } from './DecideDialog';
import { DisorderStatusTag } from './tags';

type Incident = DisorderDetail['incidentList'][number];

/** One person's entry: its incidents, decisions and alerts, and the supervisor's decisions (R2.3). */
export function DisorderDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation('floor');
  const { message } = App.useApp();
  const detail = useDisorderDetail(id);
  const [action, setAction] = useState<DisorderAction | null>(null);
  const d = detail.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={720}
      title={d ? t('disorder.detail.title', { name: d.personName }) : t('disorder.title')}
      destroyOnHidden
      data-testid="disorder-drawer"
      extra={
        d ? (
          <Space>
            {d.actions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' ? 'primary' : 'default'}
                danger={a !== 'approve'}
                onClick={() => setAction(a)}
                data-testid={`disorder-action-${a}`}
              >
                {t(`disorder.decide.${a}`)}
              </Button>
            ))}
          </Space>
        ) : null
      }
    >
      {detail.isPending && id !== null ? <Spin /> : null}
      {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {d ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="disorder-detail" data-id={d.id}>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'name', label: t('disorder.col.name'), children: d.personName },
              {
                key: 'id',
                label: t('disorder.col.idNumber'),
                children: <span style={{ fontFamily: 'monospace' }}>{d.idNumberMasked ?? '—'}</span>,
              },
              { key: 'status', label: t('disorder.col.status'), children: <DisorderStatusTag status={d.status} /> },
              {
                key: 'expires',
                label: t('disorder.col.expiresOn'),
                children: <span data-testid="disorder-expiresOn-value">{d.expiresOn ?? '—'}</span>,
              },
              {
                key: 'created',
                label: t('disorder.detail.createdAt'),
                children: `${formatDateTime(d.createdAt)} ${d.createdByName ?? ''}`,
              },
              {
                key: 'decided',
                label: t('disorder.detail.decided'),
                children: d.decidedAt ? `${formatDateTime(d.decidedAt)} ${d.decidedByName ?? ''}` : '—',
              },
              ...(d.decisionNote
                ? [{ key: 'dnote', label: t('disorder.detail.decisionNote'), children: d.decisionNote, span: 2 }]
                : []),
              ...(d.removedAt
                ? [
                    { key: 'removed', label: t('disorder.detail.removed'), children: formatDateTime(d.removedAt) },
                    { key: 'reason', label: t('disorder.detail.removalReason'), children: d.removalReason ?? '' },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>
              {t('disorder.detail.incidents')}（{d.incidentList.length}）
            </Typography.Title>
            <List<Incident>
              size="small"
              bordered
              dataSource={d.incidentList}
              data-testid="disorder-incidents"
              renderItem={(i) => <IncidentItem incident={i} />}
            />
          </div>
          <div>
            <Typography.Title level={5}>
              {t('disorder.detail.alerts')}（{d.alerts.length}）
            </Typography.Title>
            <AlertList alerts={d.alerts} testId="disorder-alerts" emptyText={t('disorder.detail.noAlerts')} />
          </div>
        </Space>
      ) : null}
      {d ? (
        <DecideDialog
          action={action}
          entry={d}
          onClose={() => setAction(null)}
          onStale={() => {
            void message.warning(t('disorder.decide.stale'));
            setAction(null);
            void detail.refetch();
          }}
          onDone={(a) => {
            setAction(null);
            void message.success(t('disorder.decide.done', { action: t(`disorder.decide.${a}`) }));
          }}
        />
      ) : null}
    </Drawer>
  );
}

function IncidentItem({ incident: i }: { incident: Incident }) {
  const { t } = useTranslation('floor');
  const { me } = useAuth();
  return (
    <List.Item data-testid={`disorder-incident-${i.id}`}>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space size={8} wrap>
          <Typography.Text strong>{formatDateTime(i.occurredAt)}</Typography.Text>
          <Tag>{t(`kind.${i.kind}`)}</Tag>
          {i.windowNumber != null || i.ticketNumber ? (
            <Typography.Text type="secondary">
              {[i.windowNumber != null ? t('alerts.window', { number: i.windowNumber }) : null, i.ticketNumber]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          ) : null}
          {i.matterId != null && readsMatters(me) ? (
            <Link to={`/matters/${i.matterId}`}>{t('alerts.matter')}</Link>
          ) : null}
        </Space>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{i.description}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.informed.length > 0
            ? t('disorder.detail.informed') + i.informed.map((p) => t(`informed.${p}`)).join('、')
            : t('disorder.detail.nobodyInformed')}
          {' · '}
          {t('disorder.detail.recordedBy', { name: i.recordedByName ?? '', time: formatDateTime(i.recordedAt) })}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
