import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountabilityState, AccountabilityTrigger } from '@hall/domain';
import { useCommonT } from '../../../lib/labels';

const STATE_COLORS: Record<AccountabilityState, string> = {
  proposed: 'gold',
  approved: 'blue',
  rejected: 'default',
  noticeSent: 'cyan',
  rectified: 'success',
  rectificationPoor: 'volcano',
  investigationApproved: 'purple',
  concluded: 'default',
};

export function AccStateTag({ state, testId }: { state: AccountabilityState; testId?: string }) {
  const ct = useCommonT();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {ct('accountabilityState', state)}
    </Tag>
  );
}

/** The ground of the inquiry, marked when the system found it (R1.23). */
export function TriggerTag({ trigger, system }: { trigger: AccountabilityTrigger; system: boolean }) {
  const { t } = useTranslation('accountability');
  const ct = useCommonT();
  return (
    <Space size={4} wrap>
      <Tag color={system ? 'red' : 'orange'} data-testid="acc-trigger" data-trigger={trigger} style={{ marginInlineEnd: 0 }}>
        {ct('accountabilityTrigger', trigger)}
      </Tag>
      <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
        {system ? t('list.system') : t('list.staff')}
      </Tag>
    </Space>
  );
}
