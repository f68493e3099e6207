/**
 * `npm run restore -- --file <backup> [--petition-next N] [--document-next N] [--queue-next N]
 * [--margin N] [--queue-margin N] [--force]`: replaces the configured database with a backup, then
 * migrates, moves every number sequence past every number issued and records `system.restore` in
 * the audit trail (docs/operations.md). Stop every app instance first.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from './config.ts';
import { runRestore } from './modules/system/backup.service.ts';

function count(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${v}"`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'petition-next': { type: 'string' },
      'document-next': { type: 'string' },
      'queue-next': { type: 'string' },
      margin: { type: 'string' },
      'queue-margin': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.file) throw new Error('say which backup: --file <path>');
  const config = parseConfig(process.env);
  const r = await runRestore(config, {
    file: values.file,
    petitionNext: count('petition-next', values['petition-next']),
    documentNext: count('document-next', values['document-next']),
    queueNext: count('queue-next', values['queue-next']),
    margin: count('margin', values.margin),
    queueMargin: count('queue-margin', values['queue-margin']),
    force: values.force,
  });
  const lines = [`restored ${r.file} into the ${r.dialect} database`];
  if (r.keptAside) lines.push(`  the replaced database is kept as ${r.keptAside}`);
  lines.push(
    r.replacedRead
      ? '  the replaced database was read: its numbers are taken into account'
      : '  the replaced database could not be read: only the backup and the margins decide the next numbers',
  );
  for (const [family, changes] of Object.entries(r.changes)) {
    for (const c of changes)
      lines.push(
        `  ${family} ${c.key}: backup ${c.restored}, replaced ${c.replaced ?? '?'} → next number ${c.now + 1}`,
      );
  }
  lines.push('  recorded in the audit trail as system.restore');
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
