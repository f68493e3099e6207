import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MatterDetail, Me, Reference } from '@hall/contracts';
import {
  AssignmentOrigin,
  DeliveryWay,
  OpinionOutcome,
  OpinionView,
  Rating,
  SupervisionKind,
  TransferChannel,
} from '@hall/contracts';
import { REVIEW_CRITERIA, addDays, type MatterAction } from '@hall/domain';
import { ApiError, errorMessage } from '../../../../lib/api';
import { formatDateTime } from '../../../../lib/format';
import { applyServerErrors } from '../../../../lib/form-errors';
import { useCommonT } from '../../../../lib/labels';
import { hallWindows, windowLabel } from '../../../../lib/reference';
import { DueTag } from '../../../../components/DueTag';
import { useMatterAction } from '../../api';
import {
  DANGER_ACTIONS,
  activeUnits,
  allowedLevels,
  countyUnits,
  extensionUse,
  handleDeadline,
  initialValues,
  toBody,
  todayValue,
  type FormValues,
} from './model';

const WIDE = new Set<MatterAction>(['recordMeeting', 'reviewCase', 'issueOpinion', 'proposeAssignment']);
const notFuture = (d: dayjs.Dayjs) => d.isAfter(todayValue(), 'day');

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
 * One dialog per case action (issue 3), its fields from ACTION_INPUTS; posts with the matter's version.
 * Each opening mounts a fresh form (its own store and initial values from the matter as it is now).
 */
export function CaseActionDialog(props: DialogProps) {
  return props.action ? <OpenDialog {...props} action={props.action} /> : null;
}

function OpenDialog({ action, detail, reference, me, onClose, onDone, onStale }: DialogProps & { action: MatterAction }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const [form] = Form.useForm<FormValues>();
  const mutation = useMatterAction(detail.id);
  // The initial values of this opening (the matter may change underneath while it is open).
  const [initial] = useState(() => initialValues(action, detail, reference, me));

  const submit = (v: FormValues) => {
    mutation.mutate(
      { action, body: toBody(action, v, detail.version) },
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
      title={`${ct('matterAction', action)} · ${detail.petitionNo}`}
      okText={t('reception:actions.confirm')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: DANGER_ACTIONS.has(action), 'data-testid': 'action-confirm' }}
      width={WIDE.has(action) ? 780 : 640}
      destroyOnHidden
      data-testid={`dialog-${action}`}
    >
      <Alert type="info" showIcon title={t(`a.${action}.explain`)} style={{ marginBottom: 12 }} />
      <DialogContext action={action} detail={detail} />
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
        <Fields action={action} detail={detail} reference={reference} />
      </Form>
    </Modal>
  );
}

// ---- what the user needs to see before acting ---------------------------------------------------

function DialogContext({ action, detail }: { action: MatterAction; detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const c = detail.case;
  const items: { key: string; label: string; children: ReactNode }[] = [];
  const handle = handleDeadline(detail);
  const due = (d: { due: string; status: string } | undefined) =>
    d ? (
      <Space size={6}>
        <span>{d.due}</span>
        {d.status === 'active' ? <DueTag due={d.due} /> : <span>{ct('deadlineStatus', d.status)}</span>}
      </Space>
    ) : (
      t('dialog.noDue')
    );
  const assignment = c.assignments.at(-1);
  const pendingExt = c.extensions.find((e) => e.status === 'pending');
  const opinion = c.opinions.at(-1);

  switch (action) {
    case 'recordMeeting':
      items.push({
        key: 'level',
        label: t('bar.mediationLevel'),
        children: detail.facts.mediationLevel ? ct('mediationLevel', detail.facts.mediationLevel) : '—',
      });
      break;
    case 'notifyAcceptance': {
      const dispose = c.deadlines.filter((d) => d.kind === 'dispose').at(-1);
      items.push({ key: 'due', label: ct('deadlineKind', 'dispose'), children: due(dispose) });
      break;
    }
    case 'approveAssignment':
    case 'refuseAssignment':
      if (assignment)
        items.push(
          { key: 'unit', label: t('assignment.unit'), children: assignment.unitName },
          { key: 'origin', label: t('assignment.origin'), children: ct('assignmentOrigin', assignment.origin) },
          {
            key: 'limit',
            label: t('assignment.limit'),
            children: assignment.limitDays ? t('assignment.limitDays', { n: assignment.limitDays }) : t('assignment.limitDefault'),
          },
          {
            key: 'by',
            label: t('assignment.proposed'),
            children: `${formatDateTime(assignment.proposedAt)} · ${assignment.proposedByName ?? ''}`,
          },
          ...(assignment.proposalNote
            ? [{ key: 'note', label: t('assignment.note'), children: assignment.proposalNote }]
            : []),
        );
      break;
    case 'signFor':
    case 'object': {
      const objection = c.deadlines.filter((d) => d.kind === 'objection').at(-1);
      if (assignment) items.push({ key: 'unit', label: t('assignment.unit'), children: assignment.unitName });
      items.push({ key: 'due', label: ct('deadlineKind', 'handle'), children: due(handle) });
      if (objection) items.push({ key: 'obj', label: t('a.object.objectionDue'), children: due(objection) });
      break;
    }
    case 'reassign':
      if (assignment) items.push({ key: 'prev', label: t('a.reassign.previous'), children: assignment.unitName });
      if (assignment?.objectionReason)
        items.push({ key: 'why', label: t('assignment.objection'), children: assignment.objectionReason });
      break;
    case 'requestExtension': {
      const use = extensionUse(detail);
      items.push(
        { key: 'due', label: t('dialog.currentDue'), children: due(handle) },
        { key: 'used', label: t('deadline.extensions'), children: t('a.requestExtension.daysHint', use) },
      );
      break;
    }
    case 'approveExtension':
    case 'refuseExtension':
      items.push({ key: 'due', label: t('dialog.currentDue'), children: due(handle) });
      if (pendingExt)
        items.push({
          key: 'req',
          label: t('a.approveExtension.request'),
          children: (
            <span data-testid="pending-extension">
              {t('deadline.extension', { days: pendingExt.days, reason: pendingExt.reason })}
              {pendingExt.requestedByName ? `（${pendingExt.requestedByName}）` : ''}
              {handle ? ` → ≈ ${addDays(handle.due, pendingExt.days)}` : ''}
            </span>
          ),
        });
      break;
    case 'issueOpinion':
    case 'supervise':
    case 'urge':
    case 'summonHandler':
    case 'fileSpecialReport':
      if (c.assignedUnit) items.push({ key: 'unit', label: t('bar.unit'), children: c.assignedUnit.name });
      items.push({ key: 'due', label: t('dialog.currentDue'), children: due(handle) });
      break;
    case 'reviewCase':
    case 'signOff':
    case 'deemClosed':
    case 'unitSignOff':
    case 'recordDelivery':
      if (opinion)
        items.push(
          { key: 'outcome', label: t('opinion.outcome'), children: ct('opinionOutcome', opinion.outcome) },
          {
            key: 'view',
            label: t('opinion.view'),
            children: opinion.petitionerView ? ct('opinionView', opinion.petitionerView) : t('opinion.notDelivered'),
          },
          ...(action === 'reviewCase'
            ? [
                { key: 'facts', label: t('opinion.facts'), children: opinion.facts },
                { key: 'reasons', label: t('opinion.reasons'), children: opinion.reasons },
                { key: 'basis', label: t('opinion.basis'), children: opinion.basis },
                {
                  key: 'head',
                  label: t('opinion.head'),
                  children: opinion.headName
                    ? `${opinion.headName}${opinion.sealed ? `（${t('opinion.sealed')}）` : ''}`
                    : t('opinion.notSigned'),
                },
              ]
            : []),
        );
      break;
    default:
      break;
  }
  if (items.length === 0) return null;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginBottom: 12 }}
      items={items.map((i) => ({ ...i, children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.children}</span> }))}
      data-testid="action-context"
    />
  );
}

// ---- the fields of each action --------------------------------------------------------------------

const tid = (name: string) => `action-field-${name}`;

function Fields({ action, detail, reference }: { action: MatterAction; detail: MatterDetail; reference: Reference }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const form = Form.useFormInstance<FormValues>();
  const outcome = Form.useWatch('outcome', form);
  const criteria = Form.useWatch('criteria', form) as Record<string, { pass?: boolean }> | undefined;
  const days = Form.useWatch('days', form) as number | undefined;

  const req = (label: string) => [{ required: true, whitespace: true, message: t('dialog.required', { field: label }) }];
  const choose = (label: string) => [{ required: true, message: t('dialog.choose', { field: label }) }];
  const text = (name: string, label: string, opts: { required?: boolean; rows?: number; max?: number } = {}) => (
    <Form.Item name={name} label={label} rules={opts.required ? req(label) : undefined}>
      <Input.TextArea
        autoSize={{ minRows: opts.rows ?? 2, maxRows: 10 }}
        maxLength={opts.max ?? 1000}
        showCount={!!opts.required}
        data-testid={tid(name)}
      />
    </Form.Item>
  );
  const note = () => text('note', t('dialog.note'));
  const reason = (label = t('dialog.reason')) => text('reason', label, { required: true, rows: 3 });
  const enumRadio = (name: string, label: string, group: string, values: readonly string[]) => (
    <Form.Item name={name} label={label} rules={choose(label)}>
      <Radio.Group
        data-testid={tid(name)}
        optionType="button"
        buttonStyle="solid"
        options={values.map((v) => ({ value: v, label: ct(group, v) }))}
      />
    </Form.Item>
  );
  const date = (name: string, label: string, required = true) => (
    <Form.Item name={name} label={label} rules={required ? choose(label) : undefined}>
      <DatePicker style={{ width: 200 }} disabledDate={notFuture} data-testid={tid(name)} />
    </Form.Item>
  );
  const unitSelect = (label: string, units = activeUnits(reference), extra?: ReactNode) => (
    <Form.Item name="unitId" label={label} rules={choose(label)} extra={extra}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        data-testid={tid('unitId')}
        placeholder={t('dialog.choose', { field: label })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  );

  switch (action) {
    case 'transferToCounty':
      return (
        <>
          {unitSelect(
            t('a.transferToCounty.unitId'),
            countyUnits(reference, detail),
            t('a.transferToCounty.unitHint', { locality: detail.localityName ?? detail.localityCode ?? '—' }),
          )}
          {note()}
        </>
      );
    case 'transferToChannel':
      return (
        <>
          {enumRadio('channel', t('a.transferToChannel.channel'), 'transferKind', TransferChannel.options)}
          <Form.Item name="windowId" label={t('a.transferToChannel.windowId')}>
            <Select
              allowClear
              data-testid={tid('windowId')}
              options={hallWindows(reference).map((w) => ({ value: w.id, label: windowLabel(w) }))}
            />
          </Form.Item>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v === true ? Promise.resolve() : Promise.reject(new Error(t('a.transferToChannel.consentRequired'))),
              },
            ]}
          >
            <Checkbox data-testid={tid('consent')}>{t('a.transferToChannel.consent')}</Checkbox>
          </Form.Item>
          {note()}
        </>
      );
    case 'recordLegalAid':
      return (
        <>
          <Form.Item name="qualifies" label={t('a.recordLegalAid.qualifies')} rules={choose(t('a.recordLegalAid.qualifies'))}>
            <Radio.Group
              data-testid={tid('qualifies')}
              options={[
                { value: true, label: t('a.recordLegalAid.yes') },
                { value: false, label: t('a.recordLegalAid.no') },
              ]}
            />
          </Form.Item>
          {text('note', t('a.recordLegalAid.note'), { required: true, rows: 3 })}
        </>
      );
    case 'recordMeeting': {
      const levels = allowedLevels(detail.facts.mediationLevel);
      const current = detail.facts.mediationLevel;
      return (
        <>
          <Space size={16} wrap align="start">
            <Form.Item
              name="level"
              label={t('a.recordMeeting.level')}
              rules={choose(t('a.recordMeeting.level'))}
              extra={
                current
                  ? t('a.recordMeeting.levelHint', { current: ct('mediationLevel', current) })
                  : t('a.recordMeeting.levelFirst')
              }
            >
              <Select
                style={{ width: 260 }}
                data-testid={tid('level')}
                options={levels.map((l) => ({ value: l, label: ct('mediationLevel', l) }))}
              />
            </Form.Item>
            {date('heldOn', t('a.recordMeeting.heldOn'))}
          </Space>
          <Form.Item name="chair" label={t('a.recordMeeting.chair')} rules={req(t('a.recordMeeting.chair'))}>
            <Input maxLength={50} data-testid={tid('chair')} />
          </Form.Item>
          <Form.Item
            name="participants"
            label={t('a.recordMeeting.participants')}
            rules={req(t('a.recordMeeting.participants'))}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid={tid('participants')} />
          </Form.Item>
          {enumRadio('outcome', t('a.recordMeeting.outcome'), 'meetingOutcome', ['noAgreement', 'agreement'])}
          {text('summary', t('a.recordMeeting.summary'), { required: true, rows: 3, max: 4000 })}
          {outcome === 'agreement' ? (
            <Space size={16} wrap align="start">
              <div style={{ minWidth: 320 }}>{unitSelect(t('a.recordMeeting.unitId'))}</div>
              <Form.Item
                name="promisedDate"
                label={t('a.recordMeeting.promisedDate')}
                extra={t('a.recordMeeting.promisedHint')}
              >
                <DatePicker
                  style={{ width: 200 }}
                  disabledDate={(d) => d.isBefore(todayValue(), 'day')}
                  data-testid={tid('promisedDate')}
                />
              </Form.Item>
            </Space>
          ) : null}
          {outcome ? (
            <Typography.Text type={outcome === 'agreement' ? 'success' : 'warning'} data-testid="action-outcome">
              {outcome === 'agreement' ? t('a.recordMeeting.willPropose') : t('a.recordMeeting.willEscalate')}
            </Typography.Text>
          ) : null}
        </>
      );
    }
    case 'proposeAssignment':
      return (
        <>
          {unitSelect(t('a.proposeAssignment.unitId'))}
          <Space size={16} wrap align="start">
            <Form.Item name="origin" label={t('a.proposeAssignment.origin')} rules={choose(t('a.proposeAssignment.origin'))}>
              <Select
                style={{ width: 220 }}
                data-testid={tid('origin')}
                options={AssignmentOrigin.options.map((o) => ({ value: o, label: ct('assignmentOrigin', o) }))}
              />
            </Form.Item>
            <Form.Item
              name="limitDays"
              label={t('a.proposeAssignment.limitDays')}
              extra={t('a.proposeAssignment.limitHint')}
            >
              <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid={tid('limitDays')} />
            </Form.Item>
          </Space>
          {note()}
        </>
      );
    case 'reassign': {
      const previous = detail.case.assignments.at(-1)?.unitId;
      return (
        <>
          {unitSelect(
            t('a.reassign.unitId'),
            activeUnits(reference).filter((u) => u.id !== previous),
          )}
          {note()}
        </>
      );
    }
    case 'refuseAssignment':
    case 'refuseExtension':
    case 'object':
      return reason();
    case 'deemClosed':
      return reason(t('a.deemClosed.reason'));
    case 'urge':
      return reason(t('a.urge.reason'));
    case 'summonHandler':
      return (
        <>
          <Form.Item
            name="summonedFor"
            label={t('a.summonHandler.summonedFor')}
            rules={choose(t('a.summonHandler.summonedFor'))}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: 220 }}
              disabledDate={(d) => d.isBefore(todayValue(), 'day')}
              data-testid={tid('summonedFor')}
            />
          </Form.Item>
          {note()}
        </>
      );
    case 'supervise':
      return (
        <>
          {enumRadio('kind', t('a.supervise.kind'), 'supervisionKind', SupervisionKind.options)}
          {text('demand', t('a.supervise.demand'), { required: true })}
          {text('progress', t('a.supervise.progress'), { required: true, rows: 3, max: 2000 })}
        </>
      );
    case 'requestExtension': {
      const use = extensionUse(detail);
      const handle = handleDeadline(detail);
      return (
        <>
          <Form.Item
            name="days"
            label={t('a.requestExtension.days')}
            rules={choose(t('a.requestExtension.days'))}
            extra={
              <>
                {t('a.requestExtension.daysHint', use)}
                {handle && days ? (
                  <div data-testid="extension-new-due">
                    {t('a.requestExtension.newDue', { due: addDays(handle.due, days) })}
                  </div>
                ) : null}
              </>
            }
          >
            <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} data-testid={tid('days')} />
          </Form.Item>
          {reason(t('a.requestExtension.reason'))}
        </>
      );
    }
    case 'approveExtension':
      return (
        <>
          {date('petitionerToldOn', t('a.approveExtension.petitionerToldOn'), false)}
          {note()}
        </>
      );
    case 'fileSpecialReport':
      return text('report', t('a.fileSpecialReport.report'), { required: true, rows: 6, max: 8000 });
    case 'issueOpinion':
      return (
        <>
          {enumRadio('outcome', t('a.issueOpinion.outcome'), 'opinionOutcome', OpinionOutcome.options)}
          {text('facts', t('a.issueOpinion.facts'), { required: true, rows: 3, max: 8000 })}
          {text('reasons', t('a.issueOpinion.reasons'), { required: true, rows: 3, max: 8000 })}
          {text('basis', t('a.issueOpinion.basis'), { required: true, rows: 2, max: 4000 })}
        </>
      );
    case 'recordDelivery':
      return (
        <>
          <Space size={16} wrap align="start">
            <Form.Item name="way" label={t('a.recordDelivery.way')} rules={choose(t('a.recordDelivery.way'))}>
              <Select
                style={{ width: 180 }}
                data-testid={tid('way')}
                options={DeliveryWay.options.map((o) => ({ value: o, label: ct('deliveryWay', o) }))}
              />
            </Form.Item>
            {date('deliveredOn', t('a.recordDelivery.deliveredOn'))}
          </Space>
          <Form.Item name="signed" label={t('a.recordDelivery.signed')} rules={choose(t('a.recordDelivery.signed'))}>
            <Radio.Group
              data-testid={tid('signed')}
              options={[
                { value: true, label: t('a.recordDelivery.signedYes') },
                { value: false, label: t('a.recordDelivery.signedNo') },
              ]}
            />
          </Form.Item>
          {enumRadio('view', t('a.recordDelivery.view'), 'opinionView', OpinionView.options)}
          {text('note', t('a.recordDelivery.note'))}
        </>
      );
    case 'unitSignOff':
      return (
        <>
          <Form.Item name="headName" label={t('a.unitSignOff.headName')} rules={req(t('a.unitSignOff.headName'))}>
            <Input maxLength={50} style={{ width: 240 }} data-testid={tid('headName')} />
          </Form.Item>
          <Form.Item
            name="sealed"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v === true ? Promise.resolve() : Promise.reject(new Error(t('a.unitSignOff.sealRequired'))),
              },
            ]}
          >
            <Checkbox data-testid={tid('sealed')}>{t('a.unitSignOff.sealed')}</Checkbox>
          </Form.Item>
        </>
      );
    case 'reviewCase': {
      const chosen = REVIEW_CRITERIA.map((k) => criteria?.[k]?.pass);
      const anyFail = chosen.some((p) => p === false);
      const allChosen = chosen.every((p) => typeof p === 'boolean');
      return (
        <>
          <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
            <Button
              size="small"
              onClick={() =>
                form.setFieldsValue({
                  criteria: Object.fromEntries(
                    REVIEW_CRITERIA.map((k) => [k, { pass: true, note: form.getFieldValue(['criteria', k, 'note']) }]),
                  ),
                })
              }
              data-testid="action-review-all-pass"
            >
              {t('dialog.allPass')}
            </Button>
          </div>
          {REVIEW_CRITERIA.map((k) => {
            const failed = criteria?.[k]?.pass === false;
            return (
              <div
                key={k}
                style={{ display: 'grid', gridTemplateColumns: '140px 200px 1fr', gap: 12, alignItems: 'start' }}
                data-testid={`review-criterion-${k}`}
              >
                <Typography.Text strong style={{ paddingTop: 5 }}>
                  {ct('reviewCriterion', k)}
                </Typography.Text>
                <Form.Item name={['criteria', k, 'pass']} rules={choose(ct('reviewCriterion', k))}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    data-testid={tid(`criteria-${k}-pass`)}
                    options={[
                      { value: true, label: t('a.reviewCase.pass') },
                      { value: false, label: t('a.reviewCase.fail') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={['criteria', k, 'note']}
                  dependencies={[['criteria', k, 'pass']]}
                  rules={
                    failed ? [{ required: true, whitespace: true, message: t('a.reviewCase.noteRequired') }] : undefined
                  }
                >
                  <Input
                    maxLength={500}
                    placeholder={failed ? t('a.reviewCase.noteRequired') : t('a.reviewCase.note')}
                    data-testid={tid(`criteria-${k}-note`)}
                  />
                </Form.Item>
              </div>
            );
          })}
          {allChosen ? (
            <Typography.Text type={anyFail ? 'warning' : 'success'} data-testid="action-outcome">
              {anyFail ? t('a.reviewCase.willFail', { n: detail.case.round + 1 }) : t('a.reviewCase.willPass')}
            </Typography.Text>
          ) : null}
        </>
      );
    }
    case 'requestReview':
    case 'requestReReview':
      return (
        <>
          <Form.Item name="organ" label={t(`a.${action}.organ`)} rules={req(t(`a.${action}.organ`))}>
            <Input maxLength={100} data-testid={tid('organ')} />
          </Form.Item>
          {date('requestedOn', t(`a.${action}.requestedOn`))}
        </>
      );
    case 'recordReviewResult':
    case 'recordReReviewResult':
      return text('result', t(`a.${action}.result`), { required: true, rows: 4, max: 4000 });
    case 'rate': {
      const ratings = Rating.options;
      return (
        <>
          {enumRadio('unitRating', t('a.rate.unitRating'), 'rating', ratings)}
          {enumRadio('officeRating', t('a.rate.officeRating'), 'rating', ratings)}
        </>
      );
    }
    // startMediation, notifyAcceptance, approveAssignment, signFor, signOff
    default:
      return note();
  }
}
