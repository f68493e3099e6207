import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface LoadMoreProps {
  shown: number;
  total: number;
  hasMore: boolean;
  loading?: boolean;
  onLoadMore: () => void;
  testId?: string;
}

/** Under a list read page by page: how many rows of how many are shown, and a button for the next page. */
export function LoadMore({ shown, total, hasMore, loading, onLoadMore, testId = 'load-more' }: LoadMoreProps) {
  const { t } = useTranslation('common');
  if (total === 0) return null;
  return (
    <Space style={{ width: '100%', justifyContent: 'center', marginTop: 12 }} wrap>
      <Typography.Text type="secondary" data-testid={`${testId}-shown`}>
        {t('paging.shown', { shown, total })}
      </Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading} data-testid={testId}>
          {t('paging.loadMore')}
        </Button>
      ) : null}
    </Space>
  );
}
