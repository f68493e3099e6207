/**
 * The facts the workflow's guards read (MatterFacts), computed from a matter's records and today's
 * date in China. One place, so the buttons the UI shows and the checks the server makes agree.
 */
import { type MatterFacts, type MediationLevel, MEDIATION_LEVELS, addDays, chinaDate, proposeVisitKind } from '@hall/domain';
import { type MatterRow, type Repositories, bool } from '@hall/db';

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

export async function matterFacts(r: Repositories, m: MatterRow, now: Date): Promise<MatterFacts> {
  const today = chinaDate(now);
  const [locality, meetings, assignments, deadlines, extensions, notes, opinions, earlier, ratings] = await Promise.all([
    m.locality_code ? r.org.getDivision(m.locality_code) : undefined,
    r.cases.meetings(m.id),
    r.cases.assignments(m.id),
    r.cases.deadlines(m.id),
    r.cases.extensions(m.id),
    r.cases.notes(m.id),
    r.cases.opinions(m.id),
    r.matters.list({ hallId: m.hall_id, petitionerId: m.petitioner_id, excludeId: m.id, limit: 200 }),
    r.cases.satisfaction(m.id),
  ]);
  const level = meetings.reduce<MediationLevel | null>((max, x) => {
    const l = x.level as MediationLevel;
    return max === null || MEDIATION_LEVELS.indexOf(l) > MEDIATION_LEVELS.indexOf(max) ? l : max;
  }, null);

  // R1.9: the same person's earlier matter on the same subject ended without a reasonable demand or
  // after three levels: this one is not mediated again.
  const closedForGood = earlier.filter((e) => e.state === 'terminated' || e.state === 'closedDeemed' || e.state === 'noLongerAccepted');
  let relatedClosedForGood = false;
  if (closedForGood.length) {
    const units = await r.matters.unitIdsOf([m.id, ...closedForGood.map((e) => e.id)]);
    const related = proposeVisitKind({
      categoryId: m.category_id,
      localityCode: m.locality_code,
      unitIds: units.filter((u) => u.matter_id === m.id).map((u) => u.unit_id),
      localityIsCounty: false,
      countyUnitIds: [],
      earlierHandlingUnitIds: [],
      earlierMatters: closedForGood.map((e) => ({
        id: e.id,
        petitionNo: e.petition_no,
        categoryId: e.category_id,
        localityCode: e.locality_code,
        unitIds: units.filter((u) => u.matter_id === e.id).map((u) => u.unit_id),
      })),
    }).related;
    relatedClosedForGood = related.length > 0;
  }

  return {
    noLongerMediable: bool(m.no_reasonable_demand) || relatedClosedForGood,
    localityIsCounty: locality?.level === 'county',
    mediationLevel: level,
    ...caseStepFacts({
      today,
      activeDue: (kind) => deadlines.find((d) => d.kind === kind && d.status === 'active')?.due,
      assignmentStatus: assignments[assignments.length - 1]?.status,
      extensionPending: extensions.some((e) => e.status === 'pending'),
      leaderDay: bool(m.leader_day),
      specialReportFiled: notes.some((n) => n.kind === 'specialReport'),
      latestOpinion: opinions[opinions.length - 1],
    }),
    ratingOpen: satisfactionState(m, ratings, today) === 'pending',
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
    objectionOpen: c.assignmentStatus === 'assigned' && open('objection'),
    extensionPending: c.extensionPending,
    leaderDay: c.leaderDay,
    specialReportFiled: c.specialReportFiled,
    petitionerView: (c.latestOpinion?.petitioner_view as MatterFacts['petitionerView']) ?? null,
    hasOpinion: c.latestOpinion !== undefined,
    reviewWindowOpen: open('reviewRequest'),
    reReviewWindowOpen: open('reReviewRequest'),
  } satisfies Partial<MatterFacts>;
}
