import { useState } from 'react';
import { Alert, Descriptions, Form, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail, Me, Reference } from '@hall/contracts';
import type { MatterAction } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCommonT } from '../../../lib/labels';
import { useMatterAction } from '../../../lib/matters';
import { DueTag } from '../../../components/DueTag';
import type { ContextKit, FormValues } from './descriptor';
import { descriptorOf, isDanger } from './registry';

interface DialogProps {
  action: MatterAction | null;
  detail: MatterDetail;
  reference: Reference;
  me: Me;
  onClose: () => void;
  onDone: (action: MatterAction) => void;
  onStale: () => void;
}

/**
 * The one dialog of every workflow action (issue 9 §1): its descriptor (actions/registry) gives the
 * fields, the initial values, the context shown above the form and the body posted with the matter's
 * version. Each opening mounts a fresh form (its own store and initial values from the matter as it is now).
 */
export function ActionDialog(props: DialogProps) {
  return props.action ? <OpenDialog {...props} action={props.action} /> : null;
}

function OpenDialog({
  action,
  detail,
  reference,
  me,
  onClose,
  onDone,
  onStale,
}: DialogProps & { action: MatterAction }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const d = descriptorOf(action);
  const [form] = Form.useForm<FormValues>();
  const mutation = useMatterAction(detail.id);
  // The initial values of this opening (the matter may change underneath while it is open).
  const [initial] = useState(() => d.initial?.(detail, me, reference) ?? {});

  const submit = (v: FormValues) => {
    mutation.mutate(
      { action, body: d.toBody(v, detail) },
      {
        onSuccess: () => onDone(action),
        onError: (err) => {
          applyServerErrors(form, err);
          if (err instanceof ApiError && err.code === 'matter.stale') onStale();
        },
      },
    );
  };

  const kit: ContextKit = {
    t,
    ct,
    due: (x) =>
      x ? (
        <Space size={6}>
          <span>{x.due}</span>
          {x.status === 'active' ? <DueTag due={x.due} /> : <span>{ct('deadlineStatus', x.status)}</span>}
        </Space>
      ) : (
        t('dialog.noDue')
      ),
  };
  const context = d.context?.(detail, kit) ?? [];
  const Fields = d.fields;

  return (
    <Modal
      open
      title={`${ct('matterAction', action)} · ${detail.petitionNo}`}
      okText={t('dialog.confirm')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: isDanger(action), 'data-testid': 'action-confirm' }}
      width={d.wide ? 780 : 640}
      destroyOnHidden
      data-testid={`dialog-${action}`}
    >
      <Alert type="info" showIcon title={t(`a.${action}.explain`)} style={{ marginBottom: 12 }} />
      {context.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 12 }}
          items={context.map((i) => ({ ...i, children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.children}</span> }))}
          data-testid="action-context"
        />
      ) : null}
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(mutation.error)}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
        scrollToFirstError={{ block: 'center' }}
      >
        <Fields action={action} matter={detail} refs={reference} />
      </Form>
    </Modal>
  );
}
