import { describe, it, expect } from 'vitest';
import { proposeVisitKind, type EarlierMatter, type VisitKindFacts } from './visit-kind.ts';

/*
 * R1.5a: the visit kind is proposed from the records. R1.8 / R4.3: a matter located in a county
 * that the petitioner never took to the county is skip-level.
 */

const CITY = '440300'; // a city-level division
const COUNTY = '440303'; // a county-level division under it
const OTHER_COUNTY = '440304';

const LABOUR = 7; // content category: 劳动社保
const HOUSING = 12; // content category: 城乡建设

const CITY_HRSS = 100; // municipal human resources and social security bureau
const CITY_HOUSING = 101;
const COUNTY_GOV = 200; // the county's government
const COUNTY_PETITION_OFFICE = 201;

const facts = (over: Partial<VisitKindFacts> = {}): VisitKindFacts => ({
  categoryId: LABOUR,
  localityCode: CITY,
  unitIds: [CITY_HRSS],
  localityIsCounty: false,
  countyUnitIds: [],
  earlierHandlingUnitIds: [],
  earlierMatters: [],
  ...over,
});

const earlier = (id: number, over: Partial<EarlierMatter> = {}): EarlierMatter => ({
  id,
  petitionNo: `SZ-2025-${String(id).padStart(6, '0')}`,
  categoryId: HOUSING,
  localityCode: OTHER_COUNTY,
  unitIds: [],
  ...over,
});

const countyFacts = (over: Partial<VisitKindFacts> = {}) =>
  facts({
    localityCode: COUNTY,
    localityIsCounty: true,
    countyUnitIds: [COUNTY_GOV, COUNTY_PETITION_OFFICE],
    ...over,
  });

describe('R1.5a proposeVisitKind', () => {
  it('R1.5a no earlier matters, city locality: first', () => {
    expect(proposeVisitKind(facts())).toEqual({ kind: 'first', related: [] });
  });

  it('R1.5a earlier matter on another subject (other category, place, units): first, nothing related', () => {
    const m = earlier(1, { categoryId: HOUSING, localityCode: OTHER_COUNTY, unitIds: [CITY_HOUSING] });
    expect(proposeVisitKind(facts({ earlierMatters: [m] }))).toEqual({ kind: 'first', related: [] });
  });

  it('R1.5a earlier matter with the same category and locality: repeat, shown in related', () => {
    const same = earlier(1, { categoryId: LABOUR, localityCode: CITY, unitIds: [] });
    const other = earlier(2);
    const p = proposeVisitKind(facts({ unitIds: [], earlierMatters: [same, other] }));
    expect(p.kind).toBe('repeat');
    expect(p.related).toEqual([same]);
  });

  it('R1.5a same category but another locality is not the same subject', () => {
    const m = earlier(1, { categoryId: LABOUR, localityCode: OTHER_COUNTY, unitIds: [] });
    expect(proposeVisitKind(facts({ unitIds: [], earlierMatters: [m] })).kind).toBe('first');
  });

  it('R1.5a same locality but another category is not the same subject', () => {
    const m = earlier(1, { categoryId: HOUSING, localityCode: CITY, unitIds: [] });
    expect(proposeVisitKind(facts({ unitIds: [], earlierMatters: [m] })).kind).toBe('first');
  });

  it('R1.5a an uncategorised matter is not matched on category', () => {
    const m = earlier(1, { categoryId: null, localityCode: CITY, unitIds: [] });
    expect(proposeVisitKind(facts({ categoryId: null, unitIds: [], earlierMatters: [m] })).kind).toBe('first');
  });

  it('R1.5a earlier matter sharing a unit involved: repeat, shown in related', () => {
    const m = earlier(1, { categoryId: HOUSING, localityCode: OTHER_COUNTY, unitIds: [CITY_HOUSING, CITY_HRSS] });
    const p = proposeVisitKind(facts({ unitIds: [CITY_HRSS], earlierMatters: [m] }));
    expect(p).toEqual({ kind: 'repeat', related: [m] });
  });

  it('R1.5a every related earlier matter is listed, in the given order', () => {
    const a = earlier(1, { unitIds: [CITY_HRSS] });
    const b = earlier(2);
    const c = earlier(3, { categoryId: LABOUR, localityCode: CITY });
    const p = proposeVisitKind(facts({ earlierMatters: [a, b, c] }));
    expect(p.kind).toBe('repeat');
    expect(p.related.map((m) => m.id)).toEqual([1, 3]);
  });
});

describe('R1.8 / R4.3 skip-level', () => {
  it('R1.8 county locality, no record of the county: skipLevel', () => {
    expect(proposeVisitKind(countyFacts())).toEqual({ kind: 'skipLevel', related: [] });
  });

  it('R1.8 county locality, the county has no units configured: skipLevel', () => {
    expect(proposeVisitKind(countyFacts({ countyUnitIds: [] })).kind).toBe('skipLevel');
  });

  it('R4.3 county locality, the petitioner reports earlier handling by the county: first', () => {
    expect(proposeVisitKind(countyFacts({ earlierHandlingUnitIds: [COUNTY_PETITION_OFFICE] }))).toEqual({
      kind: 'first',
      related: [],
    });
  });

  it('R4.3 county locality, earlier handling by some other unit only: still skipLevel', () => {
    expect(proposeVisitKind(countyFacts({ earlierHandlingUnitIds: [CITY_HOUSING] })).kind).toBe('skipLevel');
  });

  it('R4.3 county locality, an earlier matter (other subject) was handled by the county: first', () => {
    const m = earlier(1, { categoryId: HOUSING, localityCode: OTHER_COUNTY, unitIds: [COUNTY_GOV] });
    expect(proposeVisitKind(countyFacts({ unitIds: [CITY_HRSS], earlierMatters: [m] }))).toEqual({
      kind: 'first',
      related: [],
    });
  });

  it('R1.5a repeat wins over skipLevel', () => {
    const same = earlier(1, { categoryId: LABOUR, localityCode: COUNTY, unitIds: [] });
    const p = proposeVisitKind(countyFacts({ unitIds: [], earlierMatters: [same] }));
    expect(p).toEqual({ kind: 'repeat', related: [same] });
  });

  it('a city-level locality is never skip-level', () => {
    expect(proposeVisitKind(facts({ localityIsCounty: false, countyUnitIds: [COUNTY_GOV] })).kind).toBe('first');
  });
});

describe('R1.5a unknown places', () => {
  it('two matters of the same category with no locality are not related by category alone', () => {
    const p = proposeVisitKind({
      categoryId: 6,
      localityCode: null,
      unitIds: [],
      localityIsCounty: false,
      countyUnitIds: [],
      earlierHandlingUnitIds: [],
      earlierMatters: [{ id: 1, petitionNo: 'SZ-2026-000001', categoryId: 6, localityCode: null, unitIds: [] }],
    });
    expect(p.kind).toBe('first');
  });
});
