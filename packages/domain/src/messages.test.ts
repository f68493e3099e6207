import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DomainError } from './errors.ts';
import { IdType, checkIdentity } from './identity.ts';
import { FIELD_LABELS, MESSAGES, fieldLabel, pickLang, translate, type Lang } from './messages.ts';
import { SECURITY_CHECKS, checkRegistration, type RegistrationFacts } from './registration.ts';
import { ROLES, type Role } from './roles.ts';
import {
  MATTER_ACTIONS,
  MATTER_STATES,
  MATTER_TRANSITIONS,
  COUNTY_STEPS,
  MEDIATION_LEVELS,
  NO_FACTS,
  REVIEW_CRITERIA,
  decideTransition,
  type ActionInput,
  type GuardFailure,
  type MatterFacts,
} from './workflow.ts';

/*
 * Every error code the domain can produce must be translatable (the server translates every
 * error with MESSAGES). The codes are collected by running the domain functions over a grid of
 * inputs, not from a hand-written list, so a new guard or check is covered without editing here.
 */

const LANGS: readonly Lang[] = ['zh-CN', 'en'];
/** The distinct placeholders of a message (a language may use one more often than the other). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

// ---- workflow: guards and decideTransition ----------------------------------------------------

/*
 * Inputs: one "good" input that sets every field any action reads, then every field in turn
 * replaced by each value of its list (missing, blank, wrong type, each option), plus {} and a good
 * input with the other choice of every either/or (disagree, no agreement, a failed criterion).
 * Facts: the full product of every fact's values for the guards; for the input checks, NO_FACTS
 * and every fact changed on its own.
 */
const TEXT = [undefined, null, '', '  ', '\u3000', '文本', 7, Number.NaN, true];
const FLAG = [undefined, null, true, false, 'true', 1];
const passing = Object.fromEntries(REVIEW_CRITERIA.map((k) => [k, { pass: true, note: '' }]));
const CRITERIA: unknown[] = [
  undefined,
  null,
  'x',
  {},
  passing,
  ...REVIEW_CRITERIA.flatMap((k) => [
    { ...passing, [k]: undefined },
    { ...passing, [k]: { pass: 'yes' } },
    { ...passing, [k]: { pass: false } },
    { ...passing, [k]: { pass: false, note: '  ' } },
    { ...passing, [k]: { pass: false, note: '补充调查' } },
  ]),
];
const FIELD_VALUES: Record<string, readonly unknown[]> = {
  reason: TEXT,
  channel: [...TEXT, 'arbitration', 'litigation'],
  reply: TEXT,
  signedName: TEXT,
  agrees: FLAG,
  ceases: FLAG,
  unitId: TEXT,
  consent: FLAG,
  note: TEXT,
  qualifies: FLAG,
  level: [...TEXT, ...MEDIATION_LEVELS],
  outcome: [...TEXT, 'agreement', 'noAgreement'],
  summonedFor: TEXT,
  demand: TEXT,
  progress: TEXT,
  days: [undefined, 0, -1, 30, 31, 'x'],
  report: TEXT,
  facts: TEXT,
  reasons: TEXT,
  basis: TEXT,
  view: [...TEXT, 'agree', 'disagree', 'none'],
  sealed: FLAG,
  headName: TEXT,
  criteria: CRITERIA,
  organ: TEXT,
  requestedOn: [...TEXT, '2026-05-01', '2026-06-02', '2026-07-01'],
  heldOn: [...TEXT, '2026-05-01', '2026-06-02'],
  promisedDate: [...TEXT, '2026-04-30', '2026-05-01'],
  deliveredOn: [...TEXT, '2026-05-01', '2026-06-02'],
  result: TEXT,
  newMatterReason: TEXT,
};
const GOOD: ActionInput = {
  ...Object.fromEntries(Object.keys(FIELD_VALUES).map((k) => [k, '文本'])),
  agrees: true,
  ceases: true,
  unitId: 3,
  consent: true,
  qualifies: true,
  level: 'group',
  outcome: 'agreement',
  days: 30,
  sealed: true,
  criteria: passing,
  requestedOn: '2026-05-01',
  heldOn: '2026-05-01',
  promisedDate: '2026-05-01',
  deliveredOn: '2026-05-01',
};
const OTHER: ActionInput = {
  ...GOOD,
  agrees: false,
  ceases: false,
  outcome: 'noAgreement',
  criteria: { ...passing, factsClear: { pass: false, note: '事实不清' } },
};
const INPUTS: ActionInput[] = [
  {},
  GOOD,
  OTHER,
  ...[GOOD, OTHER].flatMap((base) =>
    Object.entries(FIELD_VALUES).flatMap(([k, values]) => values.map((v) => ({ ...base, [k]: v }))),
  ),
];

const FACT_VALUES: { [K in keyof MatterFacts]-?: readonly MatterFacts[K][] } = {
  noLongerMediable: [false, true],
  sameMatterClosedForGood: [false, true],
  localityIsCounty: [false, true],
  mediationLevel: [null, ...MEDIATION_LEVELS],
  objectionOpen: [false, true],
  extensionPending: [false, true],
  leaderDay: [false, true],
  specialReportFiled: [false, true],
  petitionerView: [null, 'agree', 'disagree', 'none'],
  hasOpinion: [false, true],
  reviewWindowOpen: [false, true],
  reReviewWindowOpen: [false, true],
  ratingOpen: [false, true],
  // No guard reads these (input checks do): one value each beside NO_FACTS's, which FACT_SAMPLE also has.
  today: ['2026-06-01'],
  countyUnitIds: [[3]],
  countyStep: [null, ...COUNTY_STEPS],
  reviewRequestDue: ['2026-06-01'],
  reReviewRequestDue: ['2026-06-01'],
};
const FACT_KEYS = Object.keys(FACT_VALUES) as (keyof MatterFacts)[];
const FACT_GRID: MatterFacts[] = FACT_KEYS.reduce<MatterFacts[]>(
  (acc, k) => acc.flatMap((f) => FACT_VALUES[k].map((v) => ({ ...f, [k]: v }))),
  [{ ...NO_FACTS }],
);
/** NO_FACTS and every fact changed on its own. */
const FACT_SAMPLE: MatterFacts[] = [
  NO_FACTS,
  ...FACT_KEYS.flatMap((k) => FACT_VALUES[k].map((v) => ({ ...NO_FACTS, [k]: v }) as MatterFacts)),
];

interface Found {
  fields: Set<string>;
  params: Record<string, string | number>[];
}
const workflowCodes = new Map<string, Found>(); // code -> fields it was reported on, params it came with
const addCode = (f: GuardFailure) => {
  const found = workflowCodes.get(f.code) ?? { fields: new Set<string>(), params: [] };
  if (f.field) found.fields.add(f.field);
  if (f.params) found.params.push(f.params);
  workflowCodes.set(f.code, found);
};
for (const t of MATTER_TRANSITIONS) {
  for (const facts of FACT_GRID) {
    const g = t.guard?.(facts);
    if (g) addCode(g);
  }
  for (const facts of FACT_SAMPLE)
    for (const input of INPUTS) {
      const f = t.accepts?.(input, facts);
      if (f) addCode(f);
    }
}
const roleSets: Role[][] = [[], ...ROLES.map((r) => [r]), [...ROLES]];
for (const state of MATTER_STATES)
  for (const action of MATTER_ACTIONS)
    for (const roles of roleSets)
      for (const facts of FACT_SAMPLE)
        for (const input of [{}, GOOD, OTHER]) {
          const d = decideTransition(state, action, roles, input, facts);
          if (!d.ok) addCode(d);
        }

// ---- registration -----------------------------------------------------------------------------

const registrationErrors = new Map<string, DomainError>();
for (const peopleCount of [-1, 0, 1, 2, 3, 20])
  for (const representativeCount of [0, 1, 2, 4, 5, 6, 30])
    for (const rulesAcknowledged of [true, false])
      for (const securityCheck of SECURITY_CHECKS) {
        const f: RegistrationFacts = { peopleCount, representativeCount, rulesAcknowledged, securityCheck };
        try {
          checkRegistration(f);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          registrationErrors.set(err.code, err);
          for (const field of err.fields) registrationErrors.set(field.code, err);
        }
      }

// ---- identity ---------------------------------------------------------------------------------

/** The members of the IdCheckFailure union, read from identity.ts itself. */
function declaredIdFailures(): string[] {
  const src = readFileSync(new URL('./identity.ts', import.meta.url), 'utf8');
  const m = /export type IdCheckFailure\s*=([^;]+);/.exec(src);
  if (!m) throw new Error('IdCheckFailure not found in identity.ts');
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

const ID_SAMPLES = [
  '',
  '   ',
  'abc',
  '!!!!!!',
  '11010519491231002X', // valid resident
  '110105194912310021', // bad check character
  '110105194913310021', // month 13
  '11010519491231002', // 17 digits
  '110105491231002', // legacy 15 digits
  '110105491331002', // legacy 15 digits, month 13
  '990105491231002', // legacy 15 digits, no province 99
  '810000199408230021', // Hong Kong permit
  '830000199001010012', // Taiwan permit
  '911840199001010018', // foreigner permanent
  '919840199001010015', // foreigner permanent, province 19 does not exist
  '001234199001010011', // resident shape, no province 00
  'E12345678', // passport
];
const idCodes = new Set<string>();
for (const type of Object.values(IdType))
  for (const raw of ID_SAMPLES) {
    const r = checkIdentity(type, raw, '2026-06-01');
    if (!r.ok) idCodes.add(r.code);
  }

// ---- tests ------------------------------------------------------------------------------------

const expectTranslated = (code: string) => {
  const entry = MESSAGES[code];
  expect(entry, `MESSAGES['${code}']`).toBeDefined();
  for (const lang of LANGS) expect(entry[lang]?.trim(), `${code} ${lang}`).toBeTruthy();
};

describe('every domain error code has a zh-CN and en message', () => {
  it('the grids actually produce the workflow codes (sanity)', () => {
    for (const c of [
      'matter.actionNotAllowedInState',
      'auth.forbidden',
      'matter.reasonRequired',
      'matter.channelRequired',
      'matter.signatureRequired',
      'matter.notCeased',
      'mediation.startAtGroup',
      'mediation.levelBelowCurrent',
      'mediation.skipsLevel',
      'review.criterionMissing',
      'review.failNoteRequired',
      'review.failed',
      'review.passed',
      'opinion.sealRequired',
      'matter.consentRequired',
      'closing.specialReportMissing',
      'review.windowClosed',
      'mediation.meetingInFuture',
      'mediation.promisedBeforeMeeting',
      'transfer.notTheCounty',
      'review.requestedInFuture',
      'opinion.deliveredInFuture',
    ])
      expect([...workflowCodes.keys()]).toContain(c);
    for (const f of ['criteria.factsClear', 'criteria.handlingAppropriate.note', 'level', 'unitId', 'sealed'])
      expect(
        [...workflowCodes.values()].some((x) => x.fields.has(f)),
        f,
      ).toBe(true);
  });

  it('every guard of the table produced a code on the fact grid, every input check one on the input grid', () => {
    for (const t of MATTER_TRANSITIONS) {
      if (t.guard)
        expect(
          FACT_GRID.some((f) => t.guard!(f)),
          `${t.from} ${t.action} guard`,
        ).toBe(true);
      if (t.accepts)
        expect(
          // Some input checks read the facts too (R1.9: a new-matter reason when the matter was closed for good).
          INPUTS.some((i) => FACT_SAMPLE.some((f) => t.accepts!(i, f))),
          `${t.from} ${t.action} accepts`,
        ).toBe(true);
    }
  });

  it.each([...workflowCodes].map(([c, found]) => [c, found] as const))(
    'R1.5–R1.22a workflow code %s: both languages, placeholders filled from its params',
    (code, found) => {
      expectTranslated(code);
      for (const params of found.params)
        for (const lang of LANGS) expect(translate(code, lang, params), `${code} ${lang}`).not.toMatch(/\{\w+\}/);
    },
  );

  it('workflow codes that come without params have no placeholders', () => {
    for (const [code, found] of workflowCodes)
      if (found.params.length === 0)
        for (const lang of LANGS) expect(placeholders(MESSAGES[code]?.[lang] ?? ''), `${code} ${lang}`).toEqual([]);
  });

  it.each([...new Set([...workflowCodes.values()].flatMap((x) => [...x.fields]))].map((f) => [f] as const))(
    'workflow field %s has a label in both languages',
    (field) => {
      for (const lang of LANGS) expect(fieldLabel(field, lang), `${field} ${lang}`).not.toBe(field);
    },
  );

  it('the grid produces the R4.1 / R4.4 / R4.5 registration codes (sanity)', () => {
    for (const c of [
      'registration.tooManyRepresentatives',
      'registration.peopleCount',
      'registration.rulesNotAcknowledged',
      'registration.securityRefused',
    ])
      expect([...registrationErrors.keys()]).toContain(c);
  });

  it.each([...registrationErrors].map(([c, e]) => [c, e] as const))(
    'R4.1 / R4.4 / R4.5 registration code %s, placeholders filled from its params',
    (code, err) => {
      expectTranslated(code);
      for (const lang of LANGS) {
        const text = translate(code, lang, err.params);
        expect(text, `${code} ${lang}`).not.toMatch(/\{\w+\}/);
      }
      for (const f of err.fields) {
        for (const lang of LANGS) expect(FIELD_LABELS[f.path]?.[lang], `${f.path} ${lang}`).toBeTruthy();
      }
    },
  );

  it('R1.1 IdCheckFailure as declared in identity.ts matches what checkIdentity produces', () => {
    const declared = declaredIdFailures();
    expect(declared.length).toBeGreaterThan(0);
    for (const c of idCodes) expect(declared).toContain(c);
  });

  it.each([...new Set([...declaredIdFailures(), ...idCodes])].map((c) => [c] as const))(
    'R1.1 identity code %s',
    (code) => {
      expectTranslated(code);
    },
  );
});

describe('MESSAGES and FIELD_LABELS catalogues', () => {
  it.each(Object.keys(MESSAGES).map((c) => [c] as const))('%s: both languages, same placeholders', (code) => {
    const e = MESSAGES[code];
    expect(e['zh-CN'].trim()).not.toBe('');
    expect(e.en.trim()).not.toBe('');
    expect(placeholders(e['zh-CN'])).toEqual(placeholders(e.en));
  });

  it.each(Object.keys(FIELD_LABELS).map((c) => [c] as const))('field label %s has both languages', (f) => {
    expect(FIELD_LABELS[f]['zh-CN'].trim()).not.toBe('');
    expect(FIELD_LABELS[f].en.trim()).not.toBe('');
  });
});

describe('translate', () => {
  it('R4.4 fills {max} and {count}', () => {
    const en = translate('registration.tooManyRepresentatives', 'en', { max: 5, count: 6 });
    expect(en).toBe('A group visit elects at most 5 representatives; 6 given');
    const zh = translate('registration.tooManyRepresentatives', 'zh-CN', { max: 5, count: 6 });
    expect(zh).toContain('不得超过 5 人');
    expect(zh).toContain('当前 6 人');
  });

  it('fills {max} in a validation message', () => {
    expect(translate('validation.tooBig', 'en', { max: 5 })).toBe('must be at most 5');
    expect(translate('validation.tooBig', 'zh-CN', { max: 5 })).toBe('不能大于 5');
  });

  it('leaves a placeholder without a param visible rather than dropping it', () => {
    expect(translate('validation.tooBig', 'en')).toBe('must be at most {max}');
  });

  it('picks the language', () => {
    expect(translate('auth.forbidden', 'zh-CN')).toBe('无权执行此操作');
    expect(translate('auth.forbidden', 'en')).toBe('You are not allowed to do this');
  });

  it('an unknown code falls back to its family message, else to the code itself', () => {
    expect(translate('validation.somethingNew', 'en', { details: 'x' })).toBe('Invalid input: x');
    expect(translate('nope.nothing', 'en')).toBe('nope.nothing');
  });
});

describe('pickLang', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['EN-GB', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['', 'zh-CN'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
  ] as const)('pickLang(%j) = %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});

describe('fieldLabel', () => {
  it("fieldLabel('petitioner.idNumber', 'zh-CN') = '证件号码'", () => {
    expect(fieldLabel('petitioner.idNumber', 'zh-CN')).toBe('证件号码');
    expect(fieldLabel('petitioner.idNumber', 'en')).toBe('ID number');
  });

  it('skips array indexes in the path', () => {
    expect(fieldLabel('representatives.2.idNumber', 'zh-CN')).toBe('证件号码');
    expect(fieldLabel('representatives.2', 'zh-CN')).toBe('代表');
  });

  it('an unknown field shows its path', () => {
    expect(fieldLabel('petitioner.shoeSize', 'en')).toBe('petitioner.shoeSize');
  });
});
