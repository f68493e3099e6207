import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DisorderEntry } from '@hall/contracts';
import { DISORDER_KINDS, INFORMED_PARTIES, type DisorderKind, type InformedParty } from '@hall/domain';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { useRecordIncident } from '../api';
import { definedPerson, personBody, type PersonValues } from '../model';
import { PersonFields } from './PersonFields';

interface FormValues extends PersonValues {
  occurredAt?: Dayjs;
  kind?: DisorderKind;
  description?: string;
  informed?: InformedParty[];
}

export interface IncidentDialogProps {
  open: boolean;
  /** The person the guide was just dealing with (prefilled). */
  person?: PersonValues;
  /** The ticket or matter the incident happened around, when known. */
  ticketId?: number | null;
  matterId?: number | null;
  onClose: () => void;
  onDone?: (entry: DisorderEntry) => void;
}

/** R2.3: record what happened, when, and who was informed (the duty bailiff, the division head…). */
export function IncidentDialog(props: IncidentDialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ person, ticketId, matterId, onClose, onDone }: IncidentDialogProps) {
  const { t } = useTranslation('floor');
  const [form] = Form.useForm<FormValues>();
  const mutation = useRecordIncident();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('guide.required', { field }) }];

  const submit = (v: FormValues) =>
    mutation.mutate(
      {
        ...personBody(v),
        personName: (v.personName ?? '').trim(),
        occurredAt: (v.occurredAt ?? dayjs()).toISOString(),
        kind: v.kind ?? 'other',
        description: (v.description ?? '').trim(),
        informed: v.informed ?? [],
        ticketId: ticketId ?? null,
        matterId: matterId ?? null,
      },
      {
        onSuccess: (entry) => onDone?.(entry),
        onError: (err) => applyServerErrors(form, err),
      },
    );

  return (
    <Modal
      open
      title={t('incident.title')}
      okText={t('guide.submit')}
      cancelText={t('common:btn.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'incident-submit' }}
      width={720}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('incident.explain')} style={{ marginBottom: 12 }} />
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(mutation.error)}
          style={{ marginBottom: 12 }}
          data-testid="incident-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          idType: 'resident',
          ...definedPerson(person),
          occurredAt: dayjs(),
          informed: [],
        }}
        scrollToFirstError={{ block: 'center' }}
        data-testid="incident-form"
      >
        <PersonFields prefix="incident" nameRequired />
        <Form.Item
          name="occurredAt"
          label={t('incident.occurredAt')}
          rules={[{ required: true, message: t('guide.required', { field: t('incident.occurredAt') }) }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="incident-occurredAt"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('incident.kind')}
          rules={[{ required: true, message: t('guide.required', { field: t('incident.kind') }) }]}
        >
          <Radio.Group data-testid="incident-kind">
            {DISORDER_KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`incident-kind-${k}`}>
                {t(`kind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="description" label={t('incident.description')} rules={required(t('incident.description'))}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('incident.descriptionPlaceholder')}
            data-testid="incident-description"
          />
        </Form.Item>
        <Form.Item name="informed" label={t('incident.informed')}>
          <Checkbox.Group data-testid="incident-informed">
            {INFORMED_PARTIES.map((p) => (
              <Checkbox key={p} value={p} data-testid={`incident-informed-${p}`}>
                {t(`informed.${p}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
