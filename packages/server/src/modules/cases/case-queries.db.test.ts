/**
 * Query ceilings of the case's hot endpoints, on every dialect (issue 9 §2). Counted over HTTP,
 * session check included: the case detail ≤ 6 statements, every workflow action ≤ 15, registration
 * ≤ 12, and the reception list and the inboxes a constant whatever the number of rows or records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { countQueries, createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

const DETAIL_MAX = 6;
const ACTION_MAX = 15;
const REGISTRATION_MAX = 12;

describe.each(testDialects())('query ceilings on %s', (dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let hrss: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['registrar', 'reception1', 'director', 'handler1', 'head1', 'office']) cookies[u] = await t.login(u);
    hrss = (await t.database.db.selectFrom('unit').select('id').where('name', '=', '市人力资源和社会保障局').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t?.close());

  const inject = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] }, payload: payload as Record<string, unknown> | undefined });

  async function register(n = 0) {
    const base = await demoRegistration(t);
    const res = await inject('POST', '/api/registrations', 'registrar', { ...base, summary: `${base.summary}（第${n}次）` });
    expect(res.statusCode, res.body).toBe(200);
    return json(res).matterId as number;
  }

  /** An action, counted; returns the answer and the number of statements it cost. */
  async function counted(id: number, who: string, action: string, body: Record<string, unknown> = {}) {
    const version = json(await inject('GET', `/api/matters/${id}`, who)).version;
    const { result, count } = await countQueries(t, () => inject('POST', `/api/matters/${id}/actions/${action}`, who, { ...body, version }));
    expect(result.statusCode, `${action}: ${result.body}`).toBe(200);
    return { detail: json(result), count };
  }

  it('registration costs at most 12 statements, however many matters the hall holds', async () => {
    const base = await demoRegistration(t);
    const costs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { result, count } = await countQueries(t, () => inject('POST', '/api/registrations', 'registrar', { ...base, summary: `计数登记${i}` }));
      expect(result.statusCode, result.body).toBe(200);
      costs.push(count);
    }
    // The first registration of a petitioner creates the person; the repeats find him.
    expect(Math.max(...costs), `registration: ${costs.join(', ')}`).toBeLessThanOrEqual(REGISTRATION_MAX);
  });

  it('every action of a whole case costs at most 15 statements, and the detail at most 6 however long the case', async () => {
    const id = await register();
    const today = chinaDate(t.clock.now);
    const allPass = Object.fromEntries(
      ['factsClear', 'evidenceConclusive', 'basisSufficient', 'characterisationAccurate', 'handlingAppropriate'].map((k) => [k, { pass: true, note: '' }]),
    );
    const steps: [string, string, Record<string, unknown>?][] = [
      ['reception1', 'accept'],
      ['reception1', 'proposeAssignment', { unitId: hrss }],
      ['director', 'approveAssignment'],
      ['handler1', 'signFor'],
      ['reception1', 'urge', { reason: '信访人催办' }],
      ['reception1', 'supervise', { kind: 'daily', demand: '加快核查', progress: '已约谈企业' }],
      ['handler1', 'requestExtension', { days: 10, reason: '需调取记录' }],
      ['director', 'approveExtension'],
      ['handler1', 'issueOpinion', { outcome: 'support', facts: '属实', reasons: '依法', basis: '《劳动合同法》' }],
      ['handler1', 'recordDelivery', { way: 'inPerson', deliveredOn: today, signed: true, view: 'agree' }],
      ['head1', 'unitSignOff', { headName: '周强', sealed: true }],
      ['reception1', 'reviewCase', { criteria: allPass }],
      ['director', 'signOff'],
      ['reception1', 'rate', { unitRating: 'satisfied', officeRating: 'satisfied' }],
      ['reception1', 'requestReview', { organ: '苏州市人民政府', requestedOn: today }],
      ['office', 'recordReviewResult', { result: '维持' }],
    ];
    const costs: Record<string, number> = {};
    const detailCosts: number[] = [];
    for (const [who, action, body] of steps) {
      costs[action] = (await counted(id, who, action, body)).count;
      // A repeat view (its audit row already written within the window) of the case as it grows.
      await inject('GET', `/api/matters/${id}`, 'director');
      const { result, count } = await countQueries(t, () => inject('GET', `/api/matters/${id}`, 'director'));
      expect(result.statusCode).toBe(200);
      detailCosts.push(count);
    }
    for (const [action, n] of Object.entries(costs)) expect(n, `${action}: ${n} statements`).toBeLessThanOrEqual(ACTION_MAX);
    expect(new Set(detailCosts).size, `detail: ${detailCosts.join(', ')}`).toBe(1);
    expect(detailCosts[0]!).toBeLessThanOrEqual(DETAIL_MAX);
  });

  it('mediation, an objection and the reassignment cost at most 15 statements each; an urge while objected counts for the unit that objected (R1.7)', async () => {
    const id = await register(50);
    const today = chinaDate(t.clock.now);
    const costs: Record<string, number> = {};
    for (const [who, action, body] of [
      ['reception1', 'accept'],
      ['reception1', 'startMediation'],
      ['reception1', 'notifyAcceptance'],
      ['reception1', 'recordMeeting', { level: 'group', heldOn: today, chair: '李明', participants: '信访人、人社局', outcome: 'agreement', summary: '达成一致', unitId: hrss }],
      ['director', 'approveAssignment'],
      ['handler1', 'object', { reason: '不属本单位职责' }],
    ] as [string, string, Record<string, unknown>?][]) {
      costs[action] = (await counted(id, who, action, body)).count;
    }
    const urged = await counted(id, 'reception1', 'urge', { reason: '信访人催问' });
    costs.urge = urged.count;
    expect(urged.detail.state).toBe('objected');
    const urge = await t.database.db.selectFrom('matter_note').select('unit_id').where('matter_id', '=', id).where('kind', '=', 'urge').executeTakeFirstOrThrow();
    expect(urge.unit_id).toBe(hrss);
    const housing = (await t.database.db.selectFrom('unit').select('id').where('name', '=', '市住房和城乡建设局').executeTakeFirstOrThrow()).id;
    costs.reassign = (await counted(id, 'reception1', 'reassign', { unitId: housing, note: '改交住建局' })).count;
    for (const [action, n] of Object.entries(costs)) expect(n, `${action}: ${n} statements`).toBeLessThanOrEqual(ACTION_MAX);
  });

  it('an older matter of a petitioner with more than 500 matters opens, with its own earlier matters', async () => {
    const oldest = await register(400);
    const row = await t.database.db.selectFrom('matter').selectAll().where('id', '=', oldest).executeTakeFirstOrThrow();
    const { id: _id, ...rest } = row;
    // The person's later history, inserted as rows (a realistic 500 visits would take long over HTTP).
    const later = Array.from({ length: 520 }, (_, i) => ({
      ...rest,
      petition_no: `${row.petition_no}-L${i}`,
      query_code: `Q${String(i).padStart(7, '0')}`,
      registered_at: new Date(Date.parse(row.registered_at) + (i + 1) * 1000).toISOString(),
    }));
    for (let i = 0; i < later.length; i += 100) await t.database.db.insertInto('matter').values(later.slice(i, i + 100)).execute();
    const res = await inject('GET', `/api/matters/${oldest}`, 'director');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).petitionNo).toBe(row.petition_no);
    expect(json(res).earlierMatters.every((m: { id: number }) => m.id < oldest)).toBe(true);
  });

  it("the detail's cost does not grow with the petitioner's earlier matters", async () => {
    const first = await register(1);
    await inject('GET', `/api/matters/${first}`, 'director');
    const before = (await countQueries(t, () => inject('GET', `/api/matters/${first}`, 'director'))).count;
    // The person comes back many times: his history is read in one query, never matter by matter.
    for (let i = 0; i < 5; i++) await register(100 + i);
    const latest = await register(200);
    await inject('GET', `/api/matters/${latest}`, 'director');
    const { result, count } = await countQueries(t, () => inject('GET', `/api/matters/${latest}`, 'director'));
    expect(result.statusCode).toBe(200);
    expect(json(result).earlierMatters.length).toBeGreaterThanOrEqual(6);
    expect(count).toBe(before);
  });

  it('the reception list and the inbox cost the same whatever the number of rows', async () => {
    const cost = async () => {
      const out: Record<string, number> = {};
      for (const [who, url] of [
        ['reception1', '/api/matters?scope=today'],
        ['director', '/api/matters?scope=all'],
        ['handler1', '/api/matters?scope=open'],
        ['director', '/api/inbox'],
        ['reception1', '/api/inbox'],
        ['handler1', '/api/inbox'],
      ] as const) {
        const { result, count } = await countQueries(t, () => inject('GET', url, who));
        expect(result.statusCode, `${url}: ${result.body}`).toBe(200);
        out[`${who} ${url}`] = count;
      }
      return out;
    };
    const few = await cost();
    for (let i = 0; i < 8; i++) await register(300 + i);
    expect(await cost()).toEqual(few);
  });
});
