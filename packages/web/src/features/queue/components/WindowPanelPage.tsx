import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Ticket, TicketDetail, WindowPanel } from '@hall/contracts';
import type { TicketAction } from '@hall/domain';
import { errorMessage } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { formatShortDateTime } from '../../../lib/format';
import { Permission, can } from '../../../lib/policy';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MatterTable } from '../../../components/MatterTable';
import { QueryBoundary } from '../../../components/PageStatus';
import {
  WINDOW_REFRESH_SECONDS,
  useCallNext,
  useCallNumber,
  usePresent,
  useTicketAction,
  useWindowPanel,
} from '../api';
import { TransferDialog } from './TransferDialog';

/** The order of the buttons on the current ticket (the server says which apply now). */
const BUTTON_ORDER: TicketAction[] = ['start', 'recall', 'noShow', 'end', 'park', 'resume', 'transfer', 'cancel'];
type StepAction = Exclude<TicketAction, 'call' | 'transfer'>;

/** The window's calling panel (R2.1): call, recall, no-show, serve, park, transfer; redirect a ticket of another window. */
export function WindowPanelPage() {
  const { t } = useTranslation('queue');
  const me = useMe();
  const panel = useWindowPanel(me.windowId != null);
  if (me.windowId == null) return <Alert type="warning" showIcon title={t('window.noWindow')} />;
  return <QueryBoundary query={panel}>{(p) => <Panel panel={p} />}</QueryBoundary>;
}

function Panel({ panel }: { panel: WindowPanel }) {
  const { t } = useTranslation('queue');
  const callNext = useCallNext();
  const callNumber = useCallNumber();
  const action = useTicketAction();
  const [error, setError] = useState<unknown>(null);
  const [transfer, setTransfer] = useState<Ticket | null>(null);
  const busy = callNext.isPending || callNumber.isPending || action.isPending;
  const occupied = panel.current !== null;
  // Calling while serving ends the current ticket (the server does it); while the called visitor has
  // not come yet, recall, no-show or start comes first (docs/decisions.md).
  const callBlocked = panel.current?.status === 'called';
  const handlers = { onError: setError, onSuccess: () => setError(null) };

  const step = (ticket: Pick<Ticket, 'id' | 'version'>, a: StepAction) =>
    action.mutate({ id: ticket.id, action: a, version: ticket.version }, handlers);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="queue-window">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('window.title')} · {t('window.presentWindow', { number: panel.window.number })} {panel.window.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('window.serves')}
          {panel.services.map((s) => (
            <Tag key={s.id}>
              {s.prefix} {s.name}
            </Tag>
          ))}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('window.refreshing', { seconds: WINDOW_REFRESH_SECONDS })}
        </Typography.Text>
      </div>
      {error ? <ErrorAlert error={error} testId="queue-error" /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card
              title={t('window.current')}
              extra={
                <Tooltip title={callBlocked ? t('window.calledBlocks') : t('window.callNextHint')}>
                  <Button
                    type="primary"
                    size="large"
                    disabled={callBlocked || busy}
                    loading={callNext.isPending}
                    onClick={() => callNext.mutate(undefined, handlers)}
                    data-testid="queue-call-next"
                  >
                    {t('action.callNext')}
                  </Button>
                </Tooltip>
              }
            >
              {panel.current ? (
                <CurrentTicket
                  ticket={panel.current}
                  busy={busy}
                  onStep={(a) => step(panel.current!, a)}
                  onTransfer={() => setTransfer(panel.current)}
                />
              ) : (
                <Empty description={t('window.none')} data-testid="queue-current-none" />
              )}
            </Card>
            {panel.current ? <VisitorCard ticket={panel.current} /> : null}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <NumberTools blocked={callBlocked} busy={busy} onCall={(number) => callNumber.mutate(number, handlers)} />
            <QueueList panel={panel} busy={busy} blocked={callBlocked} onCall={(n) => callNumber.mutate(n, handlers)} />
            <ParkedList tickets={panel.parked} busy={busy} occupied={occupied} onStep={step} onTransfer={setTransfer} />
          </Space>
        </Col>
      </Row>
      {transfer ? (
        <TransferDialog
          ticket={transfer}
          ownWindowId={panel.window.id}
          onClose={() => setTransfer(null)}
          onDone={() => {
            setTransfer(null);
            setError(null);
          }}
        />
      ) : null}
    </Space>
  );
}

function PriorityTag({ ticket }: { ticket: Pick<Ticket, 'priority' | 'priorityName'> }) {
  if (ticket.priority === 'normal') return null;
  return (
    <Tag color="orange" data-testid="queue-priority-tag">
      {ticket.priorityName}
    </Tag>
  );
}

function CurrentTicket({
  ticket,
  busy,
  onStep,
  onTransfer,
}: {
  ticket: TicketDetail;
  busy: boolean;
  onStep: (a: StepAction) => void;
  onTransfer: () => void;
}) {
  const { t } = useTranslation('queue');
  const { modal } = App.useApp();
  const confirm = (text: string, a: StepAction) =>
    modal.confirm({ title: text, okButtonProps: { danger: a === 'cancel' }, onOk: () => onStep(a) });
  const actions = BUTTON_ORDER.filter((a) => ticket.actions.includes(a));

  return (
    <div data-testid="queue-current" data-number={ticket.number} data-status={ticket.status}>
      <Space align="center" size={16} wrap>
        <span
          style={{ fontSize: 64, fontWeight: 800, color: '#d4380d', letterSpacing: 2, lineHeight: 1 }}
          data-testid="queue-current-number"
        >
          {ticket.number}
        </span>
        <Space orientation="vertical" size={4}>
          <Space size={4} wrap>
            <Tag color={ticket.status === 'serving' ? 'green' : 'blue'} data-testid="queue-current-status">
              {t(`status.${ticket.status}`)}
            </Tag>
            <Tag>{ticket.serviceName}</Tag>
            <PriorityTag ticket={ticket} />
            {ticket.transferCount > 0 ? <Tag>{t('window.transferred', { count: ticket.transferCount })}</Tag> : null}
            {ticket.disorderAlert ? (
              // R2.3: discreet: the visitor may see this screen.
              <Tooltip title={t('window.attentionHint')}>
                <Tag color="default" style={{ borderStyle: 'dashed', cursor: 'help' }} data-testid="queue-attention">
                  {t('window.attention')}
                </Tag>
              </Tooltip>
            ) : null}
          </Space>
          <Typography.Text type="secondary">
            {t('window.issuedAt')} {formatShortDateTime(ticket.issuedAt)}
            {ticket.calledAt ? ` · ${t('window.calledAt')} ${formatShortDateTime(ticket.calledAt)}` : ''}
            {ticket.startedAt ? ` · ${t('window.startedAt')} ${formatShortDateTime(ticket.startedAt)}` : ''}
          </Typography.Text>
          {ticket.status === 'called' ? (
            <Typography.Text data-testid="queue-recall-count">
              {t('window.recallCount', { count: ticket.recallCount, max: ticket.maxRecalls })}
            </Typography.Text>
          ) : null}
        </Space>
      </Space>
      <div style={{ marginTop: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {actions.map((a) => {
          const label =
            a === 'recall' ? `${t('action.recall')} (${ticket.recallCount}/${ticket.maxRecalls})` : t(`action.${a}`);
          const onClick =
            a === 'transfer'
              ? onTransfer
              : a === 'cancel'
                ? () => confirm(t('window.confirmCancel', { number: ticket.number }), a)
                : a === 'noShow'
                  ? () => confirm(t('window.confirmNoShow', { number: ticket.number }), a)
                  : () => onStep(a as StepAction);
          return (
            <Button
              key={a}
              size="large"
              type={a === 'start' || a === 'end' ? 'primary' : 'default'}
              danger={a === 'cancel' || a === 'noShow'}
              disabled={busy}
              onClick={onClick}
              data-testid={`queue-action-${a}`}
            >
              {label}
            </Button>
          );
        })}
      </div>
      {ticket.events.length ? (
        <details style={{ marginTop: 16 }}>
          <summary style={{ cursor: 'pointer', color: '#595959' }}>{t('window.events')}</summary>
          <Timeline
            style={{ marginTop: 12 }}
            items={ticket.events.map((e) => ({
              content: (
                <span>
                  {formatShortDateTime(e.at)} · {t(`action.${e.action}`, { defaultValue: e.action })}
                  {e.windowNumber != null ? ` · ${t('window.presentWindow', { number: e.windowNumber })}` : ''}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </span>
              ),
            }))}
          />
        </details>
      ) : null}
    </div>
  );
}

/** R2.1 → R1.1: serving a ticket opens the visitor's registrations and matter history. */
function VisitorCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('queue');
  const me = useMe();
  const navigate = useNavigate();
  if (!ticket.petitioner && ticket.matters.length === 0 && ticket.matterId == null) return null;
  return (
    <Card
      size="small"
      title={t('window.matters')}
      data-testid="queue-visitor"
      extra={can(me, Permission.visitorRegister) ? <Link to="/register">{t('window.register')}</Link> : undefined}
    >
      {ticket.petitioner ? (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'name', label: t('window.petitioner'), children: ticket.petitioner.name },
            { key: 'id', label: t('window.idNumber'), children: ticket.petitioner.idNumberMasked },
          ]}
        />
      ) : null}
      {ticket.matters.length ? (
        <MatterTable rows={ticket.matters} compact showWindow onOpen={(id) => navigate(`/matters/${id}`)} />
      ) : ticket.matterId != null ? (
        <Link to={`/matters/${ticket.matterId}`}>{t('window.openMatter')}</Link>
      ) : (
        <Typography.Text type="secondary">{t('window.noMatters')}</Typography.Text>
      )}
    </Card>
  );
}

/** 呼叫指定号 and 核验号条 (R2.1: a ticket of another window is sent there). */
function NumberTools({ blocked, busy, onCall }: { blocked: boolean; busy: boolean; onCall: (n: string) => void }) {
  const { t } = useTranslation('queue');
  const [callNo, setCallNo] = useState('');
  const [presentNo, setPresentNo] = useState('');
  const present = usePresent();
  const norm = (s: string) => s.trim().toUpperCase();
  const result = present.data;
  const windows = result?.windows.length
    ? result.windows.map((w) => t('window.presentWindow', { number: w.number })).join(' / ')
    : t('window.presentAnyWindow');
  return (
    <Card size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={callNo}
            onChange={(e) => setCallNo(e.target.value)}
            placeholder={t('window.callNumberPlaceholder')}
            onPressEnter={() => norm(callNo) && !blocked && onCall(norm(callNo))}
            data-testid="queue-call-number-input"
          />
          <Button
            disabled={!norm(callNo) || blocked || busy}
            onClick={() => onCall(norm(callNo))}
            data-testid="queue-call-number"
          >
            {t('window.callNumber')}
          </Button>
        </Space.Compact>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={presentNo}
            onChange={(e) => {
              setPresentNo(e.target.value);
              present.reset();
            }}
            placeholder={t('window.presentPlaceholder')}
            onPressEnter={() => norm(presentNo) && present.mutate(norm(presentNo))}
            data-testid="queue-present-input"
          />
          <Button
            disabled={!norm(presentNo)}
            loading={present.isPending}
            onClick={() => present.mutate(norm(presentNo))}
            data-testid="queue-present"
          >
            {t('window.present')}
          </Button>
        </Space.Compact>
        {present.error ? (
          <Alert type="error" showIcon title={errorMessage(present.error)} data-testid="queue-present-result" />
        ) : result ? (
          <Alert
            type={result.servedHere ? 'success' : 'warning'}
            showIcon
            data-testid="queue-present-result"
            title={
              result.servedHere
                ? t('window.presentHere', { number: result.ticket.number, status: t(`status.${result.ticket.status}`) })
                : t('window.presentElsewhere', { number: result.ticket.number, windows })
            }
          />
        ) : null}
      </Space>
    </Card>
  );
}

function QueueList({
  panel,
  busy,
  blocked,
  onCall,
}: {
  panel: WindowPanel;
  busy: boolean;
  blocked: boolean;
  onCall: (n: string) => void;
}) {
  const { t } = useTranslation('queue');
  const columns: ColumnsType<Ticket> = [
    { title: '#', key: 'i', width: 40, render: (_v, _r, i) => i + 1 },
    {
      title: t('window.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Space size={4}>
          <strong>{v}</strong>
          <PriorityTag ticket={r} />
          {r.targetWindowId === panel.window.id ? <Tag color="blue">{t('window.target')}</Tag> : null}
          {r.transferCount > 0 ? <Tag>{t('window.transferred', { count: r.transferCount })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('kiosk.service'), dataIndex: 'serviceName' },
    { title: t('window.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => formatShortDateTime(v) },
    {
      key: 'call',
      width: 70,
      render: (_v, r) => (
        <Button size="small" disabled={blocked || busy} onClick={() => onCall(r.number)}>
          {t('action.call')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('window.waitingList')}
      extra={<span data-testid="queue-waiting-count">{t('window.waitingCount', { count: panel.waitingCount })}</span>}
    >
      <Table<Ticket>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={panel.waiting}
        locale={{ emptyText: t('window.noneWaiting') }}
        data-testid="queue-waiting"
      />
    </Card>
  );
}

function ParkedList({
  tickets,
  busy,
  occupied,
  onStep,
  onTransfer,
}: {
  tickets: Ticket[];
  busy: boolean;
  occupied: boolean;
  onStep: (t: Ticket, a: StepAction) => void;
  onTransfer: (t: Ticket) => void;
}) {
  const { t } = useTranslation('queue');
  return (
    <Card size="small" title={t('window.parkedList')}>
      {tickets.length === 0 ? (
        <Typography.Text type="secondary">{t('window.noneParked')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="queue-parked">
          {tickets.map((tk) => (
            <div key={tk.id} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
              <strong style={{ fontSize: 18 }}>{tk.number}</strong>
              <Tag>{tk.serviceName}</Tag>
              <PriorityTag ticket={tk} />
              <span style={{ flex: 1 }} />
              {/* A window holds one called or serving ticket at a time: resume after the current one. */}
              <Button size="small" type="primary" disabled={busy || occupied} onClick={() => onStep(tk, 'resume')}>
                {t('action.resume')}
              </Button>
              <Button size="small" disabled={busy} onClick={() => onStep(tk, 'end')}>
                {t('action.end')}
              </Button>
              <Button size="small" disabled={busy} onClick={() => onTransfer(tk)}>
                {t('action.transfer')}
              </Button>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
