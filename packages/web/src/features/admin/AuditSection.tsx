/**
 * 审计日志: the audit trail (R1.27: who, what, when, before and after). Filters by entity and
 * entity id are kept in the address (`?entity=window&entityId=3`) so other screens can link here.
 */
import { useMemo, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Col, Collapse, Descriptions, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { Permission } from '@hall/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { AuditEntry, AuditVerification } from '@hall/contracts';
import { errorMessage } from '../../lib/api';
import { LoadMore } from '../../components/LoadMore';
import { LoadError, SectionHeader } from './common';
import { useAudit, useAuditVerification, useMe, useRunAuditVerification } from './queries';

const KNOWN_ENTITIES = [
  'hall',
  'window',
  'unit',
  'division',
  'category',
  'categoryRoute',
  'staff',
  'user',
  'session',
  'petitioner',
  'matter',
];
const LIMITS = [50, 100, 200, 500];
const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  set: 'blue',
  delete: 'red',
  locked: 'red',
  reveal: 'orange',
};

export function AuditSection() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity') ?? undefined;
  const entityId = params.get('entityId') ?? undefined;
  const limit = Number(params.get('limit')) || 100;
  const [draftEntity, setDraftEntity] = useState(entity ?? '');
  const [draftId, setDraftId] = useState(entityId ?? '');
  const audit = useAudit({ entity, entityId, limit });

  const label = (group: 'entities' | 'actions', v: string) => t(`audit.${group}.${v}`, { defaultValue: v });
  const entityOptions = useMemo(() => {
    const seen = new Set([...KNOWN_ENTITIES, ...audit.items.map((e) => e.entity)]);
    return [...seen].map((e) => ({ value: e, label: `${t(`audit.entities.${e}`, { defaultValue: e })} · ${e}` }));
  }, [audit.items, t]);

  const apply = (next: { entity?: string; entityId?: string; limit?: number }) => {
    const p = new URLSearchParams();
    const e = (next.entity ?? draftEntity).trim();
    const id = (next.entityId ?? draftId).trim();
    if (e) p.set('entity', e);
    if (id) p.set('entityId', id);
    const l = next.limit ?? limit;
    if (l !== 100) p.set('limit', String(l));
    setParams(p);
  };
  const clear = () => {
    setDraftEntity('');
    setDraftId('');
    setParams(new URLSearchParams());
  };

  return (
    <>
      <ChainVerification />
      <SectionHeader
        title={t('audit.title')}
        extra={
          <>
            <AutoComplete
              style={{ width: 200 }}
              placeholder={t('audit.entity')}
              value={draftEntity}
              options={entityOptions}
              onChange={(v) => setDraftEntity(v ?? '')}
              onSelect={(v: string) => apply({ entity: v })}
              allowClear
              data-testid="audit-entity"
            />
            <Input
              style={{ width: 140 }}
              placeholder={t('audit.entityId')}
              value={draftId}
              onChange={(e) => setDraftId(e.target.value)}
              onPressEnter={() => apply({})}
              allowClear
              data-testid="audit-entity-id"
            />
            <Select
              style={{ width: 110 }}
              value={limit}
              onChange={(l) => apply({ limit: l })}
              options={LIMITS.map((l) => ({ value: l, label: t('audit.limit', { count: l }) }))}
            />
            <Button type="primary" onClick={() => apply({})} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button onClick={clear}>{t('common.all')}</Button>
            <Button onClick={() => void audit.query.refetch()} loading={audit.query.isFetching && !audit.query.isLoading && !audit.query.isFetchingNextPage}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      <LoadError error={audit.query.error} />
      <Table<AuditEntry>
        data-testid="admin-audit"
        rowKey="id"
        size="middle"
        loading={audit.query.isLoading}
        dataSource={audit.items}
        // The rows loaded so far, 20 a page here; the server's pages come with the button below.
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
        columns={[
          {
            // The entry's place in the hash chain (R1.27); the hash is in the tooltip.
            title: t('audit.seq'),
            dataIndex: 'seq',
            width: 80,
            render: (seq: number | null | undefined, e) => <span title={e.hash ?? undefined}>{seq ?? '—'}</span>,
          },
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 180,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('audit.actor'),
            key: 'actor',
            width: 160,
            render: (_, e) =>
              e.actorName ??
              (e.actorId !== null ? (
                `#${e.actorId}`
              ) : (
                <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
              )),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 160,
            render: (a: string) => {
              // The server writes `entity.verb` (window.update, matter.accept) or a bare verb.
              const verb = a.slice(a.lastIndexOf('.') + 1);
              return (
                <Tag color={ACTION_COLORS[verb]} title={a}>
                  {label('actions', verb)}
                </Tag>
              );
            },
          },
          {
            title: t('audit.entity'),
            key: 'entity',
            render: (_, e) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                title={`${e.entity} ${e.entityId}`}
                onClick={() => {
                  setDraftEntity(e.entity);
                  setDraftId(e.entityId);
                  apply({ entity: e.entity, entityId: e.entityId });
                }}
              >
                {label('entities', e.entity)} #{e.entityId}
              </Button>
            ),
          },
          {
            title: t('audit.requestId'),
            dataIndex: 'requestId',
            width: 140,
            ellipsis: true,
            render: (r: string | null) => <Typography.Text type="secondary">{r ?? '—'}</Typography.Text>,
          },
        ]}
      />
      <LoadMore
        shown={audit.items.length}
        total={audit.total}
        hasMore={audit.hasMore}
        loading={audit.query.isFetchingNextPage}
        onLoadMore={audit.loadMore}
        testId="audit-more"
      />
    </>
  );
}

/**
 * The audit chain (R1.27): the last verification (when, by whom or what, the result, the head) and,
 * for the administrator, a button that runs one now. A broken chain names its first broken link.
 */
function ChainVerification() {
  const { t } = useTranslation('admin');
  const state = useAuditVerification();
  const run = useRunAuditVerification();
  const me = useMe();
  const canRun = !me.data || me.data.permissions.includes(Permission.orgManage);
  const v: AuditVerification | null | undefined = state.data?.last;
  const source = (s: string) => t(`audit.chain.source.${s}`, { defaultValue: s });
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="audit-chain"
      title={t('audit.chain.title')}
      extra={
        canRun && (
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="audit-verify">
            {t('audit.chain.run')}
          </Button>
        )
      }
    >
      <LoadError error={state.error} />
      {run.error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorMessage(run.error)} />}
      {state.isSuccess && !v && <Typography.Text type="secondary">{t('audit.chain.never')}</Typography.Text>}
      {v && (
        <>
          <Alert
            type={v.ok ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="audit-chain-result"
            message={v.ok ? t('audit.chain.intact') : t('audit.chain.broken')}
            description={v.message}
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="audit-chain-details">
            <Descriptions.Item label={t('audit.chain.at')}>{dayjs(v.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.by')}>
              {source(v.source)}
              {v.actorName ? ` · ${v.actorName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.checked')}>{v.checked}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.head')}>
              #{v.headSeq} <Typography.Text code copyable={{ text: v.headHash }}>{v.headHash.slice(0, 16)}…</Typography.Text>
            </Descriptions.Item>
            {!v.ok && (
              <Descriptions.Item label={t('audit.chain.firstBroken')} span={2}>
                <Tag color="red">{t(`audit.chain.problem.${v.problem}`, { defaultValue: v.problem ?? '' })}</Tag>
                {t('audit.chain.brokenAt', { seq: v.brokenSeq ?? '—', id: v.brokenId ?? '—' })}
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      )}
    </Card>
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v, null, 2));

/** Before and after: the changed fields first, then both documents in full. */
function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const { before, after } = entry;
  const rows = useMemo(() => {
    if (!isObject(before) && !isObject(after)) return [];
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    return [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .map((field) => ({ field, before: b[field], after: a[field], changed: show(b[field]) !== show(a[field]) }))
      .sort((x, y) => Number(y.changed) - Number(x.changed));
  }, [before, after]);
  const pre = { margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 } as const;
  const cell = (v: unknown) =>
    v === undefined ? (
      <Typography.Text type="secondary">{t('audit.emptyValue')}</Typography.Text>
    ) : (
      <pre style={pre}>{show(v)}</pre>
    );

  return (
    <div data-testid={`audit-diff-${entry.id}`}>
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          style={{ marginBottom: 12 }}
          columns={[
            {
              title: t('audit.field'),
              dataIndex: 'field',
              width: 200,
              render: (f: string, r) => (
                <>
                  <Typography.Text code>{f}</Typography.Text>{' '}
                  {r.changed && <Tag color="orange">{t('audit.changed')}</Tag>}
                </>
              ),
            },
            { title: t('audit.before'), dataIndex: 'before', render: cell },
            { title: t('audit.after'), dataIndex: 'after', render: cell },
          ]}
        />
      )}
      <Collapse
        size="small"
        defaultActiveKey={rows.length ? [] : ['json']}
        items={[
          {
            key: 'json',
            label: t('audit.rawJson'),
            children: (
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <pre style={{ ...pre, background: '#fafafa', padding: 8 }}>
                    {before == null ? t('audit.emptyValue') : show(before)}
                  </pre>
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <pre style={{ ...pre, background: '#fafafa', padding: 8 }}>
                    {after == null ? t('audit.emptyValue') : show(after)}
                  </pre>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </div>
  );
}
