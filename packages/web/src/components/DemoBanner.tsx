import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Environment } from '@hall/contracts';
import { get } from '../lib/api';

/**
 * A hall running on demo data says so on every staff screen and on the sign-in page (issue 8 §4):
 * the demo passwords are published, so nobody should take it for the real system.
 */
/** Whether this installation runs on demo data: asked once, kept for the page's life. */
export function useEnvironment() {
  return useQuery({
    queryKey: ['environment'],
    queryFn: () => get<Environment>('/public/environment'),
    staleTime: Infinity,
  });
}

export function DemoBanner() {
  const { t } = useTranslation('common');
  const env = useEnvironment();
  if (!env.data?.demo) return null;
  return (
    <div
      role="status"
      data-testid="demo-banner"
      style={{
        background: '#fff1b8',
        borderBottom: '2px solid #d48806',
        color: '#613400',
        padding: '6px 16px',
        textAlign: 'center',
        fontSize: 14,
        lineHeight: '20px',
      }}
    >
      <Typography.Text strong style={{ color: '#ad4e00', marginRight: 8, letterSpacing: 2 }}>
        {t('app.demo')}
      </Typography.Text>
      <Typography.Text style={{ color: '#613400' }}>{t('app.demoDetail')}</Typography.Text>
    </div>
  );
}
