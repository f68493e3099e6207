import { Badge, Button, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { useFloorAlerts } from '../api';
import { readsDisorder, seesWindowAlerts } from '../policy';
import { AlertList } from './AlertList';

/**
 * R2.3 for the windows: the day's list alerts for the user's window, polled every 15 s, as a small
 * count in the header with the alerts in a popover. Deliberately low-key (no name on the header, no
 * dialog): the screen may face the visitor. Renders nothing for users without queue:serve.
 */
export function FloorAlertsIndicator() {
  const { t } = useTranslation('floor');
  const { me } = useAuth();
  const on = seesWindowAlerts(me);
  const alerts = useFloorAlerts({ enabled: on, pollMs: 15_000 });
  if (!on) return null;
  const rows = alerts.data ?? [];
  if (rows.length === 0) return null;
  const open = rows.filter((a) => !a.acknowledgedAt).length;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('alerts.indicatorTitle', { count: open })}
      content={
        <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }}>
          <AlertList alerts={rows} showEntryLink={readsDisorder(me)} testId="indicator-alerts" />
        </div>
      }
    >
      <span data-testid="floor-alerts-indicator" data-count={open} style={{ display: 'inline-flex', lineHeight: 1 }}>
        <Badge count={open} size="small" offset={[-4, 2]} color="#d48806">
          <Button size="small" type="text" style={{ color: 'rgba(255,255,255,0.85)' }}>
            {t('alerts.indicator')}
          </Button>
        </Badge>
      </span>
    </Popover>
  );
}
