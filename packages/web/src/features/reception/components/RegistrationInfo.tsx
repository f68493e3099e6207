import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '@hall/contracts';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';

const MARKERS = ['collective', 'longStanding', 'litigationRelated', 'urgent', 'threat', 'foreign'] as const;

/** What the desk registered (national petition record). */
export function RegistrationInfo({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const markers = MARKERS.filter((m) => detail.markers[m]);
  const pre = { whiteSpace: 'pre-wrap' as const };
  return (
    <Card size="small" title={t('registration.title')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'cat', label: t('registration.category'), children: detail.categoryName ?? '—' },
          { key: 'purpose', label: t('registration.purpose'), children: ct('purpose', detail.purpose) },
          { key: 'people', label: t('registration.peopleCount'), children: detail.peopleCount },
          {
            key: 'summary',
            label: t('registration.summary'),
            span: 'filled',
            children: <Typography.Text style={pre}>{detail.summary}</Typography.Text>,
          },
          {
            key: 'demands',
            label: t('registration.demands'),
            span: 'filled',
            children: <Typography.Text style={pre}>{detail.demands}</Typography.Text>,
          },
          {
            key: 'locality',
            label: t('registration.locality'),
            children: detail.localityName
              ? `${detail.localityName}${detail.localityCode ? `（${detail.localityCode}）` : ''}`
              : (detail.localityCode ?? '—'),
          },
          {
            key: 'units',
            label: t('registration.units'),
            span: 2,
            children: detail.units.length ? (
              <Space size={[4, 4]} wrap>
                {detail.units.map((u) => (
                  <Tag key={u.id}>{u.name}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'markers',
            label: t('registration.markers'),
            children: markers.length ? (
              <Space size={[4, 4]} wrap>
                {markers.map((m) => (
                  <Tag key={m} color={m === 'threat' || m === 'urgent' ? 'red' : 'orange'}>
                    {ct('marker', m)}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'security',
            label: t('registration.securityCheck'),
            children: `${ct('securityCheck', detail.securityCheck)}${detail.securityNote ? `（${detail.securityNote}）` : ''}`,
          },
          {
            key: 'rules',
            label: t('registration.rulesAcknowledged'),
            children: detail.rulesAcknowledgedAt
              ? t('registration.rulesAcknowledgedAt', { at: formatDateTime(detail.rulesAcknowledgedAt) })
              : t('registration.rulesNotAcknowledged'),
          },
        ]}
      />
    </Card>
  );
}
