// `npm test`: every test, the way CI runs it.
//
//   1. build the web app (the e2e project serves packages/web/dist), then run all vitest projects
//      (unit, db, e2e) with TZ=Asia/Shanghai;
//   2. run the unit and db projects again with TZ=UTC, so that date handling cannot lean on the
//      machine's time zone;
//   3. print one summary per run and a closing line `N passed, N failed`, counted from vitest's
//      JSON reports. A test file that fails to load (no tests in it ran) counts as one failure.
//
// Exits non-zero if any step failed or if no test ran at all.
//
// `npm test -- <vitest args>` (or `node scripts/test.mjs -- <vitest args>`) skips all this and
// runs `vitest run <vitest args>` once, for a quick local run: `npm test -- --project unit`.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');

function run(command, args, env = {}) {
  const prefix = Object.entries(env).map(([k, v]) => `${k}=${v} `);
  console.log(`\n$ ${prefix.join('')}${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

// Quick local run: pass the arguments through to vitest.
const passThrough = process.argv.slice(2);
if (passThrough[0] === '--') passThrough.shift();
if (passThrough.length > 0) {
  process.exit(run('npx', ['vitest', 'run', ...passThrough]));
}

/** Runs vitest once, then reads its JSON report into { label, passed, failed, skipped, problems }. */
function vitest(label, tz, projectArgs, reportName) {
  const report = join(resultsDir, reportName);
  rmSync(report, { force: true });
  const args = [
    'vitest',
    'run',
    ...projectArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${relative(root, report)}`,
  ];
  const exitCode = run('npx', args, { TZ: tz });

  const summary = { label, passed: 0, failed: 0, skipped: 0, problems: [] };
  if (!existsSync(report)) {
    summary.failed = 1;
    summary.problems.push(`vitest exited with code ${exitCode} and wrote no report (${relative(root, report)})`);
    return summary;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary.passed = json.numPassedTests;
  summary.failed = json.numFailedTests;
  summary.skipped = json.numPendingTests + json.numTodoTests;
  for (const file of json.testResults) {
    const failedTests = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failedTests) summary.problems.push(`FAIL ${relative(root, file.name)} > ${t.fullName}`);
    if (file.status === 'failed' && failedTests.length === 0) {
      // The file itself failed (import error, failing beforeAll, ...): no test reported it.
      summary.failed += 1;
      summary.problems.push(
        `FAIL ${relative(root, file.name)}: ${file.message || 'failed outside any test (a hook or the file itself; see the output above)'}`,
      );
    }
  }
  if (exitCode !== 0 && summary.failed === 0) {
    // For example an unhandled error between tests, or no test files found.
    summary.failed = 1;
    summary.problems.push(`vitest exited with code ${exitCode}`);
  }
  return summary;
}

const summaries = [];

console.log('\n=== building the web app for the browser tests');
const buildCode = run('npm', ['run', 'build']);
if (buildCode !== 0) {
  summaries.push({
    label: 'web build',
    passed: 0,
    failed: 1,
    skipped: 0,
    problems: [`npm run build exited with code ${buildCode}`],
  });
}

console.log('\n=== all projects, TZ=Asia/Shanghai');
summaries.push(vitest('all projects, TZ=Asia/Shanghai', 'Asia/Shanghai', [], 'vitest.json'));

console.log('\n=== unit and db projects, TZ=UTC');
summaries.push(vitest('unit + db, TZ=UTC', 'UTC', ['--project', 'unit', '--project', 'db'], 'vitest-utc.json'));

console.log('\n=== summary');
let passed = 0;
let failed = 0;
for (const s of summaries) {
  console.log(`${s.label}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  for (const p of s.problems) console.log(`  ${p}`);
  passed += s.passed;
  failed += s.failed;
}
if (passed + failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);
