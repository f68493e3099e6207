import { Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LookupResult } from '@hall/contracts';

type KnownPetitioner = LookupResult['petitioner'];

/** The petitioner's details (national petition record). A known petitioner's masked phone and address are kept when left empty. */
export function PetitionerSection({ known }: { known: KnownPetitioner | undefined }) {
  const { t } = useTranslation('registration');
  const keep = (v: string | null | undefined) => (v ? t('petitioner.keepOld', { value: v }) : undefined);
  return (
    <Card size="small" title={t('section.petitioner')}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item
            name={['petitioner', 'name']}
            label={t('petitioner.name')}
            rules={[{ required: true, whitespace: true, message: t('petitioner.nameRequired') }]}
          >
            <Input maxLength={50} data-testid="reg-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={['petitioner', 'phone']}
            label={t('petitioner.phone')}
            rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('petitioner.phoneInvalid') }]}
          >
            <Input maxLength={20} placeholder={keep(known?.phoneMasked)} data-testid="reg-phone" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={['petitioner', 'ethnicity']} label={t('petitioner.ethnicity')}>
            <Input maxLength={20} data-testid="reg-ethnicity" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={['petitioner', 'occupation']} label={t('petitioner.occupation')}>
            <Input maxLength={50} data-testid="reg-occupation" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['petitioner', 'address']} label={t('petitioner.address')}>
            <Input maxLength={200} placeholder={keep(known?.addressMasked)} data-testid="reg-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['petitioner', 'workplace']} label={t('petitioner.workplace')}>
            <Input maxLength={100} data-testid="reg-workplace" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
