/**
 * Backup and restore of the whole database (issue 8 §6), one mechanism per dialect:
 *
 * - SQLite: the online backup API (better-sqlite3 `db.backup()`): a consistent copy of a live
 *   database, WAL included, while the app keeps running. Restore checks the copy
 *   (`pragma integrity_check`), moves the current file (and its -wal/-shm) aside as
 *   `<file>.before-restore-<time>` and renames the copy into place (atomic on one file system).
 * - PostgreSQL: `pg_dump -Fc` (a consistent snapshot while the app runs; the custom format is
 *   compressed and restorable selectively). Restore turns the dump into SQL with `pg_restore -f -`
 *   and runs it with `psql --single-transaction` after `drop schema public cascade; create schema
 *   public`: all or nothing — a failed restore leaves the database as it was, and objects of newer
 *   migrations than the backup do not survive next to the older data.
 *
 * The server's restore (modules/system/backup.service.ts) then migrates, moves the number sequences
 * past every number issued and records the restore in the audit trail.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from './database.ts';

export interface BackupTarget {
  dialect: Dialect;
  /** PostgreSQL connection URL. */
  url: string | null;
  /** SQLite database file. */
  sqliteFile: string | null;
}

function run(cmd: string, args: string[], opts: { stdinFrom?: { cmd: string; args: string[] } } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(cmd, args, { stdio: [opts.stdinFrom ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    let feederFailed: Error | null = null;
    if (opts.stdinFrom) {
      const feeder = spawn(opts.stdinFrom.cmd, opts.stdinFrom.args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let feederErr = '';
      feeder.stderr!.on('data', (c: Buffer) => (feederErr += c.toString()));
      feeder.stdout!.pipe(child.stdin!);
      feeder.on('error', (err) => (feederFailed = err));
      feeder.on('exit', (code) => {
        if (code !== 0) feederFailed = new Error(`${opts.stdinFrom!.cmd} exited ${code}: ${feederErr.trim()}`);
      });
    }
    child.on('error', reject);
    child.on('exit', (code) => {
      if (feederFailed) return reject(feederFailed);
      if (code === 0) return resolve();
      reject(new Error(`${cmd} exited ${code}: ${stderr.trim()}`));
    });
  });
}

/** Writes a backup of the database to `dest` (a new file). */
export async function backupDatabase(target: BackupTarget, dest: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) throw new Error(`${dest} exists already: a backup never overwrites a file`);
  if (target.dialect === 'sqlite') {
    if (!target.sqliteFile || !fs.existsSync(target.sqliteFile))
      throw new Error(`no SQLite database at ${target.sqliteFile}`);
    const src = new SQLite(target.sqliteFile, { fileMustExist: true });
    try {
      src.pragma('busy_timeout = 5000');
      await src.backup(dest);
    } finally {
      src.close();
    }
  } else {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${dest}`,
      `--dbname=${target.url}`,
    ]);
  }
  return { file: dest, bytes: fs.statSync(dest).size };
}

/**
 * Replaces the database's content with the backup in `src`. Stop the app first: on PostgreSQL this
 * refuses while other sessions are connected to the database (unless `force`).
 */
export async function restoreDatabase(
  target: BackupTarget,
  src: string,
  opts: { force?: boolean; now?: Date } = {},
): Promise<{ keptAside: string | null }> {
  if (!fs.existsSync(src)) throw new Error(`no backup file at ${src}`);
  if (target.dialect === 'sqlite') {
    const file = target.sqliteFile!;
    if (!opts.force && fs.existsSync(file) && sqliteInUse(file)) {
      throw new Error(`${file} is open in another process: stop the app first, or pass --force`);
    }
    const incoming = `${file}.restoring`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(incoming, { force: true });
    // A copy through the backup API (not a plain file copy): the backup is read as a database.
    const b = new SQLite(src, { readonly: true, fileMustExist: true });
    try {
      const check = b.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup ${src} is damaged: ${String(check)}`);
      await b.backup(incoming);
    } finally {
      b.close();
    }
    let keptAside: string | null = null;
    if (fs.existsSync(file)) {
      keptAside = `${file}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(file, keptAside);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.renameSync(file + ext, keptAside + ext);
    }
    fs.renameSync(incoming, file);
    return { keptAside };
  }
  if (!opts.force) {
    const others = await otherSessions(target.url!);
    if (others.length > 0) {
      throw new Error(
        `${others.length} other session(s) are connected to the database (${[...new Set(others)].join(', ')}): stop every app instance first, or pass --force`,
      );
    }
  }
  await run(
    'psql',
    [
      '--no-psqlrc',
      '--quiet',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--dbname=${target.url}`,
      '--command=drop schema if exists public cascade; create schema public;',
      '--file=-',
    ],
    { stdinFrom: { cmd: 'pg_restore', args: ['--no-owner', '--no-privileges', '--file=-', src] } },
  );
  return { keptAside: null };
}

/** application_name of every other session on the same PostgreSQL database. */
async function otherSessions(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const res = await c.query<{ app: string }>(
      `select coalesce(nullif(application_name, ''), 'pid ' || pid) as app from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return res.rows.map((r) => r.app);
  } finally {
    await c.end();
  }
}

/** Another process has the SQLite file open (an exclusive lock cannot be had at once). A damaged file is not "in use". */
function sqliteInUse(file: string): boolean {
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = exclusive');
    db.exec('begin exclusive');
    db.prepare('select count(*) from sqlite_master').get();
    db.exec('commit');
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    db?.close();
  }
}
