/**
 * `npm start`: configuration, database (embedded SQLite in the data dir, or PostgreSQL), migrations,
 * demo data on first start, then one port for the API and the web app.
 */
import path from 'node:path';
import { isDatabaseUnavailable, migrate, openDatabase, optimize, repositories } from '@hall/db';
import { buildApp } from './app.ts';
import { parseConfig } from './config.ts';
import { repeatEvery } from './repeat.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SETTING, seedDemo, seedFirstRun } from './demo/seed.ts';
import { startSweep } from './modules/accountability/sweep.ts';
import { startAuditVerifyJob } from './modules/audit/audit-job.ts';
import { sealLegacyPersonalDataOnce } from './personal-data-keys.ts';
import { loadKey } from './pii.ts';

async function main() {
  const config = parseConfig(process.env);
  const database = openDatabase({
    url: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'hall.sqlite'),
    synchronous: config.sqliteSynchronous,
  });
  const applied = await migrate(database.db);
  // On PostgreSQL the key comes from configuration only (config refuses to start without it).
  const key = loadKey(config.dataKey, config.dataDir, { requireConfigured: database.dialect === 'postgres' });
  const previousKeys = config.dataKeysPrevious.map((k) => Buffer.from(k, 'base64'));
  // Demo data (published passwords) by default only on the embedded SQLite database; otherwise a
  // first-run administrator (issue 8 §4).
  const seeded = config.demoData ? await seedDemo(database.db, new Date()) : false;
  const firstRun = config.demoData ? null : await seedFirstRun(database.db, new Date(), { adminPassword: config.adminPassword });
  const demo = (await repositories(database.db).settings.get(DEMO_SETTING)) === 'true';
  const { app, deps } = await buildApp({ config, database, key: key.key, previousKeys });
  // Issue 8 §3: anything still in clear from before names and birth dates were sealed, sealed before serving.
  const sealed = await sealLegacyPersonalDataOnce(database, deps.cipher, new Date());
  // R1.23: the accountability sweep; on PostgreSQL with several instances one of them sweeps per cycle.
  const sweep = startSweep(deps, { intervalMs: config.sweepSeconds * 1000, log: app.log.child({ module: 'sweep' }) });
  // R1.27: the audit chain is verified once a day (one instance per day); a broken chain raises an alert.
  const auditJob = startAuditVerifyJob(deps, {
    intervalMs: config.auditVerifyCheckSeconds * 1000,
    log: app.log.child({ module: 'audit-verify' }),
  });
  // Issue 9 §2: the planner's statistics kept current (SQLite PRAGMA optimize) at start and every few hours.
  const optimizeLog = app.log.child({ module: 'db-optimize' });
  const optimizeJob = repeatEvery(config.dbOptimizeSeconds * 1000, () => optimize(database), (err) =>
    optimizeLog.error({ err }, 'database optimize failed'),
  );

  const close = async () => {
    await sweep.stop();
    await auditJob.stop();
    await optimizeJob.stop();
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  // A database fault that escapes a caller (a background job, a stream) must not end the process
  // (issue 8 §1): it is logged and the pool reconnects. Any other unhandled rejection is a bug: exit.
  process.on('unhandledRejection', (err) => {
    if (isDatabaseUnavailable(err)) {
      app.log.warn({ err }, 'database unavailable (background)');
      return;
    }
    app.log.fatal({ err }, 'unhandled rejection');
    console.error('unhandled rejection:', err);
    process.exit(1);
  });

  await app.listen({ port: config.port, host: config.host });
  const where = database.dialect === 'sqlite' ? path.join(config.dataDir, 'hall.sqlite') : 'PostgreSQL';
  const lines = [
    '',
    `Hall 联合接访大厅 is running: http://localhost:${config.port}/`,
    `  database: ${database.dialect} (${where})${applied.length ? `, migrations applied: ${applied.join(', ')}` : ''}`,
  ];
  if (key.createdFile) {
    lines.push(`  created the personal-data key ${key.createdFile}: back it up; without it the encrypted data cannot be read`);
  } else if (key.file) {
    lines.push(`  personal-data key: ${key.file}`);
  }
  lines.push(`  accountability sweep: ${config.sweepSeconds > 0 ? `every ${config.sweepSeconds} s` : 'off'} (HALL_SWEEP_SECONDS)`);
  if (sealed.rows + sealed.documents + sealed.events > 0) {
    lines.push(`  sealed personal data left in clear by an earlier version: ${sealed.rows} rows, ${sealed.documents} documents, ${sealed.events} events`);
  }
  if (seeded) lines.push('  demo data loaded (first start)');
  if (firstRun) {
    lines.push(`  first start without demo data: created the hall 信访接待大厅 (code HALL, rename it) and the administrator ${firstRun.username}`);
    if (firstRun.generated) {
      lines.push(`  administrator password (shown this once; sign in and change it): ${firstRun.password}`);
    } else {
      lines.push('  administrator password: the one in HALL_ADMIN_PASSWORD');
    }
  }
  if (demo) {
    lines.push('  DEMO ENVIRONMENT 演示环境: never put real petitioners into it');
    lines.push(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) {
      const where = a.window ?? a.unit;
      lines.push(`    ${a.username.padEnd(11)} ${a.roles.join(',').padEnd(21)} ${a.displayName}${where ? ` · ${where}` : ''}`);
    }
  }
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
