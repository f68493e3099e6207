import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MANUAL_TRIGGERS, type ManualTrigger } from '@hall/domain';
import { useAuth } from '../../../lib/auth';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCommonT } from '../../../lib/labels';
import { useAccountabilityList, usePropose } from '../api';
import { mayPropose, seesAccountability } from '../policy';

interface Values {
  trigger?: ManualTrigger;
  reason?: string;
}

/**
 * 提请责任查究 on a case (R1.23): the assigning window (or the leadership) proposes an inquiry for
 * wrong handling or dereliction; overdue cases are found by the system. Renders nothing for users who
 * may not propose. `petitionNo` only titles the dialog.
 */
export function ProposeAccountabilityButton({ matterId, petitionNo }: { matterId: number; petitionNo?: string }) {
  const { t } = useTranslation('accountability');
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  if (!mayPropose(me)) return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="acc-propose">
        {t('propose.button')}
      </Button>
      {open ? <ProposeDialog matterId={matterId} petitionNo={petitionNo} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ProposeDialog({ matterId, petitionNo, onClose }: { matterId: number; petitionNo?: string; onClose: () => void }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const propose = usePropose();
  const submit = (v: Values) =>
    propose.mutate(
      { matterId, trigger: v.trigger!, reason: (v.reason ?? '').trim() },
      {
        onSuccess: (detail) => {
          void message.success(t('propose.done'));
          onClose();
          navigate(`/accountability/${detail.id}`);
        },
        onError: (err) => applyServerErrors(form, err),
      },
    );
  return (
    <Modal
      open
      title={t('propose.title', { no: petitionNo ?? `#${matterId}` })}
      okText={t('propose.button')}
      cancelText={t('common:btn.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={propose.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'acc-confirm' }}
      width={640}
      destroyOnHidden
      data-testid="acc-dialog-propose"
    >
      <Alert type="info" showIcon title={t('propose.explain')} style={{ marginBottom: 12 }} />
      {propose.error ? (
        <Alert type="error" showIcon title={errorMessage(propose.error)} style={{ marginBottom: 12 }} data-testid="acc-error" />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="trigger"
          label={t('propose.trigger')}
          rules={[{ required: true, message: t('action.required', { field: t('propose.trigger') }) }]}
        >
          <Radio.Group data-testid="acc-field-trigger">
            <Space orientation="vertical">
              {MANUAL_TRIGGERS.map((k) => (
                <Radio key={k} value={k} data-testid={`acc-trigger-${k}`}>
                  {ct('accountabilityTrigger', k)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('propose.reason')}
          rules={[{ required: true, whitespace: true, message: t('action.required', { field: t('propose.reason') }) }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('propose.reasonPlaceholder')} data-testid="acc-field-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The inquiries about one case, as links (for the case page); nothing when there are none or the user may not see them. */
export function MatterAccountabilityLinks({ matterId }: { matterId: number }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const { me } = useAuth();
  const list = useAccountabilityList({ matterId }, seesAccountability(me));
  const rows = list.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Space size={6} wrap data-testid="acc-matter-links">
      <span>{t('propose.existing', { count: rows.length })}：</span>
      {rows.map((r) => (
        <Link key={r.id} to={`/accountability/${r.id}`}>
          #{r.id} {ct('accountabilityState', r.state)}
        </Link>
      ))}
    </Space>
  );
}
