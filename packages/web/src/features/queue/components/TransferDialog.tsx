import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@hall/contracts';
import { errorMessage } from '../../../lib/api';
import { useLang } from '../../../lib/labels';
import { hallWindows, useReference, windowLabel } from '../../../lib/reference';
import { useQueueServices, useTransfer } from '../api';

interface Values {
  to: 'service' | 'window';
  serviceId?: number;
  windowId?: number;
  note?: string;
}

/** 转移: to another service's queue or to one window; the ticket keeps its arrival time. */
export function TransferDialog({
  ticket,
  ownWindowId,
  onClose,
  onDone,
}: {
  ticket: Ticket;
  ownWindowId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const [to, setTo] = useState<Values['to']>('service');
  const services = useQueueServices();
  const reference = useReference();
  const transfer = useTransfer();
  const windows = reference.data ? hallWindows(reference.data).filter((w) => w.id !== ownWindowId) : [];

  const submit = (v: Values) =>
    transfer.mutate(
      {
        id: ticket.id,
        serviceId: v.to === 'service' ? v.serviceId : null,
        windowId: v.to === 'window' ? v.windowId : null,
        note: v.note?.trim() || null,
      },
      { onSuccess: onDone },
    );

  return (
    <Modal
      open
      title={t('window.transferTitle', { number: ticket.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      destroyOnHidden
      data-testid="queue-transfer-dialog"
    >
      <Typography.Paragraph type="secondary">{t('window.transferHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ to: 'service' }} onFinish={submit}>
        <Form.Item name="to" label={t('window.transferTo')}>
          <Radio.Group
            onChange={(e) => setTo(e.target.value as Values['to'])}
            options={[
              { value: 'service', label: t('window.toService') },
              { value: 'window', label: t('window.toWindow') },
            ]}
          />
        </Form.Item>
        {to === 'service' ? (
          <Form.Item name="serviceId" label={t('window.transferService')} rules={[{ required: true }]}>
            <Select
              loading={services.isPending}
              data-testid="queue-transfer-service"
              options={(services.data ?? [])
                .filter((s) => s.active && s.id !== ticket.serviceId)
                .map((s) => ({ value: s.id, label: `${s.prefix} · ${lang === 'en' && s.nameEn ? s.nameEn : s.name}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="windowId" label={t('window.transferWindow')} rules={[{ required: true }]}>
            <Select
              loading={reference.isPending}
              data-testid="queue-transfer-window"
              options={windows.map((w) => ({ value: w.id, label: windowLabel(w) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('window.transferNote')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {transfer.error ? <Alert type="error" showIcon title={errorMessage(transfer.error)} /> : null}
    </Modal>
  );
}
