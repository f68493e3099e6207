/**
 * The deadline engine (R1.19, R2.4b, R2.6, and the table of national limits in DOMAIN.md).
 *
 * Every limit is a rule of a versioned rule set (an administrator may replace the defaults); a
 * deadline records the rule, the rule set and version it used, its start, how it was computed (in
 * Chinese and English) and its history (computed, extended, recomputed).
 *
 * Counting (see docs/decisions.md, "Deadlines and the working-day calendar"):
 *  - the start day is not counted (期间开始的当日不计入): N days or N working days from the day of
 *    receipt end on the N-th day / working day after it;
 *  - calendar-day periods whose last day is not a working day end on the first working day after
 *    it (the rule of Chinese procedural law; per rule, `rollForward`);
 *  - working-day periods follow the official calendar (calendar.ts): weekends and holidays skipped,
 *    make-up working days counted;
 *  - a deadline that needed a year with no official notice is `provisional`, lists those years,
 *    and should be recomputed (`recomputeDeadline`) once the notice is loaded.
 * Pure: given dates and a calendar; no clock ("today" is handed in).
 */
import { addDays, daysBetween, type Bilingual, type DayInfo, WorkCalendar } from './calendar.ts';
import { invalid } from './errors.ts';
import type { Role } from './roles.ts';

export const DeadlineUnit = { calendarDays: 'calendarDays', workingDays: 'workingDays' } as const;
export type DeadlineUnit = (typeof DeadlineUnit)[keyof typeof DeadlineUnit];

export const RuleId = {
  /** The petition office registers and disposes of a matter (转送/交办). */
  dispose: 'dispose',
  /** An organ that receives a matter sends a written notice of receipt and route. */
  noticeOfReceipt: 'noticeOfReceipt',
  /** A unit objects that a transferred matter is outside its competence. */
  objection: 'objection',
  /** A matter is handled to a handling opinion (R1.19: 60 days unless the assigning side sets another limit). */
  handle: 'handle',
  /** Extension of the handling period: its amount is the cap on the total extension (R1.19). */
  extension: 'extension',
  reviewRequest: 'reviewRequest',
  reviewAnswer: 'reviewAnswer',
  reReviewRequest: 'reReviewRequest',
  reReviewAnswer: 'reReviewAnswer',
  /** After a mediation agreement the responsible unit normally finishes within one week (R1.14). */
  mediationAgreement: 'mediationAgreement',
  /** Written notice to the department of a judge-meeting message (R2.4b). */
  courtNotice: 'courtNotice',
  /** Notice to collect handed-over material (R2.6). */
  materialNotice: 'materialNotice',
} as const;
export type RuleId = (typeof RuleId)[keyof typeof RuleId];
export const RULE_IDS = Object.values(RuleId);

export interface DeadlineRule {
  id: RuleId;
  unit: DeadlineUnit;
  amount: number;
  /** Calendar days: a period whose last day is not a working day ends on the next working day. */
  rollForward: boolean;
  /** Where the default comes from. */
  basis: string;
  label: Bilingual;
}

export interface RuleSet {
  id: string;
  version: number;
  source: string;
  rules: Record<RuleId, DeadlineRule>;
  /** How many extensions a deadline may have within the cap (null: any number while the total stays within it). */
  extensionMaxCount: number | null;
}

const rule = (id: RuleId, unit: DeadlineUnit, amount: number, basis: string, zh: string, en: string): DeadlineRule => ({
  id,
  unit,
  amount,
  rollForward: unit === 'calendarDays',
  basis,
  label: { 'zh-CN': zh, en },
});

const TABLE = 'DOMAIN.md national limits (《信访工作条例》2022)';

/** The defaults: the spec's table of national limits, R1.14, R1.19, R2.4b and R2.6. */
export const DEFAULT_RULES: RuleSet = {
  id: 'default',
  version: 1,
  source: '《信访工作条例》(2022) and the hall rules (DOMAIN.md)',
  extensionMaxCount: null,
  rules: {
    dispose: rule('dispose', 'calendarDays', 15, TABLE, '登记并转送、交办', 'Register and dispose (transfer/assign)'),
    noticeOfReceipt: rule('noticeOfReceipt', 'calendarDays', 15, TABLE, '书面告知受理', 'Written notice of receipt'),
    objection: rule('objection', 'workingDays', 5, TABLE, '对不属职权范围提出异议', 'Objection: outside competence'),
    handle: rule(
      'handle',
      'calendarDays',
      60,
      `R1.19; ${TABLE}`,
      '办结并出具处理意见书',
      'Handle to a handling opinion',
    ),
    extension: rule(
      'extension',
      'calendarDays',
      30,
      `R1.19; ${TABLE}`,
      '延长办理期限（累计上限）',
      'Extension (cap on the total)',
    ),
    reviewRequest: rule('reviewRequest', 'calendarDays', 30, TABLE, '申请复查', 'Request a review'),
    reviewAnswer: rule('reviewAnswer', 'calendarDays', 30, TABLE, '复查答复', 'Answer the review'),
    reReviewRequest: rule('reReviewRequest', 'calendarDays', 30, TABLE, '申请复核', 'Request a re-review'),
    reReviewAnswer: rule(
      'reReviewAnswer',
      'calendarDays',
      30,
      TABLE,
      '复核答复（听证时间不计）',
      'Answer the re-review (hearing excluded)',
    ),
    mediationAgreement: rule(
      'mediationAgreement',
      'calendarDays',
      7,
      'R1.14',
      '调解协议履行（一周）',
      'Carry out a mediation agreement (one week)',
    ),
    courtNotice: rule(
      'courtNotice',
      'workingDays',
      3,
      'R2.4b',
      '书面通知承办部门（约见留言）',
      'Written notice to the department (message)',
    ),
    materialNotice: rule(
      'materialNotice',
      'workingDays',
      3,
      'R2.6',
      '通知领取转交材料',
      'Notice to collect handed-over material',
    ),
  },
};

const isPositiveWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 3650;

export type RulePatch = Partial<Pick<DeadlineRule, 'unit' | 'amount' | 'rollForward'>>;

/**
 * An administrator's rule set: the base with some rules changed. Throws DomainError
 * (`deadline.amountInvalid`) for an amount that is not a whole number of days in 1–3650.
 */
export function makeRuleSet(
  base: RuleSet,
  change: {
    id: string;
    version: number;
    source: string;
    rules?: Partial<Record<RuleId, RulePatch>>;
    extensionMaxCount?: number | null;
  },
): RuleSet {
  const rules = { ...base.rules };
  for (const [id, patch] of Object.entries(change.rules ?? {}) as [RuleId, RulePatch][]) {
    if (!rules[id]) throw new RangeError(`unknown deadline rule '${id}'`);
    const next = { ...rules[id], ...patch };
    if (!isPositiveWhole(next.amount))
      throw invalid('deadline.amountInvalid', { rule: id, amount: String(next.amount) });
    if (id === 'extension' && next.unit !== 'calendarDays')
      throw new RangeError('extensions are counted in calendar days');
    rules[id] = next;
  }
  const extensionMaxCount = change.extensionMaxCount === undefined ? base.extensionMaxCount : change.extensionMaxCount;
  if (extensionMaxCount !== null && !isPositiveWhole(extensionMaxCount)) {
    throw invalid('deadline.amountInvalid', { rule: 'extensionMaxCount', amount: String(extensionMaxCount) });
  }
  return { id: change.id, version: change.version, source: change.source, rules, extensionMaxCount };
}

// ---- deadlines ----------------------------------------------------------------------------------

export interface DeadlineExtension {
  days: number;
  reason: string;
  /** Who approved (director or deputy: see mayApproveExtension), as the caller records it. */
  approvedBy?: string;
}

export type DeadlineEvent =
  | { kind: 'computed'; due: string; provisional: boolean; computation: Bilingual; at?: string }
  | ({
      kind: 'extended';
      due: string;
      previousDue: string;
      provisional: boolean;
      computation: Bilingual;
      at?: string;
    } & DeadlineExtension)
  | { kind: 'recomputed'; due: string; previousDue: string; provisional: boolean; computation: Bilingual; at?: string };

export interface Deadline {
  ruleId: RuleId;
  ruleSet: { id: string; version: number };
  unit: DeadlineUnit;
  amount: number;
  /** The amount was set by the assigning side rather than taken from the rule (R1.19). */
  amountOverridden: boolean;
  rollForward: boolean;
  /** Whether extension periods move off a day off too (the extension rule's rollForward). */
  extensionRollForward: boolean;
  /** The day of receipt / assignment; not counted. */
  start: string;
  /** The last day of the period (with the extensions) before any move to a working day. */
  periodEnd: string;
  /** The last day on which the act is still in time. */
  due: string;
  /** The approved extensions, in order. */
  extensions: DeadlineExtension[];
  /** The computation used a year with no official holiday notice loaded: alert the administrator. */
  provisional: boolean;
  provisionalYears: number[];
  computation: Bilingual;
  history: DeadlineEvent[];
}

interface Evaluation {
  periodEnd: string;
  due: string;
  provisionalYears: number[];
  computation: Bilingual;
}

const dash = (a: string, b: string) => (a === b ? a : `${a}…${b}`);

function uniqueNames(days: DayInfo[], lang: keyof Bilingual): string {
  const names = [...new Set(days.map((d) => d.name?.[lang]).filter((n): n is string => !!n))];
  return names.join(lang === 'zh-CN' ? '、' : ' and ');
}

/** Runs of consecutive holidays and the make-up days among the days a working-day count passed. */
function describePassed(passed: DayInfo[]): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  let run: DayInfo[] = [];
  const flush = () => {
    if (!run.length) return;
    const span = dash(run[0].date, run.at(-1)!.date);
    zh.push(`跳过 ${span} ${uniqueNames(run, 'zh-CN')}`);
    en.push(`skipping ${span} ${uniqueNames(run, 'en')}`);
    run = [];
  };
  for (const d of passed) {
    if (d.kind === 'holiday') {
      if (run.length && daysBetween(run.at(-1)!.date, d.date) !== 1) flush();
      run.push(d);
      continue;
    }
    flush();
    if (d.kind === 'makeUpWorkday') {
      zh.push(`${d.date} 调休上班，计入`);
      en.push(`${d.date} is a make-up working day, counted`);
    }
  }
  flush();
  return { 'zh-CN': zh.join('；'), en: en.join('; ') };
}

function dayOffWhy(d: DayInfo): Bilingual {
  if (d.kind === 'holiday' && d.name)
    return { 'zh-CN': `节假日（${d.name['zh-CN']}）`, en: `a day off (${d.name.en})` };
  if (d.kind === 'holiday') return { 'zh-CN': '节假日', en: 'a day off' };
  return { 'zh-CN': '周末', en: 'a weekend day' };
}

/** The first working day on or after `date`, with the days off passed and the provisional years met. */
function moveToWorkday(date: string, calendar: WorkCalendar): { due: string; first: DayInfo; years: number[] } {
  const first = calendar.day(date);
  const years = new Set<number>();
  let info = first;
  let d = date;
  for (let i = 0; i < 400; i++) {
    if (info.provisional) years.add(Number(d.slice(0, 4)));
    if (info.work) break;
    d = addDays(d, 1);
    info = calendar.day(d);
  }
  return { due: d, first, years: [...years] };
}

function evaluate(
  d: Pick<Deadline, 'unit' | 'amount' | 'rollForward' | 'extensionRollForward' | 'start' | 'extensions'>,
  calendar: WorkCalendar,
): Evaluation {
  const years = new Set<number>();
  const zh: string[] = [];
  const en: string[] = [];
  let end: string;
  let roll: boolean;
  if (d.unit === 'workingDays') {
    const { due, passed } = calendar.countWorkdays(d.start, d.amount);
    for (const p of passed) if (p.provisional) years.add(Number(p.date.slice(0, 4)));
    const detail = describePassed(passed);
    zh.push(
      `${d.start} 起（当日不计）${d.amount} 个工作日${detail['zh-CN'] ? `（${detail['zh-CN']}）→ ` : ' → '}${due}`,
    );
    en.push(
      `${d.amount} working days from ${d.start} (the start day not counted)${detail.en ? ` (${detail.en})` : ''} → ${due}`,
    );
    end = due;
    roll = false;
  } else {
    end = addDays(d.start, d.amount);
    zh.push(`${d.start} 起（当日不计）${d.amount} 日 → ${end}`);
    en.push(`${d.amount} days from ${d.start} (the start day not counted) → ${end}`);
    roll = d.rollForward;
  }
  const ext = d.extensions.map((e) => e.days);
  if (ext.length) {
    const total = ext.reduce((a, b) => a + b, 0);
    end = addDays(end, total);
    roll = d.extensionRollForward;
    const list = ext.join(' + ');
    zh.push(`延期 ${list} 日${ext.length > 1 ? `（共 ${total} 日）` : ''} → ${end}`);
    en.push(`extended by ${list} days${ext.length > 1 ? ` (${total} in all)` : ''} → ${end}`);
  }
  let due = end;
  if (roll) {
    const moved = moveToWorkday(end, calendar);
    for (const y of moved.years) years.add(y);
    if (moved.due !== end) {
      const why = dayOffWhy(moved.first);
      zh.push(`该日为${why['zh-CN']}，顺延至其后第一个工作日 ${moved.due}`);
      en.push(`that is ${why.en}: moved to the next working day ${moved.due}`);
    }
    due = moved.due;
  }
  const provisionalYears = [...years].sort((a, b) => a - b);
  if (provisionalYears.length) {
    const ys = provisionalYears.join('、');
    zh.push(`${ys} 年放假安排尚未载入，按法定节假日推算（暂定）`);
    en.push(
      `no official holiday notice loaded for ${provisionalYears.join(', ')}: statutory holidays used (provisional)`,
    );
  }
  return { periodEnd: end, due, provisionalYears, computation: { 'zh-CN': zh.join('；'), en: en.join('; ') } };
}

export interface ComputeDeadlineInput {
  rule: RuleId;
  /** The day of receipt, assignment or agreement ('YYYY-MM-DD', China calendar day); not counted. */
  start: string;
  calendar: WorkCalendar;
  rules?: RuleSet;
  /** A limit set by the assigning side instead of the rule's (R1.19), in the rule's unit. */
  amount?: number;
  /** When it was computed (recorded in the history; the domain never reads the clock). */
  at?: string;
}

export function computeDeadline(input: ComputeDeadlineInput): Deadline {
  const rules = input.rules ?? DEFAULT_RULES;
  const r = rules.rules[input.rule];
  if (!r) throw new RangeError(`unknown deadline rule '${input.rule}'`);
  if (input.amount !== undefined && !isPositiveWhole(input.amount)) {
    throw invalid('deadline.amountInvalid', { rule: input.rule, amount: String(input.amount) });
  }
  const base = {
    ruleId: r.id,
    ruleSet: { id: rules.id, version: rules.version },
    unit: r.unit,
    amount: input.amount ?? r.amount,
    amountOverridden: input.amount !== undefined && input.amount !== r.amount,
    rollForward: r.rollForward,
    extensionRollForward: rules.rules.extension.rollForward,
    start: input.start,
    extensions: [] as DeadlineExtension[],
  };
  const e = evaluate(base, input.calendar);
  const provisional = e.provisionalYears.length > 0;
  return {
    ...base,
    periodEnd: e.periodEnd,
    due: e.due,
    provisional,
    provisionalYears: e.provisionalYears,
    computation: e.computation,
    history: [
      { kind: 'computed', due: e.due, provisional, computation: e.computation, ...(input.at ? { at: input.at } : {}) },
    ],
  };
}

// ---- extension (R1.19) --------------------------------------------------------------------------

export type ExtensionRefusalCode =
  | 'deadline.extensionNotPositive'
  | 'deadline.extensionTooLong'
  | 'deadline.extensionAlreadyUsed'
  | 'deadline.extensionCountExceeded'
  | 'deadline.extensionReasonRequired';

export type ExtensionResult =
  { ok: true; deadline: Deadline } | { ok: false; code: ExtensionRefusalCode; params: Record<string, number> };

/** The director or a deputy approves an extension (R1.19). */
export const EXTENSION_APPROVERS: readonly Role[] = ['director', 'deputyDirector'];
export const mayApproveExtension = (roles: readonly Role[]): boolean =>
  roles.some((r) => EXTENSION_APPROVERS.includes(r));

/** R1.19: the cap on one extension and on the total of a deadline's extensions (the `extension` rule's amount). */
export const extensionCap = (rules: RuleSet = DEFAULT_RULES): number => rules.rules.extension.amount;

/**
 * Checks an extension against the cap and, if it is within it, returns the extended deadline.
 * The cap (the `extension` rule, 30 days) bounds each extension and their total: 30 is allowed,
 * 31 refused, and a second extension is allowed only while the total stays within 30 (and, if the
 * rule set says so, within `extensionMaxCount` extensions).
 * @param request.previousExtensions days of the extensions already granted; by default the deadline's own.
 */
export function applyExtension(
  deadline: Deadline,
  request: { days: number; reason?: string; approvedBy?: string; previousExtensions?: readonly number[]; at?: string },
  calendar: WorkCalendar,
  rules: RuleSet = DEFAULT_RULES,
): ExtensionResult {
  const max = extensionCap(rules);
  const { days } = request;
  if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0) {
    return { ok: false, code: 'deadline.extensionNotPositive', params: { days: Number(days) || 0 } };
  }
  if (days > max) return { ok: false, code: 'deadline.extensionTooLong', params: { max, days } };
  const previous = request.previousExtensions ?? deadline.extensions.map((e) => e.days);
  const used = previous.reduce((a, b) => a + b, 0);
  if (used + days > max) {
    return {
      ok: false,
      code: 'deadline.extensionAlreadyUsed',
      params: { max, used, remaining: Math.max(0, max - used), days },
    };
  }
  if (rules.extensionMaxCount !== null && previous.length >= rules.extensionMaxCount) {
    return { ok: false, code: 'deadline.extensionCountExceeded', params: { maxCount: rules.extensionMaxCount } };
  }
  const reason = request.reason?.trim() ?? '';
  if (!reason) return { ok: false, code: 'deadline.extensionReasonRequired', params: {} };

  // Extensions granted outside this deadline's record (previousExtensions) count toward the cap only.
  const extension: DeadlineExtension = {
    days,
    reason,
    ...(request.approvedBy ? { approvedBy: request.approvedBy } : {}),
  };
  const extensions = [...deadline.extensions, extension];
  const e = evaluate({ ...deadline, extensionRollForward: rules.rules.extension.rollForward, extensions }, calendar);
  const provisional = e.provisionalYears.length > 0;
  return {
    ok: true,
    deadline: {
      ...deadline,
      extensionRollForward: rules.rules.extension.rollForward,
      extensions,
      periodEnd: e.periodEnd,
      due: e.due,
      provisional,
      provisionalYears: e.provisionalYears,
      computation: e.computation,
      history: [
        ...deadline.history,
        {
          kind: 'extended',
          ...extension,
          due: e.due,
          previousDue: deadline.due,
          provisional,
          computation: e.computation,
          ...(request.at ? { at: request.at } : {}),
        },
      ],
    },
  };
}

/**
 * Recomputes a deadline on a newer calendar (e.g. once the administrator has loaded the notice of
 * a provisional year). The rule values stored in the deadline are kept; a change is recorded.
 */
export function recomputeDeadline(deadline: Deadline, calendar: WorkCalendar, at?: string): Deadline {
  const e = evaluate(deadline, calendar);
  const provisional = e.provisionalYears.length > 0;
  if (
    e.due === deadline.due &&
    provisional === deadline.provisional &&
    e.computation['zh-CN'] === deadline.computation['zh-CN']
  ) {
    return deadline;
  }
  return {
    ...deadline,
    periodEnd: e.periodEnd,
    due: e.due,
    provisional,
    provisionalYears: e.provisionalYears,
    computation: e.computation,
    history: [
      ...deadline.history,
      {
        kind: 'recomputed',
        due: e.due,
        previousDue: deadline.due,
        provisional,
        computation: e.computation,
        ...(at ? { at } : {}),
      },
    ],
  };
}

// ---- status -------------------------------------------------------------------------------------

/** Overdue once the due day has passed (the due day itself is still in time). `today` is the China day. */
export const isOverdue = (deadline: Pick<Deadline, 'due'>, today: string): boolean =>
  daysBetween(deadline.due, today) > 0;

/** Calendar days from today to the due day: 0 on the due day, negative once overdue. */
export const daysLeft = (deadline: Pick<Deadline, 'due'>, today: string): number => daysBetween(today, deadline.due);

/** The administrator alert for a provisional deadline (translated with MESSAGES), or undefined. */
export function deadlineAlert(
  deadline: Pick<Deadline, 'provisional' | 'provisionalYears'>,
): { code: 'deadline.provisional'; params: { years: string } } | undefined {
  if (!deadline.provisional) return undefined;
  return { code: 'deadline.provisional', params: { years: deadline.provisionalYears.join(', ') } };
}
