/**
 * The supervision schedule of an assigned case (R1.20): within the deadline the assigning window and
 * the group lead track the case daily, call the petitioner back weekly and inspect monthly. This
 * module says, for each kind, on which days an act is due, which of them were done, what is due
 * today, what is overdue and how many were missed. docs/decisions.md, "Supervision schedule (R1.20)".
 *
 * Due days (dates are China calendar days 'YYYY-MM-DD'; the assignment day itself is never due):
 *  - daily:   every working day after the assignment day (official calendar: weekends and public
 *             holidays skipped, make-up working days counted);
 *  - weekly:  the assignment day + 7, + 14, … days, each moved to the next working day when it is a
 *             day off; a moved day that reaches the next one (a long break) is the same due day;
 *  - monthly: the assignment day's day of the month in each following month, clamped to the month's
 *             last day (31 January → 28 February → 31 March), then moved to the next working day.
 *
 * A due day's period runs from it up to (not including) the next due day of the same kind. An act
 * of that kind recorded in the period does it. A due day not done is: due today on the day; overdue
 * while its period lasts (the next one not yet due); missed once the period is over. When the case
 * left supervision (`until` before today), the periods end with it.
 *
 * Pure: the calendar and today are handed in.
 */
import { addDays, type WorkCalendar } from './calendar.ts';

export const SupervisionKind = { daily: 'daily', weekly: 'weekly', monthly: 'monthly' } as const;
export type SupervisionKind = (typeof SupervisionKind)[keyof typeof SupervisionKind];
export const SUPERVISION_KINDS = Object.values(SupervisionKind);

export interface SupervisionActRef {
  kind: SupervisionKind | string;
  /** The China day the act was recorded on. */
  onDate: string;
}

export interface SupervisionScheduleInput {
  /** The China day the case was assigned (the assignment approved, or the case reassigned). */
  assignedOn: string;
  /** The last day the case is under supervision: today while it is assigned or handled, else the day it left. */
  until: string;
  acts: readonly SupervisionActRef[];
  calendar: WorkCalendar;
  today: string;
}

export type SupervisionSlotStatus = 'done' | 'dueToday' | 'overdue' | 'missed' | 'upcoming';

export interface SupervisionSlot {
  kind: SupervisionKind;
  due: string;
  /** The period's end, exclusive: the next due day of the kind (or the day after supervision ended). */
  periodEnd: string;
  status: SupervisionSlotStatus;
  /** The first act in the period, when done. */
  doneOn: string | null;
}

export interface SupervisionKindSchedule {
  kind: SupervisionKind;
  /** Every due day from the assignment up to `until`, oldest first. */
  slots: SupervisionSlot[];
  dueToday: boolean;
  /** The due day that is overdue (past, not done, the next one not yet due), if any. */
  overdueSince: string | null;
  missed: number;
  done: number;
  /** The next day an act is wanted: today's (or the overdue one's period) if not done, else the next due day; null once supervision ended. */
  nextDue: string | null;
  lastDoneOn: string | null;
}

export interface SupervisionSchedule {
  assignedOn: string;
  until: string;
  today: string;
  kinds: Record<SupervisionKind, SupervisionKindSchedule>;
  /** Kinds with an act due today and not yet done. */
  dueToday: SupervisionKind[];
  /** Kinds with an overdue act. */
  overdue: SupervisionKind[];
  /** Missed acts of all kinds. */
  missed: number;
  /** The earliest nextDue of the kinds. */
  nextDue: string | null;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1–12

/** The k-th (k ≥ 1) nominal monthly day: same day of the month, clamped to the month's end. */
function monthlyNominal(assignedOn: string, k: number): string {
  const y = Number(assignedOn.slice(0, 4));
  const m = Number(assignedOn.slice(5, 7)) - 1 + k; // 0-based month count from year y
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const day = Math.min(Number(assignedOn.slice(8, 10)), lastDayOfMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Working-day look-ups, remembered per calendar: a work list computes the schedules of hundreds of
 * cases over the same few weeks. A WorkCalendar does not change once built, so this stays pure.
 */
const memo = new WeakMap<WorkCalendar, Map<string, string>>();
function remembered(calendar: WorkCalendar, key: string, compute: () => string): string {
  let m = memo.get(calendar);
  if (!m) memo.set(calendar, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = compute()));
  return v;
}
const workdayOnOrAfter = (calendar: WorkCalendar, date: string) =>
  remembered(calendar, date, () => calendar.nextWorkdayOnOrAfter(date));
const workdayAfter = (calendar: WorkCalendar, date: string) =>
  remembered(calendar, `>${date}`, () => calendar.nextWorkdayOnOrAfter(addDays(date, 1)));

/** The due days of a kind, in increasing order, without end. */
export function* supervisionDueDays(
  kind: SupervisionKind,
  assignedOn: string,
  calendar: WorkCalendar,
): Generator<string> {
  if (kind === 'daily') {
    let d = assignedOn;
    for (;;) {
      d = workdayAfter(calendar, d);
      yield d;
    }
  }
  let previous = assignedOn;
  for (let k = 1; ; k++) {
    const nominal = kind === 'weekly' ? addDays(assignedOn, 7 * k) : monthlyNominal(assignedOn, k);
    const due = workdayOnOrAfter(calendar, nominal);
    if (due <= previous) continue; // a long break pushed the previous one here: the same due day
    previous = due;
    yield due;
  }
}

function kindSchedule(kind: SupervisionKind, input: SupervisionScheduleInput): SupervisionKindSchedule {
  const { assignedOn, until, today, calendar } = input;
  const acts = input.acts
    .filter((a) => a.kind === kind)
    .map((a) => a.onDate)
    .sort();
  const ended = until < today;
  const endOfSupervision = addDays(until, 1);

  const dues: string[] = [];
  let following: string | null = null; // the first due day after `until`
  if (until > assignedOn) {
    for (const d of supervisionDueDays(kind, assignedOn, calendar)) {
      if (d > until) {
        following = d;
        break;
      }
      dues.push(d);
    }
  } else {
    following = supervisionDueDays(kind, assignedOn, calendar).next().value as string;
  }

  const slots: SupervisionSlot[] = [];
  let a = 0; // index into the sorted acts
  for (let i = 0; i < dues.length; i++) {
    const due = dues[i];
    const next = i + 1 < dues.length ? dues[i + 1] : (following as string);
    const periodEnd = next < endOfSupervision ? next : endOfSupervision;
    while (a < acts.length && acts[a] < due) a++;
    // An act in [due, next) does it; after supervision ended there are no acts, so `next` is enough.
    const doneOn = a < acts.length && acts[a] < next ? acts[a] : null;
    let status: SupervisionSlotStatus;
    if (doneOn) status = 'done';
    else if (due > today) status = 'upcoming';
    else if (due === today) status = 'dueToday';
    else if (today < periodEnd) status = 'overdue';
    else status = 'missed';
    slots.push({ kind, due, periodEnd, status, doneOn });
  }

  const current = slots.find((s) => s.status === 'dueToday' || s.status === 'overdue');
  let nextDue: string | null = null;
  if (!ended) {
    if (current) nextDue = current.due;
    else nextDue = slots.find((s) => s.status === 'upcoming')?.due ?? following;
  }
  const doneSlots = slots.filter((s) => s.status === 'done');
  return {
    kind,
    slots,
    dueToday: slots.some((s) => s.status === 'dueToday'),
    overdueSince: slots.find((s) => s.status === 'overdue')?.due ?? null,
    missed: slots.filter((s) => s.status === 'missed').length,
    done: doneSlots.length,
    nextDue,
    lastDoneOn: acts.length ? acts[acts.length - 1] : null,
  };
}

/** The supervision schedule of one case: due days per kind, what is done, due today, overdue and missed (R1.20). */
export function supervisionSchedule(input: SupervisionScheduleInput): SupervisionSchedule {
  const kinds = Object.fromEntries(SUPERVISION_KINDS.map((k) => [k, kindSchedule(k, input)])) as Record<
    SupervisionKind,
    SupervisionKindSchedule
  >;
  const list = SUPERVISION_KINDS.map((k) => kinds[k]);
  const nexts = list
    .map((k) => k.nextDue)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    assignedOn: input.assignedOn,
    until: input.until,
    today: input.today,
    kinds,
    dueToday: list.filter((k) => k.dueToday).map((k) => k.kind),
    overdue: list.filter((k) => k.overdueSince !== null).map((k) => k.kind),
    missed: list.reduce((n, k) => n + k.missed, 0),
    nextDue: nexts[0] ?? null,
  };
}
