/**
 * What the action descriptors compute from the matter: defaults, the units a form offers, the running
 * handling deadline and its extension budget, and the form-value converters their toBody functions use.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { DeadlineView, MatterDetail, Reference, Unit } from '@hall/contracts';
import { extensionCap, nextMediationLevels, type MediationLevel } from '@hall/domain';
import { todayInChina } from '../../../lib/format';

/** Today in China as the DatePicker's value. */
export const todayValue = () => dayjs(todayInChina());
export const notFuture = (d: Dayjs) => d.isAfter(todayValue(), 'day');
export const notPast = (d: Dayjs) => d.isBefore(todayValue(), 'day');

/** A DatePicker's value as YYYY-MM-DD (null when empty). */
export const day = (v: unknown): string | null => (v && dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : null);
/** A date-time picker's value with its offset ('' when empty). */
export const dateTime = (v: unknown): string =>
  v && dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DDTHH:mm:ssZ') : '';
/** A text field's value, trimmed ('' when empty). */
export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
/** A number field's value (null when empty). */
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A failed meeting escalates: propose the next level the domain allows (R1.14). */
export function proposedLevel(detail: MatterDetail): MediationLevel {
  const levels = nextMediationLevels(detail.facts.mediationLevel);
  const last = detail.case.meetings.at(-1);
  if (last && last.outcome === 'noAgreement' && levels.length > 1) return levels[1];
  return levels[0];
}

export const activeUnits = (ref: Reference) => ref.units.filter((u) => u.active);

/** R1.8: the county government and the county petition office of the matter's locality. */
export const countyUnits = (ref: Reference, detail: MatterDetail): Unit[] =>
  activeUnits(ref).filter(
    (u) =>
      (u.kind === 'county' || u.kind === 'countyOffice') &&
      !!detail.localityCode &&
      u.divisionCode === detail.localityCode,
  );

/** The unit a case most likely goes to: the window's own department, else the first unit involved. */
export function suggestedUnitId(ref: Reference, detail: MatterDetail): number | undefined {
  const window = ref.windows.find((w) => w.id === detail.windowId);
  const active = new Set(activeUnits(ref).map((u) => u.id));
  if (window?.unitId && active.has(window.unitId)) return window.unitId;
  return detail.units.find((u) => active.has(u.id))?.id;
}

/** The running handling deadline (R1.19), else the latest handling one. */
export function handleDeadline(detail: MatterDetail): DeadlineView | undefined {
  const handle = detail.case.deadlines.filter((d) => d.kind === 'handle');
  return handle.filter((d) => d.status === 'active').at(-1) ?? handle.at(-1);
}

/** Days of extension already approved on the running handling deadline, what is left and the cap (R1.19). */
export function extensionUse(detail: MatterDetail): { used: number; left: number; cap: number } {
  const d = handleDeadline(detail);
  const used = d ? d.extensions.reduce((a, e) => a + e.days, 0) : 0;
  const cap = extensionCap();
  return { used, left: Math.max(0, cap - used), cap };
}
