import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DisorderDetail } from '@hall/contracts';
import { DISORDER_MAX_DAYS, type DisorderAction } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { todayInChina } from '../../../lib/format';
import { useDecideDisorder } from '../api';

interface FormValues {
  expiresOn?: Dayjs;
  note?: string;
}

interface Props {
  action: DisorderAction | null;
  entry: DisorderDetail;
  onClose: () => void;
  onDone: (action: DisorderAction) => void;
  /** Someone else decided first (409): reload the entry. */
  onStale: () => void;
}

/** R2.3: a supervisor approves the listing (with an expiry date), rejects it, or removes a listed person. */
export function DecideDialog(props: Props) {
  return props.action ? <OpenDialog {...props} action={props.action} /> : null;
}

function OpenDialog({ action, entry, onClose, onDone, onStale }: Props & { action: DisorderAction }) {
  const { t } = useTranslation('floor');
  const [form] = Form.useForm<FormValues>();
  const decide = useDecideDisorder(entry.id);
  const today = dayjs(todayInChina());
  const label = t(`disorder.decide.${action}`);

  const submit = (v: FormValues) => {
    const note = v.note?.trim() ?? '';
    const body =
      action === 'approve'
        ? { action, expiresOn: v.expiresOn?.format('YYYY-MM-DD') ?? '', note: note || null, version: entry.version }
        : { action, note, version: entry.version };
    decide.mutate(body, {
      onSuccess: () => onDone(action),
      onError: (err) => {
        applyServerErrors(form, err);
        if (err instanceof ApiError && err.status === 409) onStale();
      },
    });
  };

  return (
    <Modal
      open
      title={`${label} · ${entry.personName}`}
      okText={label}
      cancelText={t('common:btn.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      okButtonProps={{ danger: action !== 'approve', 'data-testid': 'disorder-confirm' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t(`disorder.decide.explain.${action}`)} style={{ marginBottom: 12 }} />
      {decide.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(decide.error)}
          style={{ marginBottom: 12 }}
          data-testid="disorder-decide-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={action === 'approve' ? { expiresOn: today.add(90, 'day') } : {}}
      >
        {action === 'approve' ? (
          <Form.Item
            name="expiresOn"
            label={t('disorder.decide.expiresOn')}
            extra={t('disorder.decide.expiresHint')}
            rules={[{ required: true, message: t('guide.required', { field: t('disorder.decide.expiresOn') }) }]}
          >
            <DatePicker
              disabledDate={(d) => d.isBefore(today, 'day') || d.isAfter(today.add(DISORDER_MAX_DAYS, 'day'), 'day')}
              data-testid="disorder-expiresOn"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={action === 'approve' ? t('disorder.decide.note') : t('disorder.decide.reason')}
          rules={
            action === 'approve'
              ? []
              : [
                  {
                    required: true,
                    whitespace: true,
                    message: t('guide.required', { field: t('disorder.decide.reason') }),
                  },
                ]
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={
              action === 'approve' ? t('disorder.decide.notePlaceholder') : t('disorder.decide.reasonPlaceholder')
            }
            data-testid="disorder-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
