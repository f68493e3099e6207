/**
 * `npm run bench`: registration and reception throughput through the real app (Fastify inject, no
 * network) on SQLite and PostgreSQL. Prints a Markdown table for docs/benchmarks.md.
 * Options: BENCH_N (registrations per run, default 500), BENCH_CONCURRENCY (default 20), DIALECTS.
 */
import os from 'node:os';
import { gb11643CheckChar } from '@hall/domain';
import { testDialects } from '@hall/db/testing';
import { createTestApp, demoRegistration } from '../packages/server/src/testing.ts';
import { runPool } from './pool.ts';

const N = Number(process.env.BENCH_N ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);


const rows: string[] = [];
for (const dialect of testDialects()) {
  const t = await createTestApp(dialect, { poolSize: CONCURRENCY });
  const registrar = await t.login('registrar');
  const reception1 = await t.login('reception1');
  const body = await demoRegistration(t);
  const ids: number[] = [];
  // A different petitioner each time (valid resident numbers born 1970-01-01 + i days), as at a real desk.
  const idNumber = (i: number) => {
    const birth = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const body17 = `320506${birth}${String(i % 1000).padStart(3, '0')}`;
    return body17 + gb11643CheckChar(body17);
  };
  const reg = await runPool(N, CONCURRENCY, async (i) => {
    const payload = { ...body, petitioner: { ...body.petitioner, name: `来访人${i}`, idNumber: idNumber(i) } };
    const res = await t.app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: registrar }, payload });
    if (res.statusCode !== 200) throw new Error(res.body);
    ids.push(JSON.parse(res.body).matterId);
  });
  const list = await runPool(200, CONCURRENCY, async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/matters?scope=today&limit=200', headers: { cookie: reception1 } });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  const accept = await runPool(ids.length, CONCURRENCY, async (i) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/matters/${ids[i]}/actions/accept`,
      headers: { cookie: reception1 },
      payload: { version: 1 },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  const f = (x: number) => x.toFixed(1);
  rows.push(`| ${dialect} | register (${N} petitioners) | ${f(reg.perSecond)} | ${f(reg.p50)} | ${f(reg.p99)} |`);
  rows.push(`| ${dialect} | today's list (a page of 200 rows and the total) | ${f(list.perSecond)} | ${f(list.p50)} | ${f(list.p99)} |`);
  rows.push(`| ${dialect} | accept + detail | ${f(accept.perSecond)} | ${f(accept.p50)} | ${f(accept.p99)} |`);
  await t.close();
}

console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; concurrency ${CONCURRENCY}\n`);
console.log('| database | operation | ops/s | p50 ms | p99 ms |');
console.log('|---|---|---|---|---|');
console.log(rows.join('\n'));
