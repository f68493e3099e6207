import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { KioskInfo, TicketPrint } from '@hall/contracts';
import { detectIdType } from '@hall/domain';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/labels';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PrintableTicket, ticketServiceName } from '../../../components/TicketReceipt';
import { useIssueKioskTicket, useKiosk } from '../api';
import { useClock } from './clock';
import './kiosk.css';

type KioskService = KioskInfo['services'][number];

/** Seconds the ticket stays on screen before the kiosk is ready for the next visitor. */
const TICKET_SECONDS = 20;
/** A visitor who walks away in the middle of choosing: back to the start after this long. */
const IDLE_SECONDS = 60;

const named = (x: { name: string; nameEn?: string | null }, lang: string) =>
  lang === 'en' && x.nameEn ? x.nameEn : x.name;

/** The hall's ticket kiosk (public, touch screen): pick a service, optionally a priority group and an ID, take a number. */
export function KioskPage() {
  const { hallCode = '' } = useParams();
  const { t } = useTranslation('queue');
  const kiosk = useKiosk(hallCode);
  const [service, setService] = useState<KioskService | null>(null);
  const [ticket, setTicket] = useState<TicketPrint | null>(null);
  const reset = () => {
    setService(null);
    setTicket(null);
  };

  let body;
  if (kiosk.isPending) body = <Spin size="large" />;
  else if (!kiosk.data) {
    const unknown = kiosk.error instanceof ApiError && kiosk.error.status === 404;
    body = (
      <div className="kiosk-message" data-testid="kiosk-load-error">
        <p>{unknown ? t('kiosk.unknownHall', { code: hallCode }) : t('kiosk.loadFailed')}</p>
        {!unknown ? (
          <Button size="large" onClick={() => void kiosk.refetch()}>
            {t('kiosk.retry')}
          </Button>
        ) : null}
      </div>
    );
  } else if (ticket) body = <TicketView ticket={ticket} onDone={reset} />;
  else if (service)
    body = (
      <OptionsStep
        hallCode={hallCode}
        info={kiosk.data}
        service={service}
        onBack={reset}
        onIssued={(tk) => setTicket(tk)}
      />
    );
  else body = <ServiceList info={kiosk.data} onPick={setService} />;

  return (
    <div className="kiosk" data-testid="kiosk">
      <KioskHeader title={kiosk.data?.hall.name ?? ''} />
      <main className="kiosk-main">{body}</main>
    </div>
  );
}

function KioskHeader({ title }: { title: string }) {
  const now = useClock();
  return (
    <header className="kiosk-header">
      <div className="kiosk-hall" data-testid="kiosk-hall">
        {title}
      </div>
      <div className="kiosk-header-right">
        <span className="kiosk-clock">{now}</span>
        <LanguageSwitch size="middle" />
      </div>
    </header>
  );
}

function ServiceList({ info, onPick }: { info: KioskInfo; onPick: (s: KioskService) => void }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  if (info.services.length === 0) return <div className="kiosk-message">{t('kiosk.noServices')}</div>;
  return (
    <>
      <h1 className="kiosk-title">{t('kiosk.welcome')}</h1>
      <div className="kiosk-services" data-testid="kiosk-services">
        {info.services.map((s) => {
          const usable = s.open && s.available;
          return (
            <button
              key={s.id}
              type="button"
              className="kiosk-service"
              disabled={!usable}
              onClick={() => onPick(s)}
              data-testid={`kiosk-service-${s.prefix}`}
            >
              <span className="kiosk-service-prefix">{s.prefix}</span>
              <span className="kiosk-service-name">{named(s, lang)}</span>
              <span className="kiosk-service-info">
                {!s.open
                  ? `${t('kiosk.closed')} · ${t('kiosk.hours', { opensAt: s.opensAt, closesAt: s.closesAt })}`
                  : !s.available
                    ? t('kiosk.full')
                    : t('kiosk.waiting', { count: s.waiting })}
              </span>
            </button>
          );
        })}
      </div>
    </>
  );
}

/** Back to the start after `seconds` without a touch; returns the seconds left. */
function useIdleReturn(seconds: number, onTimeout: () => void, deps: unknown[] = []) {
  const [left, setLeft] = useState(seconds);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  });
  useEffect(() => {
    setLeft(seconds);
    const started = Date.now();
    const timer = setInterval(() => {
      const l = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, l));
      if (l <= 0) {
        clearInterval(timer);
        timeout.current();
      }
    }, 500);
    return () => clearInterval(timer);
  }, [seconds, ...deps]);
  return left;
}

function OptionsStep({
  hallCode,
  info,
  service,
  onBack,
  onIssued,
}: {
  hallCode: string;
  info: KioskInfo;
  service: KioskService;
  onBack: () => void;
  onIssued: (t: TicketPrint) => void;
}) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const issue = useIssueKioskTicket(hallCode);
  const [priority, setPriority] = useState('normal');
  const [idNumber, setIdNumber] = useState('');
  const [touched, setTouched] = useState(0);
  useIdleReturn(IDLE_SECONDS, onBack, [touched]);
  const groups = info.priorities.length
    ? info.priorities
    : [{ code: 'normal', name: '普通', nameEn: 'Normal', weight: 1 }];

  const take = () => {
    const id = idNumber.replace(/\s+/g, '').toUpperCase();
    issue.mutate(
      {
        serviceId: service.id,
        priority,
        idType: id ? (detectIdType(id) ?? 'other') : null,
        idNumber: id || null,
      },
      { onSuccess: onIssued },
    );
  };

  return (
    <div className="kiosk-options" onPointerDown={() => setTouched((n) => n + 1)}>
      <div className="kiosk-chosen">
        <span className="kiosk-label">{t('kiosk.chosen')}</span>
        <span className="kiosk-chosen-name" data-testid="kiosk-chosen">
          {service.prefix} · {named(service, lang)}
        </span>
        <span className="kiosk-label">{t('kiosk.waiting', { count: service.waiting })}</span>
      </div>
      <div className="kiosk-field">
        <div className="kiosk-label">{t('kiosk.priority')}</div>
        <div className="kiosk-priorities">
          {groups.map((p) => (
            <button
              key={p.code}
              type="button"
              className={`kiosk-priority${priority === p.code ? ' selected' : ''}`}
              aria-pressed={priority === p.code}
              onClick={() => setPriority(p.code)}
              data-testid={`kiosk-priority-${p.code}`}
            >
              {named(p, lang)}
            </button>
          ))}
        </div>
      </div>
      <div className="kiosk-field">
        <div className="kiosk-label">{t('kiosk.idNumber')}</div>
        <Input
          size="large"
          className="kiosk-id"
          value={idNumber}
          maxLength={30}
          autoComplete="off"
          placeholder={t('kiosk.idPlaceholder')}
          onChange={(e) => {
            setIdNumber(e.target.value);
            setTouched((n) => n + 1);
          }}
          // A scanner types the number and presses Enter.
          onPressEnter={take}
          data-testid="kiosk-id"
        />
        <div className="kiosk-hint">{t('kiosk.idHint')}</div>
      </div>
      {issue.error ? (
        <Alert
          type="error"
          showIcon
          className="kiosk-error"
          title={t('kiosk.failed')}
          description={errorMessage(issue.error)}
          data-testid="kiosk-error"
        />
      ) : null}
      <div className="kiosk-actions">
        <button type="button" className="kiosk-back" onClick={onBack} data-testid="kiosk-back">
          {t('kiosk.back')}
        </button>
        <button type="button" className="kiosk-take" onClick={take} disabled={issue.isPending} data-testid="kiosk-take">
          {issue.isPending ? <Spin /> : t('kiosk.take')}
        </button>
      </div>
    </div>
  );
}

function TicketView({ ticket, onDone }: { ticket: TicketPrint; onDone: () => void }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const left = useIdleReturn(TICKET_SECONDS, onDone);
  return (
    <div className="kiosk-ticket" data-testid="kiosk-ticket">
      <div className="kiosk-label">{t('kiosk.ticketTitle')}</div>
      <div className="kiosk-ticket-number" data-testid="kiosk-ticket-number">
        {ticket.number}
      </div>
      <div className="kiosk-ticket-service">{ticketServiceName(ticket, lang)}</div>
      {ticket.windowNumber != null ? (
        <div className="kiosk-ticket-window">{t('kiosk.goWindow', { number: ticket.windowNumber })}</div>
      ) : null}
      <div className="kiosk-ticket-facts">
        <span data-testid="kiosk-ticket-ahead">{t('kiosk.ahead', { count: ticket.ahead })}</span>
        <span>{t('kiosk.estimate', { minutes: ticket.estimatedMinutes })}</span>
      </div>
      <div className="kiosk-label">
        {t('kiosk.time')} {formatDateTime(ticket.issuedAt)}
      </div>
      <div className="kiosk-hint">{t('kiosk.watch')}</div>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-back" onClick={onDone} data-testid="kiosk-done">
          {t('kiosk.done')}
        </button>
        <button type="button" className="kiosk-take" onClick={() => window.print()} data-testid="kiosk-print">
          {t('kiosk.print')}
        </button>
      </div>
      <div className="kiosk-hint" data-testid="kiosk-returning">
        {t('kiosk.returning', { seconds: left })}
      </div>
      <PrintableTicket ticket={ticket} />
    </div>
  );
}
