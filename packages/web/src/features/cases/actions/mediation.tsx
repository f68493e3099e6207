/** In-hall mediation (R1.13–R1.15): start it, record each meeting, tell the petitioner it was accepted. */
import { DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { nextMediationLevels, type MediationLevel } from '@hall/domain';
import type { FieldsProps, StageActions } from './descriptor';
import { DateField, EnumRadio, NoteField, TextField, UnitSelect, tid, useFieldKit } from './fields';
import { activeUnits, day, notPast, num, proposedLevel, str, suggestedUnitId, todayValue } from './model';

function RecordMeetingFields({ matter, refs }: FieldsProps) {
  const { t, ct, req, choose } = useFieldKit();
  const outcome = Form.useWatch('outcome', Form.useFormInstance());
  const current = matter.facts.mediationLevel;
  // R1.14, R1.15: the levels the domain allows next (the server's recordMeeting guard accepts these).
  const levels = nextMediationLevels(current);
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
        <DateField name="heldOn" label={t('a.recordMeeting.heldOn')} />
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
      <EnumRadio
        name="outcome"
        label={t('a.recordMeeting.outcome')}
        group="meetingOutcome"
        values={['noAgreement', 'agreement']}
      />
      <TextField name="summary" label={t('a.recordMeeting.summary')} required rows={3} max={4000} />
      {outcome === 'agreement' ? (
        <Space size={16} wrap align="start">
          <div style={{ minWidth: 320 }}>
            <UnitSelect label={t('a.recordMeeting.unitId')} units={activeUnits(refs)} />
          </div>
          <Form.Item
            name="promisedDate"
            label={t('a.recordMeeting.promisedDate')}
            extra={t('a.recordMeeting.promisedHint')}
          >
            <DatePicker style={{ width: 200 }} disabledDate={notPast} data-testid={tid('promisedDate')} />
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

export const MEDIATION = {
  startMediation: {
    group: 'main',
    order: 30,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
  },
  recordMeeting: {
    group: 'main',
    order: 40,
    wide: true,
    fields: RecordMeetingFields,
    initial: (m, _me, refs) => ({
      level: proposedLevel(m),
      heldOn: todayValue(),
      participants: `${m.petitioner.name}、${m.windowName}`,
      unitId: suggestedUnitId(refs, m),
    }),
    toBody: (v, m) => {
      // R1.14: a meeting without agreement names no unit and no date.
      const agreed = v.outcome === 'agreement';
      return {
        level: v.level as MediationLevel,
        heldOn: day(v.heldOn) ?? '',
        chair: str(v.chair),
        participants: str(v.participants),
        outcome: v.outcome as 'agreement' | 'noAgreement',
        summary: str(v.summary),
        unitId: agreed ? num(v.unitId) : null,
        promisedDate: agreed ? day(v.promisedDate) : null,
        version: m.version,
      };
    },
    context: (m, { t, ct }) => [
      {
        key: 'level',
        label: t('bar.mediationLevel'),
        children: m.facts.mediationLevel ? ct('mediationLevel', m.facts.mediationLevel) : '—',
      },
    ],
  },
  notifyAcceptance: {
    group: 'side',
    order: 10,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
    context: (m, { ct, due }) => [
      {
        key: 'due',
        label: ct('deadlineKind', 'dispose'),
        children: due(m.case.deadlines.filter((d) => d.kind === 'dispose').at(-1)),
      },
    ],
  },
} satisfies StageActions;
