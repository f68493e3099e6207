import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';

/** An error from a query or mutation, as the server worded it (already translated). */
export function ErrorAlert({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation('common');
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      data-testid={testId ?? 'error-alert'}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('btn.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
