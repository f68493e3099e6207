import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIdentity, detectIdType, IdType, needsDocumentReason, translate } from '@hall/domain';
import type { LookupResult } from '@hall/contracts';
import { currentLanguage } from '../../../lib/i18n';
import { useCommonT } from '../../../lib/labels';
import { errorMessage } from '../../../lib/api';
import { todayInChina } from '../../../lib/format';
import { can, Permission } from '../../../lib/policy';
import { useMe } from '../../../lib/auth';
import { MatterTable } from '../../../components/MatterTable';
import type { RegistrationFormValues } from '../model';

const ID_TYPES = Object.values(IdType);

export interface IdentitySectionProps {
  form: FormInstance<RegistrationFormValues>;
  /** Validate the number, then look the petitioner up. */
  onCheck: () => void;
  lookup: { data: LookupResult | undefined; isFetching: boolean; error: unknown };
  looked: boolean;
  onOpenMatter: (id: number) => void;
}

/** R1.1: document type and number, checked on blur (GB 11643 check digit), then the lookup. */
export function IdentitySection({ form, onCheck, lookup, looked, onOpenMatter }: IdentitySectionProps) {
  const { t } = useTranslation('registration');
  const ct = useCommonT();
  const me = useMe();
  const idType = Form.useWatch(['petitioner', 'idType'], form) ?? 'resident';
  const idNumber = Form.useWatch(['petitioner', 'idNumber'], form) ?? '';

  const local = idNumber.trim() ? checkIdentity(idType, idNumber, todayInChina()) : undefined;
  const detected = idNumber.trim() ? detectIdType(idNumber) : undefined;
  const suggestType = local && !local.ok && detected && detected !== idType ? detected : undefined;

  const derived = lookup.data?.derived;
  const birthDate = derived?.birthDate ?? (local?.ok ? local.info.birthDate : undefined);
  const sex = derived?.sex ?? (local?.ok ? local.info.sex : undefined);
  const petitioner = lookup.data?.petitioner;
  const earlier = lookup.data?.earlierMatters ?? [];

  return (
    <Card size="small" title={t('section.identity')} data-testid="reg-identity">
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Form.Item name={['petitioner', 'idType']} label={t('identity.idType')} rules={[{ required: true }]}>
            <Select
              data-testid="reg-idType"
              options={ID_TYPES.map((v) => ({ value: v, label: ct('idType', v) }))}
              onChange={() => {
                if (form.getFieldValue(['petitioner', 'idNumber'])) setTimeout(onCheck, 0);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={['petitioner', 'idNumber']}
            label={t('identity.idNumber')}
            validateTrigger="onBlur"
            required
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const r = checkIdentity(
                    getFieldValue(['petitioner', 'idType']) as IdType,
                    value ?? '',
                    todayInChina(),
                  );
                  if (!r.ok) throw new Error(translate(r.code, currentLanguage()));
                },
              }),
            ]}
            extra={
              suggestType ? (
                <Space size={4}>
                  <span>{t('identity.detected', { type: ct('idType', suggestType) })}</span>
                  <Button
                    size="small"
                    type="link"
                    data-testid="reg-switch-idType"
                    onClick={() => {
                      form.setFieldValue(['petitioner', 'idType'], suggestType);
                      onCheck();
                    }}
                  >
                    {t('identity.switchType')}
                  </Button>
                </Space>
              ) : undefined
            }
          >
            <Input
              data-testid="reg-idNumber"
              placeholder={t('identity.idNumberPlaceholder')}
              maxLength={30}
              autoComplete="off"
              autoFocus
              style={{ fontFamily: 'monospace', letterSpacing: 1 }}
              onBlur={onCheck}
              onPressEnter={(e) => {
                e.preventDefault();
                onCheck();
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 30 }}
            items={[
              {
                key: 'b',
                label: t('identity.birthDate'),
                children: <span data-testid="reg-birthDate">{birthDate ?? '—'}</span>,
              },
              {
                key: 's',
                label: t('identity.sex'),
                children: <span data-testid="reg-sex">{sex ? ct('sex', sex) : '—'}</span>,
              },
            ]}
          />
        </Col>
      </Row>
      {needsDocumentReason(idType) ? (
        <Form.Item
          name={['petitioner', 'otherDocReason']}
          label={t('petitioner.otherDocReason')}
          rules={[{ required: true, whitespace: true, message: t('petitioner.otherDocReasonRequired') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('petitioner.otherDocReasonPlaceholder')}
            data-testid="reg-otherDocReason"
          />
        </Form.Item>
      ) : null}
      {lookup.isFetching ? (
        <Space>
          <Spin size="small" />
          <Typography.Text type="secondary">{t('identity.checking')}</Typography.Text>
        </Space>
      ) : lookup.error ? (
        <Alert type="warning" showIcon title={`${t('identity.lookupFailed')}：${errorMessage(lookup.error)}`} />
      ) : looked && lookup.data ? (
        <div data-testid="reg-lookup">
          {petitioner ? (
            <Alert
              type="info"
              showIcon
              title={t('identity.existing')}
              style={{ marginBottom: 8 }}
              data-testid="reg-existing"
            />
          ) : (
            <Alert type="success" showIcon title={t('identity.newPetitioner')} data-testid="reg-new" />
          )}
          {earlier.length > 0 ? (
            <>
              <Typography.Text strong>{t('identity.earlierVisits', { count: earlier.length })}</Typography.Text>
              <MatterTable
                rows={earlier}
                compact
                testId="reg-earlier-matters"
                onOpen={can(me, Permission.matterReadAll) ? onOpenMatter : undefined}
              />
            </>
          ) : petitioner ? (
            <Typography.Text type="secondary">{t('identity.noEarlierVisits')}</Typography.Text>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
