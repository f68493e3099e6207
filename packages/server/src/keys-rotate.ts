/**
 * `npm run keys:rotate`: re-encrypts every sealed personal value under the current key and
 * recomputes every lookup hash (issue 8 §3). Resumable: interrupted, run it again and it finishes
 * (rows already under the current key are skipped; each batch commits). Audited at start and end.
 *
 * The keys come from configuration: HALL_DATA_KEY is the new key, HALL_DATA_KEYS_PREVIOUS the old
 * one(s) (comma-separated). On the embedded SQLite with a key file, the file holds the old key: pass
 * it in HALL_DATA_KEYS_PREVIOUS. See docs/operations.md, "Key rotation".
 */
import path from 'node:path';
import { migrate, openDatabase } from '@hall/db';
import { parseConfig } from './config.ts';
import { rotatePersonalData } from './personal-data-keys.ts';
import { PiiCipher, loadKey } from './pii.ts';

async function main() {
  const config = parseConfig(process.env);
  if (!config.dataKey) {
    throw new Error('Set HALL_DATA_KEY to the new key (base64 of 32 bytes) and HALL_DATA_KEYS_PREVIOUS to the old one');
  }
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'hall.sqlite') });
  try {
    await migrate(database.db);
    const key = loadKey(config.dataKey, config.dataDir, { requireConfigured: true });
    const cipher = new PiiCipher(
      key.key,
      config.dataKeysPrevious.map((k) => Buffer.from(k, 'base64')),
    );
    console.log(
      `rotating personal data to key ${cipher.currentKid} (previous: ${cipher.keyIds.slice(1).join(', ') || 'none'})`,
    );
    const counts = await rotatePersonalData(database, cipher, {
      onBatch: (table, c) => console.log(`  ${table}: ${c.rows} rows, ${c.documents} documents re-encrypted so far`),
    });
    console.log(
      `done: ${counts.rows} rows, ${counts.documents} documents, ${counts.events} timeline events under key ${cipher.currentKid}`,
    );
    console.log('The previous key is no longer needed for this database: remove it from HALL_DATA_KEYS_PREVIOUS');
    console.log('(keep it as long as backups taken before the rotation must stay readable).');
  } finally {
    await database.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
