/**
 * The facts the workflow's guards read (MatterFacts), computed from a case's bundle and today's
 * date in China: a pure function, so the buttons the UI shows and the checks the server makes agree.
 */
import { type CountyStep, type MatterFacts, type MediationLevel, MEDIATION_LEVELS, addDays, chinaDate, proposeVisitKind } from '@hall/domain';
import { type MatterRow, bool } from '@hall/db';
import { type CaseBundle, activeDeadlineOf } from './case.bundle.ts';
import { countyUnitOf } from './matter-access.ts';

/** Days after closing in which the petitioner's rating is taken (see docs/decisions.md). */
export const RATING_DAYS = 30;

/**
 * The satisfaction state of the national record: null while the matter is open; then pending
 * (closed, not rated, within the period), rated, not rated (the petitioner declined to rate),
 * expired (the period passed without one).
 */
export function satisfactionState(m: Pick<MatterRow, 'state' | 'closed_at'>, ratings: readonly { rating: string }[], today: string) {
  if (!m.closed_at || !['closed', 'closedDeemed', 'reviewed', 'terminated'].includes(m.state)) return null;
  if (ratings.length) return ratings.every((x) => x.rating === 'notRated') ? ('notRated' as const) : ('rated' as const);
  return today <= addDays(chinaDate(new Date(m.closed_at)), RATING_DAYS) ? ('pending' as const) : ('expired' as const);
}

const CLOSED_FOR_GOOD = new Set(['terminated', 'closedDeemed', 'noLongerAccepted']);

/**
 * R1.9: the person's earlier matters on the same subject that ended without a reasonable demand,
 * after three levels, or were no longer accepted: this one is not mediated again.
 */
export function relatedClosedForGood(b: CaseBundle): { id: number; petitionNo: string; state: string }[] {
  const closed = b.earlier.filter((e) => CLOSED_FOR_GOOD.has(e.state));
  if (closed.length === 0) return [];
  return proposeVisitKind({
    categoryId: b.m.category_id,
    localityCode: b.m.locality_code,
    unitIds: b.m.units.map((u) => u.id),
    localityIsCounty: false,
    countyUnitIds: [],
    earlierHandlingUnitIds: [],
    earlierMatters: closed.map((e) => ({
      id: e.id,
      petitionNo: e.petition_no,
      categoryId: e.category_id,
      localityCode: e.locality_code,
      unitIds: e.unit_ids,
    })),
  }).related.map((r) => ({ id: r.id, petitionNo: r.petitionNo, state: closed.find((e) => e.id === r.id)!.state }));
}

/**
 * R1.8: where a matter transferred directly to a county stands there: its receipt and its answer
 * are the county unit's notes (kinds 'countyReceipt', 'countyAnswer'); null when it went to no county.
 */
export function countyStepOf(b: CaseBundle): CountyStep | null {
  const unitId = countyUnitOf(b.m);
  if (unitId === null) return null;
  const has = (kind: string) => b.m.notes.some((n) => n.kind === kind && n.unit_id === unitId);
  return has('countyAnswer') ? 'answered' : has('countyReceipt') ? 'received' : 'sent';
}

export function caseFacts(b: CaseBundle, now: Date): MatterFacts {
  const { m } = b;
  const today = chinaDate(now);
  const sameMatterClosedForGood = relatedClosedForGood(b).length > 0;
  const level = m.meetings.reduce<MediationLevel | null>((max, x) => {
    const l = x.level as MediationLevel;
    return max === null || MEDIATION_LEVELS.indexOf(l) > MEDIATION_LEVELS.indexOf(max) ? l : max;
  }, null);
  return {
    // R1.9: the same matter closed for good is not mediated again; once the receptionist has recorded
    // why this one is a new matter (new facts and reasons), it is handled as a new matter.
    noLongerMediable: bool(m.no_reasonable_demand) || (sameMatterClosedForGood && !m.notes.some((n) => n.kind === 'newMatterReason')),
    // R1.9: accepting the same matter again needs the reason why it is a new one (the accept row's input check).
    sameMatterClosedForGood,
    localityIsCounty: m.locality_level === 'county',
    // R1.8: the county's units of the locality (whether the chosen one is active, the effect checks).
    countyUnitIds: m.locality_units.filter((u) => u.kind === 'county' || u.kind === 'countyOffice').map((u) => u.id),
    countyStep: countyStepOf(b),
    mediationLevel: level,
    ...caseStepFacts({
      today,
      activeDue: (kind) => activeDeadlineOf(b, kind)?.due,
      assignmentStatus: m.assignments[m.assignments.length - 1]?.status,
      extensionPending: m.extensions.some((e) => e.status === 'pending'),
      leaderDay: bool(m.leader_day),
      specialReportFiled: m.notes.some((n) => n.kind === 'specialReport'),
      latestOpinion: m.opinions[m.opinions.length - 1],
    }),
    ratingOpen: satisfactionState(m, m.satisfaction, today) === 'pending',
  };
}

/** What the facts of a case's assignment, deadlines, extensions and opinions are made of. */
export interface CaseStepRecords {
  today: string;
  /** The due day of the active deadline of a kind, if one runs. */
  activeDue: (kind: string) => string | undefined;
  /** The status of the current (latest) assignment. */
  assignmentStatus: string | undefined;
  extensionPending: boolean;
  leaderDay: boolean;
  specialReportFiled: boolean;
  latestOpinion: { petitioner_view: string | null } | undefined;
}

/**
 * The facts of the handling steps, from records however they were loaded (one case here, a batch in
 * the work lists): one rule, so the inbox and the case page offer the same actions.
 */
export function caseStepFacts(c: CaseStepRecords) {
  const open = (kind: string) => {
    const due = c.activeDue(kind);
    return due !== undefined && c.today <= due;
  };
  return {
    today: c.today,
    objectionOpen: c.assignmentStatus === 'assigned' && open('objection'),
    extensionPending: c.extensionPending,
    leaderDay: c.leaderDay,
    specialReportFiled: c.specialReportFiled,
    petitionerView: (c.latestOpinion?.petitioner_view as MatterFacts['petitionerView']) ?? null,
    hasOpinion: c.latestOpinion !== undefined,
    reviewWindowOpen: open('reviewRequest'),
    reReviewWindowOpen: open('reReviewRequest'),
    reviewRequestDue: c.activeDue('reviewRequest') ?? null,
    reReviewRequestDue: c.activeDue('reReviewRequest') ?? null,
  } satisfies Partial<MatterFacts>;
}
