import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitResult } from '@hall/contracts';
import { GUIDE_OUTCOMES, SECURITY_CHECKS, type GuideOutcome } from '@hall/domain';
import { errorMessage } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { todayInChina } from '../../../lib/format';
import { useCommonT, useLang } from '../../../lib/labels';
import { useMe } from '../../../lib/auth';
import { useFloorAlerts, usePriorities, useRecordVisit, useServices } from '../api';
import { guides, issuesTickets, readsDisorder, recordsDisorder } from '../policy';
import { AlertList } from './AlertList';
import { LingeringCard } from './LingeringCard';
import { IncidentDialog } from './IncidentDialog';
import { definedPerson, visitBody, visitHasContent, type PersonValues, type VisitFormValues } from '../model';
import { PersonFields } from './PersonFields';
import { TicketSlip } from './TicketSlip';
import { VisitsTable } from './VisitsTable';

type FormValues = VisitFormValues;

const INITIAL: FormValues = { idType: 'resident', priority: 'normal', securityInformed: false };

/**
 * 导访台 (R2.2, R4.1, R2.3): the person at the door records the entry check, the visitor's purpose
 * and what was done — a ticket for the right service, out of scope (security informed), a procedural
 * answer, or sent elsewhere. Security staff see the check only. A listed visitor raises a quiet
 * notice on the guide's side of the screen, never a dialog the visitor could read.
 */
export function GuideDeskPage() {
  const { t } = useTranslation('floor');
  const { message } = App.useApp();
  const me = useMe();
  const guiding = guides(me);
  const [form] = Form.useForm<FormValues>();
  const record = useRecordVisit();
  const [result, setResult] = useState<VisitResult | null>(null);
  const [lastPerson, setLastPerson] = useState<PersonValues | undefined>(undefined);
  /** Who the incident form opens for, and the ticket it happened around (only the last visit's own). */
  const [incidentFor, setIncidentFor] = useState<{ person: PersonValues; ticketId: number | null } | null>(null);
  const alerts = useFloorAlerts({ enabled: guiding });
  const today = todayInChina();

  const submit = (v: FormValues) => {
    if (!visitHasContent(v, guiding)) {
      void message.warning(t('guide.needSomething'));
      return;
    }
    record.mutate(visitBody(v, guiding), {
      onSuccess: (r) => {
        setResult(r);
        setLastPerson(definedPerson({ personName: v.personName, idType: v.idType, idNumber: v.idNumber }));
        form.resetFields();
        void message.success(t('guide.saved'));
      },
      onError: (err) => applyServerErrors(form, err),
    });
  };

  const openIncident = () => {
    const v = form.getFieldsValue(['personName', 'idType', 'idNumber']) as PersonValues;
    // The visitor being typed in, else the one just recorded (whose ticket the incident may concern).
    const fromForm = v.personName?.trim() || v.idNumber?.trim();
    setIncidentFor(
      fromForm
        ? { person: definedPerson(v), ticketId: null }
        : { person: lastPerson ?? {}, ticketId: result?.ticket?.id ?? null },
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="guide-desk">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={
              <Typography.Title level={4} style={{ margin: 0 }}>
                {guiding ? t('guide.title') : t('guide.securityTitle')}
              </Typography.Title>
            }
            extra={
              recordsDisorder(me) ? (
                <Button onClick={openIncident} data-testid="guide-record-incident">
                  {t('guide.recordIncident')}
                </Button>
              ) : null
            }
          >
            <Typography.Paragraph type="secondary">
              {guiding ? t('guide.hint') : t('guide.securityHint')}
            </Typography.Paragraph>
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onFinish={submit}
              scrollToFirstError={{ block: 'center' }}
              data-testid="guide-form"
            >
              <CheckSection />
              <Section title={t('guide.person.title')} extra={t('guide.person.optional')}>
                <PersonFields prefix="guide" />
              </Section>
              {guiding ? (
                <>
                  <Section title={t('guide.purpose.title')}>
                    <Form.Item name="purpose" style={{ marginBottom: 8 }}>
                      <Input.TextArea
                        rows={2}
                        maxLength={500}
                        placeholder={t('guide.purpose.placeholder')}
                        data-testid="guide-purpose"
                      />
                    </Form.Item>
                  </Section>
                  <HandlingSection issues={issuesTickets(me)} />
                </>
              ) : null}
              {record.error ? (
                <Alert
                  type="error"
                  showIcon
                  title={errorMessage(record.error)}
                  style={{ marginBottom: 12 }}
                  data-testid="guide-error"
                />
              ) : null}
              <Space>
                <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="guide-submit">
                  {guiding ? t('guide.submit') : t('guide.submitCheck')}
                </Button>
                <Button onClick={() => form.resetFields()}>{t('guide.reset')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {result ? <ResultCard result={result} linkEntry={readsDisorder(me)} /> : null}
            {guiding ? (
              <Card size="small" title={t('alerts.title')}>
                <AlertList alerts={alerts.data ?? []} showEntryLink={readsDisorder(me)} testId="guide-alerts" />
              </Card>
            ) : null}
            {guiding ? <LingeringCard /> : null}
          </Space>
        </Col>
      </Row>
      <VisitsTable date={today} />
      <IncidentDialog
        open={incidentFor !== null}
        person={incidentFor?.person}
        ticketId={incidentFor?.ticketId}
        onClose={() => setIncidentFor(null)}
        onDone={(entry) => {
          setIncidentFor(null);
          void message.success(t('incident.done', { name: entry.personName, status: t(`status.${entry.status}`) }));
        }}
      />
    </Space>
  );
}

function Section({ title, extra, children }: { title: string; extra?: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Space size={8} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {extra ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {extra}
          </Typography.Text>
        ) : null}
      </Space>
      {children}
    </div>
  );
}

/** R4.1: the check at the entry. */
function CheckSection() {
  const { t } = useTranslation('floor');
  const ct = useCommonT();
  return (
    <Section title={t('guide.check.title')}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="securityCheck" label={t('guide.check.result')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="guide-securityCheck">
              {SECURITY_CHECKS.map((c) => (
                <Radio.Button key={c} value={c} data-testid={`guide-check-${c}`}>
                  {ct('securityCheck', c)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="securityNote" label={t('guide.check.note')}>
            <Input maxLength={200} placeholder={t('guide.check.notePlaceholder')} data-testid="guide-securityNote" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** R2.2: what the guide did: a ticket, out of scope, a procedural answer, or sent elsewhere. */
function HandlingSection({ issues }: { issues: boolean }) {
  const { t } = useTranslation('floor');
  const lang = useLang();
  const outcome = Form.useWatch<GuideOutcome | undefined>('outcome');
  const services = useServices(issues);
  const priorities = usePriorities(issues);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('guide.required', { field }) }];
  const outcomes = GUIDE_OUTCOMES.filter((o) => o !== 'directed' || issues);
  const name = (x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);

  return (
    <Section title={t('guide.handling.title')}>
      <Form.Item name="outcome" style={{ marginBottom: 12 }}>
        <Radio.Group optionType="button" data-testid="guide-outcome">
          {outcomes.map((o) => (
            <Radio.Button key={o} value={o} data-testid={`guide-outcome-${o}`}>
              {t(`outcome.${o}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {outcome === 'directed' ? (
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              name="serviceId"
              label={t('guide.handling.service')}
              rules={[{ required: true, message: t('guide.required', { field: t('guide.handling.service') }) }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={services.isPending}
                placeholder={t('guide.handling.servicePlaceholder')}
                data-testid="guide-service"
                options={(services.data ?? [])
                  .filter((s) => s.active)
                  .map((s) => ({
                    value: s.id,
                    label: `${s.prefix} · ${name(s)}`,
                    'data-testid': `guide-service-${s.code}`,
                  }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="priority" label={t('guide.handling.priority')}>
              <Select
                data-testid="guide-priority"
                options={(priorities.data ?? [{ code: 'normal', name: '普通', nameEn: 'Normal', weight: 1 }]).map(
                  (p) => ({
                    value: p.code,
                    label: lang === 'en' && p.nameEn ? p.nameEn : p.name,
                  }),
                )}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {outcome === 'outOfScope' ? (
        <>
          <Typography.Paragraph type="secondary">{t('guide.handling.outOfScopeHint')}</Typography.Paragraph>
          <Form.Item
            name="securityInformed"
            valuePropName="checked"
            rules={[
              {
                validator: async (_, v: boolean | undefined) => {
                  if (!v) throw new Error(t('guide.handling.securityInformedRequired'));
                },
              },
            ]}
          >
            <Checkbox data-testid="guide-securityInformed">{t('guide.handling.securityInformed')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {outcome === 'legalAnswered' ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('guide.handling.legalNote')}
            style={{ marginBottom: 12 }}
            data-testid="guide-legal-note"
          />
          <Form.Item
            name="legalQuestion"
            label={t('guide.handling.question')}
            rules={required(t('guide.handling.question'))}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="guide-legalQuestion" />
          </Form.Item>
          <Form.Item name="legalAnswer" label={t('guide.handling.answer')} rules={required(t('guide.handling.answer'))}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="guide-legalAnswer" />
          </Form.Item>
        </>
      ) : null}
      {outcome === 'pointedElsewhere' ? (
        <Form.Item
          name="note"
          label={t('guide.handling.elsewhereNote')}
          rules={required(t('guide.handling.elsewhereNote'))}
        >
          <Input maxLength={500} placeholder={t('guide.handling.elsewherePlaceholder')} data-testid="guide-note" />
        </Form.Item>
      ) : outcome && outcome !== 'legalAnswered' ? (
        <Form.Item name="note" label={t('guide.handling.note')}>
          <Input maxLength={500} data-testid="guide-note" />
        </Form.Item>
      ) : null}
    </Section>
  );
}

/** What was just recorded: the quiet list notice (R2.3) and the ticket to hand over. */
function ResultCard({ result, linkEntry }: { result: VisitResult; linkEntry: boolean }) {
  const { t } = useTranslation('floor');
  const { alert, ticket, visit } = result;
  return (
    <Card size="small" title={t('guide.result.title')} data-testid="guide-result" data-visit={visit.id}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {alert ? (
          <Alert
            type="warning"
            showIcon
            data-testid="guide-disorder-alert"
            title={t('guide.alert.title')}
            description={
              <Space orientation="vertical" size={2}>
                <span>{t('guide.alert.body', { name: alert.personName })}</span>
                {linkEntry ? <Link to={`/floor/disorder?entry=${alert.entryId}`}>{t('guide.alert.open')}</Link> : null}
              </Space>
            }
          />
        ) : null}
        {ticket ? (
          <TicketSlip ticket={ticket} />
        ) : (
          <Typography.Text type="secondary">
            {[visit.personName, visit.outcome ? t(`outcome.${visit.outcome}`) : null].filter(Boolean).join(' · ') ||
              t('guide.saved')}
            {' · '}
            {t('guide.result.noTicket')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
