/**
 * 单位: responsible units outside the hall (R1.0): municipal departments, counties/districts,
 * county petition offices (the target of a direct transfer, R1.8) and others.
 */
import { useMemo, useState } from 'react';
import { Button, Form, Input, Select, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitInput } from '@hall/contracts';
import { ActiveTag, FormModal, LoadError, SectionHeader, orNull, tablePagination } from './common';
import { useDivisions, useSaveUnit, useUnits } from './queries';

const KINDS = ['department', 'county', 'countyOffice', 'other'] as const;

export function UnitsSection() {
  const { t } = useTranslation('admin');
  const units = useUnits();
  const divisions = useDivisions();
  const save = useSaveUnit();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Unit['kind'] | undefined>();

  const divisionName = useMemo(() => new Map((divisions.data ?? []).map((d) => [d.code, d.name])), [divisions.data]);
  const divisionOptions = useMemo(
    () => (divisions.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
    [divisions.data],
  );
  const rows = useMemo(
    () =>
      (units.data ?? []).filter(
        (u) =>
          (!kind || u.kind === kind) && (!q || u.name.includes(q.trim()) || (u.divisionCode ?? '').includes(q.trim())),
      ),
    [units.data, q, kind],
  );

  return (
    <>
      <SectionHeader
        title={t('unit.title')}
        onAdd={() => setEditing('new')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('unit.kind')}
              style={{ minWidth: 160 }}
              value={kind}
              onChange={setKind}
              options={KINDS.map((k) => ({ value: k, label: t(`unit.kinds.${k}`) }))}
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
      <LoadError error={units.error} />
      <Table<Unit>
        data-testid="admin-units"
        rowKey="id"
        size="middle"
        loading={units.isLoading}
        dataSource={rows}
        pagination={tablePagination}
        columns={[
          { title: t('unit.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          { title: t('unit.kind'), dataIndex: 'kind', width: 160, render: (k: Unit['kind']) => t(`unit.kinds.${k}`) },
          {
            title: t('unit.division'),
            dataIndex: 'divisionCode',
            render: (c: string | null) => (c ? `${divisionName.get(c) ?? ''}（${c}）` : '—'),
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            width: 100,
            render: (a: boolean) => <ActiveTag active={a} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, u) => (
              <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`edit-unit-${u.id}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<UnitInput>
          title={editing === 'new' ? t('unit.add') : t('unit.edit')}
          testId="admin-unit-form"
          initialValues={
            editing === 'new'
              ? { name: '', kind: 'department', divisionCode: null, active: true }
              : { name: editing.name, kind: editing.kind, divisionCode: editing.divisionCode, active: editing.active }
          }
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save.mutateAsync({
              key: editing === 'new' ? undefined : editing.id,
              input: { ...v, name: v.name.trim(), divisionCode: orNull(v.divisionCode) },
            })
          }
        >
          <Form.Item
            name="name"
            label={t('unit.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`unit.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="divisionCode" label={t('unit.division')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={divisionOptions}
              placeholder={t('common.select')}
              loading={divisions.isLoading}
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
