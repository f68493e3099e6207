/** The form pieces the action descriptors' fields are built from; test ids are `action-field-<name>`. */
import type { ReactNode } from 'react';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@hall/contracts';
import { useCommonT } from '../../../lib/labels';
import { notFuture } from './model';

export const tid = (name: string) => `action-field-${name}`;

/** The "case" namespace and the validation rules the fields share. */
export function useFieldKit() {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('dialog.required', { field: label }) },
  ];
  const choose = (label: string) => [{ required: true, message: t('dialog.choose', { field: label }) }];
  return { t, ct, req, choose };
}

export function TextField({
  name,
  label,
  required,
  rows = 2,
  max = 1000,
}: {
  name: string;
  label: string;
  required?: boolean;
  rows?: number;
  max?: number;
}) {
  const { req } = useFieldKit();
  return (
    <Form.Item name={name} label={label} rules={required ? req(label) : undefined}>
      <Input.TextArea
        autoSize={{ minRows: rows, maxRows: 10 }}
        maxLength={max}
        showCount={!!required}
        data-testid={tid(name)}
      />
    </Form.Item>
  );
}

/** An optional note (说明（可选）). */
export function NoteField() {
  const { t } = useFieldKit();
  return <TextField name="note" label={t('dialog.note')} />;
}

/** A required reason, 理由 unless another label is given. */
export function ReasonField({ label }: { label?: string }) {
  const { t } = useFieldKit();
  return <TextField name="reason" label={label ?? t('dialog.reason')} required rows={3} />;
}

/** One of an enum's values as solid buttons, labelled from the shared `group` labels. */
export function EnumRadio({
  name,
  label,
  group,
  values,
}: {
  name: string;
  label: string;
  group: string;
  values: readonly string[];
}) {
  const { ct, choose } = useFieldKit();
  return (
    <Form.Item name={name} label={label} rules={choose(label)}>
      <Radio.Group
        data-testid={tid(name)}
        optionType="button"
        buttonStyle="solid"
        options={values.map((v) => ({ value: v, label: ct(group, v) }))}
      />
    </Form.Item>
  );
}

/** A past or present day (required unless said otherwise). */
export function DateField({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  const { choose } = useFieldKit();
  return (
    <Form.Item name={name} label={label} rules={required ? choose(label) : undefined}>
      <DatePicker style={{ width: 200 }} disabledDate={notFuture} data-testid={tid(name)} />
    </Form.Item>
  );
}

/** A unit, searchable by name (`unitId`). */
export function UnitSelect({ label, units, extra }: { label: string; units: Unit[]; extra?: ReactNode }) {
  const { t, choose } = useFieldKit();
  return (
    <Form.Item name="unitId" label={label} rules={choose(label)} extra={extra}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        data-testid={tid('unitId')}
        placeholder={t('dialog.choose', { field: label })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
    </Form.Item>
  );
}

/** A checkbox that must be ticked (consent, seal), with its own message when it is not. */
export const mustBeTicked = (message: string) => [
  {
    validator: (_: unknown, v: unknown) => (v === true ? Promise.resolve() : Promise.reject(new Error(message))),
  },
];
