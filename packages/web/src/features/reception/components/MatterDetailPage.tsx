import { useState } from 'react';
import { App, Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MatterDetail, Reference } from '@hall/contracts';
import { isFinal, type MatterAction } from '@hall/domain';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { can, Permission } from '../../../lib/policy';
import { useReference } from '../../../lib/reference';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { StateTag, VisitKindTag } from '../../../components/StateTag';
import { useMatter } from '../api';
import { ActionDialog } from './ActionDialog';
import { DecisionPanel } from './DecisionPanel';
import { MatterTimeline } from './MatterTimeline';
import { PetitionerCard } from './PetitionerCard';
import { ReceptionPanel } from './ReceptionPanel';
import { RegistrationInfo } from './RegistrationInfo';

export function MatterDetailPage() {
  const { id } = useParams();
  const matterId = Number(id);
  const valid = Number.isInteger(matterId) && matterId > 0;
  const matter = useMatter(valid ? matterId : 0);
  const reference = useReference();
  if (!valid) return <NotFound />;
  if (matter.isPending || reference.isPending) return <Loading />;
  if (!matter.data) return <LoadFailed error={matter.error} onRetry={() => void matter.refetch()} />;
  if (!reference.data) return <LoadFailed error={reference.error} onRetry={() => void reference.refetch()} />;
  return <MatterView detail={matter.data} reference={reference.data} reload={() => void matter.refetch()} />;
}

const ACTION_ORDER: MatterAction[] = ['accept', 'notAccept', 'noLongerAccept', 'directReply'];

function MatterView({ detail, reference, reload }: { detail: MatterDetail; reference: Reference; reload: () => void }) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [action, setAction] = useState<MatterAction | null>(null);
  const [receptionDirty, setReceptionDirty] = useState(false);

  const actions = ACTION_ORDER.filter((a) => detail.allowedActions.includes(a));
  const editable = can(me, Permission.matterDecide) && !isFinal(detail.state);
  const onStale = () => {
    void message.warning(t('detail.stale'));
    reload();
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            gap: 12,
            flexWrap: 'wrap',
            alignItems: 'flex-start',
          }}
        >
          <Space orientation="vertical" size={4}>
            <Space size={12} wrap>
              <Link to="/reception">← {t('detail.back')}</Link>
              <Typography.Title
                level={4}
                style={{ margin: 0, fontFamily: 'monospace' }}
                data-testid="matter-petitionNo"
              >
                {detail.petitionNo}
              </Typography.Title>
              <span data-testid="matter-state" data-state={detail.state}>
                <StateTag state={detail.state} />
              </span>
              <VisitKindTag kind={detail.visitKind} />
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'at', label: t('detail.registeredAt'), children: formatDateTime(detail.registeredAt) },
                { key: 'win', label: t('detail.window'), children: detail.windowName },
                { key: 'rec', label: t('detail.receptionist'), children: detail.receptionistName ?? '—' },
                { key: 'by', label: t('detail.registeredBy'), children: detail.registeredByName ?? '—' },
                {
                  key: 'qc',
                  label: t('detail.queryCode'),
                  children: (
                    <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                      {detail.queryCode}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Space>
          <Space orientation="vertical" align="end" size={8}>
            <Space wrap data-testid="matter-actions">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'accept' || a === 'directReply' ? 'primary' : 'default'}
                  danger={a === 'notAccept' || a === 'noLongerAccept'}
                  onClick={() => setAction(a)}
                  data-testid={`action-${a}`}
                >
                  {ct('matterAction', a)}
                </Button>
              ))}
              {detail.decision ? (
                <Button onClick={() => navigate(`/matters/${detail.id}/notice`)} data-testid="notice-open">
                  {t('detail.printNotice')}
                </Button>
              ) : null}
            </Space>
            {actions.length === 0 && !detail.decision ? (
              <Typography.Text type="secondary">{t('actions.none')}</Typography.Text>
            ) : null}
            {receptionDirty && actions.length > 0 ? (
              <Alert type="warning" showIcon title={t('reception.unsaved')} style={{ padding: '2px 8px' }} />
            ) : null}
          </Space>
        </div>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <PetitionerCard detail={detail} canReveal={can(me, Permission.piiReveal)} />
            <RegistrationInfo detail={detail} />
            <ReceptionPanel
              detail={detail}
              reference={reference}
              editable={editable}
              onDirtyChange={setReceptionDirty}
              onStale={onStale}
            />
            <DecisionPanel detail={detail} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <MatterTimeline entries={detail.timeline} />
        </Col>
      </Row>
      <ActionDialog
        action={action}
        detail={detail}
        onClose={() => setAction(null)}
        onStale={() => {
          setAction(null);
          onStale();
        }}
        onDone={(a) => {
          setAction(null);
          void message.success(t('actions.done', { action: ct('matterAction', a) }));
        }}
      />
    </Space>
  );
}
