import { Card, Checkbox, Col, Form, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reference } from '@hall/contracts';
import { hallWindows, windowLabel } from '../../../lib/reference';
import { proposeWindow } from '../model';

/** R1.1: the window proposed from the category, confirmed by the registrar, and a receptionist of it. */
export function RoutingSection({ reference }: { reference: Reference }) {
  const { t } = useTranslation('registration');
  const categoryId = Form.useWatch<number | undefined>('categoryId');
  const windowId = Form.useWatch<number | undefined>('windowId');
  const proposal = categoryId != null ? proposeWindow(reference, categoryId) : undefined;
  const windows = hallWindows(reference);
  const receptionists = reference.receptionists.filter((r) => windowId != null && r.windowId === windowId);

  return (
    <Card size="small" title={t('section.routing')}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="windowId"
            label={t('routing.window')}
            rules={[{ required: true, message: t('matter.chooseRequired', { field: t('routing.window') }) }]}
            extra={
              proposal ? (
                <Typography.Text type="secondary" data-testid="reg-window-proposal">
                  {t(proposal.general ? 'routing.proposedGeneral' : 'routing.proposed', {
                    window: windowLabel(proposal.window),
                  })}
                </Typography.Text>
              ) : (
                t('routing.chooseCategoryFirst')
              )
            }
          >
            <Select
              data-testid="reg-window"
              showSearch={{ optionFilterProp: 'search' }}
              options={windows.map((w) => ({
                value: w.id,
                search: windowLabel(w),
                label: (
                  <span>
                    {windowLabel(w)}
                    {proposal?.window.id === w.id ? (
                      <Tag color="green" style={{ marginInlineStart: 6 }}>
                        {t('routing.suggestedTag')}
                      </Tag>
                    ) : null}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="receptionistId"
            label={t('routing.receptionist')}
            extra={windowId != null && receptionists.length === 0 ? t('routing.noReceptionist') : undefined}
          >
            <Select
              data-testid="reg-receptionist"
              allowClear
              placeholder={t('routing.receptionistPlaceholder')}
              disabled={windowId == null}
              options={receptionists.map((r) => ({ value: r.id, label: r.displayName }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          {/* Issue 4: the same visitor is one thread from the door to the case (R2.1). */}
          <Form.Item
            name="issueTicket"
            valuePropName="checked"
            extra={t('routing.issueTicketHint')}
            style={{ marginBottom: 0 }}
          >
            <Checkbox data-testid="reg-issue-ticket">{t('routing.issueTicket')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
