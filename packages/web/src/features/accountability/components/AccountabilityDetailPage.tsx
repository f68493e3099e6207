import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccountabilityDetail, AccountabilityEventView } from '@hall/contracts';
import type { AccountabilityAction, AccountabilityState, MatterState } from '@hall/domain';
import { formatDateTime } from '../../../lib/format';
import { useCommonT } from '../../../lib/labels';
import { DueTag } from '../../../components/DueTag';
import { NotFound, QueryBoundary } from '../../../components/PageStatus';
import { StateTag } from '../../../components/StateTag';
import { useAccountability } from '../api';
import { isFinal } from '../policy';
import { AccountabilityActionDialog } from './ActionDialog';
import { AccStateTag, TriggerTag } from './tags';

/** The print page of a numbered document (the shell's /documents/:id, GET /api/documents/:id). */
export const documentPath = (documentId: number) => `/documents/${documentId}`;

/** 责任查究 detail: the inquiry, its steps, its dossier and its documents (R1.23–R1.25). */
export function AccountabilityDetailPage() {
  const { id } = useParams();
  const inquiryId = Number(id);
  const query = useAccountability(inquiryId);
  if (!Number.isInteger(inquiryId) || inquiryId <= 0) return <NotFound />;
  return <QueryBoundary query={query}>{(detail) => <Detail detail={detail} onReload={() => void query.refetch()} />}</QueryBoundary>;
}

const PRIMARY: AccountabilityAction[] = ['approve', 'sendNotice', 'recordRectification', 'approveInvestigation', 'concludeInvestigation'];

function Detail({ detail, onReload }: { detail: AccountabilityDetail; onReload: () => void }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const { message } = App.useApp();
  const [action, setAction] = useState<AccountabilityAction | null>(null);
  const final = isFinal(detail);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="accountability-detail">
      <Card
        size="small"
        title={
          <Space size={12} wrap>
            <Link to="/accountability">← {t('detail.back')}</Link>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('detail.title', { id: detail.id })}
            </Typography.Title>
            <AccStateTag state={detail.state} testId="acc-state" />
            <TriggerTag trigger={detail.trigger} system={detail.systemDetected} />
          </Space>
        }
      >
        <Progress detail={detail} />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'no',
              label: t('detail.petitionNo'),
              children: (
                <Link to={`/matters/${detail.matterId}`} data-testid="acc-matter-link">
                  {detail.petitionNo}
                </Link>
              ),
            },
            {
              key: 'state',
              label: t('detail.matterState'),
              children: <StateTag state={detail.matterState as MatterState} />,
            },
            { key: 'unit', label: t('detail.unit'), children: <span data-testid="acc-unit">{detail.unitName ?? '—'}</span> },
            { key: 'summary', label: t('detail.summary'), children: detail.matterSummary, span: 2 },
            { key: 'window', label: t('detail.window'), children: detail.windowName },
            {
              key: 'reason',
              label: t('detail.reason'),
              children: (
                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="acc-reason">
                  {detail.reason}
                </span>
              ),
              span: 2,
            },
            {
              key: 'proposed',
              label: t('detail.proposed'),
              children: `${formatDateTime(detail.createdAt)} · ${detail.createdByName ?? t('detail.bySystem')}`,
            },
            ...(detail.rectifyDue
              ? [
                  {
                    key: 'rectifyDue',
                    label: t('detail.rectifyDue'),
                    children: (
                      <Space size={6}>
                        <span data-testid="acc-rectify-due">{detail.rectifyDue}</span>
                        {detail.state === 'noticeSent' ? <DueTag due={detail.rectifyDue} /> : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <div style={{ marginTop: 16 }} data-testid="acc-actions">
          {detail.allowedActions.length > 0 ? (
            <Space wrap>
              <Typography.Text strong>{t('detail.actionsTitle')}：</Typography.Text>
              {detail.allowedActions.map((a) => (
                <Button
                  key={a}
                  type={PRIMARY.includes(a) ? 'primary' : 'default'}
                  danger={a === 'reject'}
                  onClick={() => setAction(a)}
                  data-testid={`acc-action-${a}`}
                >
                  {ct('accountabilityAction', a)}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{final ? t('detail.final') : t('detail.noActions')}</Typography.Text>
          )}
        </div>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={15}>
          <Dossier detail={detail} />
        </Col>
        <Col xs={24} lg={9}>
          <Documents detail={detail} />
        </Col>
      </Row>
      <AccountabilityActionDialog
        action={action}
        detail={detail}
        onClose={() => setAction(null)}
        onDone={(a) => {
          setAction(null);
          void message.success(t('action.done', { action: ct('accountabilityAction', a) }));
        }}
        onStale={() => {
          void message.warning(t('action.stale'));
          onReload();
        }}
      />
    </Space>
  );
}

/** Where the inquiry stands on its path: proposal → approval → notice → rectification → investigation → findings. */
function Progress({ detail }: { detail: AccountabilityDetail }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const s = detail.state;
  const steps: { key: string; title: string }[] = [
    { key: 'proposed', title: t('detail.steps.proposed') },
    { key: 'approved', title: s === 'rejected' ? ct('accountabilityState', 'rejected') : t('detail.steps.approved') },
  ];
  if (s !== 'rejected') {
    steps.push(
      { key: 'noticeSent', title: t('detail.steps.noticeSent') },
      {
        key: 'rectification',
        title:
          s === 'rectified' || s === 'rectificationPoor' || s === 'investigationApproved' || s === 'concluded'
            ? ct('accountabilityState', s === 'rectified' ? 'rectified' : 'rectificationPoor')
            : t('detail.steps.rectification'),
      },
    );
    if (s !== 'rectified')
      steps.push(
        { key: 'investigationApproved', title: t('detail.steps.investigationApproved') },
        { key: 'concluded', title: t('detail.steps.concluded') },
      );
  }
  const reached: Record<AccountabilityState, number> = {
    proposed: 0,
    approved: 1,
    rejected: 1,
    noticeSent: 2,
    rectified: 3,
    rectificationPoor: 3,
    investigationApproved: 4,
    concluded: 5,
  };
  const final = isFinal(detail);
  // The step reached is done; the next one is what the inquiry waits for.
  const current = final ? reached[s] : Math.min(reached[s] + 1, steps.length - 1);
  return (
    <Steps
      size="small"
      current={current}
      status={s === 'rejected' ? 'error' : final ? 'finish' : 'process'}
      items={steps.map((x) => ({ title: x.title }))}
      data-testid="acc-progress"
    />
  );
}

const EVENT_COLORS: Partial<Record<string, string>> = {
  propose: 'orange',
  approve: 'blue',
  reject: 'gray',
  sendNotice: 'blue',
  approveInvestigation: 'red',
  concludeInvestigation: 'green',
};

/** R1.25: the inquiry's own dossier: every step, who and when, what it said, the documents it issued. */
function Dossier({ detail }: { detail: AccountabilityDetail }) {
  const { t } = useTranslation('accountability');
  const events = [...detail.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Card size="small" title={t('detail.dossier')} extra={<Typography.Text type="secondary">{t('detail.dossierHint')}</Typography.Text>}>
      <div data-testid="acc-dossier">
        <Timeline
          items={events.map((e) => ({
            key: e.id,
            color:
              e.action === 'recordRectification'
                ? e.data?.quality === 'poor'
                  ? 'red'
                  : 'green'
                : (EVENT_COLORS[e.action] ?? 'gray'),
            content: <EventEntry e={e} />,
          }))}
        />
      </div>
    </Card>
  );
}

function EventEntry({ e }: { e: AccountabilityEventView }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  const d = e.data ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const facts: ReactNode[] = [];
  if (e.action === 'propose') {
    if (str('source') === 'sweep' || str('source') === 'staff') facts.push(t(`event.source.${str('source')}`));
    if (str('trigger')) facts.push(ct('accountabilityTrigger', str('trigger')));
    if (str('due')) facts.push(t('event.due', { date: str('due') }));
    if (num('daysOverdue') !== null) facts.push(t('event.daysOverdue', { days: num('daysOverdue') }));
  }
  if (str('rectifyDue') && e.action === 'sendNotice')
    facts.push(
      t('event.rectifyDue', { date: str('rectifyDue') }) +
        (num('rectifyDays') !== null ? t('event.rectifyDays', { days: num('rectifyDays') }) : ''),
    );
  if (e.action === 'recordRectification' && (str('quality') === 'good' || str('quality') === 'poor')) {
    facts.push(
      <Tag key="q" color={str('quality') === 'poor' ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
        {t('event.quality', { q: t(`quality.${str('quality')}`) })}
      </Tag>,
    );
    if (d.late === true) facts.push(t('event.late'));
  }
  return (
    <div data-testid={`acc-event-${e.action}`} data-action={e.action}>
      <Space size={8} wrap>
        <Typography.Text strong>{ct('accountabilityAction', e.action)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(e.at)} · {e.actorName ?? t('detail.system')}
        </Typography.Text>
      </Space>
      {e.fromState || e.toState ? (
        <div style={{ fontSize: 12 }}>
          {t('event.transition', {
            from: e.fromState ? ct('accountabilityState', e.fromState) : '—',
            to: e.toState ? ct('accountabilityState', e.toState) : '—',
          })}
        </div>
      ) : null}
      {facts.length > 0 ? (
        <div style={{ fontSize: 12 }}>
          <Space size={4} wrap separator="·">
            {facts.map((f, i) => (
              <span key={i}>{f}</span>
            ))}
          </Space>
        </div>
      ) : null}
      {e.note ? <div style={{ fontSize: 13, whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{e.note}</div> : null}
      {e.documentId ? (
        <div style={{ fontSize: 12 }}>
          {t('event.document')}
          <Link to={documentPath(e.documentId)} data-testid={`acc-event-document-${e.documentId}`}>
            {e.documentNumber ?? `#${e.documentId}`}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

/** The dossier's documents: the inquiry's own notices and the case's letters and opinions. */
function Documents({ detail }: { detail: AccountabilityDetail }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  return (
    <Card size="small" title={t('detail.documents')} data-testid="acc-documents">
      {detail.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noDocuments')} />
      ) : (
        <List
          size="small"
          dataSource={[...detail.documents].reverse()}
          renderItem={(d) => (
            <List.Item
              data-testid={`acc-document-${d.id}`}
              data-kind={d.kind}
              actions={[
                <Link key="open" to={documentPath(d.id)} data-testid={`acc-document-open-${d.id}`}>
                  {t('detail.openDocument')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={ct('documentKind', d.kind)}
                description={
                  <span>
                    {d.number} · {formatDateTime(d.issuedAt)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
