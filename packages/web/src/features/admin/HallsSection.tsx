/** 大厅: the halls served by this installation (R1.0; court and company halls: A2, A5). */
import { useState } from 'react';
import { Button, Form, Input, Select, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hall, HallInput } from '@hall/contracts';
import { ActiveTag, FormModal, LoadError, SectionHeader, tablePagination } from './common';
import { useHalls, useSaveHall } from './queries';

const KINDS = ['petition', 'court', 'company'] as const;

export function HallsSection() {
  const { t } = useTranslation('admin');
  const halls = useHalls();
  const save = useSaveHall();
  const [editing, setEditing] = useState<Hall | 'new' | null>(null);

  return (
    <>
      <SectionHeader title={t('hall.title')} onAdd={() => setEditing('new')} addLabel={t('common.add')} />
      <LoadError error={halls.error} />
      <Table<Hall>
        data-testid="admin-halls"
        rowKey="id"
        size="middle"
        loading={halls.isLoading}
        dataSource={halls.data ?? []}
        pagination={tablePagination}
        columns={[
          { title: t('hall.code'), dataIndex: 'code', width: 120, sorter: (a, b) => a.code.localeCompare(b.code) },
          { title: t('hall.name'), dataIndex: 'name' },
          { title: t('hall.kind'), dataIndex: 'kind', width: 200, render: (k: Hall['kind']) => t(`hall.kinds.${k}`) },
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
            render: (_, h) => (
              <Button type="link" size="small" onClick={() => setEditing(h)} data-testid={`edit-hall-${h.id}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<HallInput>
          title={editing === 'new' ? t('hall.add') : t('hall.edit')}
          testId="admin-hall-form"
          initialValues={
            editing === 'new'
              ? { code: '', name: '', kind: 'petition', active: true }
              : { code: editing.code, name: editing.name, kind: editing.kind, active: editing.active }
          }
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save.mutateAsync({
              key: editing === 'new' ? undefined : editing.id,
              input: { ...v, code: v.code.trim().toUpperCase(), name: v.name.trim() },
            })
          }
        >
          <Form.Item
            name="code"
            label={t('hall.code')}
            extra={t('hall.codeHelp')}
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[A-Z][A-Z0-9]{1,9}$/, message: t('hall.codeInvalid') },
            ]}
          >
            <Input maxLength={10} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('hall.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('hall.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`hall.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
