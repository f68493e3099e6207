import { Fragment, useState, type ReactNode } from 'react';
import { App, Alert, Button, Card, Col, Descriptions, Divider, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MatterDetail, Reference } from '@hall/contracts';
import { isFinal, type MatterAction } from '@hall/domain';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { useMatter } from '../../../lib/matters';
import { can, canAny, Permission } from '../../../lib/policy';
import { useReference } from '../../../lib/reference';
import { LoadFailed, Loading, NotFound } from '../../../components/PageStatus';
import { StateTag, VisitKindTag } from '../../../components/StateTag';
import { ActionDialog } from '../actions/ActionDialog';
import { ACTION_GROUPS, descriptorOf, isDanger } from '../actions/registry';
import { CaseRecords } from './CaseRecords';
import { CaseStatusBar } from './CaseStatusBar';
import { MatterTimeline } from './MatterTimeline';

/** What the registration side of the page (features/reception, filled in by the app) receives. */
export type MatterRegistrationSlot = (props: {
  detail: MatterDetail;
  reference: Reference;
  onDirtyChange: (dirty: boolean) => void;
  onStale: () => void;
}) => ReactNode;

/**
 * A matter's detail page: header and action buttons, the case's status bar and records, the
 * timeline, and the one action dialog. The app fills two slots so that this feature imports no other:
 * `registration` (features/reception: the petitioner, the registration, the reception record, the
 * decision) and `caseExtras` (another feature's control for a case in the unit's hands: the
 * accountability proposal button, R1.23).
 */
export function MatterDetailPage({
  caseExtras,
  registration,
}: { caseExtras?: (detail: MatterDetail) => ReactNode; registration?: MatterRegistrationSlot } = {}) {
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
      registration={registration}
    />
  );
}

function MatterView({
  detail,
  reference,
  reload,
  caseExtras,
  registration,
}: {
  detail: MatterDetail;
  reference: Reference;
  reload: () => void;
  caseExtras?: (detail: MatterDetail) => ReactNode;
  registration?: MatterRegistrationSlot;
}) {
  const { t } = useTranslation('case');
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
                      danger={isDanger(a)}
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
              <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>
            ) : null}
            {receptionDirty && actions.length > 0 ? (
              <Alert type="warning" showIcon title={t('detail.unsaved')} style={{ padding: '2px 8px' }} />
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
            {registration?.({ detail, reference, onDirtyChange: setReceptionDirty, onStale })}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <MatterTimeline entries={detail.timeline} />
        </Col>
      </Row>
      <ActionDialog
        action={action}
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
          void message.success(t(descriptorOf(a).done ?? 'done', { action: ct('matterAction', a) }));
        }}
      />
    </Space>
  );
}
