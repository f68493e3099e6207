import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineView, MatterDetail } from '@hall/contracts';
import { useCommonT } from '../../../lib/labels';
import { DueTag, ProvisionalTag } from '../../../components/DueTag';
import { handleDeadline } from '../actions/model';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Space size={6} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Space>
  );
}

function Due({ d, testId }: { d: DeadlineView; testId?: string }) {
  const ct = useCommonT();
  return (
    <Space size={4}>
      <Typography.Text strong data-testid={testId ? `${testId}-date` : undefined}>
        {d.due}
      </Typography.Text>
      {d.status === 'active' ? (
        <DueTag due={d.due} testId={testId ? `${testId}-days` : undefined} />
      ) : (
        <Tag>{ct('deadlineStatus', d.status)}</Tag>
      )}
      {d.provisional ? <ProvisionalTag years={d.provisionalYears} /> : null}
    </Space>
  );
}

/**
 * The case at a glance (issue 3): the handling unit, the handling deadline and its days left (red
 * once overdue), the other running deadlines, the round, and the markers that change what can close it.
 */
export function CaseStatusBar({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const c = detail.case;
  if (detail.state === 'registered') {
    // R1.9: the same person's same matter had no reasonable demand or was terminated: propose "no longer accept".
    return detail.facts.noLongerMediable ? (
      <Tag color="volcano" data-testid="case-no-longer-mediable" style={{ marginBottom: 12 }}>
        {t('bar.proposeNoLongerAccept')}
      </Tag>
    ) : null;
  }
  const handle = handleDeadline(detail);
  const others = c.deadlines.filter((d) => d.status === 'active' && d.kind !== 'handle');
  const assignedEver = c.assignments.length > 0;
  const pendingExtension = c.extensions.some((e) => e.status === 'pending');

  const items: ReactNode[] = [];
  const proposed = !c.assignedUnit ? c.assignments.filter((a) => a.status === 'proposed').at(-1) : undefined;
  if (assignedEver || c.assignedUnit)
    items.push(
      <Item key="unit" label={t('bar.unit')} testId="case-unit">
        {c.assignedUnit ? (
          <Typography.Text strong>{c.assignedUnit.name}</Typography.Text>
        ) : proposed ? (
          <Space size={4}>
            <Typography.Text>{proposed.unitName}</Typography.Text>
            <Tag color="gold">{t('bar.proposedUnit')}</Tag>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('bar.noUnit')}</Typography.Text>
        )}
      </Item>,
    );
  if (handle)
    items.push(
      <Item key="handle" label={t('bar.handleDue')} testId="case-handle-due">
        <Due d={handle} testId="case-handle" />
      </Item>,
    );
  for (const d of others)
    items.push(
      <Item key={d.id} label={ct('deadlineKind', d.kind)} testId={`case-due-${d.kind}`}>
        <Due d={d} />
      </Item>,
    );
  if (assignedEver)
    items.push(
      <Item key="round" label={t('bar.round')} testId="case-round">
        <Typography.Text data-round={c.round}>{t('bar.roundN', { n: c.round })}</Typography.Text>
      </Item>,
    );
  if (detail.facts.mediationLevel)
    items.push(
      <Item key="level" label={t('bar.mediationLevel')} testId="case-mediation-level">
        <Tag color="purple">{ct('mediationLevel', detail.facts.mediationLevel)}</Tag>
      </Item>,
    );
  if (c.origin && c.origin !== 'window')
    items.push(
      <Item key="origin" label={t('bar.origin')}>
        <Tag>{ct('assignmentOrigin', c.origin)}</Tag>
      </Item>,
    );
  if (c.satisfactionState)
    items.push(
      <Item key="sat" label={t('bar.satisfaction')} testId="case-satisfaction-state">
        <Tag color={c.satisfactionState === 'rated' ? 'green' : c.satisfactionState === 'pending' ? 'gold' : 'default'}>
          {ct('satisfactionState', c.satisfactionState)}
        </Tag>
      </Item>,
    );
  const tags: ReactNode[] = [];
  if (c.leaderDay)
    tags.push(
      <Tag key="leader" color="magenta" data-testid="case-leaderDay">
        {t('bar.leaderDay')}
        {' · '}
        {detail.facts.specialReportFiled ? t('bar.specialReportFiled') : t('bar.specialReportMissing')}
      </Tag>,
    );
  if (pendingExtension)
    tags.push(
      <Tag key="ext" color="gold" data-testid="case-extension-pending">
        {t('bar.extensionPending')}
      </Tag>,
    );
  if (detail.facts.noLongerMediable)
    tags.push(
      <Tag key="nlm" color="volcano" data-testid="case-no-longer-mediable">
        {t('bar.noLongerMediable')}
      </Tag>,
    );
  if (items.length === 0 && tags.length === 0) return null;
  return (
    <div
      data-testid="case-bar"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '6px 24px',
        alignItems: 'center',
        padding: '8px 12px',
        marginTop: 8,
        background: '#f5f8fc',
        border: '1px solid #dbe4f0',
        borderRadius: 4,
      }}
    >
      {items}
      {tags.length ? <Space size={4}>{tags}</Space> : null}
    </div>
  );
}
