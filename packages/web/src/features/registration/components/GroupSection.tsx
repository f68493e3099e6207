import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListErrors } from '../../../components/ListErrors';
import { checkIdentity, detectIdType, MAX_REPRESENTATIVES, translate } from '@hall/domain';
import { currentLanguage } from '../../../lib/i18n';
import { todayInChina } from '../../../lib/format';
import { useLang } from '../../../lib/labels';
import type { RepresentativeFormItem } from '../model';

/** Checks a representative's ID number when one is given (its type is read from the number). */
async function repIdValidator(_: unknown, value: string | undefined) {
  const v = (value ?? '').trim();
  if (!v) return;
  const r = checkIdentity(detectIdType(v) ?? 'other', v, todayInChina());
  if (!r.ok) throw new Error(translate(r.code, currentLanguage()));
}

/** R4.4: the group's size and its representatives (at most 5). */
export function GroupSection() {
  const { t } = useTranslation('registration');
  const lang = useLang();
  const form = Form.useFormInstance();
  const reps = (Form.useWatch('representatives') as RepresentativeFormItem[] | undefined) ?? [];
  const tooMany = reps.length > MAX_REPRESENTATIVES;

  return (
    <Card size="small" title={t('section.group')}>
      <Row gutter={16}>
        <Col xs={24} md={4}>
          <Form.Item
            name="peopleCount"
            label={t('group.peopleCount')}
            rules={[{ required: true, type: 'number', min: 1, message: translate('registration.peopleCount', lang) }]}
          >
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} data-testid="reg-peopleCount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={20}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, marginTop: 4 }}>
            {t('group.representatives')} — {t('group.repHint')}
          </Typography.Text>
          {tooMany ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="reg-too-many-reps"
              title={translate('registration.tooManyRepresentatives', lang, {
                max: MAX_REPRESENTATIVES,
                count: reps.length,
              })}
            />
          ) : null}
          <Form.List
            name="representatives"
            rules={[
              {
                validator: async (_, list: RepresentativeFormItem[] | undefined) => {
                  const n = list?.length ?? 0;
                  if (n > MAX_REPRESENTATIVES) {
                    throw new Error(
                      translate('registration.tooManyRepresentatives', currentLanguage(), {
                        max: MAX_REPRESENTATIVES,
                        count: n,
                      }),
                    );
                  }
                },
              },
              {
                validator: async (_, list: RepresentativeFormItem[] | undefined) => {
                  const people = Number(form.getFieldValue('peopleCount') ?? 1);
                  if (people > 1 && (list?.length ?? 0) > people) {
                    throw new Error(translate('registration.representativesExceedPeople', currentLanguage()));
                  }
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div data-testid="reg-representatives">
                {fields.map((field, i) => (
                  <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                    <Typography.Text type="secondary" style={{ width: 20, paddingTop: i === 0 ? 34 : 5 }}>
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={i === 0 ? t('group.repName') : undefined}
                      rules={[{ required: true, whitespace: true, message: t('group.repNameRequired') }]}
                      style={{ flex: '1 1 140px', marginBottom: 8 }}
                    >
                      <Input maxLength={50} data-testid={`reg-rep-name-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label={i === 0 ? t('group.repIdNumber') : undefined}
                      validateTrigger="onBlur"
                      rules={[{ validator: repIdValidator }]}
                      style={{ flex: '2 1 200px', marginBottom: 8 }}
                    >
                      <Input maxLength={30} style={{ fontFamily: 'monospace' }} data-testid={`reg-rep-id-${i}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={i === 0 ? t('group.repPhone') : undefined}
                      style={{ flex: '1 1 140px', marginBottom: 8 }}
                    >
                      <Input maxLength={20} inputMode="tel" data-testid={`reg-rep-phone-${i}`} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      onClick={() => remove(field.name)}
                      style={{ marginTop: i === 0 ? 30 : 0 }}
                    >
                      {t('common:btn.remove')}
                    </Button>
                  </div>
                ))}
                <ListErrors errors={errors} testId="reg-representatives-error" />
                <Button
                  type="dashed"
                  onClick={() => add({ name: '', idNumber: '', phone: '' })}
                  data-testid="reg-add-rep"
                >
                  + {t('group.addRep')}
                </Button>
              </div>
            )}
          </Form.List>
        </Col>
      </Row>
    </Card>
  );
}
