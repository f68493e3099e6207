import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisorderShown } from '../api';

const STATUS_COLOR: Record<DisorderShown, string> = {
  proposed: 'gold',
  listed: 'volcano',
  rejected: 'default',
  removed: 'default',
  expired: 'default',
};

/** The entry's shown status (expiry computed by the server: a listed entry past its date reads 已过期). */
export function DisorderStatusTag({ status }: { status: DisorderShown }) {
  const { t } = useTranslation('floor');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="disorder-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
