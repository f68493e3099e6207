import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { ACTION_INPUTS, type MatterDetail, type Reference } from '@hall/contracts';
import { MATTER_ACTIONS } from '@hall/domain';
import { ACTION_GROUPS, RECEPTION_ACTIONS, allowedLevels, countyUnits, extensionUse, proposedLevel, toBody } from './model';

const detail = (over: Partial<{ meetings: unknown[]; level: string | null; locality: string | null; deadlines: unknown[] }>) =>
  ({
    localityCode: over.locality ?? null,
    facts: { mediationLevel: over.level ?? null },
    case: { meetings: over.meetings ?? [], deadlines: over.deadlines ?? [] },
  }) as unknown as MatterDetail;

describe('case action dialogs: model', () => {
  it('puts every workflow action in exactly one button group (the UI can show any allowed action)', () => {
    const grouped = ACTION_GROUPS.flatMap((g) => g.actions);
    expect([...grouped].sort()).toEqual([...MATTER_ACTIONS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('R1.14, R1.15: offers the current mediation level or one up, and the group meeting first', () => {
    expect(allowedLevels(null)).toEqual(['group']);
    expect(allowedLevels('group')).toEqual(['group', 'deputyDirector']);
    expect(allowedLevels('deputyDirector')).toEqual(['deputyDirector', 'directorMeeting']);
    expect(allowedLevels('jointConference')).toEqual(['jointConference']);
  });

  it('R1.14: proposes the next level after a meeting without agreement', () => {
    expect(proposedLevel(detail({}))).toBe('group');
    expect(proposedLevel(detail({ level: 'group', meetings: [{ outcome: 'noAgreement' }] }))).toBe('deputyDirector');
    expect(proposedLevel(detail({ level: 'group', meetings: [{ outcome: 'agreement' }] }))).toBe('group');
  });

  it('R1.8: lists only the county units of the matter’s locality', () => {
    const ref = {
      units: [
        { id: 1, name: '市人社局', kind: 'department', divisionCode: '320500', active: true },
        { id: 2, name: '吴中区人民政府', kind: 'county', divisionCode: '320506', active: true },
        { id: 3, name: '吴中区信访局', kind: 'countyOffice', divisionCode: '320506', active: true },
        { id: 4, name: '姑苏区人民政府', kind: 'county', divisionCode: '320508', active: true },
        { id: 5, name: '吴中区旧机构', kind: 'county', divisionCode: '320506', active: false },
      ],
    } as unknown as Reference;
    expect(countyUnits(ref, detail({ locality: '320506' })).map((u) => u.id)).toEqual([2, 3]);
    expect(countyUnits(ref, detail({ locality: null }))).toEqual([]);
  });

  it('R1.19: counts the extension days used on the running handling deadline against the 30-day cap', () => {
    const d = detail({ deadlines: [{ kind: 'handle', status: 'active', extensions: [{ days: 10 }, { days: 5 }] }] });
    expect(extensionUse(d)).toEqual({ used: 15, left: 15 });
  });

  it('R1.22: sends all five review criteria, a failed one with its note', () => {
    const body = toBody(
      'reviewCase',
      {
        criteria: {
          factsClear: { pass: true },
          evidenceConclusive: { pass: false, note: '  证据不足 ' },
          basisSufficient: { pass: true },
          characterisationAccurate: { pass: true },
          handlingAppropriate: { pass: true },
        },
      },
      7,
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
    const common = { level: 'group', heldOn: dayjs('2026-11-29'), chair: ' 郑华 ', participants: '信访人', summary: '情况' };
    const none = toBody('recordMeeting', { ...common, outcome: 'noAgreement', unitId: 3, promisedDate: dayjs('2026-12-03') }, 1);
    expect(ACTION_INPUTS.recordMeeting.parse(none)).toMatchObject({ heldOn: '2026-11-29', chair: '郑华', unitId: null, promisedDate: null });
    const agreed = toBody('recordMeeting', { ...common, outcome: 'agreement', unitId: 3, promisedDate: dayjs('2026-12-03') }, 1);
    expect(ACTION_INPUTS.recordMeeting.parse(agreed)).toMatchObject({ unitId: 3, promisedDate: '2026-12-03' });
  });

  it('builds a body each case action’s input contract accepts', () => {
    const values = {
      unitId: 1,
      channel: 'arbitration',
      consent: true,
      qualifies: true,
      level: 'group',
      heldOn: dayjs('2026-11-29'),
      chair: '主持人',
      participants: '参加人员',
      outcome: 'support',
      summary: '情况',
      origin: 'window',
      reason: '理由',
      note: '说明',
      summonedFor: dayjs('2026-11-30T09:00:00+08:00'),
      kind: 'daily',
      demand: '要求',
      progress: '进度',
      days: 10,
      petitionerToldOn: dayjs('2026-11-29'),
      report: '汇报',
      facts: '事实',
      reasons: '理由',
      basis: '依据',
      way: 'inPerson',
      deliveredOn: dayjs('2026-11-29'),
      signed: true,
      view: 'agree',
      headName: '周强',
      sealed: true,
      organ: '市人民政府',
      requestedOn: dayjs('2026-11-29'),
      result: '维持',
      unitRating: 'satisfied',
      officeRating: 'satisfied',
    };
    for (const action of MATTER_ACTIONS) {
      // The reception four have their own dialog; a meeting's outcome differs (tested above).
      if (RECEPTION_ACTIONS.includes(action) || action === 'recordMeeting') continue;
      const parsed = ACTION_INPUTS[action].safeParse(toBody(action, values, 3));
      expect(parsed.success, `${action}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });
});
