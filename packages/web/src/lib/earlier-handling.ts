/** Earlier handling (R1.5: what earlier units decided) between the form and the contract. */
import dayjs, { type Dayjs } from 'dayjs';
import type { EarlierHandling, Unit } from '@hall/contracts';

export interface EarlierHandlingFormItem {
  /** A unit's name: matched to a unit id when it is one of the configured units. */
  unitName?: string;
  date?: Dayjs | null;
  decision?: string;
}

export function toEarlierHandling(
  items: EarlierHandlingFormItem[] | undefined,
  units: readonly Unit[],
): EarlierHandling[] {
  return (items ?? [])
    .filter((i) => (i.decision ?? '').trim() || (i.unitName ?? '').trim())
    .map((i) => {
      const name = (i.unitName ?? '').trim();
      const unit = units.find((u) => u.name === name);
      return {
        unitId: unit?.id ?? null,
        unitName: name || null,
        date: i.date ? i.date.format('YYYY-MM-DD') : null,
        decision: (i.decision ?? '').trim(),
      };
    });
}

export function fromEarlierHandling(
  list: readonly EarlierHandling[] | undefined,
  units: readonly Unit[],
): EarlierHandlingFormItem[] {
  return (list ?? []).map((e) => ({
    unitName: e.unitName ?? units.find((u) => u.id === e.unitId)?.name ?? '',
    date: e.date ? dayjs(e.date) : null,
    decision: e.decision,
  }));
}

/** Server paths name the contract's fields; the form edits unitName for unitId. */
export const earlierHandlingPath = (path: string) => path.replace(/(earlierHandling\.\d+\.)unitId$/, '$1unitName');
