/**
 * 内容分类: the configurable content-category tree (petition record), and for each category the
 * window of the signed-in administrator's hall that owns it, which registration uses to route (R1.1).
 */
import { useMemo, useState, type Key } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Switch, Table, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, CategoryInput, HallWindow } from '@hall/contracts';
import { ActiveTag, FormModal, LoadError, SectionHeader, orNull, showSaveError, useMessage } from './common';
import { useCategories, useMe, useSaveCategory, useSaveCategoryRoute, useWindows } from './queries';

type Node = Category & { children?: Node[] };
type TreeOption = { value: number; title: string; disabled?: boolean; children?: TreeOption[] };

function buildTree(list: Category[]): Node[] {
  const byParent = new Map<number | null, Category[]>();
  const ids = new Set(list.map((c) => c.id));
  for (const c of list) {
    // A category whose parent is missing is shown at the top rather than lost.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const build = (parent: number | null, seen: Set<number>): Node[] =>
    (byParent.get(parent) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
      .map((c) => {
        const children = build(c.id, new Set([...seen, c.id]));
        return children.length ? { ...c, children } : { ...c };
      });
  return build(null, new Set());
}

function descendantsOf(list: Category[], id: number): Set<number> {
  const out = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of list) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

const displayName = (c: Category, lang: string) => (lang === 'en' && c.nameEn ? c.nameEn : c.name);

export function CategoriesSection() {
  const { t, i18n } = useTranslation('admin');
  const message = useMessage();
  const categories = useCategories();
  const windows = useWindows();
  const me = useMe();
  const save = useSaveCategory();
  const saveRoute = useSaveCategoryRoute();
  const [editing, setEditing] = useState<{ record?: Category; parent?: Category } | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [routing, setRouting] = useState<number | null>(null);

  const list = useMemo(() => categories.data ?? [], [categories.data]);
  const tree = useMemo(() => buildTree(list), [list]);
  const parentIds = useMemo(
    () => [...new Set(list.map((c) => c.parentId).filter((p): p is number => p !== null))],
    [list],
  );
  const hallId = me.data?.hallId;
  const hallWindows = useMemo(
    () => (windows.data ?? []).filter((w) => w.hallId === hallId).sort((a, b) => a.number - b.number),
    [windows.data, hallId],
  );
  const windowLabel = (w: HallWindow) => `${w.number} ${w.name}`;

  /** What registration proposes for a category without its own window (as registration does it). */
  const fallbackLabel = (c: Category): string => {
    const active = hallWindows.filter((w) => w.active);
    const byId = new Map(list.map((x) => [x.id, x]));
    const seen = new Set<number>([c.id]);
    for (let p = c.parentId !== null ? byId.get(c.parentId) : undefined; p && !seen.has(p.id);) {
      seen.add(p.id);
      const w = p.windowId !== null ? active.find((x) => x.id === p!.windowId) : undefined;
      if (w) return t('category.inherited', { window: windowLabel(w) });
      p = p.parentId !== null ? byId.get(p.parentId) : undefined;
    }
    const general = active.find((w) => w.kind === 'general');
    return general ? t('category.general', { window: windowLabel(general) }) : t('common.notSet');
  };

  const route = async (c: Category, windowId: number | null) => {
    if (hallId === undefined) return;
    setRouting(c.id);
    try {
      await saveRoute.mutateAsync({ hallId, categoryId: c.id, windowId });
      void message.success(t('category.routeSaved'));
    } catch (err) {
      showSaveError(err, message, t);
    } finally {
      setRouting(null);
    }
  };

  const parentTree = (exclude: Set<number>): TreeOption[] => {
    const toOption = (n: Node): TreeOption => ({
      value: n.id,
      title: `${n.code} ${displayName(n, i18n.language)}`,
      disabled: exclude.has(n.id),
      children: n.children?.map(toOption),
    });
    return tree.map(toOption);
  };

  const nextSort = (parentId: number | null) =>
    Math.max(0, ...list.filter((c) => c.parentId === parentId).map((c) => c.sort)) + 1;

  const initialValues = (): Partial<CategoryInput> => {
    const r = editing?.record;
    if (r)
      return { code: r.code, name: r.name, nameEn: r.nameEn, parentId: r.parentId, sort: r.sort, active: r.active };
    const parentId = editing?.parent?.id ?? null;
    return { code: '', name: '', nameEn: '', parentId, sort: nextSort(parentId), active: true };
  };

  return (
    <>
      <SectionHeader
        title={t('category.title')}
        onAdd={() => setEditing({})}
        addLabel={t('category.add')}
        extra={
          <>
            <Button onClick={() => setExpanded(parentIds)}>{t('category.expandAll')}</Button>
            <Button onClick={() => setExpanded([])}>{t('category.collapseAll')}</Button>
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('category.windowHelp')}
        {me.data ? ` · ${t('category.windowFor', { hall: me.data.hallName })}` : ''}
      </Typography.Paragraph>
      <LoadError error={categories.error} />
      <Table<Node>
        data-testid="admin-categories"
        rowKey="id"
        size="middle"
        loading={categories.isLoading}
        dataSource={tree}
        pagination={false}
        expandable={{
          expandedRowKeys: expanded ?? parentIds,
          onExpandedRowsChange: (keys) => setExpanded(keys),
        }}
        rowClassName={(c) => (c.active ? '' : 'admin-row-inactive')}
        columns={[
          { title: t('category.code'), dataIndex: 'code', width: 200 },
          { title: t('category.name'), dataIndex: 'name' },
          { title: t('category.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v ?? '—' },
          { title: t('category.sort'), dataIndex: 'sort', width: 80 },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) => <ActiveTag active={a} />,
          },
          {
            title: me.data ? t('category.windowFor', { hall: me.data.hallName }) : t('category.window'),
            dataIndex: 'windowId',
            width: 240,
            render: (windowId: number | null, c) => (
              <Select
                size="small"
                style={{ width: '100%' }}
                allowClear
                placeholder={fallbackLabel(c)}
                value={windowId ?? undefined}
                loading={routing === c.id}
                disabled={hallId === undefined || routing === c.id}
                onChange={(v: number | undefined) => void route(c, v ?? null)}
                options={hallWindows.map((w) => ({
                  value: w.id,
                  label: windowLabel(w),
                  disabled: !w.active && w.id !== windowId,
                }))}
                data-testid={`route-category-${c.id}`}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, c) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing({ record: c })}
                  data-testid={`edit-category-${c.id}`}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing({ parent: c })}
                  data-testid={`add-child-${c.id}`}
                >
                  {t('category.addChild')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <style>{'.admin-row-inactive td { color: rgba(0,0,0,0.45); }'}</style>
      {editing && (
        <FormModal<CategoryInput>
          title={
            editing.record
              ? t('category.edit')
              : editing.parent
                ? t('category.addChildTitle', { parent: displayName(editing.parent, i18n.language) })
                : t('category.add')
          }
          testId="admin-category-form"
          initialValues={initialValues()}
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save.mutateAsync({
              key: editing.record?.id,
              input: {
                ...v,
                code: v.code.trim(),
                name: v.name.trim(),
                nameEn: orNull(v.nameEn?.trim()),
                parentId: orNull(v.parentId),
                sort: v.sort ?? 0,
              },
            })
          }
        >
          <Flex gap={12}>
            <Form.Item
              name="code"
              label={t('category.code')}
              style={{ flex: 1 }}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^[0-9A-Za-z.-]{1,20}$/, message: t('category.codeInvalid') },
              ]}
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
            <Form.Item name="sort" label={t('category.sort')}>
              <InputNumber precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="name"
            label={t('category.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('category.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="parentId" label={t('category.parent')}>
            <TreeSelect
              allowClear
              showSearch
              treeNodeFilterProp="title"
              placeholder={t('category.topLevel')}
              treeData={parentTree(editing.record ? descendantsOf(list, editing.record.id) : new Set())}
              treeDefaultExpandedKeys={
                editing.parent ? [editing.parent.id] : editing.record?.parentId ? [editing.record.parentId] : []
              }
            />
          </Form.Item>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
