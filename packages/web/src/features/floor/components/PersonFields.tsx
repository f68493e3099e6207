import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIdentity, IdType, translate } from '@hall/domain';
import { currentLanguage } from '../../../lib/i18n';
import { todayInChina } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';

const ID_TYPES = Object.values(IdType);

/**
 * Name, document type and number of a visitor. The number is optional but, when given, checked
 * like registration does (GB 11643 check digit…): a mistyped number would never match the list.
 */
export function PersonFields({ prefix, nameRequired = false }: { prefix: string; nameRequired?: boolean }) {
  const { t } = useTranslation('floor');
  const ct = useCommonT();
  return (
    <Row gutter={12}>
      <Col xs={24} md={7}>
        <Form.Item
          name="personName"
          label={t('guide.person.name')}
          rules={
            nameRequired
              ? [{ required: true, whitespace: true, message: t('guide.required', { field: t('guide.person.name') }) }]
              : []
          }
        >
          <Input maxLength={50} autoComplete="off" data-testid={`${prefix}-personName`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item name="idType" label={t('guide.person.idType')}>
          <Select
            data-testid={`${prefix}-idType`}
            options={ID_TYPES.map((v) => ({ value: v, label: ct('idType', v) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          name="idNumber"
          label={t('guide.person.idNumber')}
          validateTrigger="onBlur"
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const r = checkIdentity((getFieldValue('idType') as IdType) ?? 'resident', value, todayInChina());
                if (!r.ok) throw new Error(translate(r.code, currentLanguage()));
              },
            }),
          ]}
        >
          <Input
            maxLength={30}
            autoComplete="off"
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
            data-testid={`${prefix}-idNumber`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
