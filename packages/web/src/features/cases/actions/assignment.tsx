/** Filing and assignment (R1.16–R1.18): propose, approve or refuse, sign for or object, reassign. */
import { Form, InputNumber, Select, Space } from 'antd';
import { AssignmentOrigin, type ActionInputs } from '@hall/contracts';
import { proposedAssignment, assignedUnit } from './context';
import type { FieldsProps, StageActions } from './descriptor';
import { NoteField, ReasonField, UnitSelect, tid, useFieldKit } from './fields';
import { activeUnits, num, str, suggestedUnitId } from './model';

function ProposeAssignmentFields({ refs }: FieldsProps) {
  const { t, ct, choose } = useFieldKit();
  return (
    <>
      <UnitSelect label={t('a.proposeAssignment.unitId')} units={activeUnits(refs)} />
      <Space size={16} wrap align="start">
        <Form.Item
          name="origin"
          label={t('a.proposeAssignment.origin')}
          rules={choose(t('a.proposeAssignment.origin'))}
        >
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
      <NoteField />
    </>
  );
}

function ReassignFields({ matter, refs }: FieldsProps) {
  const { t } = useFieldKit();
  const previous = matter.case.assignments.at(-1)?.unitId;
  return (
    <>
      <UnitSelect label={t('a.reassign.unitId')} units={activeUnits(refs).filter((u) => u.id !== previous)} />
      <NoteField />
    </>
  );
}

export const ASSIGNMENT = {
  proposeAssignment: {
    group: 'main',
    order: 50,
    wide: true,
    fields: ProposeAssignmentFields,
    initial: (m, _me, refs) => ({
      unitId: suggestedUnitId(refs, m),
      origin: m.case.leaderDay ? 'leaderDay' : 'window',
    }),
    toBody: (v, m) => ({
      unitId: num(v.unitId) ?? 0,
      origin: (v.origin as ActionInputs['proposeAssignment']['origin']) ?? 'window',
      limitDays: num(v.limitDays),
      note: str(v.note),
      version: m.version,
    }),
  },
  approveAssignment: {
    group: 'main',
    order: 60,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
    context: proposedAssignment,
  },
  refuseAssignment: {
    group: 'refuse',
    order: 30,
    fields: () => <ReasonField />,
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
    context: proposedAssignment,
  },
  reassign: {
    group: 'main',
    order: 70,
    fields: ReassignFields,
    toBody: (v, m) => ({ unitId: num(v.unitId) ?? 0, note: str(v.note), version: m.version }),
    context: (m, { t }) => {
      const a = m.case.assignments.at(-1);
      return [
        ...(a ? [{ key: 'prev', label: t('a.reassign.previous'), children: a.unitName }] : []),
        ...(a?.objectionReason ? [{ key: 'why', label: t('assignment.objection'), children: a.objectionReason }] : []),
      ];
    },
  },
  signFor: {
    group: 'main',
    order: 80,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
    context: assignedUnit,
  },
  object: {
    group: 'refuse',
    order: 50,
    fields: () => <ReasonField />,
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
    context: assignedUnit,
  },
} satisfies StageActions;
