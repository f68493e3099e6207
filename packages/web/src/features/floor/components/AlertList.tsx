import { Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DisorderAlert } from '@hall/contracts';
import { useAuth } from '../../../lib/auth';
import { formatShortDateTime } from '../../../lib/format';
import { readsMatters } from '../policy';
import { useAckAlert } from '../api';

/**
 * R2.3 alerts: who, when, where (the ticket, the window, the matter), and 已知悉. Deliberately plain:
 * it sits on a desk a visitor may look across.
 */
export function AlertList({
  alerts,
  showEntryLink = false,
  testId = 'floor-alerts',
  emptyText,
}: {
  alerts: DisorderAlert[];
  /** Those who read the list may open the entry behind the alert. */
  showEntryLink?: boolean;
  testId?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation('floor');
  const ack = useAckAlert();
  const { me } = useAuth();
  const caseLinks = readsMatters(me);
  return (
    <List<DisorderAlert>
      size="small"
      data-testid={testId}
      dataSource={alerts}
      locale={{ emptyText: emptyText ?? t('alerts.empty') }}
      renderItem={(a) => (
        <List.Item
          key={a.id}
          data-testid={`floor-alert-${a.id}`}
          data-acked={a.acknowledgedAt ? 'true' : 'false'}
          actions={[
            a.acknowledgedAt ? (
              <Typography.Text type="secondary" key="acked" style={{ fontSize: 12 }}>
                {t('alerts.acked', { name: a.acknowledgedByName ?? '' })}
              </Typography.Text>
            ) : (
              <Button
                key="ack"
                size="small"
                loading={ack.isPending && ack.variables === a.id}
                onClick={() => ack.mutate(a.id)}
                data-testid={`floor-alert-ack-${a.id}`}
              >
                {t('alerts.ack')}
              </Button>
            ),
          ]}
        >
          <Space orientation="vertical" size={0}>
            <Space size={6} wrap>
              {showEntryLink ? (
                <Link to={`/floor/disorder?entry=${a.entryId}`}>{a.personName}</Link>
              ) : (
                <Typography.Text strong>{a.personName}</Typography.Text>
              )}
              {a.ticketNumber ? <span>{t('alerts.ticket', { number: a.ticketNumber })}</span> : null}
              {a.windowNumber != null ? <span>{t('alerts.window', { number: a.windowNumber })}</span> : null}
              {a.matterId != null && caseLinks ? <Link to={`/matters/${a.matterId}`}>{t('alerts.matter')}</Link> : null}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alerts.at', { source: t(`source.${a.source}`), time: formatShortDateTime(a.at) })}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
