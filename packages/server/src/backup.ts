/**
 * `npm run backup [-- --out <file>]`: a consistent backup of the configured database (the parsed
 * config, as `npm start` opens it) while the app keeps running. SQLite: the online backup API;
 * PostgreSQL: `pg_dump -Fc`. Default file: <HALL_DATA_DIR>/backups/hall-<dialect>-<time>.{sqlite,dump}.
 * The personal-data key is not in the backup: keep it apart (docs/operations.md).
 */
import { parseArgs } from 'node:util';
import { parseConfig } from './config.ts';
import { runBackup } from './modules/system/backup.service.ts';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = parseConfig(process.env);
  const r = await runBackup(config, { out: values.out });
  console.log(`backup written: ${r.file} (${r.dialect}, ${r.bytes} bytes)`);
}

main().catch((err: unknown) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
