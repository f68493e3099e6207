/**
 * Backup and restore (issue 8 §6) on the configured database (the parsed config, as `npm start`
 * opens it). The copy itself is @hall/db's backupDatabase / restoreDatabase; around a restore this
 * module
 *
 * 1. reads the number sequences of the database about to be replaced (when it can be read),
 * 2. restores, then migrates (a backup made by an older version gets the newer tables),
 * 3. in one transaction moves every number sequence past every number issued — petition numbers
 *    (per hall and year), official document numbers (per hall, kind and year), today's queue
 *    tickets (per service) — and appends the `system.restore` audit row saying what was restored.
 *
 * The new value of a current-period sequence: the highest of the backup's value, the replaced
 * database's value and, when the operator gives one, `next − 1` (`--petition-next` …); without an
 * operator value a safety margin is added (default 1000 for petition and document numbers, 50 for
 * today's tickets) to cover numbers issued after the replaced database's last known state.
 * Sequences of earlier years/days keep the higher of the two values (they issue nothing any more).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type BackupTarget,
  type Database,
  type SequenceRows,
  backupDatabase,
  migrate,
  openDatabase,
  repositories,
  restoreDatabase,
} from '@hall/db';
import { chinaDate, chinaYear } from '@hall/domain';
import { auditAs } from '../../audit.ts';
import type { Config } from '../../config.ts';
import { transact } from '../../transact.ts';
import { DOCUMENT_KINDS } from '../documents/documents.ts';

export const DEFAULT_MARGIN = 1000;
export const DEFAULT_QUEUE_MARGIN = 50;

export function backupTarget(config: Config): BackupTarget {
  return config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl, sqliteFile: null }
    : { dialect: 'sqlite', url: null, sqliteFile: path.join(config.dataDir, 'hall.sqlite') };
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export async function runBackup(config: Config, opts: { out?: string; now?: Date } = {}) {
  const target = backupTarget(config);
  const now = opts.now ?? new Date();
  const out = path.resolve(
    opts.out ??
      path.join(
        config.dataDir,
        'backups',
        `hall-${target.dialect}-${stamp(now)}.${target.dialect === 'sqlite' ? 'sqlite' : 'dump'}`,
      ),
  );
  const r = await backupDatabase(target, out);
  return { ...r, dialect: target.dialect };
}

export interface RestoreOptions {
  file: string;
  /** The next petition number must be at least this (current year, every hall); replaces the margin. */
  petitionNext?: number;
  documentNext?: number;
  queueNext?: number;
  margin?: number;
  queueMargin?: number;
  /** PostgreSQL: restore although other sessions are connected. */
  force?: boolean;
  now?: Date;
}

type SeqChange = { key: string; restored: number; replaced: number | null; now: number };

export interface RestoreReport {
  dialect: string;
  file: string;
  keptAside: string | null;
  /** The replaced database could be read (its sequences are taken into account). */
  replacedRead: boolean;
  changes: { petition: SeqChange[]; document: SeqChange[]; queue: SeqChange[] };
}

async function readSequences(target: BackupTarget): Promise<{ rows: SequenceRows; auditHead: unknown } | null> {
  if (target.dialect === 'sqlite' && !fs.existsSync(target.sqliteFile!)) return null;
  let database: Database | null = null;
  try {
    database = openDatabase({ url: target.url, sqliteFile: target.sqliteFile ?? undefined, onPoolError: () => {} });
    const r = repositories(database.db);
    const rows = await r.sequences.all();
    const auditHead = await r.audit.chainHead().catch(() => null);
    return { rows, auditHead };
  } catch {
    return null; // damaged or missing: the margins cover what it would have told
  } finally {
    await database?.destroy();
  }
}

export async function runRestore(config: Config, opts: RestoreOptions): Promise<RestoreReport> {
  const target = backupTarget(config);
  const now = opts.now ?? new Date();
  const file = path.resolve(opts.file);
  const margin = opts.margin ?? DEFAULT_MARGIN;
  const queueMargin = opts.queueMargin ?? DEFAULT_QUEUE_MARGIN;

  const replaced = await readSequences(target);
  const { keptAside } = await restoreDatabase(target, file, { force: opts.force, now });

  const database = openDatabase({ url: target.url, sqliteFile: target.sqliteFile ?? undefined, onPoolError: () => {} });
  try {
    await migrate(database.db);
    const year = chinaYear(now);
    const today = chinaDate(now);
    const changes = await transact({ database }, async (r) => {
      const restored = await r.sequences.all();
      const halls = await r.sequences.hallIds();
      const services = await r.sequences.serviceIds();
      const hallSet = new Set(halls);
      const serviceSet = new Set(services);

      /** One sequence family: rows of the backup, of the replaced database, and the current-period keys that must exist. */
      const plan = <R extends { last_value: number }>(
        restoredRows: R[],
        replacedRows: R[] | null,
        keyOf: (x: R) => string,
        current: (x: R) => boolean,
        mustExist: R[],
        operatorNext: number | undefined,
        m: number,
        keep: (x: R) => boolean,
      ) => {
        const byKey = new Map<string, { row: R; restored: number; replaced: number | null }>();
        for (const x of mustExist) byKey.set(keyOf(x), { row: x, restored: 0, replaced: replacedRows ? 0 : null });
        for (const x of restoredRows) {
          const e = byKey.get(keyOf(x)) ?? { row: x, restored: 0, replaced: replacedRows ? 0 : null };
          e.restored = x.last_value;
          byKey.set(keyOf(x), e);
        }
        for (const x of replacedRows ?? []) {
          if (!keep(x)) continue;
          const e = byKey.get(keyOf(x)) ?? { row: x, restored: 0, replaced: 0 };
          e.replaced = Math.max(e.replaced ?? 0, x.last_value);
          byKey.set(keyOf(x), e);
        }
        const out: (SeqChange & { row: R })[] = [];
        for (const [key, e] of byKey) {
          const known = Math.max(e.restored, e.replaced ?? 0);
          let value = known;
          if (current(e.row)) value = operatorNext !== undefined ? Math.max(known, operatorNext - 1) : known + m;
          if (value !== e.restored || !restoredRows.some((x) => keyOf(x) === key)) {
            out.push({ key, restored: e.restored, replaced: e.replaced, now: value, row: e.row });
          }
        }
        return out;
      };

      const petition = plan(
        restored.petition,
        replaced?.rows.petition ?? null,
        (x) => `${x.hall_id}/${x.year}`,
        (x) => x.year === year,
        halls.map((h) => ({ hall_id: h, year, last_value: 0 })),
        opts.petitionNext,
        margin,
        (x) => hallSet.has(x.hall_id),
      );
      const document = plan(
        restored.document,
        replaced?.rows.document ?? null,
        (x) => `${x.hall_id}/${x.kind}/${x.year}`,
        (x) => x.year === year,
        halls.flatMap((h) => Object.keys(DOCUMENT_KINDS).map((kind) => ({ hall_id: h, kind, year, last_value: 0 }))),
        opts.documentNext,
        margin,
        (x) => hallSet.has(x.hall_id),
      );
      const queue = plan(
        restored.queue.filter((x) => x.day === today),
        replaced?.rows.queue.filter((x) => x.day === today) ?? null,
        (x) => `${x.service_id}/${x.day}`,
        () => true,
        services.map((s) => ({ service_id: s, day: today, last_value: 0 })),
        opts.queueNext,
        queueMargin,
        (x) => serviceSet.has(x.service_id),
      );
      for (const c of petition) await r.sequences.setPetition(c.row.hall_id, c.row.year, c.now);
      for (const c of document) await r.sequences.setDocument(c.row.hall_id, c.row.kind, c.row.year, c.now);
      for (const c of queue) await r.sequences.setQueue(c.row.service_id, c.row.day, c.now);

      const strip = (xs: (SeqChange & { row: unknown })[]) =>
        xs.map(({ key, restored, replaced, now }) => ({ key, restored, replaced, now }));
      const changes = { petition: strip(petition), document: strip(document), queue: strip(queue) };
      await auditAs(
        r,
        { actorId: null, at: now, requestId: `restore:${now.toISOString()}`, hallId: null },
        {
          entity: 'database',
          entityId: target.dialect,
          action: 'system.restore',
          before: { replacedDatabaseRead: replaced !== null, replacedAuditHead: replaced?.auditHead ?? null },
          after: {
            backup: path.basename(file),
            dialect: target.dialect,
            margin,
            queueMargin,
            operator: {
              petitionNext: opts.petitionNext ?? null,
              documentNext: opts.documentNext ?? null,
              queueNext: opts.queueNext ?? null,
            },
            sequences: changes,
          },
        },
      );
      return changes;
    });
    return { dialect: target.dialect, file, keptAside, replacedRead: replaced !== null, changes };
  } catch (err) {
    // The data is the backup's now, but the numbers may not have moved: say what the operator needs.
    const top = (xs: { last_value: number }[] | undefined) => Math.max(0, ...(xs ?? []).map((x) => x.last_value));
    const hint = replaced
      ? ` Before the restore the highest numbers were: petition ${top(replaced.rows.petition)}, document ${top(replaced.rows.document)}, ticket today ${top(replaced.rows.queue.filter((q) => q.day === chinaDate(now)))}.`
      : '';
    throw new Error(
      `the backup was restored, but moving the number sequences or the audit row failed (${(err as Error).message}). ` +
        `Do not start the app: run the restore again with --petition-next, --document-next and --queue-next past every number issued.${hint}`,
      { cause: err },
    );
  } finally {
    await database.destroy();
  }
}
