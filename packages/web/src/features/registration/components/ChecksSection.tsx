import { Card, Checkbox, Col, Collapse, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SECURITY_CHECKS, translate } from '@hall/domain';
import { currentLanguage } from '../../../lib/i18n';
import { useCommonT } from '../../../lib/labels';

/** R4.1 security check at entry and R4.5 acknowledgement of the visitor rules. */
export function ChecksSection() {
  const { t } = useTranslation('registration');
  const ct = useCommonT();
  const rules = t('rules', { returnObjects: true }) as unknown as string[];
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const isZh = currentLanguage() === 'zh-CN';

  return (
    <Card size="small" title={t('section.checks')}>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="securityCheck"
            label={t('checks.securityCheck')}
            rules={[
              { required: true },
              {
                validator: async (_, v: string) => {
                  if (v === 'refused') throw new Error(translate('registration.securityRefused', currentLanguage()));
                },
              },
            ]}
          >
            <Radio.Group
              optionType="button"
              data-testid="reg-securityCheck"
              options={SECURITY_CHECKS.map((s) => ({ value: s, label: ct('securityCheck', s) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="securityNote" label={t('checks.securityNote')}>
            <Input maxLength={200} placeholder={t('checks.securityNotePlaceholder')} data-testid="reg-securityNote" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'rules',
                label: t('checks.rulesTitle'),
                children: (
                  <ol
                    style={{ margin: 0, paddingInlineStart: isZh ? 0 : 20, listStyle: isZh ? 'none' : 'decimal' }}
                    data-testid="reg-rules-text"
                  >
                    {(Array.isArray(rules) ? rules : []).map((r, i) => (
                      <li key={i} style={{ marginBottom: 6 }}>
                        <Typography.Text>
                          {isZh ? `${numerals[i] ?? i + 1}、` : ''}
                          {r}
                        </Typography.Text>
                      </li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
          <Form.Item
            name="rulesAcknowledged"
            valuePropName="checked"
            rules={[
              {
                validator: async (_, v: boolean) => {
                  if (v !== true) throw new Error(translate('registration.rulesNotAcknowledged', currentLanguage()));
                },
              },
            ]}
          >
            <Checkbox data-testid="reg-rulesAcknowledged">{t('checks.rulesAck')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
