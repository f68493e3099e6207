/**
 * 窗口: the hall's windows. A department window (驻厅窗口) represents one unit (R1.2); a general
 * window (综合接待窗口) takes what no department window owns (R1.3).
 */
import { useMemo, useState } from 'react';
import { Button, Form, Input, InputNumber, Radio, Select, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallWindow, WindowInput } from '@hall/contracts';
import { ActiveTag, FormModal, LoadError, SectionHeader, orNull, tablePagination } from './common';
import { useHalls, useSaveWindow, useUnits, useWindows } from './queries';

type WindowForm = Omit<WindowInput, 'unitId'> & { unitId?: number | null };

export function WindowsSection() {
  const { t } = useTranslation('admin');
  const windows = useWindows();
  const halls = useHalls();
  const units = useUnits();
  const save = useSaveWindow();
  const [hallFilter, setHallFilter] = useState<number | undefined>();
  const [editing, setEditing] = useState<HallWindow | 'new' | null>(null);

  const hallName = useMemo(() => new Map((halls.data ?? []).map((h) => [h.id, h.name])), [halls.data]);
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const rows = useMemo(
    () =>
      (windows.data ?? [])
        .filter((w) => hallFilter === undefined || w.hallId === hallFilter)
        .sort((a, b) => a.hallId - b.hallId || a.number - b.number),
    [windows.data, hallFilter],
  );
  const hallOptions = (halls.data ?? []).map((h) => ({ value: h.id, label: h.name, disabled: !h.active }));

  const defaultHall = hallFilter ?? halls.data?.find((h) => h.active)?.id;
  const nextNumber = (hallId?: number) =>
    Math.max(0, ...(windows.data ?? []).filter((w) => w.hallId === hallId).map((w) => w.number)) + 1;

  return (
    <>
      <SectionHeader
        title={t('window.title')}
        onAdd={() => setEditing('new')}
        extra={
          <Select
            allowClear
            placeholder={t('window.filterHall')}
            style={{ minWidth: 200 }}
            value={hallFilter}
            onChange={setHallFilter}
            options={hallOptions}
            data-testid="admin-windows-hall-filter"
          />
        }
      />
      <LoadError error={windows.error} />
      <Table<HallWindow>
        data-testid="admin-windows"
        rowKey="id"
        size="middle"
        loading={windows.isLoading}
        dataSource={rows}
        pagination={tablePagination}
        columns={[
          { title: t('window.hall'), dataIndex: 'hallId', render: (id: number) => hallName.get(id) ?? id },
          { title: t('window.number'), dataIndex: 'number', width: 90, sorter: (a, b) => a.number - b.number },
          { title: t('window.name'), dataIndex: 'name' },
          {
            title: t('window.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (k: HallWindow['kind']) => (
              <Tag color={k === 'general' ? 'blue' : undefined}>{t(`window.kinds.${k}`)}</Tag>
            ),
          },
          {
            title: t('window.unit'),
            dataIndex: 'unitId',
            render: (id: number | null) => (id === null ? '—' : (unitName.get(id) ?? id)),
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
            render: (_, w) => (
              <Button type="link" size="small" onClick={() => setEditing(w)} data-testid={`edit-window-${w.id}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<WindowForm>
          title={editing === 'new' ? t('window.add') : t('window.edit')}
          testId="admin-window-form"
          initialValues={
            editing === 'new'
              ? {
                  hallId: defaultHall,
                  number: nextNumber(defaultHall),
                  name: '',
                  kind: 'department',
                  unitId: null,
                  active: true,
                }
              : {
                  hallId: editing.hallId,
                  number: editing.number,
                  name: editing.name,
                  kind: editing.kind,
                  unitId: editing.unitId,
                  active: editing.active,
                }
          }
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save.mutateAsync({
              key: editing === 'new' ? undefined : editing.id,
              input: {
                ...v,
                name: v.name.trim(),
                unitId: v.kind === 'department' ? orNull(v.unitId) : null,
              },
            })
          }
        >
          <Form.Item name="hallId" label={t('window.hall')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={hallOptions} placeholder={t('common.select')} />
          </Form.Item>
          <Form.Item
            name="number"
            label={t('window.number')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={999} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('window.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('window.kind')} extra={t('window.kindHelp')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['department', 'general', 'registration'] as const).map((k) => ({ value: k, label: t(`window.kinds.${k}`) }))}
            />
          </Form.Item>
          <UnitField units={(units.data ?? []).map((u) => ({ value: u.id, label: u.name, disabled: !u.active }))} />
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** The represented unit: asked (and required) only for a department window. */
function UnitField({ units }: { units: { value: number; label: string; disabled: boolean }[] }) {
  const { t } = useTranslation('admin');
  const kind = Form.useWatch<WindowForm['kind']>('kind');
  if (kind !== 'department') return null;
  return (
    <Form.Item name="unitId" label={t('window.unit')} rules={[{ required: true, message: t('window.unitRequired') }]}>
      <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={units} placeholder={t('common.select')} />
    </Form.Item>
  );
}
