/**
 * Work lists: the supervision schedule of assigned cases (R1.20), each staff member's inbox of what
 * waits on him or her (issue 3), and urges per unit (R1.7). Read-only.
 *
 * What waits on whom is read from the workflow table: a case is in a category when the user may take
 * the category's action on it now (allowedActions with the case's facts). The facts are computed for
 * all cases in scope at once from a few batch queries (WorklistRepository), never per case.
 */
import type {
  Inbox,
  InboxCategory,
  InboxCategoryKey,
  InboxItem,
  SupervisionCase,
  SupervisionDue,
  SupervisionDueQuery,
  UnitUrges,
  UnitUrgesQuery,
} from '@hall/contracts';
import {
  type MatterAction,
  type MatterFacts,
  type MatterState,
  MATTER_TRANSITIONS,
  NO_FACTS,
  Permission,
  SUPERVISION_KINDS,
  type SupervisionSchedule,
  type WorkCalendar,
  allowedActions,
  can,
  chinaDate,
  forbidden,
  supervisionSchedule,
} from '@hall/domain';
import { type Repositories, bool, repositories } from '@hall/db';
import type { Actor, Ctx, Deps } from '../../context.ts';
import { loadCalendar } from '../cases/calendar.ts';
import { caseStepFacts } from '../cases/case-facts.ts';
import { openMaskedName } from '../reception/personal-data.ts';

type WorkScope = Parameters<Repositories['worklist']['matters']>[0];
type WorkPart = NonNullable<WorkScope['parts']>[number];
type WorkMatter = Awaited<ReturnType<Repositories['worklist']['matters']>>[number];

/** How many items a category lists; its count is always complete. */
export const INBOX_ITEMS_PER_CATEGORY = 50;
const URGES_LISTED = 200;

/** States in which a case is supervised (the workflow's `supervise` rows, R1.20). */
const SUPERVISED: MatterState[] = [
  ...new Set(MATTER_TRANSITIONS.filter((t) => t.action === 'supervise').map((t) => t.from)),
];
/** States in which the handling deadline can be running (from the assignment to the opinion). */
const HANDLE_RUNNING: MatterState[] = [
  'assigned',
  'objected',
  'handling',
  'opinionIssued',
  'opinionDelivered',
  'underReview',
  'awaitingSignOff',
];

/** The workflow actions that put a case in a category: the case waits on whoever may take them. */
const CATEGORY_OF_ACTION: Partial<Record<MatterAction, InboxCategoryKey>> = {
  accept: 'reception',
  approveAssignment: 'approvals',
  approveExtension: 'approvals',
  signFor: 'signFor',
  reassign: 'objections',
  issueOpinion: 'toHandle',
  recordDelivery: 'toHandle',
  unitSignOff: 'opinionSignOff',
  reviewCase: 'reviews',
  signOff: 'signOff',
  deemClosed: 'signOff',
};

/** The categories in the order the inbox shows them, each with the permissions that make it the user's. */
const CATEGORIES: { key: InboxCategoryKey; any: Permission[] }[] = [
  { key: 'approvals', any: [Permission.assignmentApprove, Permission.extensionDecide] },
  { key: 'signOff', any: [Permission.caseClose] },
  { key: 'accountability', any: [Permission.accountabilityApprove] },
  { key: 'signFor', any: [Permission.assignmentRespond] },
  { key: 'toHandle', any: [Permission.opinionIssue] },
  { key: 'opinionSignOff', any: [Permission.opinionSignOff] },
  { key: 'reception', any: [Permission.matterDecide] },
  { key: 'objections', any: [Permission.assignmentPropose] },
  { key: 'reviews', any: [Permission.caseReview] },
  { key: 'supervision', any: [Permission.supervisionRecord] },
  { key: 'overdue', any: [Permission.matterReadAll, Permission.matterReadOwnWindow, Permission.matterReadOwnUnit] },
];

/** Whose work a category is: the window's (the case's window), the unit's (the case's unit) or the hall's leadership. */
const WINDOW_WORK: InboxCategoryKey[] = ['reception', 'objections', 'reviews'];
const UNIT_WORK: InboxCategoryKey[] = ['signFor', 'toHandle', 'opinionSignOff'];

/** All records the facts and schedules of the cases in a scope need, loaded in one go. */
interface Batch {
  matters: WorkMatter[];
  since: Map<number, string>;
  /** The current (last) assignment of each case. */
  assignment: Map<number, Awaited<ReturnType<Repositories['worklist']['assignments']>>[number]>;
  /** The first active deadline of each kind per case ('handle', 'objection', 'reviewRequest', 'reReviewRequest'). */
  deadline: Map<string, string>;
  extension: Map<number, { requested_at: string }>;
  specialReport: Set<number>;
  opinion: Map<number, { petitioner_view: string | null }>;
  acts: Map<number, { kind: string; onDate: string }[]>;
}

const dkey = (matterId: number, kind: string) => `${matterId}:${kind}`;

async function loadBatch(r: Repositories, scope: WorkScope): Promise<Batch> {
  const w = r.worklist;
  // The scope is evaluated once; the records are then read by the matters' ids.
  const matters = await w.matters(scope);
  const ids = matters.map((m) => m.id);
  const [since, assignments, deadlines, extensions, reports, opinions, acts] = await Promise.all([
    w.stateSince(ids),
    w.assignments(ids),
    w.activeDeadlines(ids, ['handle', 'objection', 'reviewRequest', 'reReviewRequest']),
    w.pendingExtensions(ids),
    w.mattersWithNote(ids, 'specialReport'),
    w.opinions(ids),
    w.supervisionActs(ids),
  ]);
  const b: Batch = {
    matters,
    since: new Map(since.map((s) => [s.matter_id, String(s.at)])),
    assignment: new Map(assignments.map((a) => [a.matter_id, a])), // later rows win: the current one
    deadline: new Map(),
    extension: new Map(),
    specialReport: new Set(reports),
    opinion: new Map(opinions.map((o) => [o.matter_id, o])),
    acts: new Map(),
  };
  for (const d of deadlines)
    if (d.matter_id !== null && !b.deadline.has(dkey(d.matter_id, d.kind)))
      b.deadline.set(dkey(d.matter_id, d.kind), d.due);
  for (const e of extensions) if (!b.extension.has(e.matter_id)) b.extension.set(e.matter_id, e);
  for (const a of acts) {
    const list = b.acts.get(a.matter_id) ?? [];
    list.push({ kind: a.kind, onDate: a.on_date });
    b.acts.set(a.matter_id, list);
  }
  return b;
}

/**
 * The facts the workflow guards read, from the batch, by the same rule as the case page
 * (cases/case-facts.ts caseStepFacts: today, the step facts and the review windows' due days). Left at
 * their defaults: noLongerMediable, localityIsCounty, countyUnitIds and mediationLevel, which only guard
 * or check actions from `accepted` and `mediating` (mediation, transfer to a county), none of which
 * puts a case in an inbox category; and sameMatterClosedForGood, which only checks the accept's input
 * (the accept stays offered: R1.9 asks for the reason why the matter is new).
 */
function factsOf(b: Batch, m: WorkMatter, today: string): MatterFacts {
  return {
    ...NO_FACTS,
    ...caseStepFacts({
      today,
      activeDue: (kind) => b.deadline.get(dkey(m.id, kind)),
      assignmentStatus: b.assignment.get(m.id)?.status,
      extensionPending: b.extension.has(m.id),
      leaderDay: bool(m.leader_day),
      specialReportFiled: b.specialReport.has(m.id),
      latestOpinion: b.opinion.get(m.id),
    }),
  };
}

/** The day a case was assigned (or reassigned): its current assignment's decision, in China. */
function assignedOn(b: Batch, m: WorkMatter): string | null {
  const a = b.assignment.get(m.id);
  return a?.decided_at ? chinaDate(new Date(a.decided_at)) : null;
}

function scheduleOf(b: Batch, m: WorkMatter, calendar: WorkCalendar, today: string): SupervisionSchedule | null {
  const on = assignedOn(b, m);
  if (!on) return null;
  return supervisionSchedule({ assignedOn: on, until: today, today, acts: b.acts.get(m.id) ?? [], calendar });
}

const readsAll = (a: Actor) => can(a.roles, Permission.matterReadAll);
const readsWindow = (a: Actor) => can(a.roles, Permission.matterReadOwnWindow);
const readsUnit = (a: Actor) => can(a.roles, Permission.matterReadOwnUnit);

/** The matters the user may read, as a scope (like the matter list): the hall, a window, a unit; null when none. */
function readScope(a: Actor, states: readonly string[]): WorkScope | null {
  if (readsAll(a)) return { hallId: a.hallId, states };
  const windowId = readsWindow(a) ? a.windowId : null;
  const unitId = readsUnit(a) ? a.unitId : null;
  if (windowId === null && unitId === null) return null;
  return { hallId: a.hallId, states, windowId, unitId };
}

/**
 * The candidates of each of the user's categories, as parts of the inbox's scope: the states its
 * actions start from, narrowed where the category itself is narrower (a window's or a unit's work,
 * an extension waiting, a handling deadline passed). Each part is a superset of its category.
 */
function inboxParts(actor: Actor, keys: ReadonlySet<InboxCategoryKey>, today: string): WorkPart[] {
  const window = actor.windowId ?? -1;
  const unit = actor.unitId ?? -1;
  const parts: WorkPart[] = [];
  for (const t of MATTER_TRANSITIONS) {
    const key = CATEGORY_OF_ACTION[t.action];
    if (!key || !keys.has(key) || !can(actor.roles, t.permission)) continue;
    parts.push({
      states: [t.from],
      ...(WINDOW_WORK.includes(key) ? { windowId: window } : {}),
      ...(UNIT_WORK.includes(key) ? { unitId: unit } : {}),
      ...(t.action === 'approveExtension' ? { pendingExtension: true } : {}),
    });
  }
  if (keys.has('supervision')) parts.push({ states: SUPERVISED, ...(readsAll(actor) ? {} : { windowId: window }) });
  if (keys.has('overdue')) parts.push({ states: HANDLE_RUNNING, handleDueBefore: today });
  // Rows of the same action from several states, or of several actions, often give the same part.
  const seen = new Map<string, WorkPart>();
  for (const p of parts) {
    const { states, ...cond } = p;
    const k = JSON.stringify(cond);
    const had = seen.get(k);
    seen.set(k, had ? { ...had, states: [...new Set([...had.states, ...states])] } : p);
  }
  return [...seen.values()];
}

export class WorklistService {
  constructor(private readonly deps: Deps) {}

  /**
   * R1.20: the supervised cases (assigned or handled) in the user's scope with their schedule:
   * due today, overdue, missed, next due. Window staff see their window's, the group lead and the
   * hall's readers every window's (optionally one), unit staff their unit's.
   */
  async supervisionDue(ctx: Ctx, q: SupervisionDueQuery): Promise<SupervisionDue> {
    const { actor } = ctx;
    const today = chinaDate(ctx.now);
    if (!readsAll(actor) && !readsWindow(actor) && !readsUnit(actor)) throw forbidden();
    if (!readsAll(actor) && readsWindow(actor) && q.windowId !== undefined && q.windowId !== actor.windowId) {
      throw forbidden('auth.notYourWindow');
    }
    const scope = readScope(actor, SUPERVISED);
    const empty: SupervisionDue = { today, cases: [], totals: { cases: 0, dueToday: 0, overdue: 0, missed: 0 } };
    if (!scope) return empty;
    if (readsAll(actor) && q.windowId !== undefined) scope.windowId = q.windowId;

    const r = repositories(this.deps.database.db);
    const [b, calendar] = await Promise.all([loadBatch(r, scope), loadCalendar(r)]);
    const cases: SupervisionCase[] = [];
    for (const m of b.matters) {
      if (q.windowId !== undefined && m.window_id !== q.windowId) continue;
      const s = scheduleOf(b, m, calendar, today);
      if (!s) continue;
      cases.push({
        matterId: m.id,
        petitionNo: m.petition_no,
        summary: m.summary,
        state: m.state,
        version: m.version,
        petitionerName: openMaskedName(this.deps.cipher, m.petitioner_name_enc) ?? '',
        windowId: m.window_id,
        windowName: m.window_name,
        unitId: m.assigned_unit_id,
        unitName: m.unit_name,
        assignedOn: s.assignedOn,
        handleDue: b.deadline.get(dkey(m.id, 'handle')) ?? null,
        kinds: SUPERVISION_KINDS.map((k) => {
          const x = s.kinds[k];
          return {
            kind: k,
            dueToday: x.dueToday,
            overdueSince: x.overdueSince,
            missed: x.missed,
            done: x.done,
            due: x.slots.length,
            nextDue: x.nextDue,
            lastDoneOn: x.lastDoneOn,
          };
        }),
        dueToday: s.dueToday,
        overdue: s.overdue,
        missed: s.missed,
        nextDue: s.nextDue,
      });
    }
    cases.sort(
      (x, y) =>
        Number(y.overdue.length > 0) - Number(x.overdue.length > 0) ||
        Number(y.dueToday.length > 0) - Number(x.dueToday.length > 0) ||
        (x.nextDue ?? '9999').localeCompare(y.nextDue ?? '9999') ||
        x.matterId - y.matterId,
    );
    return {
      today,
      cases,
      totals: {
        cases: cases.length,
        dueToday: cases.filter((c) => c.dueToday.length > 0).length,
        overdue: cases.filter((c) => c.overdue.length > 0).length,
        missed: cases.reduce((n, c) => n + c.missed, 0),
      },
    };
  }

  /** What waits on the signed-in user, by category, with complete counts (for the navigation) and the first items. */
  async inbox(ctx: Ctx): Promise<Inbox> {
    const { actor } = ctx;
    const today = chinaDate(ctx.now);
    const mine = CATEGORIES.filter((c) => c.any.some((p) => can(actor.roles, p)));
    const keys = new Set(mine.map((c) => c.key));
    const items = new Map<InboxCategoryKey, InboxItem[]>(mine.map((c) => [c.key, []]));
    const counts = new Map<InboxCategoryKey, number>(mine.map((c) => [c.key, 0]));

    // Only the states in which one of the user's categories can arise are loaded.
    const states = new Set<MatterState>();
    for (const t of MATTER_TRANSITIONS) {
      const key = CATEGORY_OF_ACTION[t.action];
      if (key && keys.has(key) && can(actor.roles, t.permission)) states.add(t.from);
    }
    if (keys.has('supervision')) SUPERVISED.forEach((s) => states.add(s));
    if (keys.has('overdue')) HANDLE_RUNNING.forEach((s) => states.add(s));
    const scope = readScope(actor, [...states]);
    const r = repositories(this.deps.database.db);
    // Only the cases that can be in one of the user's categories are loaded (issue 9 §3: at a million
    // matters the open cases in scope are thousands): per category a superset the database finds with
    // its indexes; the workflow's check below still decides membership, exactly as before.
    if (scope) scope.parts = inboxParts(actor, keys, today);

    if (scope && states.size > 0) {
      const [b, calendar] = await Promise.all([loadBatch(r, scope), keys.has('supervision') ? loadCalendar(r) : null]);
      for (const m of b.matters) {
        const facts = factsOf(b, m, today);
        const actions = allowedActions(m.state as MatterState, actor.roles, facts);
        const item = (extra: Partial<InboxItem> = {}): InboxItem => ({
          matterId: m.id,
          petitionNo: m.petition_no,
          summary: m.summary,
          state: m.state,
          petitionerName: openMaskedName(this.deps.cipher, m.petitioner_name_enc) ?? '',
          windowName: m.window_name,
          unitName: m.unit_name,
          actions,
          since: b.since.get(m.id) ?? null,
          due: null,
          ...extra,
        });
        const add = (key: InboxCategoryKey, extra?: Partial<InboxItem>) => {
          counts.set(key, (counts.get(key) ?? 0) + 1);
          items.get(key)!.push(item(extra));
        };
        const ownWindow = actor.windowId !== null && m.window_id === actor.windowId;
        const ownUnit = actor.unitId !== null && m.assigned_unit_id === actor.unitId;
        const handleDue = b.deadline.get(dkey(m.id, 'handle')) ?? null;

        const added = new Set<InboxCategoryKey>();
        for (const action of actions) {
          const key = CATEGORY_OF_ACTION[action];
          if (!key || !keys.has(key) || added.has(key)) continue;
          if (WINDOW_WORK.includes(key) && !ownWindow) continue;
          if (UNIT_WORK.includes(key) && !ownUnit) continue;
          // A visitor routed to a named receptionist waits on that receptionist.
          if (key === 'reception' && m.receptionist_id !== null && m.receptionist_id !== actor.id) continue;
          added.add(key);
          if (action === 'approveExtension')
            add(key, { since: b.extension.get(m.id)?.requested_at ?? null, due: handleDue });
          else if (key === 'signFor')
            add(key, { due: facts.objectionOpen ? (b.deadline.get(dkey(m.id, 'objection')) ?? null) : null });
          else if (key === 'toHandle') add(key, { due: handleDue });
          else add(key);
        }
        // R1.20: supervision due today or overdue, for the assigning window (the group lead: every window).
        if (calendar && actions.includes('supervise') && (readsAll(actor) || ownWindow)) {
          const s = scheduleOf(b, m, calendar, today);
          if (s && (s.dueToday.length > 0 || s.overdue.length > 0)) {
            const overdueSince = s.overdue.map((k) => s.kinds[k].overdueSince!).sort()[0];
            add('supervision', {
              due: overdueSince ?? today,
              supervision: { dueToday: s.dueToday, overdue: s.overdue },
            });
          }
        }
        // R1.19: past the handling deadline.
        if (keys.has('overdue') && handleDue !== null && handleDue < today) add('overdue', { due: handleDue });
      }
    }

    if (keys.has('accountability')) {
      const [n, rows] = await Promise.all([
        r.worklist.countAccountabilityProposed(actor.hallId),
        r.worklist.accountabilityProposed(actor.hallId, INBOX_ITEMS_PER_CATEGORY),
      ]);
      counts.set('accountability', n);
      items.set(
        'accountability',
        rows.map((a) => ({
          matterId: a.matter_id,
          petitionNo: a.petition_no,
          summary: a.summary,
          state: a.state,
          petitionerName: openMaskedName(this.deps.cipher, a.petitioner_name_enc) ?? '',
          windowName: a.window_name,
          unitName: a.unit_name,
          actions: [],
          since: a.created_at,
          due: null,
          accountabilityId: a.id,
        })),
      );
    }

    const categories: InboxCategory[] = mine.map(({ key }) => ({
      key,
      count: counts.get(key) ?? 0,
      items: items
        .get(key)!
        .sort(
          (x, y) =>
            (x.due ?? '9999').localeCompare(y.due ?? '9999') ||
            (x.since ?? '').localeCompare(y.since ?? '') ||
            x.matterId - y.matterId,
        )
        .slice(0, INBOX_ITEMS_PER_CATEGORY),
    }));
    return { today, total: categories.reduce((n, c) => n + c.count, 0), categories };
  }

  /**
   * R1.7: urges counted per unit. Window staff and the hall's readers see every unit's count; unit
   * staff their own unit's. The urges themselves: unit staff their unit's, window staff those on their
   * window's cases, the hall's readers all (optionally of one unit).
   */
  async unitUrges(ctx: Ctx, q: UnitUrgesQuery): Promise<UnitUrges> {
    const { actor } = ctx;
    const r = repositories(this.deps.database.db);
    let countUnit: number | undefined = q.unitId;
    let listFilter: { unitId?: number; windowId?: number };
    if (readsAll(actor)) {
      listFilter = { unitId: q.unitId };
    } else if (readsWindow(actor) && actor.windowId !== null) {
      listFilter = { unitId: q.unitId, windowId: actor.windowId };
    } else if (readsUnit(actor) && actor.unitId !== null) {
      if (q.unitId !== undefined && q.unitId !== actor.unitId) throw forbidden('auth.notYourUnit');
      countUnit = actor.unitId;
      listFilter = { unitId: actor.unitId };
    } else if (readsWindow(actor) || readsUnit(actor)) {
      return { units: [], urges: [] };
    } else {
      throw forbidden();
    }
    const [units, urges] = await Promise.all([
      r.worklist.urgeCountsByUnit(actor.hallId, countUnit),
      r.worklist.urges({ hallId: actor.hallId, ...listFilter, limit: URGES_LISTED }),
    ]);
    return {
      units,
      urges: urges.map((u) => ({
        id: u.id,
        unitId: u.unit_id,
        unitName: u.unit_name,
        matterId: u.matter_id,
        petitionNo: u.petition_no,
        text: u.text,
        at: u.at,
        byName: u.by_name,
      })),
    };
  }
}
