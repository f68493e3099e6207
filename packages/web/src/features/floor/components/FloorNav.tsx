import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth';
import { readsDisorder, usesGuideDesk } from '../policy';

export interface FloorNavItem {
  key: string;
  path: string;
  label: ReactNode;
}

/** 导访台 (guide or security) and 扰序名单 (those who read the list) in the menu. */
export function useFloorNav(): FloorNavItem[] {
  const { t } = useTranslation('floor');
  const { me } = useAuth();
  const items: FloorNavItem[] = [];
  if (usesGuideDesk(me)) items.push({ key: 'floor-guide', path: '/floor/guide', label: t('nav.guide') });
  if (readsDisorder(me)) items.push({ key: 'floor-disorder', path: '/floor/disorder', label: t('nav.disorder') });
  return items;
}
