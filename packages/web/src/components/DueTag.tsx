import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '@hall/domain';
import { todayInChina } from '../lib/format';

/** Days from today (China) to a due day: positive left, 0 today, negative overdue. */
export const daysLeft = (due: string, today = todayInChina()) => daysBetween(today, due);

/**
 * A running deadline's days left: blue, orange within 3 days and today, red when overdue (R1.19).
 * `testId` marks it for tests; data-days carries the number.
 */
export function DueTag({ due, today, testId }: { due: string; today?: string; testId?: string }) {
  const { t } = useTranslation('common');
  const n = daysLeft(due, today);
  const color = n < 0 ? 'red' : n <= 3 ? 'orange' : 'blue';
  const text = n < 0 ? t('due.overdue', { count: -n }) : n === 0 ? t('due.today') : t('due.left', { count: n });
  return (
    <Tag color={color} data-testid={testId} data-days={n} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}

/** 暂定: the deadline used a year with no official holiday notice (R1.19). */
export function ProvisionalTag({ years }: { years: number[] }) {
  const { t, i18n } = useTranslation('common');
  const list = years.join(i18n.language === 'en' ? ', ' : '、');
  const paren = i18n.language === 'en' ? ` (${list})` : `（${list}）`;
  return (
    <Tooltip title={t('due.provisionalYears', { years: list })}>
      <Tag color="warning" data-testid="deadline-provisional" style={{ marginInlineEnd: 0 }}>
        {t('due.provisional')}
        {years.length ? paren : ''}
      </Tag>
    </Tooltip>
  );
}
