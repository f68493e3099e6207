/**
 * Backup and restore round trip (issue 8 §6) on every dialect in DIALECTS: register matters, issue
 * documents and tickets, back up, issue more, restore the backup, issue again — every new number is
 * past every number issued before the restore, and the restore is in the audit trail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Dialect, migrate, openDatabase, repositories } from '@hall/db';
import { pgAdminUrl, testDialects } from '@hall/db/testing';
import pg from 'pg';
import { permissionsOf } from '@hall/domain';
import { buildApp } from '../../app.ts';
import { type Config, testConfig } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed.ts';
import { demoRegistration, json, type TestApp } from '../../testing.ts';
import { transact } from '../../transact.ts';
import { AuditVerifyService } from '../audit/audit-verify.service.ts';
import { issueDocument } from '../documents/documents.ts';
import { runBackup, runRestore } from './backup.service.ts';
import { residentId } from './fault.testing.ts';

const NOW = new Date('2026-11-30T02:00:00Z');
const KEY = Buffer.alloc(32, 9);

describe.each(testDialects())('backup and restore on %s', (dialect: Dialect) => {
  let dir: string;
  /** PostgreSQL: a database of our own, so that no pool of the test holds a session during the restore. */
  let pgName: string | null = null;
  let config: Config;
  let k = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hall-backup-'));
    let url: string | null = null;
    if (dialect === 'postgres') {
      pgName = `hall_t_backup_${process.pid}_${Date.now()}`;
      await admin(
        `CREATE DATABASE ${pgName} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
      );
      const u = new URL(pgAdminUrl());
      u.pathname = `/${pgName}`;
      url = u.toString();
    }
    config = testConfig({ dataDir: dir, databaseUrl: url });
    const database = open();
    await migrate(database.db);
    await seedDemo(database.db, NOW);
    await database.destroy();
  });
  afterAll(async () => {
    if (pgName) await admin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  });

  async function admin(statement: string) {
    const c = new pg.Client({ connectionString: pgAdminUrl() });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  }

  const open = (): Database =>
    openDatabase({ url: config.databaseUrl, sqliteFile: path.join(dir, 'hall.sqlite'), onPoolError: () => {} });

  /** The app on the configured database, as an operator would start it; close() stops it. */
  async function start() {
    const database = open();
    const { app, deps } = await buildApp({ config, database, key: KEY, clock: () => NOW });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      return `hall_session=${res.cookies.find((c) => c.name === 'hall_session')!.value}`;
    };
    const registrar = await login('registrar');
    const t = { app, deps, database } as unknown as TestApp;
    const office = await repositories(database.db).staff.findByUsername('office');
    const ctx: Ctx = {
      actor: {
        id: office!.id,
        username: 'office',
        displayName: office!.display_name,
        roles: ['office'],
        permissions: permissionsOf(['office']),
        hallId: office!.hall_id,
        windowId: null,
        unitId: null,
        sessionId: 'test',
      },
      requestId: 'backup-test',
      now: NOW,
      lang: 'zh-CN',
    };
    const serviceId = (
      await database.db.selectFrom('queue_service').select('id').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    return {
      /** A petition number's sequence part. */
      async register(): Promise<number> {
        const body = await demoRegistration(t, {
          petitioner: {
            name: '王五',
            idType: 'resident',
            idNumber: residentId(200_000 + k++),
            phone: '13812345678',
            address: '苏州市',
          },
        });
        const res = await app.inject({
          method: 'POST',
          url: '/api/registrations',
          headers: { cookie: registrar },
          payload: body,
        });
        expect(res.statusCode, res.body).toBe(200);
        return Number(json(res).petitionNo.split('-').pop());
      },
      /** An official document number's sequence part (SZ交〔2026〕12号 → 12). */
      async document(): Promise<number> {
        const doc = await transact(deps, (r) => issueDocument(r, ctx, 'assignmentLetter', { content: { test: true } }));
        return Number(/〕(\d+)号$/.exec(doc.number)![1]);
      },
      async ticket(): Promise<number> {
        const res = await app.inject({ method: 'POST', url: '/api/public/halls/SZ/tickets', payload: { serviceId } });
        expect(res.statusCode, res.body).toBe(200);
        return Number(json(res).number.replace(/\D/g, ''));
      },
      async close() {
        await app.close();
        await database.destroy();
      },
    };
  }

  it('moves every number past the numbers issued before the restore, and audits the restore', async () => {
    let hall = await start();
    const issued = { petition: [] as number[], document: [] as number[], ticket: [] as number[] };
    const issue = async (h: typeof hall, n: number) => {
      for (let i = 0; i < n; i++) {
        issued.petition.push(await h.register());
        issued.document.push(await h.document());
        issued.ticket.push(await h.ticket());
      }
    };
    await issue(hall, 3);
    const backup = await runBackup(config, { out: path.join(dir, 'backups', 'before.bak'), now: NOW });
    expect(backup.bytes).toBeGreaterThan(0);
    // Issued after the backup: on paper already, but not in the backup.
    await issue(hall, 2);
    issued.petition.push(await hall.register());

    // The app still runs: the restore refuses (PostgreSQL: other sessions; SQLite: the file is open).
    // On SQLite the app is in this process, so the check runs in a child process as the CLI would.
    if (dialect === 'postgres') {
      await expect(runRestore(config, { file: backup.file, now: NOW })).rejects.toThrow(/other session/);
    } else {
      const env: NodeJS.ProcessEnv = { ...process.env, HALL_DATA_DIR: dir };
      delete env.HALL_DATABASE_URL;
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'packages/server/src/restore.ts', '--file', backup.file],
        {
          cwd: path.resolve(import.meta.dirname, '../../../../..'),
          env,
          encoding: 'utf8',
        },
      );
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/open in another process/);
    }
    await hall.close();

    const report = await runRestore(config, { file: backup.file, now: NOW });
    expect(report.replacedRead).toBe(true);
    hall = await start();
    try {
      const after = { petition: await hall.register(), document: await hall.document(), ticket: await hall.ticket() };
      expect(after.petition).toBeGreaterThan(Math.max(...issued.petition));
      expect(after.document).toBeGreaterThan(Math.max(...issued.document));
      expect(after.ticket).toBeGreaterThan(Math.max(...issued.ticket));
      // Default margins on top of the replaced database's numbers.
      expect(after.petition).toBe(Math.max(...issued.petition) + 1000 + 1);
      expect(after.ticket).toBe(Math.max(...issued.ticket) + 50 + 1);

      const db = open();
      try {
        const rows = await db.db.selectFrom('audit_log').selectAll().where('action', '=', 'system.restore').execute();
        expect(rows).toHaveLength(1);
        const a = JSON.parse(String(rows[0]!.after_data));
        expect(a).toMatchObject({ backup: 'before.bak', dialect, margin: 1000, queueMargin: 50 });
        expect(a.sequences.petition.length).toBeGreaterThan(0);
        // The restore row continues the restored chain: the whole trail still verifies.
        const v = await new AuditVerifyService({ database: db }).run(
          { source: 'cli', actorId: null, requestId: 'verify-after-restore', now: NOW },
          'en',
        );
        expect(v.ok).toBe(true);
        // The matters registered after the backup are gone (that is what a restore does), the others are there.
        const matters = await db.db.selectFrom('matter').select('petition_no').execute();
        expect(matters.length).toBe(3 + 1);
      } finally {
        await db.destroy();
      }
    } finally {
      await hall.close();
    }
  });

  it('uses the numbers the operator gives instead of the margin', async () => {
    const backup = await runBackup(config, { out: path.join(dir, 'backups', 'second.bak'), now: NOW });
    const report = await runRestore(config, {
      file: backup.file,
      now: NOW,
      petitionNext: 5000,
      documentNext: 7000,
      queueNext: 200, // under the service's daily maximum (300): a jump past it would end today's tickets
    });
    expect(report.changes.petition.some((c) => c.now === 4999)).toBe(true);
    const hall = await start();
    try {
      expect(await hall.register()).toBe(5000);
      expect(await hall.document()).toBe(7000);
      expect(await hall.ticket()).toBe(200);
      const db = open();
      try {
        const rows = await db.db
          .selectFrom('audit_log')
          .select(['action', 'actor_id'])
          .where('action', '=', 'system.restore')
          .execute();
        expect(rows).toHaveLength(2);
        expect(rows.every((r) => r.actor_id === null)).toBe(true);
      } finally {
        await db.destroy();
      }
    } finally {
      await hall.close();
    }
  });
});
