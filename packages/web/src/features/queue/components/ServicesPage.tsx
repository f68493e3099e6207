import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Priority, QueueService, ServiceInput } from '@hall/contracts';
import { SERVICE_KINDS, type ServiceKind } from '@hall/domain';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { hallWindows, useReference, windowLabel } from '../../../lib/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryBoundary } from '../../../components/PageStatus';
import { usePriorities, useQueueServices, useSavePriorities, useSaveService } from '../api';

const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The hall's queue services and priority groups (queue:manage), with the kiosk and board pages to open. */
export function ServicesPage() {
  const { t } = useTranslation('queue');
  const services = useQueueServices();
  const reference = useReference();
  const [editing, setEditing] = useState<QueueService | 'new' | null>(null);
  const hallCode = reference.data?.hall.code;
  const windows = reference.data ? hallWindows(reference.data, true) : [];
  const windowName = (id: number) => {
    const w = windows.find((x) => x.id === id);
    return w ? windowLabel(w) : String(id);
  };

  const columns: ColumnsType<QueueService> = [
    {
      title: t('services.col.prefix'),
      dataIndex: 'prefix',
      width: 60,
      render: (v: string) => <Tag color="volcano">{v}</Tag>,
    },
    {
      title: t('services.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space size={4}>
          <span>{v}</span>
          {!r.active ? <Tag>{t('services.inactive')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('services.col.code'), dataIndex: 'code', width: 110 },
    { title: t('services.col.kind'), dataIndex: 'kind', render: (k: ServiceKind) => t(`kind.${k}`) },
    { title: t('services.col.hours'), key: 'hours', render: (_v, r) => `${r.opensAt}–${r.closesAt}` },
    { title: t('services.col.dailyMax'), dataIndex: 'dailyMax', align: 'right', width: 90 },
    { title: t('services.col.maxRecalls'), dataIndex: 'maxRecalls', align: 'right', width: 90 },
    {
      title: t('services.col.windows'),
      dataIndex: 'windowIds',
      render: (ids: number[]) => ids.map((id) => <Tag key={id}>{windowName(id)}</Tag>),
    },
    {
      title: t('services.col.actions'),
      key: 'actions',
      width: 80,
      render: (_v, r) => (
        <Button size="small" onClick={() => setEditing(r)} data-testid={`queue-service-edit-${r.code}`}>
          {t('services.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="queue-services">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('services.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('services.hint')}</Typography.Text>
        <span style={{ flex: 1 }} />
        {hallCode ? (
          <Space>
            <a href={`/kiosk/${hallCode}`} target="_blank" rel="noreferrer" data-testid="queue-open-kiosk">
              {t('services.openKiosk')} ↗
            </a>
            <a href={`/board/${hallCode}`} target="_blank" rel="noreferrer" data-testid="queue-open-board">
              {t('services.openBoard')} ↗
            </a>
          </Space>
        ) : null}
        <Button type="primary" onClick={() => setEditing('new')} data-testid="queue-service-add">
          {t('services.add')}
        </Button>
      </div>
      <Card size="small">
        {services.error ? <ErrorAlert error={services.error} onRetry={() => void services.refetch()} /> : null}
        <Table<QueueService>
          size="small"
          rowKey="id"
          loading={services.isPending}
          columns={columns}
          dataSource={[...(services.data ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id)}
          pagination={false}
        />
      </Card>
      <PrioritiesCard />
      {editing ? (
        <ServiceDialog
          service={editing === 'new' ? null : editing}
          windowOptions={windows.map((w) => ({ value: w.id, label: windowLabel(w) }))}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Space>
  );
}

type ServiceValues = Omit<ServiceInput, 'nameEn'> & { nameEn?: string | null };

function ServiceDialog({
  service,
  windowOptions,
  onClose,
}: {
  service: QueueService | null;
  windowOptions: { value: number; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceValues>();
  const save = useSaveService();
  const initial: ServiceValues = service
    ? { ...service }
    : {
        code: '',
        prefix: '',
        name: '',
        nameEn: null,
        kind: 'departmentWindow',
        opensAt: '08:30',
        closesAt: '17:00',
        dailyMax: 200,
        maxRecalls: 2,
        windowIds: [],
        sort: 0,
        active: true,
      };
  // antd words the message from the field's label ("请输入名称").
  const required = (_field: string) => [{ required: true }];

  const submit = (v: ServiceValues) =>
    save.mutate(
      { id: service?.id, body: { ...v, nameEn: v.nameEn?.trim() || null, prefix: v.prefix.toUpperCase() } },
      {
        onSuccess: () => {
          void message.success(t('services.saved'));
          onClose();
        },
        onError: (err) => applyServerErrors(form, err),
      },
    );

  return (
    <Modal
      open
      width={720}
      title={service ? t('services.edit') : t('services.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="queue-service-dialog"
    >
      <Form<ServiceValues> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('services.col.code')}
              extra={t('services.codeHint')}
              rules={required('code')}
            >
              <Input disabled={!!service} maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="prefix"
              label={t('services.col.prefix')}
              extra={t('services.prefixHint')}
              rules={[...required('prefix'), { pattern: /^[A-Za-z]{1,2}$/, message: t('services.prefixHint') }]}
            >
              <Input maxLength={2} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('services.col.kind')} rules={required('kind')}>
              <Select options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('services.col.name')} rules={required('name')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('services.col.nameEn')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          {(['opensAt', 'closesAt'] as const).map((f) => (
            <Col span={6} key={f}>
              <Form.Item
                name={f}
                label={t(`services.col.${f}`)}
                extra={f === 'opensAt' ? t('services.hoursHint') : undefined}
                rules={[...required(f), { pattern: HHMM, message: t('services.hoursHint') }]}
              >
                <Input maxLength={5} placeholder="08:30" />
              </Form.Item>
            </Col>
          ))}
          <Col span={4}>
            <Form.Item name="dailyMax" label={t('services.col.dailyMax')} rules={required('dailyMax')}>
              <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="maxRecalls"
              label={t('services.col.maxRecalls')}
              tooltip={t('services.maxRecallsHint')}
              rules={required('maxRecalls')}
            >
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="sort" label={t('services.col.sort')}>
              <InputNumber min={0} max={999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={20}>
            <Form.Item name="windowIds" label={t('services.col.windows')} extra={t('services.windowsHint')}>
              <Select mode="multiple" options={windowOptions} optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('services.col.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
    </Modal>
  );
}

function PrioritiesCard() {
  const { t } = useTranslation('queue');
  const priorities = usePriorities();
  return (
    <Card size="small" title={t('services.priorities')}>
      <Typography.Paragraph type="secondary">{t('services.prioritiesHint')}</Typography.Paragraph>
      <QueryBoundary query={priorities}>{(list) => <PrioritiesForm list={list} />}</QueryBoundary>
    </Card>
  );
}

function PrioritiesForm({ list }: { list: Priority[] }) {
  const { t } = useTranslation('queue');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: Priority[] }>();
  const save = useSavePriorities();
  const submit = (v: { items: Priority[] }) =>
    save.mutate(
      v.items.map((p) => ({ ...p, nameEn: p.nameEn?.trim() || null })),
      {
        onSuccess: () => void message.success(t('services.saved')),
        onError: (err) => applyServerErrors(form, err, (p) => `items.${p}`),
      },
    );
  return (
    <Form form={form} initialValues={{ items: list }} onFinish={submit} data-testid="queue-priorities">
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            <div style={{ display: 'flex', gap: 8, color: '#8c8c8c', marginBottom: 4 }}>
              <span style={{ width: 140 }}>{t('services.col.code')}</span>
              <span style={{ width: 140 }}>{t('services.col.name')}</span>
              <span style={{ width: 160 }}>{t('services.col.nameEn')}</span>
              <span style={{ width: 100 }}>{t('services.weight')}</span>
            </div>
            {fields.map((f) => {
              const existing = list.some((p) => p.code === form.getFieldValue(['items', f.name, 'code']));
              return (
                <div
                  key={f.key}
                  style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
                  data-testid="queue-priority-row"
                >
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, pattern: /^[a-z][a-zA-Z0-9]{1,19}$/ }]}>
                    <Input disabled={existing} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input maxLength={30} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nameEn']}>
                    <Input maxLength={50} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber min={0.1} max={10} step={0.5} style={{ width: 100 }} />
                  </Form.Item>
                  {!existing ? (
                    <Button type="link" danger onClick={() => remove(f.name)}>
                      {t('services.removePriority')}
                    </Button>
                  ) : null}
                </div>
              );
            })}
            <Space>
              <Button onClick={() => add({ code: '', name: '', nameEn: null, weight: 1 })}>
                {t('services.addPriority')}
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="queue-priorities-save">
                {t('services.savePriorities')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Form>
  );
}
