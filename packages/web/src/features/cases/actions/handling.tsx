/**
 * Handling (R1.7, R1.19–R1.21, R1.22a): urging, summoning and supervising the unit, the extension of
 * the handling deadline, the leader-day report, the opinion, its delivery and the head's signature.
 */
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { DeliveryWay, OpinionOutcome, OpinionView, SupervisionKind, type ActionInputs } from '@hall/contracts';
import { addDays } from '@hall/domain';
import { latestOpinion, pendingExtension, unitAndDue } from './context';
import type { FieldsProps, StageActions } from './descriptor';
import { DateField, EnumRadio, NoteField, ReasonField, TextField, mustBeTicked, tid, useFieldKit } from './fields';
import { dateTime, day, extensionUse, handleDeadline, notPast, num, str, todayValue } from './model';

function RequestExtensionFields({ matter }: FieldsProps) {
  const { t, choose } = useFieldKit();
  const days = Form.useWatch('days', Form.useFormInstance()) as number | undefined;
  // R1.19: the cap comes from the domain's extension rule (extensionCap), as applyExtension checks it.
  const use = extensionUse(matter);
  const handle = handleDeadline(matter);
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
        <InputNumber min={1} max={use.cap} precision={0} style={{ width: 160 }} data-testid={tid('days')} />
      </Form.Item>
      <ReasonField label={t('a.requestExtension.reason')} />
    </>
  );
}

function RecordDeliveryFields() {
  const { t, ct, choose } = useFieldKit();
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
        <DateField name="deliveredOn" label={t('a.recordDelivery.deliveredOn')} />
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
      <EnumRadio name="view" label={t('a.recordDelivery.view')} group="opinionView" values={OpinionView.options} />
      <TextField name="note" label={t('a.recordDelivery.note')} />
    </>
  );
}

export const HANDLING = {
  urge: {
    group: 'side',
    order: 20,
    fields: function UrgeFields() {
      const { t } = useFieldKit();
      return <ReasonField label={t('a.urge.reason')} />;
    },
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
    context: unitAndDue,
  },
  summonHandler: {
    group: 'side',
    order: 30,
    fields: function SummonHandlerFields() {
      const { t, choose } = useFieldKit();
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
              disabledDate={notPast}
              data-testid={tid('summonedFor')}
            />
          </Form.Item>
          <NoteField />
        </>
      );
    },
    toBody: (v, m) => ({ summonedFor: dateTime(v.summonedFor), note: str(v.note), version: m.version }),
    context: unitAndDue,
  },
  supervise: {
    group: 'side',
    order: 40,
    fields: function SuperviseFields() {
      const { t } = useFieldKit();
      return (
        <>
          <EnumRadio
            name="kind"
            label={t('a.supervise.kind')}
            group="supervisionKind"
            values={SupervisionKind.options}
          />
          <TextField name="demand" label={t('a.supervise.demand')} required />
          <TextField name="progress" label={t('a.supervise.progress')} required rows={3} max={2000} />
        </>
      );
    },
    initial: () => ({ kind: 'daily' }),
    toBody: (v, m) => ({
      kind: v.kind as ActionInputs['supervise']['kind'],
      demand: str(v.demand),
      progress: str(v.progress),
      version: m.version,
    }),
    context: unitAndDue,
  },
  requestExtension: {
    group: 'main',
    order: 150,
    fields: RequestExtensionFields,
    toBody: (v, m) => ({ days: num(v.days) ?? 0, reason: str(v.reason), version: m.version }),
    context: (m, { t, due }) => [
      { key: 'due', label: t('dialog.currentDue'), children: due(handleDeadline(m)) },
      { key: 'used', label: t('deadline.extensions'), children: t('a.requestExtension.daysHint', extensionUse(m)) },
    ],
  },
  approveExtension: {
    group: 'main',
    order: 140,
    fields: function ApproveExtensionFields() {
      const { t } = useFieldKit();
      return (
        <>
          <DateField name="petitionerToldOn" label={t('a.approveExtension.petitionerToldOn')} required={false} />
          <NoteField />
        </>
      );
    },
    initial: () => ({ petitionerToldOn: todayValue() }),
    toBody: (v, m) => ({ note: str(v.note), petitionerToldOn: day(v.petitionerToldOn), version: m.version }),
    context: pendingExtension,
  },
  refuseExtension: {
    group: 'refuse',
    order: 40,
    fields: () => <ReasonField />,
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
    context: pendingExtension,
  },
  fileSpecialReport: {
    group: 'main',
    order: 160,
    fields: function FileSpecialReportFields() {
      const { t } = useFieldKit();
      return <TextField name="report" label={t('a.fileSpecialReport.report')} required rows={6} max={8000} />;
    },
    toBody: (v, m) => ({ report: str(v.report), version: m.version }),
    context: unitAndDue,
  },
  issueOpinion: {
    group: 'main',
    order: 90,
    wide: true,
    fields: function IssueOpinionFields() {
      const { t } = useFieldKit();
      return (
        <>
          <EnumRadio
            name="outcome"
            label={t('a.issueOpinion.outcome')}
            group="opinionOutcome"
            values={OpinionOutcome.options}
          />
          <TextField name="facts" label={t('a.issueOpinion.facts')} required rows={3} max={8000} />
          <TextField name="reasons" label={t('a.issueOpinion.reasons')} required rows={3} max={8000} />
          <TextField name="basis" label={t('a.issueOpinion.basis')} required rows={2} max={4000} />
        </>
      );
    },
    toBody: (v, m) => ({
      outcome: v.outcome as ActionInputs['issueOpinion']['outcome'],
      facts: str(v.facts),
      reasons: str(v.reasons),
      basis: str(v.basis),
      version: m.version,
    }),
    context: unitAndDue,
  },
  recordDelivery: {
    group: 'main',
    order: 100,
    fields: RecordDeliveryFields,
    initial: () => ({ way: 'inPerson', deliveredOn: todayValue(), signed: true }),
    toBody: (v, m) => ({
      way: v.way as ActionInputs['recordDelivery']['way'],
      deliveredOn: day(v.deliveredOn) ?? '',
      signed: v.signed === true,
      view: v.view as ActionInputs['recordDelivery']['view'],
      note: str(v.note),
      version: m.version,
    }),
    context: (m, kit) => latestOpinion(m, kit),
  },
  unitSignOff: {
    group: 'main',
    order: 110,
    fields: function UnitSignOffFields() {
      const { t, req } = useFieldKit();
      return (
        <>
          <Form.Item name="headName" label={t('a.unitSignOff.headName')} rules={req(t('a.unitSignOff.headName'))}>
            <Input maxLength={50} style={{ width: 240 }} data-testid={tid('headName')} />
          </Form.Item>
          <Form.Item name="sealed" valuePropName="checked" rules={mustBeTicked(t('a.unitSignOff.sealRequired'))}>
            <Checkbox data-testid={tid('sealed')}>{t('a.unitSignOff.sealed')}</Checkbox>
          </Form.Item>
        </>
      );
    },
    initial: (_m, me) => ({ headName: me.displayName, sealed: false }),
    toBody: (v, m) => ({ headName: str(v.headName), sealed: v.sealed === true, version: m.version }),
    context: (m, kit) => latestOpinion(m, kit),
  },
} satisfies StageActions;
