import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Reference, RegistrationResult } from '@hall/contracts';
import { errorMessage, isClientError } from '../../../lib/api';
import { applyServerErrors } from '../../../lib/form-errors';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useReference } from '../../../lib/reference';
import { useMe } from '../../../lib/auth';
import { can, Permission } from '../../../lib/policy';
import { EarlierHandlingFields } from '../../../components/EarlierHandlingFields';
import { QueryBoundary } from '../../../components/PageStatus';
import { useLookup, useRegister, type LookupKey } from '../api';
import {
  COLLECTIVE_THRESHOLD,
  formPath,
  initialValues,
  normalizeIdNumber,
  proposeWindow,
  toRequest,
  type RegistrationFormValues,
} from '../model';
import { IdentitySection } from './IdentitySection';
import { PetitionerSection } from './PetitionerSection';
import { GroupSection } from './GroupSection';
import { MatterSection } from './MatterSection';
import { ChecksSection } from './ChecksSection';
import { RoutingSection } from './RoutingSection';
import { ResultPanel } from './ResultPanel';

/** R1.1, R4.1, R4.4, R4.5: the registration desk. */
export function RegisterPage() {
  const reference = useReference();
  return <QueryBoundary query={reference}>{(ref) => <RegisterDesk reference={ref} />}</QueryBoundary>;
}

function RegisterDesk({ reference }: { reference: Reference }) {
  const [result, setResult] = useState<RegistrationResult | null>(null);
  const [fill, setFill] = useState(0);
  const navigate = useNavigate();
  const me = useMe();
  if (result) {
    return (
      <ResultPanel
        result={result}
        reference={reference}
        onNext={() => {
          setResult(null);
          setFill((n) => n + 1);
        }}
        onOpen={can(me, Permission.matterReadAll) ? () => navigate(`/matters/${result.matterId}`) : undefined}
      />
    );
  }
  // A new key per form fill: the form, its idempotency key and its lookup start afresh.
  return <RegistrationForm key={fill} reference={reference} onDone={setResult} />;
}

function RegistrationForm({ reference, onDone }: { reference: Reference; onDone: (r: RegistrationResult) => void }) {
  const { t } = useTranslation('registration');
  const navigate = useNavigate();
  const [form] = Form.useForm<RegistrationFormValues>();
  // One key per form fill: a double click or a retry after a lost answer makes one registration.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [lookupKey, setLookupKey] = useState<LookupKey | null>(null);
  const lookup = useLookup(lookupKey);
  const registration = useRegister();
  const prefilledFor = useRef<string | null>(null);

  const checkAndLookup = async () => {
    const idType = form.getFieldValue(['petitioner', 'idType']);
    const raw: string = form.getFieldValue(['petitioner', 'idNumber']) ?? '';
    if (!raw.trim()) return;
    try {
      await form.validateFields([['petitioner', 'idNumber']]);
    } catch {
      setLookupKey(null);
      return;
    }
    const idNumber = normalizeIdNumber(raw);
    if (idNumber !== raw) form.setFieldValue(['petitioner', 'idNumber'], idNumber);
    setLookupKey({ idType, idNumber });
  };

  // A known petitioner: fill what the registrar has not typed yet.
  useEffect(() => {
    const p = lookup.data?.petitioner;
    if (!p || !lookupKey) return;
    const k = `${lookupKey.idType}:${lookupKey.idNumber}`;
    if (prefilledFor.current === k) return;
    prefilledFor.current = k;
    const cur = (form.getFieldValue('petitioner') ?? {}) as RegistrationFormValues['petitioner'];
    form.setFieldsValue({
      petitioner: {
        ...cur,
        name: cur.name || p.name,
        ethnicity: cur.ethnicity || p.ethnicity || undefined,
        workplace: cur.workplace || p.workplace || undefined,
        occupation: cur.occupation || p.occupation || undefined,
      },
    });
  }, [lookup.data, lookupKey, form]);

  // The lookup's own field errors (e.g. the server's identity check) go under the ID field.
  useEffect(() => {
    if (lookup.error)
      applyServerErrors(form, lookup.error, (p) => (p.startsWith('petitioner.') ? p : `petitioner.${p}`));
  }, [lookup.error, form]);

  const onValuesChange = (changed: Partial<RegistrationFormValues>, all: RegistrationFormValues) => {
    if ('categoryId' in changed) {
      const proposal = proposeWindow(reference, changed.categoryId);
      if (proposal && proposal.window.id !== all.windowId) selectWindow(proposal.window.id);
    }
    if ('windowId' in changed) selectWindow(changed.windowId);
    if ('peopleCount' in changed && (changed.peopleCount ?? 0) >= COLLECTIVE_THRESHOLD && !all.markers?.collective) {
      form.setFieldValue(['markers', 'collective'], true);
    }
  };

  /** Sets the window; keeps the receptionist if he or she works there, picks the only one if just one. */
  const selectWindow = (windowId: number | undefined) => {
    const here = reference.receptionists.filter((r) => windowId != null && r.windowId === windowId);
    const current = form.getFieldValue('receptionistId') as number | null | undefined;
    const keep = here.some((r) => r.id === current);
    form.setFieldsValue({ windowId, receptionistId: keep ? current : here.length === 1 ? here[0].id : null });
  };

  const submit = (values: RegistrationFormValues) => {
    registration.mutate(
      { body: toRequest(values, reference), key: idempotencyKey.current },
      {
        onSuccess: onDone,
        onError: (err) => {
          applyServerErrors(form, err, formPath);
          // Refused for good (4xx): nothing was registered, the corrected form is a new request.
          if (isClientError(err)) idempotencyKey.current = newIdempotencyKey();
        },
      },
    );
  };

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('page.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('page.hint')}</Typography.Text>
      </div>
      <Form<RegistrationFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={onValuesChange}
        scrollToFirstError={{ block: 'center' }}
        data-testid="reg-form"
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <IdentitySection
            form={form}
            onCheck={() => void checkAndLookup()}
            lookup={lookup}
            looked={lookupKey !== null}
            onOpenMatter={(id) => navigate(`/matters/${id}`)}
          />
          <PetitionerSection known={lookup.data?.petitioner} />
          <GroupSection />
          <MatterSection reference={reference} />
          <Card size="small" title={t('section.earlier')}>
            <EarlierHandlingFields units={reference.units} />
          </Card>
          <ChecksSection />
          <RoutingSection reference={reference} />
          <Card size="small">
            {registration.error ? (
              <Alert
                type="error"
                showIcon
                title={t('submit.failed')}
                description={errorMessage(registration.error)}
                style={{ marginBottom: 12 }}
                data-testid="reg-error"
              />
            ) : null}
            <Space>
              <Button
                type="primary"
                size="large"
                htmlType="button"
                onClick={() => form.submit()}
                loading={registration.isPending}
                data-testid="reg-submit"
              >
                {t('submit.button')}
              </Button>
              <Button
                size="large"
                htmlType="button"
                disabled={registration.isPending}
                onClick={() => {
                  form.resetFields();
                  setLookupKey(null);
                  prefilledFor.current = null;
                  registration.reset();
                  idempotencyKey.current = newIdempotencyKey();
                }}
              >
                {t('submit.reset')}
              </Button>
            </Space>
          </Card>
        </Space>
      </Form>
    </div>
  );
}
