import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { useQuery } from '@tanstack/react-query';
import type { Reference } from '@hall/contracts';
import { get } from '../../../lib/api';
import { referenceQueryKey } from '../../../lib/reference';
import { managesQueue, readsQueueStats, servesQueue } from '../policy';

export interface QueueNavItem {
  key: string;
  path: string;
  label: ReactNode;
  /** The hall's kiosk and board pages open in a new tab (they run full screen on their own device). */
  newTab?: boolean;
}

/** 叫号 (windows), 排队统计 (leadership), 排队业务 with the kiosk and board pages (administrator). */
export function useQueueNav(): QueueNavItem[] {
  const { t } = useTranslation('queue');
  const { me } = useAuth();
  const manages = managesQueue(me);
  // The hall's code for the kiosk and board addresses (the shared reference query, only for the administrator).
  const reference = useQuery({
    queryKey: referenceQueryKey,
    queryFn: () => get<Reference>('/reference'),
    staleTime: 5 * 60_000,
    enabled: manages,
  });
  const items: QueueNavItem[] = [];
  if (servesQueue(me)) items.push({ key: 'queue-window', path: '/queue/window', label: t('nav.window') });
  if (readsQueueStats(me)) items.push({ key: 'queue-stats', path: '/queue/stats', label: t('nav.stats') });
  if (manages) {
    items.push({ key: 'queue-services', path: '/queue/services', label: t('nav.services') });
    const code = reference.data?.hall.code;
    if (code) {
      items.push({ key: 'queue-kiosk', path: `/kiosk/${code}`, label: `${t('nav.kiosk')} ↗`, newTab: true });
      items.push({ key: 'queue-board', path: `/board/${code}`, label: `${t('nav.board')} ↗`, newTab: true });
    }
  }
  return items;
}
