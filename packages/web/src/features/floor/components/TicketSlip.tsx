import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketPrint } from '@hall/contracts';
import { PrintableTicket, TicketReceipt } from '../../../components/TicketReceipt';

/**
 * The ticket the guide issued (R2.2 → R2.1): the same 80 mm slip as the kiosk's, shown at the desk
 * and printed alone (the shared receipt puts a print-only copy on the page).
 */
export function TicketSlip({ ticket }: { ticket: TicketPrint }) {
  const { t } = useTranslation('floor');
  return (
    <Space orientation="vertical" align="center" style={{ width: '100%' }}>
      <div style={{ border: '1px dashed #bbb' }} data-testid="guide-ticket" data-number={ticket.number}>
        <TicketReceipt ticket={ticket} />
      </div>
      <Button onClick={() => window.print()} data-testid="ticket-print">
        {t('ticket.print')}
      </Button>
      <PrintableTicket ticket={ticket} />
    </Space>
  );
}
