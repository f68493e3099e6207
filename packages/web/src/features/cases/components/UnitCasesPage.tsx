import { Button, Card, Input, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../lib/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { MatterTable } from '../../../components/MatterTable';
import { useUnitCases, type CaseScope } from '../api';

const SCOPES: CaseScope[] = ['open', 'all'];

/** 本单位案件: the cases assigned to the signed-in handler's or head's unit (R1.18–R1.21). */
export function UnitCasesPage() {
  const { t } = useTranslation('cases');
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope: CaseScope = params.get('scope') === 'all' ? 'all' : 'open';
  const q = params.get('q') ?? '';
  const list = useUnitCases(scope, q || undefined);
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <Card
      size="small"
      title={
        <Space size={16} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('unit.title')}
          </Typography.Title>
          {me.unitName ? <Typography.Text type="secondary">{t('unit.unit', { unit: me.unitName })}</Typography.Text> : null}
        </Space>
      }
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            key={q}
            defaultValue={q}
            placeholder={t('unit.search')}
            style={{ width: 240 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            data-testid="cases-search"
          />
          <Button onClick={() => void list.query.refetch()} loading={list.query.isFetching && !list.query.isFetchingNextPage}>
            {t('common:btn.refresh')}
          </Button>
        </Space>
      }
      data-testid="unit-cases"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('unit.hint')}
      </Typography.Paragraph>
      <Tabs
        activeKey={scope}
        onChange={(k) => update({ scope: k === 'open' ? undefined : k })}
        items={SCOPES.map((s) => ({ key: s, label: <span data-testid={`cases-scope-${s}`}>{t(`unit.scope.${s}`)}</span> }))}
        tabBarExtraContent={
          list.query.data ? (
            <Typography.Text type="secondary" data-testid="unit-cases-total">
              {t('unit.count', { count: list.total })}
            </Typography.Text>
          ) : null
        }
      />
      {list.query.error ? <ErrorAlert error={list.query.error} onRetry={() => void list.query.refetch()} /> : null}
      <MatterTable
        rows={list.items}
        loading={list.query.isPending}
        serverPaged
        onOpen={(id) => navigate(`/matters/${id}`)}
        showWindow
        testId="unit-cases-table"
      />
      <LoadMore
        shown={list.items.length}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.query.isFetchingNextPage}
        onLoadMore={list.loadMore}
        testId="unit-cases-more"
      />
    </Card>
  );
}
