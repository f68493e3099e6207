import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MatterDetail, Reference } from '@hall/contracts';
import { VISIT_KINDS, type VisitKind } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import {
  earlierHandlingPath,
  fromEarlierHandling,
  toEarlierHandling,
  type EarlierHandlingFormItem,
} from '../../../lib/earlier-handling';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCommonT } from '../../../lib/labels';
import { EarlierHandlingFields } from '../../../components/EarlierHandlingFields';
import { MatterTable } from '../../../components/MatterTable';
import { VisitKindTag } from '../../../components/StateTag';
import { useUpdateReception } from '../api';

interface Values {
  visitKind: VisitKind;
  earlierHandling: EarlierHandlingFormItem[];
}

/**
 * R1.5 / R1.5a: the proposed visit kind with the earlier matters it rests on, and the receptionist's
 * record: the confirmed visit kind and what earlier units decided.
 */
export function ReceptionPanel({
  detail,
  reference,
  editable,
  onDirtyChange,
  onStale,
}: {
  detail: MatterDetail;
  reference: Reference;
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateReception(detail.id);

  const initial: Values = {
    visitKind: detail.visitKind ?? detail.proposedVisitKind,
    earlierHandling: fromEarlierHandling(detail.earlierHandling, reference.units),
  };

  // The server's copy changed (saved, or a decision was taken): show it.
  useEffect(() => {
    form.setFieldsValue({
      visitKind: detail.visitKind ?? detail.proposedVisitKind,
      earlierHandling: fromEarlierHandling(detail.earlierHandling, reference.units),
    });
    onDirtyChange(false);
  }, [detail.version]);

  const save = (v: Values) =>
    update.mutate(
      {
        visitKind: v.visitKind,
        earlierHandling: toEarlierHandling(v.earlierHandling, reference.units),
        version: detail.version,
      },
      {
        onSuccess: () => void message.success(t('reception.saved')),
        onError: (err) => {
          applyServerErrors(form, err, earlierHandlingPath);
          if (err instanceof ApiError && err.code === 'matter.stale') onStale();
        },
      },
    );

  return (
    <Card size="small" title={t('reception.title')} data-testid="reception-panel">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{t('visitKind.title')}：</Typography.Text>
          <span data-testid="proposed-visit-kind" data-kind={detail.proposedVisitKind}>
            {t('visitKind.proposed')} <VisitKindTag kind={detail.proposedVisitKind} />
          </span>
          {detail.visitKind ? (
            <span data-testid="confirmed-visit-kind" data-kind={detail.visitKind}>
              {t('visitKind.confirmed')} <VisitKindTag kind={detail.visitKind} />
            </span>
          ) : (
            <Tag color="warning">{t('reception.notConfirmed')}</Tag>
          )}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('visitKind.basis')}
        </Typography.Text>
        {detail.earlierMatters.length > 0 ? (
          <>
            <Typography.Text strong>{t('visitKind.earlier')}</Typography.Text>
            <MatterTable
              rows={detail.earlierMatters}
              compact
              relatedIds={detail.relatedMatterIds}
              onOpen={(id) => navigate(`/matters/${id}`)}
              testId="earlier-matters"
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t('visitKind.noEarlier')}</Typography.Text>
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={save}
          disabled={!editable}
          onValuesChange={() => onDirtyChange(true)}
          style={{ marginTop: 8 }}
        >
          <Form.Item name="visitKind" label={t('reception.visitKind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="reception-visitKind"
              options={VISIT_KINDS.map((k) => ({
                value: k,
                label:
                  k === detail.proposedVisitKind
                    ? `${ct('visitKind', k)}（${t('visitKind.proposed')}）`
                    : ct('visitKind', k),
              }))}
            />
          </Form.Item>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('common:earlier.title')}
          </Typography.Text>
          <EarlierHandlingFields units={reference.units} disabled={!editable} />
          {update.error ? (
            <Alert type="error" showIcon title={errorMessage(update.error)} style={{ marginTop: 8 }} />
          ) : null}
          {editable ? (
            <Button
              type="primary"
              htmlType="submit"
              loading={update.isPending}
              style={{ marginTop: 12 }}
              data-testid="reception-save"
            >
              {t('reception.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t('reception.readOnly')}
            </Typography.Text>
          )}
        </Form>
      </Space>
    </Card>
  );
}
