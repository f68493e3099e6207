/** Review and closing (R1.21, R1.22, R1.22a): the office's review, the director's sign-off, deemed closure, the rating. */
import { Button, Form, Input, Radio, Typography } from 'antd';
import { Rating, type ActionInputs } from '@hall/contracts';
import { REVIEW_CRITERIA } from '@hall/domain';
import { latestOpinion } from './context';
import type { FieldsProps, StageActions } from './descriptor';
import { EnumRadio, NoteField, ReasonField, tid, useFieldKit } from './fields';
import { str } from './model';

function ReviewCaseFields({ matter }: FieldsProps) {
  const { t, ct, choose } = useFieldKit();
  const form = Form.useFormInstance();
  const criteria = Form.useWatch('criteria', form) as Record<string, { pass?: boolean }> | undefined;
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
          {anyFail ? t('a.reviewCase.willFail', { n: matter.case.round + 1 }) : t('a.reviewCase.willPass')}
        </Typography.Text>
      ) : null}
    </>
  );
}

export const CLOSING = {
  reviewCase: {
    group: 'main',
    order: 120,
    wide: true,
    fields: ReviewCaseFields,
    toBody: (v, m) => {
      // R1.22: all five criteria are sent, each with its note ('' when none).
      const c = (v.criteria ?? {}) as Record<string, { pass?: boolean; note?: string } | undefined>;
      const criteria = Object.fromEntries(
        REVIEW_CRITERIA.map((k) => [k, { pass: c[k]?.pass === true, note: str(c[k]?.note) }]),
      ) as ActionInputs['reviewCase']['criteria'];
      return { criteria, version: m.version };
    },
    context: (m, kit) => latestOpinion(m, kit, true),
  },
  signOff: {
    group: 'main',
    order: 130,
    fields: NoteField,
    toBody: (v, m) => ({ note: str(v.note), version: m.version }),
    context: (m, kit) => latestOpinion(m, kit),
  },
  deemClosed: {
    group: 'refuse',
    order: 60,
    fields: function DeemClosedFields() {
      const { t } = useFieldKit();
      return <ReasonField label={t('a.deemClosed.reason')} />;
    },
    toBody: (v, m) => ({ reason: str(v.reason), version: m.version }),
    context: (m, kit) => latestOpinion(m, kit),
  },
  rate: {
    group: 'main',
    order: 170,
    fields: function RateFields() {
      const { t } = useFieldKit();
      return (
        <>
          <EnumRadio name="unitRating" label={t('a.rate.unitRating')} group="rating" values={Rating.options} />
          <EnumRadio name="officeRating" label={t('a.rate.officeRating')} group="rating" values={Rating.options} />
        </>
      );
    },
    toBody: (v, m) => ({
      unitRating: v.unitRating as ActionInputs['rate']['unitRating'],
      officeRating: v.officeRating as ActionInputs['rate']['officeRating'],
      version: m.version,
    }),
  },
} satisfies StageActions;
