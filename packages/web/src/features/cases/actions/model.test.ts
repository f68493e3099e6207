import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { ACTION_INPUTS, type MatterDetail, type Me, type Reference } from '@hall/contracts';
import { MATTER_ACTIONS, extensionCap, nextMediationLevels, type MatterAction } from '@hall/domain';
import type { ReactElement } from 'react';
import type { ContextKit, FormValues } from './descriptor';
import { countyUnits, extensionUse, proposedLevel } from './model';
import { ACTIONS, ACTION_GROUPS, STAGES, descriptorOf, isDanger } from './registry';

const matter = (
  over: Partial<{
    meetings: unknown[];
    level: string | null;
    locality: string | null;
    deadlines: unknown[];
    leaderDay: boolean;
    closedForGood: { id: number; petitionNo: string; state: string }[];
  }> = {},
) =>
  ({
    id: 9,
    version: 7,
    petitionNo: 'SZ-2026-000009',
    localityCode: over.locality === undefined ? '320506' : over.locality,
    windowId: 1,
    windowName: '人社局窗口',
    petitioner: { name: '张三' },
    units: [{ id: 1, name: '市人社局' }],
    facts: { mediationLevel: over.level ?? null, sameMatterClosedForGood: (over.closedForGood ?? []).length > 0 },
    closedForGoodMatters: over.closedForGood ?? [],
    case: {
      meetings: over.meetings ?? [],
      deadlines: over.deadlines ?? [],
      leaderDay: over.leaderDay ?? false,
      assignments: [{ unitId: 1, unitName: '市人社局' }],
    },
  }) as unknown as MatterDetail;

const refs = {
  units: [
    { id: 1, name: '市人社局', kind: 'department', divisionCode: '320500', active: true },
    { id: 2, name: '吴中区人民政府', kind: 'county', divisionCode: '320506', active: true },
    { id: 3, name: '吴中区信访局', kind: 'countyOffice', divisionCode: '320506', active: true },
    { id: 4, name: '姑苏区人民政府', kind: 'county', divisionCode: '320508', active: true },
    { id: 5, name: '吴中区旧机构', kind: 'county', divisionCode: '320506', active: false },
  ],
  windows: [{ id: 1, number: '1', name: '人社局窗口', unitId: 1 }],
} as unknown as Reference;

const me = { displayName: '周强' } as unknown as Me;
const date = dayjs('2026-11-29');

/** What a user would enter in each action's dialog (a new action without an entry here fails to compile). */
const FORM = {
  accept: { reason: ' 符合受理条件 ' },
  notAccept: { reason: '属于劳动仲裁受理范围', channel: ' 仲裁（市劳动人事争议仲裁委员会） ' },
  noLongerAccept: { reason: '已三级终结' },
  directReply: { reply: '已答复', agrees: true, ceases: true, signedName: ' 张三 ' },
  transferToCounty: { unitId: 2, note: '' },
  transferToChannel: { channel: 'arbitration', windowId: 1, consent: true, note: '说明' },
  recordLegalAid: { qualifies: true, note: '符合条件' },
  countyReceive: { note: '已签收' },
  countyAnswer: { answer: '已当面答复信访人', answeredOn: date },
  startMediation: {},
  recordMeeting: {
    level: 'group',
    heldOn: date,
    chair: '郑华',
    participants: '信访人',
    outcome: 'noAgreement',
    summary: '情况',
  },
  notifyAcceptance: { note: '已电话告知' },
  proposeAssignment: { unitId: 1, origin: 'window', limitDays: 30, note: '' },
  approveAssignment: {},
  refuseAssignment: { reason: '单位不对' },
  signFor: {},
  object: { reason: '不属本单位职权' },
  reassign: { unitId: 3, note: '' },
  urge: { reason: '请加快办理' },
  summonHandler: { summonedFor: dayjs('2026-11-30T09:00:00+08:00'), note: '' },
  supervise: { kind: 'weekly', demand: '要求', progress: '进度' },
  requestExtension: { days: 10, reason: '需会同法院核实' },
  approveExtension: { petitionerToldOn: date, note: '' },
  refuseExtension: { reason: '理由不足' },
  fileSpecialReport: { report: '汇报' },
  issueOpinion: { outcome: 'support', facts: '事实', reasons: '理由', basis: '依据' },
  recordDelivery: { way: 'post', deliveredOn: date, signed: false, view: 'disagree', note: '' },
  unitSignOff: { headName: '周强', sealed: true },
  reviewCase: {
    criteria: {
      factsClear: { pass: true },
      evidenceConclusive: { pass: true },
      basisSufficient: { pass: true },
      characterisationAccurate: { pass: true },
      handlingAppropriate: { pass: true },
    },
  },
  signOff: { note: '同意' },
  deemClosed: { reason: '信访人不同意但处理得当' },
  requestReview: { organ: '市人民政府', requestedOn: date },
  recordReviewResult: { result: '维持' },
  requestReReview: { organ: '省信访局', requestedOn: date },
  recordReReviewResult: { result: '维持' },
  rate: { unitRating: 'satisfied', officeRating: 'basicallySatisfied' },
} satisfies Record<MatterAction, FormValues>;

const parse = (action: MatterAction, values: FormValues, m = matter()) =>
  ACTION_INPUTS[action].safeParse(descriptorOf(action).toBody(values, m));

describe('the action registry', () => {
  it('has one descriptor per workflow action, each in exactly one stage file', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual([...MATTER_ACTIONS].sort());
    const inStages = Object.values(STAGES).flatMap((s) => Object.keys(s));
    expect(inStages.sort()).toEqual([...MATTER_ACTIONS].sort());
  });

  it('puts every action in exactly one button group, in the order a hall works a case', () => {
    const grouped = ACTION_GROUPS.flatMap((g) => g.actions);
    expect([...grouped].sort()).toEqual([...MATTER_ACTIONS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const g of ACTION_GROUPS) expect(new Set(g.actions.map((a) => ACTIONS[a].order)).size).toBe(g.actions.length);
    // The primary button is the first allowed of these: e.g. while handling, the opinion before an extension.
    expect(ACTION_GROUPS[0].actions).toEqual([
      'accept',
      'directReply',
      'countyReceive',
      'countyAnswer',
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
    ]);
    expect(ACTION_GROUPS.map((g) => g.key)).toEqual(['main', 'side', 'refuse']);
    expect(
      ['notAccept', 'noLongerAccept', 'refuseAssignment', 'refuseExtension', 'object', 'deemClosed'].every((a) =>
        isDanger(a as MatterAction),
      ),
    ).toBe(true);
    expect(isDanger('accept')).toBe(false);
  });

  it.each(MATTER_ACTIONS)(
    '%s: the form a user fills in gives a body its input contract accepts, with the matter’s version',
    (action) => {
      const parsed = parse(action, FORM[action]);
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
      expect(parsed.data).toMatchObject({ version: 7 });
    },
  );

  it.each(MATTER_ACTIONS)('%s: the initial values are valid input too (the dialog opens with them)', (action) => {
    const initial = descriptorOf(action).initial?.(matter(), me, refs) ?? {};
    const parsed = parse(action, { ...FORM[action], ...initial });
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });

  it('the initial values come from the matter and the signed-in user', () => {
    const init = (a: MatterAction, m = matter()) => descriptorOf(a).initial?.(m, me, refs) ?? {};
    // R1.8: the county government of the matter's locality; none outside a county locality.
    expect(init('transferToCounty')).toEqual({ unitId: 2 });
    expect(init('transferToCounty', matter({ locality: null }))).toEqual({ unitId: undefined });
    expect(init('recordMeeting')).toMatchObject({ level: 'group', participants: '张三、人社局窗口', unitId: 1 });
    expect(dayjs.isDayjs(init('recordMeeting').heldOn)).toBe(true);
    expect(init('proposeAssignment')).toEqual({ unitId: 1, origin: 'window' });
    expect(init('proposeAssignment', matter({ leaderDay: true }))).toMatchObject({ origin: 'leaderDay' });
    expect(init('unitSignOff')).toEqual({ headName: '周强', sealed: false });
    expect(init('directReply')).toEqual({ agrees: false, ceases: false });
    expect(init('transferToChannel')).toEqual({ consent: false });
    expect(init('supervise')).toEqual({ kind: 'daily' });
    expect(init('recordDelivery')).toMatchObject({ way: 'inPerson', signed: true });
    // A refusal's reason is the user's to write: no default.
    expect(init('notAccept')).toEqual({});
  });

  it('the decisions send what the reception dialog sent: trimmed text, the channel only when not accepting', () => {
    expect(parse('accept', FORM.accept).data).toEqual({ reason: '符合受理条件', newMatterReason: '', version: 7 });
    expect(parse('accept', {}).data).toEqual({ reason: '', newMatterReason: '', version: 7 });
    expect(parse('notAccept', FORM.notAccept).data).toEqual({
      reason: '属于劳动仲裁受理范围',
      channel: '仲裁（市劳动人事争议仲裁委员会）',
      version: 7,
    });
    expect(parse('noLongerAccept', FORM.noLongerAccept).data).toEqual({ reason: '已三级终结', version: 7 });
  });

  it('R1.9: accepting the same matter closed for good warns with the earlier number and sends the new-matter reason', () => {
    const again = matter({ closedForGood: [{ id: 3, petitionNo: 'SZ-2026-000003', state: 'terminated' }] });
    const kit = {
      t: ((key: string, o?: Record<string, unknown>) => `${key} ${JSON.stringify(o ?? {})}`) as unknown as ContextKit['t'],
      ct: (g: string, v: string | null | undefined) => `${g}.${v}`,
      due: () => null,
    } satisfies ContextKit;
    const context = descriptorOf('accept').context!;
    const [warning, ...rest] = context(again, kit);
    expect(rest).toEqual([]);
    expect(warning.label).toBe('a.accept.closedForGood {}');
    const text = (warning.children as ReactElement<{ children: string }>).props.children;
    expect(text).toContain('a.accept.closedForGoodWarning');
    expect(text).toContain('SZ-2026-000003（state.terminated）');
    // Not the same matter: nothing to warn about.
    expect(context(matter(), kit)).toEqual([]);
    expect(parse('accept', { reason: '', newMatterReason: ' 新增了拖欠社保的事实和理由 ' }, again).data).toEqual({
      reason: '',
      newMatterReason: '新增了拖欠社保的事实和理由',
      version: 7,
    });
  });

  it('R1.6: a direct reply carries the signature only when the petitioner accepts and ceases', () => {
    expect(parse('directReply', FORM.directReply).data).toMatchObject({
      agrees: true,
      ceases: true,
      signedName: '张三',
    });
    expect(parse('directReply', { ...FORM.directReply, ceases: false }).data).toMatchObject({
      ceases: false,
      signedName: null,
    });
  });

  it('R1.22: sends all five review criteria, a failed one with its note', () => {
    const body = descriptorOf('reviewCase').toBody(
      { criteria: { ...FORM.reviewCase.criteria, evidenceConclusive: { pass: false, note: '  证据不足 ' } } },
      matter(),
    );
    expect(ACTION_INPUTS.reviewCase.parse(body)).toEqual({
      criteria: {
        factsClear: { pass: true, note: '' },
        evidenceConclusive: { pass: false, note: '证据不足' },
        basisSufficient: { pass: true, note: '' },
        characterisationAccurate: { pass: true, note: '' },
        handlingAppropriate: { pass: true, note: '' },
      },
      version: 7,
    });
  });

  it('R1.14: a meeting without agreement sends no unit; with one, the unit and the promised date', () => {
    const common = { ...FORM.recordMeeting, chair: ' 郑华 ', unitId: 3, promisedDate: dayjs('2026-12-03') };
    const none = parse('recordMeeting', { ...common, outcome: 'noAgreement' });
    expect(none.data).toMatchObject({ heldOn: '2026-11-29', chair: '郑华', unitId: null, promisedDate: null });
    const agreed = parse('recordMeeting', { ...common, outcome: 'agreement' });
    expect(agreed.data).toMatchObject({ unitId: 3, promisedDate: '2026-12-03' });
  });

  it('R1.14: proposes the next level the domain allows after a meeting without agreement', () => {
    expect(proposedLevel(matter())).toBe('group');
    expect(proposedLevel(matter({ level: 'group', meetings: [{ outcome: 'noAgreement' }] }))).toBe('deputyDirector');
    expect(proposedLevel(matter({ level: 'group', meetings: [{ outcome: 'agreement' }] }))).toBe('group');
    expect(proposedLevel(matter({ level: 'jointConference', meetings: [{ outcome: 'noAgreement' }] }))).toBe(
      'jointConference',
    );
    for (const level of [null, 'group', 'deputyDirector', 'directorMeeting', 'jointConference'] as const) {
      const m = matter({ level, meetings: [{ outcome: 'noAgreement' }] });
      expect(nextMediationLevels(level)).toContain(proposedLevel(m));
    }
  });

  it('R1.8: lists only the active county units of the matter’s locality', () => {
    expect(countyUnits(refs, matter()).map((u) => u.id)).toEqual([2, 3]);
    expect(countyUnits(refs, matter({ locality: null }))).toEqual([]);
  });

  it('R1.19: counts the extension days used on the running handling deadline against the domain’s cap', () => {
    const m = matter({ deadlines: [{ kind: 'handle', status: 'active', extensions: [{ days: 10 }, { days: 5 }] }] });
    expect(extensionUse(m)).toEqual({ used: 15, left: extensionCap() - 15, cap: extensionCap() });
    expect(extensionUse(m).cap).toBe(30);
    const full = matter({ deadlines: [{ kind: 'handle', status: 'active', extensions: [{ days: 30 }] }] });
    expect(extensionUse(full).left).toBe(0);
  });
});
