/**
 * The case action dialogs' model: which dialog each action opens, the buttons' groups and order,
 * defaults from the matter, and the form → ACTION_INPUTS body conversion.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { ActionInputs, DeadlineView, MatterDetail, Me, Reference, Unit } from '@hall/contracts';
import { MEDIATION_LEVELS, REVIEW_CRITERIA, type MatterAction, type MediationLevel } from '@hall/domain';
import { todayInChina } from '../../../../lib/format';

/** The walking skeleton's four decisions keep their own dialog (ActionDialog). */
export const RECEPTION_ACTIONS: readonly MatterAction[] = ['accept', 'notAccept', 'noLongerAccept', 'directReply'];

/** Buttons, in the order a hall works a case; the first allowed of `main` is the primary button. */
export const ACTION_GROUPS: { key: 'main' | 'side' | 'refuse'; actions: MatterAction[] }[] = [
  {
    key: 'main',
    actions: [
      'accept',
      'directReply',
      'startMediation',
      'recordMeeting',
      'proposeAssignment',
      'approveAssignment',
      'reassign',
      'signFor',
      'issueOpinion',
      'recordDelivery',
      'unitSignOff',
      'reviewCase',
      'signOff',
      'approveExtension',
      'requestExtension',
      'fileSpecialReport',
      'rate',
      'requestReview',
      'recordReviewResult',
      'requestReReview',
      'recordReReviewResult',
    ],
  },
  {
    key: 'side',
    actions: ['notifyAcceptance', 'urge', 'summonHandler', 'supervise', 'transferToCounty', 'transferToChannel', 'recordLegalAid'],
  },
  {
    key: 'refuse',
    actions: ['notAccept', 'noLongerAccept', 'refuseAssignment', 'refuseExtension', 'object', 'deemClosed'],
  },
];

export const DANGER_ACTIONS = new Set<MatterAction>(ACTION_GROUPS[2].actions);

export type FormValues = Record<string, unknown>;

/** Today in China as the DatePicker's value. */
export const todayValue = () => dayjs(todayInChina());
const day = (v: unknown): string | null => (v && dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : null);
const s = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** R1.14, R1.15: the levels a meeting may be held at: the current one or one up (the first at group). */
export function allowedLevels(current: MediationLevel | null): MediationLevel[] {
  if (!current) return [MEDIATION_LEVELS[0]];
  const i = MEDIATION_LEVELS.indexOf(current);
  return MEDIATION_LEVELS.slice(i, i + 2);
}

/** A failed meeting escalates: propose the next level (R1.14). */
export function proposedLevel(detail: MatterDetail): MediationLevel {
  const levels = allowedLevels(detail.facts.mediationLevel);
  const last = detail.case.meetings.at(-1);
  if (last && last.outcome === 'noAgreement' && levels.length > 1) return levels[1];
  return levels[0];
}

export const activeUnits = (ref: Reference) => ref.units.filter((u) => u.active);

/** R1.8: the county government and the county petition office of the matter's locality. */
export const countyUnits = (ref: Reference, detail: MatterDetail): Unit[] =>
  activeUnits(ref).filter(
    (u) => (u.kind === 'county' || u.kind === 'countyOffice') && !!detail.localityCode && u.divisionCode === detail.localityCode,
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

/** Days of extension already approved on the running handling deadline, and the cap (R1.19). */
export function extensionUse(detail: MatterDetail): { used: number; left: number } {
  const d = handleDeadline(detail);
  const used = d ? d.extensions.reduce((a, e) => a + e.days, 0) : 0;
  return { used, left: Math.max(0, 30 - used) };
}

export function initialValues(action: MatterAction, detail: MatterDetail, ref: Reference, me: Me): FormValues {
  switch (action) {
    case 'transferToCounty': {
      const units = countyUnits(ref, detail);
      const government = units.find((u) => u.kind === 'county');
      return { unitId: units.length === 1 ? units[0].id : government?.id };
    }
    case 'transferToChannel':
      return { consent: false };
    case 'recordMeeting':
      return {
        level: proposedLevel(detail),
        heldOn: todayValue(),
        participants: `${detail.petitioner.name}、${detail.windowName}`,
        unitId: suggestedUnitId(ref, detail),
      };
    case 'proposeAssignment':
      return { unitId: suggestedUnitId(ref, detail), origin: detail.case.leaderDay ? 'leaderDay' : 'window' };
    case 'supervise':
      return { kind: 'daily' };
    case 'approveExtension':
      return { petitionerToldOn: todayValue() };
    case 'recordDelivery':
      return { way: 'inPerson', deliveredOn: todayValue(), signed: true };
    case 'unitSignOff':
      return { headName: me.displayName, sealed: false };
    case 'requestReview':
    case 'requestReReview':
      return { requestedOn: todayValue() };
    default:
      return {};
  }
}

type Body = ActionInputs[MatterAction];

/** The form's values as the action's input (ACTION_INPUTS), with the version the user saw. */
export function toBody(action: MatterAction, v: FormValues, version: number): Body {
  const note = s(v.note);
  const reason = s(v.reason);
  switch (action) {
    case 'transferToCounty':
      return { unitId: n(v.unitId) ?? 0, note, version };
    case 'transferToChannel':
      return {
        channel: (v.channel as ActionInputs['transferToChannel']['channel']) ?? null,
        windowId: n(v.windowId),
        consent: v.consent === true,
        note,
        version,
      };
    case 'recordLegalAid':
      return { qualifies: v.qualifies === true, note, version };
    case 'recordMeeting': {
      const agreed = v.outcome === 'agreement';
      return {
        level: v.level as MediationLevel,
        heldOn: day(v.heldOn) ?? '',
        chair: s(v.chair),
        participants: s(v.participants),
        outcome: v.outcome as 'agreement' | 'noAgreement',
        summary: s(v.summary),
        unitId: agreed ? n(v.unitId) : null,
        promisedDate: agreed ? day(v.promisedDate) : null,
        version,
      };
    }
    case 'proposeAssignment':
      return {
        unitId: n(v.unitId) ?? 0,
        origin: (v.origin as ActionInputs['proposeAssignment']['origin']) ?? 'window',
        limitDays: n(v.limitDays),
        note,
        version,
      };
    case 'reassign':
      return { unitId: n(v.unitId) ?? 0, note, version };
    case 'refuseAssignment':
    case 'object':
    case 'urge':
    case 'refuseExtension':
    case 'deemClosed':
      return { reason, version };
    case 'summonHandler': {
      const at = v.summonedFor && dayjs.isDayjs(v.summonedFor) ? (v.summonedFor as Dayjs).format('YYYY-MM-DDTHH:mm:ssZ') : '';
      return { summonedFor: at, note, version };
    }
    case 'supervise':
      return { kind: v.kind as 'daily' | 'weekly' | 'monthly', demand: s(v.demand), progress: s(v.progress), version };
    case 'requestExtension':
      return { days: n(v.days) ?? 0, reason, version };
    case 'approveExtension':
      return { note, petitionerToldOn: day(v.petitionerToldOn), version };
    case 'fileSpecialReport':
      return { report: s(v.report), version };
    case 'issueOpinion':
      return {
        outcome: v.outcome as 'support' | 'explain' | 'notSupport',
        facts: s(v.facts),
        reasons: s(v.reasons),
        basis: s(v.basis),
        version,
      };
    case 'recordDelivery':
      return {
        way: v.way as 'inPerson' | 'post' | 'other',
        deliveredOn: day(v.deliveredOn) ?? '',
        signed: v.signed === true,
        view: v.view as 'agree' | 'disagree' | 'none',
        note,
        version,
      };
    case 'unitSignOff':
      return { headName: s(v.headName), sealed: v.sealed === true, version };
    case 'reviewCase': {
      const c = (v.criteria ?? {}) as Record<string, { pass?: boolean; note?: string } | undefined>;
      const criteria = Object.fromEntries(
        REVIEW_CRITERIA.map((k) => [k, { pass: c[k]?.pass === true, note: s(c[k]?.note) }]),
      ) as ActionInputs['reviewCase']['criteria'];
      return { criteria, version };
    }
    case 'requestReview':
    case 'requestReReview':
      return { organ: s(v.organ), requestedOn: day(v.requestedOn) ?? '', version };
    case 'recordReviewResult':
    case 'recordReReviewResult':
      return { result: s(v.result), version };
    case 'rate':
      return {
        unitRating: v.unitRating as ActionInputs['rate']['unitRating'],
        officeRating: v.officeRating as ActionInputs['rate']['officeRating'],
        version,
      };
    // startMediation, notifyAcceptance, approveAssignment, signFor, signOff (and the reception four,
    // which have their own dialog) take a note.
    default:
      return { note, version } as Body;
  }
}
