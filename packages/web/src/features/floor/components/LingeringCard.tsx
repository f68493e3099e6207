import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLingering } from '../api';

const COLOR = { closing: 'red', longWait: 'orange', noShow: 'default' } as const;

/**
 * R2.3a: visitors who linger — a ticket taken long ago and never called, the day's no-shows, and near
 * closing everyone whose ticket is not finished. The guide goes and asks; near closing the duty
 * bailiff and staff are told. Ticket numbers only: the guide finds the person by the ticket.
 */
export function LingeringCard() {
  const { t } = useTranslation('floor');
  const q = useLingering();
  const data = q.data;
  return (
    <Card size="small" title={t('lingering.title')} data-testid="guide-lingering">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('lingering.hint')}</Typography.Text>
        {data?.closingSoon ? (
          <Alert type="warning" showIcon title={t('lingering.closingSoon', { closesAt: data.closesAt })} />
        ) : null}
        <List
          size="small"
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('lingering.empty') }}
          renderItem={(x) => (
            <List.Item data-testid="lingering-item" data-reason={x.reason}>
              <Space wrap>
                <Typography.Text strong>{x.number}</Typography.Text>
                <Tag color={COLOR[x.reason]}>{t(`lingering.reason.${x.reason}`)}</Tag>
                <Typography.Text type="secondary">
                  {x.serviceName}
                  {x.windowNumber !== null ? ` · ${t('lingering.window', { number: x.windowNumber })}` : ''} ·{' '}
                  {t('lingering.minutes', { minutes: x.minutes })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
