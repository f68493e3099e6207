import { Button, Card, Input, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../lib/auth';
import { can, Permission } from '../../../lib/policy';
import { hallWindows, useReference, windowLabel } from '../../../lib/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { MatterTable } from '../../../components/MatterTable';
import { useMatters, type Scope } from '../api';

const SCOPES: Scope[] = ['today', 'open', 'all'];

/** The window's visitors (receptionist) or the whole hall's (office, director) with a window filter. */
export function ReceptionListPage() {
  const { t } = useTranslation('reception');
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const readAll = can(me, Permission.matterReadAll);
  const reference = useReference();

  const scope = (SCOPES as string[]).includes(params.get('scope') ?? '') ? (params.get('scope') as Scope) : 'today';
  const windowId = readAll && params.get('windowId') ? Number(params.get('windowId')) : undefined;
  const q = params.get('q') ?? '';
  const list = useMatters({ scope, windowId, q: q || undefined });

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const windows = reference.data ? hallWindows(reference.data, true) : [];

  return (
    <Card
      size="small"
      title={
        <Space size={16} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          {!readAll && me.windowName ? (
            <Typography.Text type="secondary">{t('list.myWindow', { window: me.windowName })}</Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        <Space wrap>
          {readAll ? (
            <Select<number>
              allowClear
              style={{ width: 200 }}
              placeholder={t('list.allWindows')}
              value={windowId}
              onChange={(v) => update({ windowId: v ? String(v) : undefined })}
              options={windows.map((w) => ({ value: w.id, label: windowLabel(w) }))}
              data-testid="reception-window-filter"
            />
          ) : null}
          <Input.Search
            allowClear
            key={q}
            defaultValue={q}
            placeholder={t('list.search')}
            style={{ width: 260 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            data-testid="reception-search"
          />
          <Button onClick={() => void list.query.refetch()} loading={list.query.isFetching && !list.query.isFetchingNextPage} title={t('list.autoRefresh')}>
            {t('common:btn.refresh')}
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={scope}
        onChange={(k) => update({ scope: k === 'today' ? undefined : k })}
        items={SCOPES.map((s) => ({
          key: s,
          label: <span data-testid={`reception-scope-${s}`}>{t(`list.scope.${s}`)}</span>,
        }))}
        tabBarExtraContent={
          list.query.data ? (
            <Typography.Text type="secondary" data-testid="reception-total">
              {t('list.count', { count: list.total })}
            </Typography.Text>
          ) : null
        }
        style={{ marginBottom: 0 }}
      />
      {list.query.error ? <ErrorAlert error={list.query.error} onRetry={() => void list.query.refetch()} /> : null}
      <MatterTable
        rows={list.items}
        loading={list.query.isPending}
        serverPaged
        onOpen={(id) => navigate(`/matters/${id}`)}
        showWindow={readAll}
        testId="reception-table"
      />
      <LoadMore
        shown={list.items.length}
        total={list.total}
        hasMore={list.hasMore}
        loading={list.query.isFetchingNextPage}
        onLoadMore={list.loadMore}
        testId="reception-more"
      />
    </Card>
  );
}
