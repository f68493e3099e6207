import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountabilityActionInputs, AccountabilityDetail } from '@hall/contracts';
import { RECTIFY_DAYS, type AccountabilityAction } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { todayInChina } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { useAccountabilityAction, type ActionVariables } from '../api';

interface FormValues {
  note?: string;
  reason?: string;
  demands?: string;
  rectifyMode?: 'days' | 'date';
  rectifyDays?: number | null;
  rectifyDue?: Dayjs | null;
  quality?: 'good' | 'poor';
  findings?: string;
}

const DANGER = new Set<AccountabilityAction>(['reject']);
const DEFAULT_RECTIFY_DAYS = 15;

function toVariables(action: AccountabilityAction, v: FormValues, version: number): ActionVariables {
  const text = (s?: string) => (s ?? '').trim();
  switch (action) {
    case 'approve':
    case 'approveInvestigation':
      return { action, body: { note: text(v.note), version } };
    case 'reject':
      return { action, body: { reason: text(v.reason), version } };
    case 'sendNotice': {
      const body: AccountabilityActionInputs['sendNotice'] = { demands: text(v.demands), version };
      if (v.rectifyMode === 'date') body.rectifyDue = v.rectifyDue ? v.rectifyDue.format('YYYY-MM-DD') : null;
      else body.rectifyDays = v.rectifyDays ?? null;
      return { action, body };
    }
    case 'recordRectification':
      return { action, body: { quality: v.quality ?? null, note: text(v.note), version } };
    case 'concludeInvestigation':
      return { action, body: { findings: text(v.findings), version } };
  }
}

interface Props {
  action: AccountabilityAction | null;
  detail: AccountabilityDetail;
  onClose: () => void;
  onDone: (action: AccountabilityAction) => void;
  onStale: () => void;
}

/** One dialog per step of an inquiry, its inputs from ACCOUNTABILITY_ACTION_INPUTS, posted with the version. */
export function AccountabilityActionDialog(props: Props) {
  return props.action ? <OpenDialog {...props} action={props.action} /> : null;
}

function OpenDialog({ action, detail, onClose, onDone, onStale }: Props & { action: AccountabilityAction }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const [form] = Form.useForm<FormValues>();
  const mutation = useAccountabilityAction(detail.id);
  const submit = (v: FormValues) =>
    mutation.mutate(toVariables(action, v, detail.version), {
      onSuccess: () => onDone(action),
      onError: (err) => {
        applyServerErrors(form, err);
        if (err instanceof ApiError && err.code === 'accountability.stale') onStale();
      },
    });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('action.required', { field }) }];
  const label = (k: string) => t(`action.field.${k}`);

  return (
    <Modal
      open
      title={`${ct('accountabilityAction', action)} · ${detail.petitionNo}`}
      okText={ct('accountabilityAction', action)}
      cancelText={t('common:btn.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: DANGER.has(action), 'data-testid': 'acc-confirm' }}
      width={action === 'sendNotice' || action === 'concludeInvestigation' ? 720 : 600}
      destroyOnHidden
      data-testid={`acc-dialog-${action}`}
    >
      <Alert type="info" showIcon title={t(`action.explain.${action}`)} style={{ marginBottom: 12 }} />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'unit', label: t('detail.unit'), children: detail.unitName ?? '—' },
          { key: 'trigger', label: t('detail.trigger'), children: ct('accountabilityTrigger', detail.trigger) },
          ...(detail.rectifyDue ? [{ key: 'due', label: t('detail.rectifyDue'), children: detail.rectifyDue }] : []),
        ]}
      />
      {mutation.error ? (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 12 }} data-testid="acc-error" />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ rectifyMode: 'days', rectifyDays: DEFAULT_RECTIFY_DAYS }}
        scrollToFirstError={{ block: 'center' }}
      >
        {action === 'approve' || action === 'approveInvestigation' ? (
          <Form.Item name="note" label={label('note')}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('action.placeholder.note')} data-testid="acc-field-note" />
          </Form.Item>
        ) : null}
        {action === 'reject' ? (
          <Form.Item name="reason" label={label('reason')} rules={required(label('reason'))}>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('action.placeholder.reason')} data-testid="acc-field-reason" />
          </Form.Item>
        ) : null}
        {action === 'sendNotice' ? <NoticeFields /> : null}
        {action === 'recordRectification' ? (
          <>
            <Form.Item name="quality" label={label('quality')} rules={[{ required: true, message: t('action.required', { field: label('quality') }) }]}>
              <Radio.Group data-testid="acc-field-quality">
                <Radio value="good" data-testid="acc-quality-good">
                  {t('quality.good')}
                </Radio>
                <Radio value="poor" data-testid="acc-quality-poor">
                  {t('quality.poor')}
                </Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label={label('rectificationNote')} rules={required(label('rectificationNote'))}>
              <Input.TextArea
                rows={4}
                maxLength={4000}
                showCount
                placeholder={t('action.placeholder.rectificationNote')}
                data-testid="acc-field-note"
              />
            </Form.Item>
          </>
        ) : null}
        {action === 'concludeInvestigation' ? (
          <Form.Item name="findings" label={label('findings')} rules={required(label('findings'))}>
            <Input.TextArea rows={6} maxLength={8000} showCount placeholder={t('action.placeholder.findings')} data-testid="acc-field-findings" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** R1.24: what the unit must inspect and rectify, and by when (days from today, or a day). */
function NoticeFields() {
  const { t } = useTranslation('accountability');
  const label = (k: string) => t(`action.field.${k}`);
  const mode = Form.useWatch<'days' | 'date' | undefined>('rectifyMode');
  const today = todayInChina();
  return (
    <>
      <Form.Item
        name="demands"
        label={label('demands')}
        rules={[{ required: true, whitespace: true, message: t('action.required', { field: label('demands') }) }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('action.placeholder.demands')} data-testid="acc-field-demands" />
      </Form.Item>
      <Form.Item label={label('rectifyMode')} required style={{ marginBottom: 0 }}>
        <Space align="start" wrap>
          <Form.Item name="rectifyMode" noStyle>
            <Radio.Group
              optionType="button"
              data-testid="acc-field-rectifyMode"
              options={[
                { value: 'days', label: t('action.mode.days') },
                { value: 'date', label: t('action.mode.date') },
              ]}
            />
          </Form.Item>
          {mode === 'date' ? (
            <Form.Item
              name="rectifyDue"
              rules={[{ required: true, message: t('action.required', { field: label('rectifyDue') }) }]}
            >
              <DatePicker
                disabledDate={(d) => !d.isAfter(dayjs(today), 'day')}
                placeholder={label('rectifyDue')}
                data-testid="acc-field-rectifyDue"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="rectifyDays"
              rules={[{ required: true, message: t('action.required', { field: label('rectifyDays') }) }]}
              extra={t('action.daysHint')}
            >
              <InputNumber
                min={RECTIFY_DAYS.min}
                max={RECTIFY_DAYS.max}
                precision={0}
                suffix={t('action.daysSuffix')}
                style={{ width: 140 }}
                data-testid="acc-field-rectifyDays"
              />
            </Form.Item>
          )}
        </Space>
      </Form.Item>
    </>
  );
}
