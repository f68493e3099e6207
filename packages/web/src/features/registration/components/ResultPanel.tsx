import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference, RegistrationResult } from '@hall/contracts';
import { hallWindows, windowLabel } from '../../../lib/reference';
import { PrintableTicket, TicketReceipt } from '../../../components/TicketReceipt';

/** The petition number and query code, large and copyable, to hand to the visitor. */
export function ResultPanel({
  result,
  reference,
  onNext,
  onOpen,
}: {
  result: RegistrationResult;
  reference: Reference;
  onNext: () => void;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('registration');
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);
  const win = hallWindows(reference, true).find((w) => w.id === result.windowId);
  const rec = reference.receptionists.find((r) => r.id === result.receptionistId);
  const big = { fontSize: 30, fontFamily: 'monospace', letterSpacing: 2 } as const;

  return (
    <Card data-testid="reg-result">
      <Result
        status="success"
        title={t('result.title')}
        subTitle={t('result.queryCodeHint')}
        extra={
          <Space>
            <Button type="primary" size="large" ref={nextRef} onClick={onNext} data-testid="reg-next">
              {t('result.next')}
            </Button>
            {onOpen ? (
              <Button size="large" onClick={onOpen}>
                {t('result.open')}
              </Button>
            ) : null}
            {result.ticket ? (
              <Button size="large" onClick={() => window.print()} data-testid="reg-print-ticket">
                {t('result.printTicket')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions
          column={1}
          bordered
          size="middle"
          styles={{ label: { width: 160, fontSize: 16 } }}
          items={[
            {
              key: 'no',
              label: t('result.petitionNo'),
              children: (
                <Typography.Text copyable strong style={big} data-testid="reg-result-petitionNo">
                  {result.petitionNo}
                </Typography.Text>
              ),
            },
            {
              key: 'code',
              label: t('result.queryCode'),
              children: (
                <Typography.Text
                  copyable
                  strong
                  style={{ ...big, color: '#a8071a' }}
                  data-testid="reg-result-queryCode"
                >
                  {result.queryCode}
                </Typography.Text>
              ),
            },
            { key: 'win', label: t('result.window'), children: win ? windowLabel(win) : String(result.windowId) },
            { key: 'rec', label: t('result.receptionist'), children: rec?.displayName ?? '—' },
            ...(result.ticket
              ? [
                  {
                    key: 'ticket',
                    label: t('result.ticket'),
                    children: (
                      <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                        <div>
                          <Typography.Text strong style={{ ...big, color: '#d4380d' }} data-testid="reg-result-ticket">
                            {result.ticket.number}
                          </Typography.Text>
                          <div>
                            <Typography.Text type="secondary">{t('result.ticketHint')}</Typography.Text>
                          </div>
                        </div>
                        <div style={{ border: '1px dashed #bfbfbf' }}>
                          <TicketReceipt ticket={result.ticket} />
                        </div>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {result.ticket ? <PrintableTicket ticket={result.ticket} /> : null}
      </Result>
    </Card>
  );
}
