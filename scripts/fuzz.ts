/**
 * npm run fuzz: the fuzz of fuzz.db.test.ts with many more requests (issue 8 §5). Every operation of
 * the OpenAPI document, on every database of DIALECTS (default sqlite,postgres; PostgreSQL at
 * HALL_PG_URL), FUZZ_RUNS generated requests per operation (default 500; FUZZ_SEED for a fixed seed,
 * FUZZ_FILTER a regular expression on `METHOD /path`). Prints the answers by status class per
 * operation and in total, and every problem (a 5xx, or a 4xx without { error, message }); exits 1
 * when there is one.
 */
import { testDialects } from '../packages/db/src/testing.ts';
import { formatReport, fuzzApi, seedFuzzData } from '../packages/server/src/fuzz.ts';
import { createTestApp } from '../packages/server/src/testing.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 500);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const filter = process.env.FUZZ_FILTER ? new RegExp(process.env.FUZZ_FILTER) : undefined;

let failed = false;
for (const dialect of testDialects()) {
  const started = Date.now();
  const t = await createTestApp(dialect);
  try {
    await seedFuzzData(t);
    let done = 0;
    const report = await fuzzApi(t, {
      runs,
      seed,
      filter,
      onOperation: () => {
        done++;
        if (done % 10 === 0) process.stderr.write(`${dialect}: ${done} operations fuzzed\n`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `\n## ${dialect}: ${runs} generated requests per operation (plus one probe per account), ${seconds} s\n`,
    );
    console.log(formatReport(report));
    if (report.problems.length) {
      failed = true;
      console.log(`\n${report.problems.length} problem(s):`);
      for (const p of report.problems)
        console.log(
          `- ${p.op}: ${p.request.method} ${p.request.url.slice(0, 300)} (session ${p.request.session}) ${p.request.payload?.slice(0, 300) ?? ''}\n  → ${p.problem}`,
        );
    } else console.log('\nno 5xx, every 4xx with { error, message }');
  } finally {
    await t.close();
  }
}
process.exit(failed ? 1 : 0);
