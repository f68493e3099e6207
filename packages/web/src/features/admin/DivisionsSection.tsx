/**
 * 行政区划: administrative divisions (6-digit GB/T 2260 codes) used for the locality of a matter,
 * the division of a unit, and the division code inside a resident ID number.
 */
import { useMemo, useState } from 'react';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Division, DivisionInput } from '@hall/contracts';
import { FormModal, LoadError, SectionHeader, orNull, tablePagination } from './common';
import { useDivisions, useSaveDivision } from './queries';

const LEVELS = ['province', 'city', 'county'] as const;
const RANK: Record<Division['level'], number> = { province: 0, city: 1, county: 2 };

export function DivisionsSection() {
  const { t } = useTranslation('admin');
  const divisions = useDivisions();
  const save = useSaveDivision();
  const [editing, setEditing] = useState<Division | 'new' | null>(null);
  const [level, setLevel] = useState<Division['level'] | undefined>();
  const [q, setQ] = useState('');

  const byCode = useMemo(() => new Map((divisions.data ?? []).map((d) => [d.code, d])), [divisions.data]);
  const rows = useMemo(() => {
    const needle = q.trim();
    return (divisions.data ?? [])
      .filter((d) => (!level || d.level === level) && (!needle || d.code.startsWith(needle) || d.name.includes(needle)))
      .sort((a, b) => a.code.localeCompare(b.code));
  }, [divisions.data, level, q]);

  const levelColor = { province: 'geekblue', city: 'cyan', county: undefined } as const;

  return (
    <>
      <SectionHeader
        title={t('division.title')}
        onAdd={() => setEditing('new')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('division.filterLevel')}
              style={{ minWidth: 140 }}
              value={level}
              onChange={setLevel}
              options={LEVELS.map((l) => ({ value: l, label: t(`division.levels.${l}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              style={{ width: 200 }}
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
            />
          </>
        }
      />
      <LoadError error={divisions.error} />
      <Table<Division>
        data-testid="admin-divisions"
        rowKey="code"
        size="middle"
        loading={divisions.isLoading}
        dataSource={rows}
        pagination={{ ...tablePagination, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('division.code'), dataIndex: 'code', width: 120 },
          { title: t('division.name'), dataIndex: 'name' },
          {
            title: t('division.level'),
            dataIndex: 'level',
            width: 120,
            render: (l: Division['level']) => <Tag color={levelColor[l]}>{t(`division.levels.${l}`)}</Tag>,
          },
          {
            title: t('division.parent'),
            dataIndex: 'parentCode',
            render: (c: string | null) => (c ? `${byCode.get(c)?.name ?? ''}（${c}）` : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => setEditing(d)} data-testid={`edit-division-${d.code}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<DivisionInput>
          title={editing === 'new' ? t('division.add') : t('division.edit')}
          testId="admin-division-form"
          initialValues={
            editing === 'new'
              ? { code: '', name: '', level: 'county', parentCode: null }
              : { code: editing.code, name: editing.name, level: editing.level, parentCode: editing.parentCode }
          }
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save.mutateAsync({
              key: editing === 'new' ? undefined : editing.code,
              input: {
                code: v.code.trim(),
                name: v.name.trim(),
                level: v.level,
                parentCode: v.level === 'province' ? null : orNull(v.parentCode),
              },
            })
          }
        >
          <Form.Item
            name="code"
            label={t('division.code')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^\d{6}$/, message: t('division.codeInvalid') },
            ]}
          >
            {/* The code is the division's key (PUT /divisions/:code): fixed once created. */}
            <Input maxLength={6} inputMode="numeric" disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('division.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="level"
            label={t('division.level')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`division.levels.${l}`) }))} />
          </Form.Item>
          <ParentField divisions={divisions.data ?? []} self={editing === 'new' ? undefined : editing.code} />
        </FormModal>
      )}
    </>
  );
}

/** The parent: a division of a higher level; none for a province. */
function ParentField({ divisions, self }: { divisions: Division[]; self?: string }) {
  const { t } = useTranslation('admin');
  const level = Form.useWatch<Division['level'] | undefined>('level');
  const options = useMemo(
    () =>
      divisions
        .filter((d) => level && RANK[d.level] < RANK[level] && d.code !== self)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
    [divisions, level, self],
  );
  if (!level || level === 'province') return null;
  return (
    <Form.Item name="parentCode" label={t('division.parent')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={options}
        placeholder={t('common.select')}
      />
    </Form.Item>
  );
}
