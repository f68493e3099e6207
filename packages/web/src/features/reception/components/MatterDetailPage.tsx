import { Fragment, useState, type ReactNode } from 'react';
import { App, Alert, Button, Card, Col, Descriptions, Divider, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MatterDetail, Reference } from '@hall/contracts';
import { isFinal, type MatterAction } from '@hall/domain';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { can, canAny, Permission } from '../../../lib/policy';
import { useReference } from '../../../lib/reference';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { StateTag, VisitKindTag } from '../../../components/StateTag';
import { useMatter } from '../api';
import { ActionDialog } from './ActionDialog';
import { CaseActionDialog } from './actions/CaseActionDialog';
import { ACTION_GROUPS, DANGER_ACTIONS, RECEPTION_ACTIONS } from './actions/model';
import { CaseRecords } from './case/CaseRecords';
import { CaseStatusBar } from './case/CaseStatusBar';
import { DecisionPanel } from './DecisionPanel';
import { MatterTimeline } from './MatterTimeline';
import { PetitionerCard } from './PetitionerCard';
import { ReceptionPanel } from './ReceptionPanel';
import { RegistrationInfo } from './RegistrationInfo';

/**
 * `caseExtras` lets the app add another feature's control for a case in the unit's hands (the
 * accountability proposal button, R1.23) without this feature importing that one.
 */
export function MatterDetailPage({ caseExtras }: { caseExtras?: (detail: MatterDetail) => ReactNode } = {}) {
  const { id } = useParams();
  const matterId = Number(id);
  const valid = Number.isInteger(matterId) && matterId > 0;
  const matter = useMatter(valid ? matterId : 0);
  const reference = useReference();
  if (!valid) return <NotFound />;
  if (matter.isPending || reference.isPending) return <Loading />;
  if (!matter.data) return <LoadFailed error={matter.error} onRetry={() => void matter.refetch()} />;
  if (!reference.data) return <LoadFailed error={reference.error} onRetry={() => void reference.refetch()} />;
  return (
    <MatterView
      detail={matter.data}
      reference={reference.data}
      reload={() => void matter.refetch()}
      caseExtras={caseExtras}
    />
  );
}

function MatterView({
  detail,
  reference,
  reload,
  caseExtras,
}: {
  detail: MatterDetail;
  reference: Reference;
  reload: () => void;
  caseExtras?: (detail: MatterDetail) => ReactNode;
}) {
  const { t } = useTranslation('reception');
  const ct = useCommonT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [action, setAction] = useState<MatterAction | null>(null);
  const [receptionDirty, setReceptionDirty] = useState(false);

  // Buttons only for the actions the server allows now (allowedActions), grouped: the main step first.
  const groups = ACTION_GROUPS.map((g) => ({ key: g.key, actions: g.actions.filter((a) => detail.allowedActions.includes(a)) })).filter(
    (g) => g.actions.length > 0,
  );
  const actions = groups.flatMap((g) => g.actions);
  const primary = groups.find((g) => g.key === 'main')?.actions[0];
  // Unit staff read their unit's cases only: their list is 本单位案件.
  const unitOnly =
    can(me, Permission.matterReadOwnUnit) && !canAny(me, [Permission.matterReadOwnWindow, Permission.matterReadAll]);
  // The server accepts the reception record only before the matter moves past acceptance.
  const editable = can(me, Permission.matterDecide) && (detail.state === 'registered' || detail.state === 'accepted');
  // R1.23: an inquiry can be proposed on a case in a unit's hands (the server checks who may).
  const inUnitHands = detail.case.assignedUnit !== null && !isFinal(detail.state);
  const readsInquiries = canAny(me, [
    Permission.accountabilityApprove,
    Permission.accountabilityHandle,
    Permission.accountabilityPropose,
  ]);
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
              <Link to={unitOnly ? '/cases' : '/reception'}>← {t('detail.back')}</Link>
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
            <Space wrap size={[8, 8]} data-testid="matter-actions" style={{ justifyContent: 'flex-end' }}>
              {groups.map((g, i) => (
                <Fragment key={g.key}>
                  {i > 0 ? <Divider orientation="vertical" style={{ marginInline: 2 }} /> : null}
                  {g.actions.map((a) => (
                    <Button
                      key={a}
                      type={a === primary ? 'primary' : 'default'}
                      danger={DANGER_ACTIONS.has(a)}
                      onClick={() => setAction(a)}
                      data-testid={`action-${a}`}
                    >
                      {ct('matterAction', a)}
                    </Button>
                  ))}
                </Fragment>
              ))}
              {inUnitHands && caseExtras ? caseExtras(detail) : null}
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
        <CaseStatusBar detail={detail} />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CaseRecords
              detail={detail}
              accountabilityPath={readsInquiries ? (id) => `/accountability/${id}` : undefined}
            />
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
        action={action && RECEPTION_ACTIONS.includes(action) ? action : null}
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
      <CaseActionDialog
        action={action && !RECEPTION_ACTIONS.includes(action) ? action : null}
        detail={detail}
        reference={reference}
        me={me}
        onClose={() => setAction(null)}
        onStale={() => {
          setAction(null);
          onStale();
        }}
        onDone={(a) => {
          setAction(null);
          void message.success(t('case:done', { action: ct('matterAction', a) }));
        }}
      />
    </Space>
  );
}
