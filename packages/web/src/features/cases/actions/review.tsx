/** Review and re-review by a higher organ (复查/复核); after re-review the matter is terminated (R1.9). */
import { Form, Input } from 'antd';
import type { FieldsProps, StageActions } from './descriptor';
import { DateField, TextField, tid, useFieldKit } from './fields';
import { day, str, todayValue } from './model';

/** The organ asked and the day it was asked (requestReview, requestReReview). */
function RequestFields({ action }: FieldsProps) {
  const { t, req } = useFieldKit();
  return (
    <>
      <Form.Item name="organ" label={t(`a.${action}.organ`)} rules={req(t(`a.${action}.organ`))}>
        <Input maxLength={100} data-testid={tid('organ')} />
      </Form.Item>
      <DateField name="requestedOn" label={t(`a.${action}.requestedOn`)} />
    </>
  );
}

/** The organ's conclusion (recordReviewResult, recordReReviewResult). */
function ResultFields({ action }: FieldsProps) {
  const { t } = useFieldKit();
  return <TextField name="result" label={t(`a.${action}.result`)} required rows={4} max={4000} />;
}

const request = (order: number) =>
  ({
    group: 'main',
    order,
    fields: RequestFields,
    initial: () => ({ requestedOn: todayValue() }),
    toBody: (v: Record<string, unknown>, m: { version: number }) => ({
      organ: str(v.organ),
      requestedOn: day(v.requestedOn) ?? '',
      version: m.version,
    }),
  }) as const;

const result = (order: number) =>
  ({
    group: 'main',
    order,
    fields: ResultFields,
    toBody: (v: Record<string, unknown>, m: { version: number }) => ({ result: str(v.result), version: m.version }),
  }) as const;

export const REVIEW = {
  requestReview: request(180),
  recordReviewResult: result(190),
  requestReReview: request(200),
  recordReReviewResult: result(210),
} satisfies StageActions;
