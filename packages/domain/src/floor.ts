/**
 * The hall floor beyond the queue: the entry security check (R4.1), the guide desk (R2.2) and the
 * disorder list (R2.3). Pure rules; the services record and audit.
 */
import { addDays } from './calendar.ts';
import { conflict, invalid } from './errors.ts';
import { chinaTimeOfDay } from './queue.ts';

// R4.1: the entry check's results are registration's SecurityCheck (passed / itemsHeld / refused).

/** R2.2: what the guide did with a visitor. */
export const GuideOutcome = {
  /** In the hall's scope: a ticket for the right service was issued. */
  directed: 'directed',
  /** Not the hall's business: told so, and security informed. */
  outOfScope: 'outOfScope',
  /** A procedural legal question answered (never on substance). */
  legalAnswered: 'legalAnswered',
  /** Sent elsewhere in the building, no ticket (e.g. the court's main gate, another office). */
  pointedElsewhere: 'pointedElsewhere',
} as const;
export type GuideOutcome = (typeof GuideOutcome)[keyof typeof GuideOutcome];
export const GUIDE_OUTCOMES = Object.values(GuideOutcome);

/** R2.3: behaviour that disrupts the hall. */
export const DisorderKind = {
  blockingWindow: 'blockingWindow',
  abuse: 'abuse',
  lyingDown: 'lyingDown',
  stayingPastClosing: 'stayingPastClosing',
  other: 'other',
} as const;
export type DisorderKind = (typeof DisorderKind)[keyof typeof DisorderKind];
export const DISORDER_KINDS = Object.values(DisorderKind);

/** R2.3: who the guide informed. */
export const InformedParty = { dutyBailiff: 'dutyBailiff', divisionHead: 'divisionHead', hallStaff: 'hallStaff', security: 'security' } as const;
export type InformedParty = (typeof InformedParty)[keyof typeof InformedParty];
export const INFORMED_PARTIES = Object.values(InformedParty);

/**
 * A person on the disorder list: proposed by a guide or window with an incident, approved by a
 * supervisor with an expiry date, removed early by a supervisor. Expiry is not a stored status: an
 * entry is listed while `expiresOn` is today or later.
 */
export const DisorderStatus = { proposed: 'proposed', listed: 'listed', rejected: 'rejected', removed: 'removed' } as const;
export type DisorderStatus = (typeof DisorderStatus)[keyof typeof DisorderStatus];
export const DISORDER_STATUSES = Object.values(DisorderStatus);

export const DisorderAction = { approve: 'approve', reject: 'reject', remove: 'remove' } as const;
export type DisorderAction = (typeof DisorderAction)[keyof typeof DisorderAction];

export const DISORDER_TRANSITIONS = [
  { from: 'proposed', action: 'approve', to: 'listed' },
  { from: 'proposed', action: 'reject', to: 'rejected' },
  { from: 'listed', action: 'remove', to: 'removed' },
] as const satisfies readonly { from: DisorderStatus; action: DisorderAction; to: DisorderStatus }[];

/** The longest a person stays on the list in one approval (a supervisor may list again). */
export const DISORDER_MAX_DAYS = 365;

export function disorderTransition(
  status: DisorderStatus,
  action: DisorderAction,
  opts: { today: string; expiresOn?: string | null },
): DisorderStatus {
  const row = DISORDER_TRANSITIONS.find((t) => t.from === status && t.action === action);
  if (!row) throw conflict('disorder.actionNotAllowed', { action, status });
  if (action === 'approve') {
    const e = opts.expiresOn;
    if (!e || !/^\d{4}-\d{2}-\d{2}$/.test(e)) throw invalid('disorder.expiryRequired', {}, 'expiresOn');
    if (e < opts.today) throw invalid('disorder.expiryPast', {}, 'expiresOn');
    if (e > addDays(opts.today, DISORDER_MAX_DAYS)) throw invalid('disorder.expiryTooFar', { days: DISORDER_MAX_DAYS }, 'expiresOn');
  }
  return row.to;
}

/** Whether the entry alerts today: approved and not past its expiry date. */
export function disorderActive(e: { status: string; expiresOn: string | null }, today: string): boolean {
  return e.status === 'listed' && e.expiresOn !== null && e.expiresOn >= today;
}

/** The shown state, with expiry computed: listed entries past their date read as expired. */
export function disorderShownStatus(e: { status: string; expiresOn: string | null }, today: string): DisorderStatus | 'expired' {
  if (e.status === 'listed' && !disorderActive(e, today)) return 'expired';
  return e.status as DisorderStatus;
}

// ---------------------------------------------------------------------------------------------
// R2.3a: visitors who linger

/** A ticket waiting longer than this, never called, is listed for the guide (minutes). */
export const LINGER_WAIT_MINUTES = 60;
/** From this long before the hall's closing, every visitor whose ticket is not finished is listed. */
export const CLOSING_SOON_MINUTES = 30;

export const LingerReason = {
  /** Took a ticket long ago and has not been called: maybe left, maybe lost. */
  longWait: 'longWait',
  /** Called and recalled, never came to the window. */
  noShow: 'noShow',
  /** Closing time nears and the ticket is not finished: still in the hall. */
  closing: 'closing',
} as const;
export type LingerReason = (typeof LingerReason)[keyof typeof LingerReason];

export interface LingerTicket {
  id: number;
  status: string;
  issuedAt: string;
  endedAt: string | null;
}

/**
 * R2.3a: who the guide should go and ask whether anything is left undone. `closesAt` is the hall's
 * latest closing time today ('HH:MM' China time; null when no service closes today, e.g. open all day),
 * `now` the current instant. A ticket is listed once, with the most pressing reason (closing first).
 */
export function lingering<T extends LingerTicket>(
  tickets: readonly T[],
  opts: { now: Date; closesAt: string | null; waitMinutes?: number; closingMinutes?: number },
): { ticket: T; reason: LingerReason; minutes: number }[] {
  const now = opts.now.getTime();
  const waitMs = (opts.waitMinutes ?? LINGER_WAIT_MINUTES) * 60_000;
  const closing = opts.closesAt !== null && minutesToClosing(opts.now, opts.closesAt) <= (opts.closingMinutes ?? CLOSING_SOON_MINUTES);
  const open = ['waiting', 'called', 'serving', 'parked'];
  const out: { ticket: T; reason: LingerReason; minutes: number }[] = [];
  for (const t of tickets) {
    const waited = Math.floor((now - Date.parse(t.issuedAt)) / 60_000);
    if (closing && open.includes(t.status)) out.push({ ticket: t, reason: 'closing', minutes: waited });
    else if (t.status === 'waiting' && now - Date.parse(t.issuedAt) >= waitMs) out.push({ ticket: t, reason: 'longWait', minutes: waited });
    else if (t.status === 'noShow') out.push({ ticket: t, reason: 'noShow', minutes: waited });
  }
  const rank: Record<LingerReason, number> = { closing: 0, longWait: 1, noShow: 2 };
  return out.sort((a, b) => rank[a.reason] - rank[b.reason] || b.minutes - a.minutes || a.ticket.id - b.ticket.id);
}

/** Minutes from `now` to today's `closesAt` in China time (negative once past; '24:00' is midnight). */
export function minutesToClosing(now: Date, closesAt: string): number {
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  return minutes(closesAt) - minutes(chinaTimeOfDay(now));
}
