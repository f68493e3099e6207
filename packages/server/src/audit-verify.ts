/**
 * `npm run audit:verify`: checks the whole audit chain (R1.27) on the configured database (the
 * parsed config, as `npm start` opens it), records the verification, and prints one line.
 * Exit 0 with a summary when intact; exit 1 with the first broken link when not; exit 2 when the
 * check could not run (no database, not migrated).
 */
import path from 'node:path';
import { openDatabase } from '@hall/db';
import { Lang } from '@hall/domain';
import { parseConfig } from './config.ts';
import { AuditVerifyService } from './modules/audit/audit-verify.service.ts';

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const database = openDatabase({
    url: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'hall.sqlite'),
    onPoolError: () => {},
  });
  try {
    const now = new Date();
    const v = await new AuditVerifyService({ database }).run(
      { source: 'cli', actorId: null, requestId: `audit-verify:cli:${now.toISOString()}`, now },
      Lang.en,
    );
    if (v.ok) {
      console.log(`audit chain intact: ${v.checked} entries checked, head seq ${v.headSeq} hash ${v.headHash}`);
      return 0;
    }
    console.log(
      `audit chain BROKEN: ${v.problem} at entry seq ${v.brokenSeq ?? '-'} (audit_log id ${v.brokenId ?? '-'}): expected ${v.expected ?? '-'}, found ${v.actual ?? '-'}`,
    );
    console.log(`  ${v.message}`);
    console.log(
      `  ${v.checked} entries verified before the break; last intact entry seq ${v.headSeq} hash ${v.headHash}`,
    );
    return 1;
  } finally {
    await database.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`audit:verify could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
