import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '@hall/contracts';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';

const ACCEPTANCE_COLORS = { accepted: 'blue', notAccepted: 'orange', noLongerAccepted: 'volcano' } as const;

/** The decision taken (R1.5) and the direct replies given (R1.6). */
export function DecisionPanel({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const d = detail.decision;
  if (!d && detail.directReplies.length === 0) return null;
  return (
    <Card size="small" title={t('decision.title')} data-testid="decision-panel">
      {d ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'acc',
              label: t('decision.acceptance'),
              children: (
                <Tag color={ACCEPTANCE_COLORS[d.acceptance]} data-testid="decision-acceptance">
                  {ct('acceptance', d.acceptance)}
                </Tag>
              ),
            },
            {
              key: 'at',
              label: t('decision.decidedAt'),
              children: `${formatDateTime(d.decidedAt)}${d.decidedByName ? ` · ${d.decidedByName}` : ''}`,
            },
            ...(d.reason
              ? [
                  {
                    key: 'reason',
                    label: t('decision.reason'),
                    span: 'filled' as const,
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.reason}</span>,
                  },
                ]
              : []),
            ...(d.channel
              ? [{ key: 'channel', label: t('decision.channel'), span: 'filled' as const, children: d.channel }]
              : []),
            ...(detail.closedAt
              ? [{ key: 'closed', label: t('decision.closedAt'), children: formatDateTime(detail.closedAt) }]
              : []),
          ]}
        />
      ) : null}
      {detail.directReplies.length > 0 ? (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>
            {t('decision.replies')}
          </Typography.Text>
          <List
            size="small"
            bordered
            dataSource={detail.directReplies}
            data-testid="direct-replies"
            renderItem={(r) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.reply}</Typography.Text>
                  <Space size={8} wrap>
                    <Tag color={r.agrees ? 'green' : 'default'}>
                      {t('decision.agrees')}：{r.agrees ? t('common:yes') : t('common:no')}
                    </Tag>
                    <Tag color={r.ceases ? 'green' : 'default'}>
                      {t('decision.ceases')}：{r.ceases ? t('common:yes') : t('common:no')}
                    </Tag>
                    {r.signedName ? (
                      <Typography.Text>
                        {t('decision.signedName')}：{r.signedName}
                      </Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary">
                      {formatDateTime(r.repliedAt)}
                      {r.repliedByName ? ` · ${r.repliedByName}` : ''}
                    </Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
