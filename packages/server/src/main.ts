/**
 * `npm start`: configuration, database (embedded SQLite in the data dir, or PostgreSQL), migrations,
 * demo data on first start, then one port for the API and the web app.
 */
import path from 'node:path';
import { migrate, openDatabase } from '@hall/db';
import { buildApp } from './app.ts';
import { parseConfig } from './config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed.ts';
import { startSweep } from './modules/accountability/sweep.ts';
import { loadKey } from './pii.ts';

async function main() {
  const config = parseConfig(process.env);
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'hall.sqlite') });
  const applied = await migrate(database.db);
  const key = loadKey(config.dataKey, config.dataDir);
  const seeded = config.demoData ? await seedDemo(database.db, new Date()) : false;
  const { app, deps } = await buildApp({ config, database, key: key.key });
  // R1.23: the accountability sweep; on PostgreSQL with several instances one of them sweeps per cycle.
  const sweep = startSweep(deps, { intervalMs: config.sweepSeconds * 1000, log: app.log.child({ module: 'sweep' }) });

  const close = async () => {
    await sweep.stop();
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

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
  if (seeded) lines.push('  demo data loaded (first start)');
  if (config.demoData) {
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
