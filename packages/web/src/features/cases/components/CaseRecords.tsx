import type { ReactNode } from 'react';
import { Badge, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseRecords as Records, DeadlineView, MatterDetail } from '@hall/contracts';
import { DEFAULT_RULES, REVIEW_CRITERIA, type MatterState, type RuleId } from '@hall/domain';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useCommonT, useLang } from '../../../lib/labels';
import { DueTag, ProvisionalTag } from '../../../components/DueTag';

type Row<K extends keyof Records> = Records[K] extends (infer R)[] ? R : never;

const pre = { whiteSpace: 'pre-wrap' as const };
const STATUS_COLORS: Record<string, string> = {
  active: 'processing',
  met: 'success',
  cancelled: 'default',
  overdue: 'error',
  pending: 'gold',
  approved: 'success',
  refused: 'error',
  proposed: 'gold',
  assigned: 'geekblue',
  signed: 'success',
  objected: 'volcano',
};

/** Where a numbered document prints (the matter's own document route). */
export const documentPath = (matterId: number, documentId: number) => `/matters/${matterId}/documents/${documentId}`;

function DocLink({ detail, id }: { detail: MatterDetail; id: number | null }) {
  if (!id) return <>—</>;
  const doc = detail.case.documents.find((d) => d.id === id);
  return (
    <Link to={documentPath(detail.id, id)} data-testid={`doc-link-${id}`}>
      {doc?.number ?? `#${id}`}
    </Link>
  );
}

function AtBy({ at, name }: { at: string | null | undefined; name?: string | null }) {
  if (!at) return <>—</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(at)}
      {name ? <Typography.Text type="secondary"> · {name}</Typography.Text> : null}
    </span>
  );
}

function StatusTag({ group, value }: { group: string; value: string }) {
  const ct = useCommonT();
  return <Tag color={STATUS_COLORS[value] ?? 'default'}>{ct(group, value)}</Tag>;
}

function SmallTable<T extends object>({ rows, columns, testId }: { rows: T[]; columns: ColumnsType<T>; testId: string }) {
  const { t } = useTranslation('case');
  return (
    <Table<T>
      size="small"
      rowKey={(r) => String((r as { id?: number }).id ?? JSON.stringify(r))}
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('empty') }}
      scroll={{ x: 760 }}
      data-testid={testId}
    />
  );
}

// ---- 期限 -----------------------------------------------------------------------------------------

function DeadlinesTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const lang = useLang();
  const ruleLabel = (id: string) => DEFAULT_RULES.rules[id as RuleId]?.label[lang] ?? id;
  const columns: ColumnsType<DeadlineView> = [
    {
      title: t('deadline.kind'),
      key: 'kind',
      width: 170,
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{ct('deadlineKind', d.kind)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ruleLabel(d.ruleId)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: `${t('deadline.start')} → ${t('deadline.due')}`,
      key: 'due',
      width: 230,
      render: (_, d) => (
        <Space orientation="vertical" size={2}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {d.start} → <Typography.Text strong>{d.due}</Typography.Text>
          </span>
          <Space size={4}>
            {d.status === 'active' ? <DueTag due={d.due} /> : null}
            {d.provisional ? <ProvisionalTag years={d.provisionalYears} /> : null}
          </Space>
        </Space>
      ),
    },
    {
      title: t('deadline.rule'),
      key: 'amount',
      width: 120,
      render: (_, d) => {
        const extended = d.extensions.reduce((a, e) => a + e.days, 0);
        return (
          <Space orientation="vertical" size={2}>
            <Tag color={d.unit === 'workingDays' ? 'cyan' : 'default'} data-testid={`deadline-unit-${d.kind}`}>
              {d.amount} {ct('deadlineUnit', d.unit)}
            </Tag>
            {extended ? <Tag color="gold">{t('deadline.extendedBy', { days: extended })}</Tag> : null}
          </Space>
        );
      },
    },
    {
      title: t('deadline.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <StatusTag group="deadlineStatus" value={v} />,
    },
    {
      title: t('deadline.computation'),
      key: 'computation',
      render: (_, d) => (
        <Space orientation="vertical" size={2} style={{ minWidth: 280 }}>
          <Typography.Text style={{ fontSize: 13 }} data-testid={`deadline-computation-${d.kind}`}>
            {d.computation[lang] ?? d.computation['zh-CN']}
          </Typography.Text>
          {d.extensions.map((e, i) => (
            <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
              {t('deadline.extension', { days: e.days, reason: e.reason })}
              {e.approvedBy ? t('deadline.approvedBy', { name: e.approvedBy }) : ''}
            </Typography.Text>
          ))}
          {d.history.length > 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('deadline.history')}：
              {d.history.map((h) => `${ct('deadlineEvent', h.kind)} ${h.due}${h.at ? `（${formatDate(h.at)}）` : ''}`).join(' → ')}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <SmallTable rows={detail.case.deadlines} columns={columns} testId="case-deadlines" />
      {detail.case.extensions.length > 0 ? (
        <>
          <Typography.Text strong>{t('deadline.requests')}</Typography.Text>
          <SmallTable
            rows={detail.case.extensions}
            testId="case-extensions"
            columns={[
              { title: t('a.requestExtension.days'), dataIndex: 'days', width: 70 },
              { title: t('a.requestExtension.reason'), dataIndex: 'reason', render: (v: string) => <span style={pre}>{v}</span> },
              {
                title: t('deadline.status'),
                dataIndex: 'status',
                width: 90,
                render: (v: string) => <StatusTag group="extensionStatus" value={v} />,
              },
              {
                title: t('deadline.requestedBy'),
                key: 'req',
                render: (_, e) => <AtBy at={e.requestedAt} name={e.requestedByName} />,
              },
              {
                title: t('deadline.decidedBy'),
                key: 'dec',
                render: (_, e) => (
                  <Space orientation="vertical" size={0}>
                    <AtBy at={e.decidedAt} name={e.decidedByName} />
                    {e.decisionNote ? <Typography.Text type="secondary">{e.decisionNote}</Typography.Text> : null}
                    {e.petitionerToldOn ? (
                      <Typography.Text type="secondary">{t('deadline.toldOn', { date: e.petitionerToldOn })}</Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}

// ---- 交办 / 转送 ------------------------------------------------------------------------------------

function AssignmentsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.assignments}
      testId="case-assignments"
      columns={[
        { title: t('assignment.unit'), dataIndex: 'unitName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { title: t('assignment.origin'), dataIndex: 'origin', render: (v: string) => ct('assignmentOrigin', v) },
        {
          title: t('assignment.status'),
          dataIndex: 'status',
          render: (v: string) => <StatusTag group="assignmentStatus" value={v} />,
        },
        {
          title: t('assignment.limit'),
          dataIndex: 'limitDays',
          render: (v: number | null) => (v ? t('assignment.limitDays', { n: v }) : t('assignment.limitDefault')),
        },
        {
          title: t('assignment.proposed'),
          key: 'p',
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <AtBy at={a.proposedAt} name={a.proposedByName} />
              {a.proposalNote ? <Typography.Text type="secondary" style={pre}>{a.proposalNote}</Typography.Text> : null}
            </Space>
          ),
        },
        {
          title: t('assignment.decided'),
          key: 'd',
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <AtBy at={a.decidedAt} name={a.decidedByName} />
              {a.decisionNote ? <Typography.Text type="secondary" style={pre}>{a.decisionNote}</Typography.Text> : null}
            </Space>
          ),
        },
        {
          title: t('assignment.responded'),
          key: 'r',
          render: (_, a) => (
            <Space orientation="vertical" size={0}>
              <AtBy at={a.respondedAt} />
              {a.objectionReason ? (
                <Typography.Text type="danger" style={pre}>
                  {t('assignment.objection')}：{a.objectionReason}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: t('assignment.letter'), key: 'l', render: (_, a) => <DocLink detail={detail} id={a.letterDocumentId} /> },
      ]}
    />
  );
}

/** R1.8: the county's receipt of a direct transfer and its answer to the petitioner. */
function CountyRecords({ row }: { row: Row<'transfers'> }) {
  const { t } = useTranslation('case');
  if (row.kind !== 'county') return <>—</>;
  if (!row.receipt) return <Tag color="gold">{t('transfer.awaitingReceipt')}</Tag>;
  return (
    <Space orientation="vertical" size={2} data-testid={`transfer-county-${row.id}`}>
      <span>
        <Tag color="success">{t('transfer.received')}</Tag>
        <AtBy at={row.receipt.at} name={row.receipt.byName} />
      </span>
      {row.receipt.note ? <Typography.Text type="secondary" style={pre}>{row.receipt.note}</Typography.Text> : null}
      {row.answer ? (
        <>
          <Typography.Text strong>{t('transfer.answeredOn', { date: row.answer.answeredOn })}</Typography.Text>
          <Typography.Text style={pre} data-testid={`transfer-answer-${row.id}`}>
            {row.answer.text}
          </Typography.Text>
          <AtBy at={row.answer.at} name={row.answer.byName} />
        </>
      ) : null}
    </Space>
  );
}

function TransfersTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.transfers}
      testId="case-transfers"
      columns={[
        { title: t('transfer.kind'), dataIndex: 'kind', render: (v: string) => <Tag color="cyan">{ct('transferKind', v)}</Tag> },
        { title: t('transfer.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
        { title: t('transfer.window'), dataIndex: 'windowName', render: (v: string | null) => v ?? '—' },
        {
          title: t('transfer.consent'),
          dataIndex: 'consent',
          render: (v: boolean, r) => (r.kind === 'county' ? '—' : v ? t('common:yes') : t('common:no')),
        },
        { title: t('transfer.note'), dataIndex: 'note', render: (v: string | null) => <span style={pre}>{v ?? ''}</span> },
        { title: t('transfer.at'), key: 'at', render: (_, r) => <AtBy at={r.at} name={r.byName} /> },
        { title: t('transfer.county'), key: 'county', render: (_, r) => <CountyRecords row={r} /> },
      ]}
    />
  );
}

// ---- 调解 -----------------------------------------------------------------------------------------

function MeetingsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.meetings}
      testId="case-meetings"
      columns={[
        { title: t('meeting.heldOn'), dataIndex: 'heldOn', width: 100 },
        {
          title: t('meeting.level'),
          dataIndex: 'level',
          render: (v: string) => <Tag color="purple">{ct('mediationLevel', v)}</Tag>,
        },
        { title: t('meeting.chair'), dataIndex: 'chair' },
        { title: t('meeting.participants'), dataIndex: 'participants', render: (v: string) => <span style={pre}>{v}</span> },
        {
          title: t('meeting.outcome'),
          dataIndex: 'outcome',
          render: (v: string) => (
            <Tag color={v === 'agreement' ? 'success' : 'warning'} data-testid="meeting-outcome" data-outcome={v}>
              {ct('meetingOutcome', v)}
            </Tag>
          ),
        },
        {
          title: t('meeting.summary'),
          dataIndex: 'summary',
          render: (v: string, m) => (
            <Space orientation="vertical" size={0} style={{ minWidth: 200 }}>
              <span style={pre}>{v}</span>
              {m.unitName ? (
                <Typography.Text type="secondary">
                  {t('meeting.unit')}：{m.unitName}
                  {m.promisedDate ? `；${t('meeting.promised')} ${m.promisedDate}` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: t('meeting.minutes'), key: 'doc', render: (_, m) => <DocLink detail={detail} id={m.documentId} /> },
      ]}
    />
  );
}

// ---- 处理意见 --------------------------------------------------------------------------------------

function OpinionsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const opinions = [...detail.case.opinions].reverse();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-opinions">
      {opinions.map((o) => (
        <Card
          key={o.id}
          size="small"
          type="inner"
          data-testid={`opinion-${o.round}`}
          title={
            <Space wrap>
              <span>{t('opinion.round', { n: o.round })}</span>
              <Tag color={o.outcome === 'support' ? 'green' : o.outcome === 'notSupport' ? 'red' : 'blue'}>
                {ct('opinionOutcome', o.outcome)}
              </Tag>
              <DocLink detail={detail} id={o.documentId} />
            </Space>
          }
          extra={<Typography.Text type="secondary">{formatDateTime(o.issuedAt)}</Typography.Text>}
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'facts', label: t('opinion.facts'), span: 'filled', children: <span style={pre}>{o.facts}</span> },
              { key: 'reasons', label: t('opinion.reasons'), span: 'filled', children: <span style={pre}>{o.reasons}</span> },
              { key: 'basis', label: t('opinion.basis'), span: 'filled', children: <span style={pre}>{o.basis}</span> },
              {
                key: 'delivery',
                label: t('opinion.delivery'),
                children: o.deliveredOn ? (
                  <Space size={4} wrap>
                    <span>
                      {o.deliveredOn} · {ct('deliveryWay', o.deliveryWay)}
                    </span>
                    <Tag color={o.petitionerSigned ? 'green' : 'orange'}>
                      {o.petitionerSigned ? t('opinion.signed') : t('opinion.refused')}
                    </Tag>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('opinion.notDelivered')}</Typography.Text>
                ),
              },
              {
                key: 'view',
                label: t('opinion.view'),
                children: o.petitionerView ? (
                  <Tag
                    color={o.petitionerView === 'agree' ? 'green' : o.petitionerView === 'disagree' ? 'red' : 'default'}
                    data-testid="opinion-view"
                  >
                    {ct('opinionView', o.petitionerView)}
                  </Tag>
                ) : (
                  '—'
                ),
              },
              {
                key: 'head',
                label: t('opinion.head'),
                children: o.headName ? (
                  <Space size={4}>
                    <span>{o.headName}</span>
                    {o.sealed ? <Tag color="red">{t('opinion.sealed')}</Tag> : null}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('opinion.notSigned')}</Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

// ---- 审核 -----------------------------------------------------------------------------------------

function ReviewsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const reviews = [...detail.case.reviews].reverse();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-reviews">
      {reviews.map((r) => (
        <Card
          key={r.id}
          size="small"
          type="inner"
          data-testid={`review-${r.round}`}
          data-passed={r.passed}
          title={
            <Space>
              <span>{t('review.round', { n: r.round })}</span>
              <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('review.passed') : t('review.failed')}</Tag>
            </Space>
          }
          extra={<AtBy at={r.at} name={r.byName} />}
        >
          <Table
            size="small"
            rowKey="k"
            pagination={false}
            dataSource={REVIEW_CRITERIA.map((k) => ({ k, ...(r.criteria[k] ?? { pass: false, note: '' }) }))}
            columns={[
              { title: t('review.criterion'), dataIndex: 'k', width: 160, render: (k: string) => ct('reviewCriterion', k) },
              {
                title: t('review.result'),
                dataIndex: 'pass',
                width: 100,
                render: (p: boolean) => <Tag color={p ? 'success' : 'error'}>{p ? t('review.passed') : t('review.failed')}</Tag>,
              },
              { title: t('review.note'), dataIndex: 'note', render: (v: string) => <span style={pre}>{v}</span> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

// ---- 复查复核 / 督办 / 催办 / 满意度 / 责任查究 / 文书 -------------------------------------------------------

function HigherTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.higherReviews}
      testId="case-higher"
      columns={[
        { title: t('higher.level'), dataIndex: 'level', render: (v: string) => <Tag>{ct('higherReviewLevel', v)}</Tag> },
        { title: t('higher.organ'), dataIndex: 'organ' },
        { title: t('higher.requestedOn'), dataIndex: 'requestedOn' },
        {
          title: t('higher.result'),
          dataIndex: 'result',
          render: (v: string | null) => (v ? <span style={pre}>{v}</span> : <Tag color="gold">{t('higher.pending')}</Tag>),
        },
        { title: t('higher.resultAt'), dataIndex: 'resultAt', render: (v: string | null) => formatDateTime(v) || '—' },
      ]}
    />
  );
}

function SupervisionTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={[...detail.case.supervision].reverse()}
      testId="case-supervision"
      columns={[
        { title: t('supervision.onDate'), dataIndex: 'onDate', width: 100 },
        { title: t('supervision.kind'), dataIndex: 'kind', render: (v: string) => <Tag>{ct('supervisionKind', v)}</Tag> },
        { title: t('supervision.demand'), dataIndex: 'demand', render: (v: string) => <span style={pre}>{v}</span> },
        { title: t('supervision.progress'), dataIndex: 'progress', render: (v: string) => <span style={pre}>{v}</span> },
        { title: t('supervision.by'), key: 'by', render: (_, s) => <AtBy at={s.at} name={s.byName} /> },
      ]}
    />
  );
}

function NotesTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const extra = (n: Row<'notes'>): ReactNode => {
    const d = n.data ?? {};
    if (n.kind === 'summon' && typeof d.summonedFor === 'string')
      return t('note.summonedFor', { at: formatDateTime(d.summonedFor) || d.summonedFor });
    if (n.kind === 'legalAid' && typeof d.qualifies === 'boolean')
      return d.qualifies ? t('note.qualifies') : t('note.notQualifies');
    return null;
  };
  return (
    <SmallTable
      rows={[...detail.case.notes].reverse()}
      testId="case-notes"
      columns={[
        { title: t('note.at'), key: 'at', render: (_, n) => <AtBy at={n.at} name={n.byName} /> },
        {
          title: t('note.kind'),
          dataIndex: 'kind',
          render: (v: string) => <Tag color={v === 'urge' ? 'orange' : 'default'}>{ct('noteKind', v)}</Tag>,
        },
        { title: t('note.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
        {
          title: t('note.text'),
          key: 'text',
          render: (_, n) => (
            <Space orientation="vertical" size={0}>
              {n.text ? <span style={pre}>{n.text}</span> : null}
              {extra(n) ? <Typography.Text type="secondary">{extra(n)}</Typography.Text> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function SatisfactionTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  const color: Record<string, string> = { satisfied: 'green', basicallySatisfied: 'blue', dissatisfied: 'red' };
  return (
    <SmallTable
      rows={detail.case.satisfaction.map((s, i) => ({ id: i, ...s }))}
      testId="case-satisfaction"
      columns={[
        { title: t('satisfaction.target'), dataIndex: 'target', render: (v: string) => ct('satisfactionTarget', v) },
        {
          title: t('satisfaction.rating'),
          dataIndex: 'rating',
          render: (v: string) => (
            <Tag color={color[v] ?? 'default'} data-testid="satisfaction-rating" data-rating={v}>
              {ct('rating', v)}
            </Tag>
          ),
        },
        { title: t('satisfaction.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}

function AccountabilityTab({ detail, accountabilityPath }: { detail: MatterDetail; accountabilityPath?: (id: number) => string }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.accountability}
      testId="case-accountability"
      columns={[
        { title: t('accountability.trigger'), dataIndex: 'trigger', render: (v: string) => ct('accountabilityTrigger', v) },
        { title: t('accountability.state'), dataIndex: 'state', render: (v: string) => <Tag>{ct('accountabilityState', v)}</Tag> },
        { title: t('accountability.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        ...(accountabilityPath
          ? [
              {
                title: '',
                key: 'open',
                render: (_: unknown, a: Row<'accountability'>) => (
                  <Link to={accountabilityPath(a.id)}>{t('accountability.open')}</Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function DocumentsTab({ detail }: { detail: MatterDetail }) {
  const { t } = useTranslation('case');
  const ct = useCommonT();
  return (
    <SmallTable
      rows={detail.case.documents}
      testId="case-documents"
      columns={[
        { title: t('document.kind'), dataIndex: 'kind', render: (v: string) => ct('documentKind', v) },
        {
          title: t('document.number'),
          dataIndex: 'number',
          render: (v: string, d) => (
            <Link to={documentPath(detail.id, d.id)} data-testid={`document-${d.kind}`}>
              {v}
            </Link>
          ),
        },
        { title: t('document.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
        { title: t('document.issuedBy'), dataIndex: 'issuedByName', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

/** Which tab opens first for a state: the records the next step is about. */
const FIRST_TAB: Partial<Record<MatterState, string>> = {
  mediating: 'meetings',
  assignmentProposed: 'assignments',
  assigned: 'assignments',
  objected: 'assignments',
  handling: 'deadlines',
  opinionIssued: 'opinions',
  opinionDelivered: 'opinions',
  underReview: 'opinions',
  awaitingSignOff: 'reviews',
  inReview: 'higher',
  reviewed: 'higher',
  inReReview: 'higher',
  terminated: 'higher',
  transferred: 'transfers',
};

/** The case's lifecycle records (issue 3), one tab per kind of record; only kinds with records show. */
export function CaseRecords({
  detail,
  accountabilityPath,
}: {
  detail: MatterDetail;
  /** Where an accountability inquiry opens, when the app has that page. */
  accountabilityPath?: (id: number) => string;
}) {
  const { t } = useTranslation('case');
  const c = detail.case;
  const tabs: { key: string; count: number; node: ReactNode }[] = [
    { key: 'deadlines', count: c.deadlines.length, node: <DeadlinesTab detail={detail} /> },
    { key: 'assignments', count: c.assignments.length, node: <AssignmentsTab detail={detail} /> },
    { key: 'transfers', count: c.transfers.length, node: <TransfersTab detail={detail} /> },
    { key: 'meetings', count: c.meetings.length, node: <MeetingsTab detail={detail} /> },
    { key: 'opinions', count: c.opinions.length, node: <OpinionsTab detail={detail} /> },
    { key: 'reviews', count: c.reviews.length, node: <ReviewsTab detail={detail} /> },
    { key: 'higher', count: c.higherReviews.length, node: <HigherTab detail={detail} /> },
    { key: 'supervision', count: c.supervision.length, node: <SupervisionTab detail={detail} /> },
    { key: 'notes', count: c.notes.length, node: <NotesTab detail={detail} /> },
    { key: 'satisfaction', count: c.satisfaction.length, node: <SatisfactionTab detail={detail} /> },
    {
      key: 'accountability',
      count: c.accountability.length,
      node: <AccountabilityTab detail={detail} accountabilityPath={accountabilityPath} />,
    },
    { key: 'documents', count: c.documents.length, node: <DocumentsTab detail={detail} /> },
  ].filter((x) => x.count > 0);
  if (tabs.length === 0) return null;
  const preferred = detail.state === 'closed' || detail.state === 'closedDeemed' ? (c.satisfaction.length ? 'satisfaction' : 'documents') : FIRST_TAB[detail.state];
  const first = tabs.find((x) => x.key === preferred)?.key ?? tabs[0].key;
  return (
    <Card size="small" title={t('tabs.title')} data-testid="case-records" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        // A new state or a new kind of record opens the tab the next step is about.
        key={`${detail.state}:${tabs.map((x) => x.key).join(',')}`}
        defaultActiveKey={first}
        items={tabs.map((x) => ({
          key: x.key,
          label: (
            <span data-testid={`case-tab-${x.key}`}>
              {t(`tabs.${x.key}`)}{' '}
              <Badge count={x.count} size="small" color={x.key === 'accountability' ? 'red' : '#8c9bb0'} />
            </span>
          ),
          children: x.node,
        }))}
      />
    </Card>
  );
}
