import { Tag } from 'antd';
import type { MatterState, VisitKind } from '@hall/domain';
import { useCommonT } from '../lib/labels';

const STATE_COLORS: Partial<Record<MatterState, string>> = {
  registered: 'processing',
  accepted: 'blue',
  notAccepted: 'orange',
  noLongerAccepted: 'volcano',
  transferred: 'cyan',
  mediating: 'purple',
  assignmentProposed: 'gold',
  assigned: 'geekblue',
  objected: 'red',
  handling: 'geekblue',
  closed: 'success',
  closedDeemed: 'success',
  terminated: 'default',
};

export function StateTag({ state, testId }: { state: MatterState; testId?: string }) {
  const ct = useCommonT();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid={testId} data-state={state}>
      {ct('state', state)}
    </Tag>
  );
}

const KIND_COLORS: Record<VisitKind, string> = { first: 'default', repeat: 'gold', skipLevel: 'magenta' };

export function VisitKindTag({ kind }: { kind: VisitKind | null }) {
  const ct = useCommonT();
  if (!kind) return <Tag variant="outlined">{ct('visitKind', 'unset')}</Tag>;
  return <Tag color={KIND_COLORS[kind]}>{ct('visitKind', kind)}</Tag>;
}
