/**
 * Bad input never gives a 5xx (issue 8 §5), on every database of DIALECTS: every operation of the
 * OpenAPI document is fuzzed from its own schemas (see fuzz.ts), anonymously and as the demo accounts.
 * CI runs FUZZ_RUNS (default 40) generated requests per operation; `npm run fuzz` runs many more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '@hall/db/testing';
import { formatReport, fuzzApi, seedFuzzData } from './fuzz.ts';
import { createTestApp, demoRegistration, type TestApp } from './testing.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Only the operations whose `METHOD /path` matches (a regular expression), to chase one finding. */
const FILTER = process.env.FUZZ_FILTER ? new RegExp(process.env.FUZZ_FILTER) : undefined;

describe.each(testDialects())('fuzzing every OpenAPI operation (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedFuzzData(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`no answer is a 5xx and every 4xx has { error, message } (${RUNS} requests per operation)`, async () => {
    const report = await fuzzApi(t, { runs: RUNS, seed: SEED, filter: FILTER });
    if (report.problems.length || process.env.FUZZ_VERBOSE) console.log(formatReport(report));
    const problems = report.problems.map(
      (p) =>
        `${p.op} ${p.request.method} ${p.request.url.slice(0, 300)} (session ${p.request.session}) ${p.request.payload?.slice(0, 300) ?? ''}\n  → ${p.problem}`,
    );
    expect(problems).toEqual([]);
    // Every operation was fuzzed, and some requests got through to a 2xx (the services were reached).
    if (!FILTER) expect(report.perOperation.size).toBeGreaterThan(100);
    if (!FILTER) expect(report.total['2xx']).toBeGreaterThan(0);
  }, 600_000);
});

/** The findings of the fuzz (issue 8 §5), one example each, and what Fastify itself answers. */
describe.each(testDialects())('bad input gets a 400 naming the field, never a 5xx (%s)', (dialect) => {
  let t: TestApp;
  let guide: string;
  let registrar: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    guide = await t.login('guide');
    registrar = await t.login('registrar');
  });
  afterAll(async () => {
    await t?.close();
  });
  const send = (
    cookie: string | null,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  const body = (res: { body: string }) =>
    JSON.parse(res.body) as { error: string; message: string; fields?: { path: string; message: string }[] };

  it.each(['2026-13-01', '9999-99-99', '2026-02-30', '2026-1-1'])(
    'GET /api/floor/visits?date=%s → 400 naming the date (was a 500)',
    async (date) => {
      const res = await send(guide, 'GET', `/api/floor/visits?date=${date}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(body(res)).toMatchObject({
        error: 'validation',
        fields: [{ path: 'date', message: '日期：不是有效的日期（格式为 年-月-日，如 2026-01-31）' }],
      });
    },
  );

  it('a real day outside the range is refused with the range', async () => {
    const res = await send(guide, 'GET', '/api/floor/visits?date=2100-01-01', undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(body(res).fields).toEqual([{ path: 'date', message: 'Date: must be between 1900-01-01 and 2099-12-31' }]);
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a lone surrogate', 'a\uD800b', 'U+D800'],
    ['an escape character', '\u001B[2J', 'U+001B'],
  ])(
    '%s in a text field → 400 naming the field and the character (NUL was a 500 on PostgreSQL)',
    async (_what, value, char) => {
      const res = await send(guide, 'POST', '/api/floor/visits', { personName: value, purpose: '咨询' });
      expect(res.statusCode, res.body).toBe(400);
      expect(body(res).fields).toEqual([
        { path: 'personName', message: `姓名：含有不能使用的字符（${char}），请删除后重新输入` },
      ]);
    },
  );

  it('nested fields are named too, in English when asked', async () => {
    const base = await demoRegistration(t);
    const res = await send(
      registrar,
      'POST',
      '/api/registrations',
      { ...base, petitioner: { ...base.petitioner, name: '张\u0000三' } },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(body(res).fields).toEqual([
      {
        path: 'petitioner.name',
        message: 'Name: contains a character that cannot be used (U+0000); remove it and try again',
      },
    ]);
  });

  it('multi-line text keeps its line breaks; one-line text refuses them', async () => {
    const base = await demoRegistration(t);
    const ok = await send(registrar, 'POST', '/api/registrations', { ...base, summary: '第一行\n第二行' });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await send(registrar, 'POST', '/api/registrations', {
      ...base,
      petitioner: { ...base.petitioner, name: '张\n三' },
    });
    expect(res.statusCode).toBe(400);
    expect(body(res).fields?.[0]).toMatchObject({ path: 'petitioner.name' });
  });

  it('ids and versions beyond an integer column are refused, not sent to the database', async () => {
    for (const url of [
      '/api/floor/disorder/2147483648',
      '/api/floor/disorder/99999999999999999999',
      '/api/floor/disorder/-1',
      '/api/floor/disorder/abc',
    ]) {
      const res = await send(guide, 'GET', url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(body(res).fields?.[0]?.path).toBe('id');
    }
    const res = await send(guide, 'POST', '/api/floor/disorder/1/decide', {
      action: 'reject',
      note: 'x',
      version: 2 ** 31,
    });
    expect([400, 403]).toContain(res.statusCode);
  });

  it.each([
    ['broken JSON', '{"personName":', 400, 'request.badJson'],
    ['a __proto__ key', '{"__proto__":{"isAdmin":true},"purpose":"x"}', 400, 'request.badJson'],
    ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}},"purpose":"x"}', 400, 'request.badJson'],
    ['an empty body', '', 400, 'request.emptyBody'],
    ['a body over 1 MB', JSON.stringify({ purpose: 'x'.repeat(1024 * 1024) }), 413, 'request.tooLarge'],
  ])('Fastify answers %s with %d and a translated { error, message }', async (_what, payload, status, error) => {
    const res = await send(guide, 'POST', '/api/floor/visits', payload, { 'content-type': 'application/json' });
    expect(res.statusCode, res.body).toBe(status);
    expect(body(res)).toEqual({ error, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('another content type → 415; a bad or too long URL → 400 / 414, translated', async () => {
    const xml = await send(guide, 'POST', '/api/floor/visits', '<visit/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    expect(body(xml).error).toBe('request.unsupportedType');
    const bad = await send(guide, 'GET', '/api/floor/disorder/%zz', undefined, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(body(bad)).toEqual({ error: 'request.badUrl', message: 'The address of the request is not valid' });
    const long = await send(guide, 'POST', `/api/floor/alerts/${'x'.repeat(200)}/ack`);
    expect(long.statusCode).toBe(414);
    expect(body(long).error).toBe('request.badUrl');
  });

  it('a matter stored before the checks, with an impossible earlier-handling date, still opens', async () => {
    const res = await send(registrar, 'POST', '/api/registrations', await demoRegistration(t));
    expect(res.statusCode, res.body).toBe(200);
    const { matterId } = body(res) as unknown as { matterId: number };
    const legacy = JSON.stringify([{ unitId: null, unitName: '某单位', date: '2026-02-30', decision: '旧记录\u0007' }]);
    await t.database.db.updateTable('matter').set({ earlier_handling: legacy }).where('id', '=', matterId).execute();
    const reception = await t.login('reception1');
    const detail = await send(reception, 'GET', `/api/matters/${matterId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect((body(detail) as unknown as { earlierHandling: unknown[] }).earlierHandling).toEqual([
      { unitId: null, unitName: '某单位', date: '2026-02-30', decision: '旧记录\u0007' },
    ]);
  });

  it('a directed visit to an unknown service → 400 (was a foreign-key 500 on SQLite)', async () => {
    const res = await send(guide, 'POST', '/api/floor/visits', {
      purpose: '咨询',
      outcome: 'directed',
      serviceId: 2147483647,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(body(res)).toMatchObject({ error: 'queue.serviceNotFound', fields: [{ path: 'serviceId' }] });
    expect(
      await t.database.db.selectFrom('hall_visit').select('id').where('service_id', '=', 2147483647).execute(),
    ).toEqual([]);
  });
});
