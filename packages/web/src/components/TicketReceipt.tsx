/**
 * The queue ticket as printed on an 80 mm receipt printer (issue 4: the kiosk and the registration
 * desk print the same slip). `PrintableTicket` puts the slip in a print-only layer of the page and,
 * while it is mounted, makes printing show that slip alone on an 80 mm page; the A4 notices printed
 * elsewhere in the app are not affected, because the page rule exists only while a slip is on screen.
 */
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TicketPrint } from '@hall/contracts';
import { formatDateTime } from '../lib/format';
import { addFeatureTranslations } from '../lib/i18n';
import { useLang } from '../lib/labels';

addFeatureTranslations(
  'ticket',
  {
    number: '您的号码',
    ahead: '前面还有 {{count}} 人',
    estimate: '预计等候约 {{minutes}} 分钟',
    window: '请到 {{number}} 号窗口办理',
    footer: '请留意叫号屏和语音呼叫，过号需重新取号',
    print: '打印号条',
  },
  {
    number: 'Your number',
    ahead: '{{count}} ahead of you',
    estimate: 'About {{minutes}} minutes’ wait',
    window: 'Please go to window {{number}}',
    footer: 'Watch the board and listen for your number; a missed number needs a new ticket',
    print: 'Print the ticket',
  },
);

const PRINT_CSS = `
@media screen { .ticket-print-layer { display: none; } }
@media print {
  @page { size: 80mm auto; margin: 0; }
  html, body { background: #fff !important; }
  body > *:not(.ticket-print-layer) { display: none !important; }
  .ticket-print-layer { display: block; }
}
`;

const RECEIPT_CSS = `
.ticket-receipt {
  width: 80mm; box-sizing: border-box; padding: 4mm 5mm 6mm; background: #fff; color: #000;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
  text-align: center; line-height: 1.5;
}
.ticket-receipt .tr-hall { font-size: 13pt; font-weight: 600; border-bottom: 1px dashed #000; padding-bottom: 2mm; }
.ticket-receipt .tr-label { font-size: 10pt; margin-top: 3mm; }
.ticket-receipt .tr-number { font-size: 40pt; font-weight: 700; letter-spacing: 2px; line-height: 1.1; }
.ticket-receipt .tr-service { font-size: 14pt; font-weight: 600; }
.ticket-receipt .tr-window { font-size: 14pt; font-weight: 700; margin-top: 2mm; }
.ticket-receipt .tr-line { font-size: 11pt; }
.ticket-receipt .tr-time { font-size: 10pt; margin-top: 2mm; }
.ticket-receipt .tr-footer { font-size: 9pt; border-top: 1px dashed #000; margin-top: 3mm; padding-top: 2mm; }
`;

export const ticketServiceName = (t: Pick<TicketPrint, 'serviceName' | 'serviceNameEn'>, lang: string) =>
  lang === 'en' && t.serviceNameEn ? t.serviceNameEn : t.serviceName;

/** The slip itself (80 mm wide): also shown on screen where a preview helps. */
export function TicketReceipt({ ticket, testId }: { ticket: TicketPrint; testId?: string }) {
  const { t } = useTranslation('ticket');
  const lang = useLang();
  return (
    <div className="ticket-receipt" data-testid={testId}>
      <style>{RECEIPT_CSS}</style>
      <div className="tr-hall">{ticket.hallName}</div>
      <div className="tr-label">{t('number')}</div>
      <div className="tr-number">{ticket.number}</div>
      <div className="tr-service">{ticketServiceName(ticket, lang)}</div>
      {ticket.windowNumber != null ? (
        <div className="tr-window">{t('window', { number: ticket.windowNumber })}</div>
      ) : null}
      <div className="tr-line">{t('ahead', { count: ticket.ahead })}</div>
      <div className="tr-line">{t('estimate', { minutes: ticket.estimatedMinutes })}</div>
      <div className="tr-time">{formatDateTime(ticket.issuedAt)}</div>
      <div className="tr-footer">{t('footer')}</div>
    </div>
  );
}

/** The slip in a print-only layer: render it next to the screen's own ticket, then call window.print(). */
export function PrintableTicket({ ticket }: { ticket: TicketPrint }) {
  return createPortal(
    <div className="ticket-print-layer">
      <style>{PRINT_CSS}</style>
      <TicketReceipt ticket={ticket} />
    </div>,
    document.body,
  );
}
