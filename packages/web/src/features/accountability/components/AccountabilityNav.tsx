import type { ReactNode } from 'react';
import { Badge, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { useAccountabilityList } from '../api';
import { seesAccountability, waitsOn } from '../policy';

export interface AccountabilityNavItem {
  key: string;
  path: string;
  label: ReactNode;
}

/** 责任查究 in the menu, with the number of inquiries waiting on the user (the domain's table decides). */
export function useAccountabilityNav(): AccountabilityNavItem[] {
  const { t } = useTranslation('accountability');
  const { me } = useAuth();
  const on = seesAccountability(me);
  const list = useAccountabilityList({}, on);
  if (!on) return [];
  const waiting = (list.data ?? []).filter((r) => waitsOn(me, r)).length;
  return [
    {
      key: 'accountability',
      path: '/accountability',
      label: (
        <Space size={4}>
          <span>{t('nav.accountability')}</span>
          {waiting > 0 ? (
            <span
              data-testid="nav-accountability-count"
              data-count={waiting}
              title={t('badge', { count: waiting })}
              style={{ display: 'inline-flex' }}
            >
              <Badge count={waiting} size="small" />
            </span>
          ) : null}
        </Space>
      ),
    },
  ];
}
