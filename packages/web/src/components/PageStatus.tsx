import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../lib/api';

export function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** A page that could not load: 403 / 404 / other, with the server's message. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const status = error instanceof ApiError ? error.status : 0;
  const resultStatus = status === 403 ? '403' : status === 404 ? '404' : 'error';
  return (
    <Result
      status={resultStatus}
      title={t('error.loadFailed')}
      subTitle={errorMessage(error)}
      extra={
        <>
          {onRetry && status !== 403 && status !== 404 ? <Button onClick={onRetry}>{t('btn.retry')}</Button> : null}
          <Link to="/">
            <Button type="primary">{t('btn.home')}</Button>
          </Link>
        </>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useTranslation('common');
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('btn.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation('common');
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('btn.home')}</Button>
        </Link>
      }
    />
  );
}

/** Renders children once a query has data; a spinner before, an error page on failure. */
export function QueryBoundary<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.data === undefined) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
