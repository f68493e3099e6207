import { useEffect } from 'react';
import { Alert, AutoComplete, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '@hall/contracts';
import type { MatterAction } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCommonT } from '../../../lib/labels';
import { useMatterAction, type ActionBody } from '../api';
import { CHANNEL_KEYS } from '../notice-text';

interface Values {
  reason?: string;
  channel?: string;
  reply?: string;
  agrees?: boolean;
  ceases?: boolean;
  signedName?: string;
}

/** One dialog per decision (R1.5, R1.5b, R1.6); posts with the matter's version. */
export function ActionDialog({
  action,
  detail,
  onClose,
  onDone,
  onStale,
}: {
  action: MatterAction | null;
  detail: MatterDetail;
  onClose: () => void;
  onDone: (action: MatterAction) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const [form] = Form.useForm<Values>();
  const mutation = useMatterAction(detail.id);
  const agrees = Form.useWatch('agrees', form);
  const ceases = Form.useWatch('ceases', form);
  const closes = !!agrees && !!ceases;

  useEffect(() => {
    if (action) {
      form.resetFields();
      mutation.reset();
    }
    // reset when a dialog opens
  }, [action]);

  if (!action) return null;

  const required = (field: string) => ({ required: true, whitespace: true, message: t('actions.required', { field }) });

  const submit = (v: Values) => {
    const body: ActionBody =
      action === 'directReply'
        ? {
            reply: (v.reply ?? '').trim(),
            agrees: !!v.agrees,
            ceases: !!v.ceases,
            signedName: v.agrees && v.ceases ? (v.signedName ?? '').trim() : null,
            version: detail.version,
          }
        : {
            reason: (v.reason ?? '').trim(),
            channel: action === 'notAccept' ? (v.channel ?? '').trim() : null,
            version: detail.version,
          };
    mutation.mutate(
      { action, body },
      {
        onSuccess: () => onDone(action),
        onError: (err) => {
          applyServerErrors(form, err);
          if (err instanceof ApiError && err.code === 'matter.stale') onStale();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t(`actions.${action}.title`)} · ${detail.petitionNo}`}
      okText={t('actions.confirm')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: action === 'notAccept' || action === 'noLongerAccept', 'data-testid': 'action-confirm' }}
      width={640}
      destroyOnHidden
      data-testid={`dialog-${action}`}
    >
      <Alert type="info" showIcon title={t(`actions.${action}.explain`)} style={{ marginBottom: 16 }} />
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(mutation.error)}
          style={{ marginBottom: 16 }}
          data-testid="action-error"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ agrees: false, ceases: false }}>
        {action === 'accept' ? (
          <Form.Item name="reason" label={t('actions.accept.reason')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={1000}
              data-testid="action-reason"
              autoFocus
            />
          </Form.Item>
        ) : null}
        {action === 'notAccept' || action === 'noLongerAccept' ? (
          <Form.Item
            name="reason"
            label={t(`actions.${action}.reason`)}
            rules={[required(t(`actions.${action}.reason`))]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={1000}
              showCount
              data-testid="action-reason"
              autoFocus
            />
          </Form.Item>
        ) : null}
        {action === 'notAccept' ? (
          <Form.Item
            name="channel"
            label={t('actions.notAccept.channel')}
            rules={[required(t('actions.notAccept.channel'))]}
            extra={t('actions.notAccept.channelPlaceholder')}
          >
            <AutoComplete
              options={CHANNEL_KEYS.map((k) => ({ value: t(`actions.channels.${k}`) }))}
              showSearch={{
                // Suggest while the text is a start of a channel; once the body is typed the list closes.
                filterOption: (input, option) => {
                  const v = String(option?.value ?? '');
                  return v !== input && v.toLowerCase().startsWith(input.trim().toLowerCase());
                },
              }}
            >
              <Input maxLength={200} data-testid="action-channel" />
            </AutoComplete>
          </Form.Item>
        ) : null}
        {action === 'directReply' ? (
          <>
            <Form.Item
              name="reply"
              label={t('actions.directReply.reply')}
              rules={[required(t('actions.directReply.reply'))]}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 10 }}
                maxLength={4000}
                showCount
                data-testid="action-reply"
                autoFocus
              />
            </Form.Item>
            <Form.Item name="agrees" valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox data-testid="action-agrees">{t('actions.directReply.agrees')}</Checkbox>
            </Form.Item>
            <Form.Item name="ceases" valuePropName="checked">
              <Checkbox data-testid="action-ceases">{t('actions.directReply.ceases')}</Checkbox>
            </Form.Item>
            {closes ? (
              <Form.Item
                name="signedName"
                label={t('actions.directReply.signedName')}
                extra={t('actions.directReply.signedNameHint')}
                rules={[required(t('actions.directReply.signedName'))]}
              >
                <Input maxLength={50} placeholder={detail.petitioner.name} data-testid="action-signedName" />
              </Form.Item>
            ) : null}
            <Typography.Text type={closes ? 'success' : 'secondary'} data-testid="action-outcome">
              {closes ? t('actions.directReply.willClose') : t('actions.directReply.staysOpen')}
              {' → '}
              {ct('state', closes ? 'closed' : 'accepted')}
            </Typography.Text>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
