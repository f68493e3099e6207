/**
 * `npm run bench:generate -- --db <file.sqlite | postgres://…> --matters 100000 [--key <base64>]`
 *
 * Fills a Hall database with a realistic hall of N matters for benchmarks (issue 9 §3): petitioners
 * who come one to six times, Chinese summaries and demands from varied templates, matters in every
 * state of the lifecycle with the records that state has, and the queue history of the visits.
 *
 * How: bench/prototypes.ts first walks one real matter per lifecycle path and end state through the
 * real app on a scratch database; the generator then copies those rows in bulk (never the HTTP API),
 * with new ids, petitioners, texts, petition, query and document numbers, and every date and instant
 * moved to the copy's registration day. So each generated matter has what the app writes on the way to
 * its state (timeline, deadlines with their computation, assignments and letters, opinions, meetings,
 * reviews, satisfaction…), and the case detail and the lists read them like any other.
 *
 * - Database: migrated here, and the demo organisation loaded (seedDemo) when it has no hall yet.
 *   A SQLite file for the app lives at `<HALL_DATA_DIR>/hall.sqlite`.
 * - Personal data is sealed with the app's own functions (personal-data.ts, pii.ts) under the key of
 *   `--key` or HALL_DATA_KEY (base64 of 32 bytes) or, for SQLite without either, the `hall.key` file
 *   beside the database (created if missing), as the app does: the server started with that key opens
 *   every row.
 * - Writes: SQLite through one prepared statement per table, PostgreSQL through one INSERT … SELECT
 *   FROM unnest(<one array per column>) per table on two connections taking turns (the server writes
 *   one batch while the next is built), one transaction per batch of `--batch` matters (default 2000);
 *   no fsync per batch (a crash means generating again).
 * - Audit trail: the generated history has no audit rows; the chain holds what was there before
 *   (the demo seed's rows) and stays valid (`npm run audit:verify`).
 * - Sequences (petition numbers per hall and year, document numbers per kind and year, tickets per
 *   service and day, PostgreSQL identity sequences) are moved past every generated number, so that
 *   registrations after the generation do not collide.
 *
 * Options: --matters (default 10000), --years of history (default 3), --seed (default 1), --batch,
 * --now (ISO instant the history ends at; default now — at night or on a weekend the hall's "today"
 * then has no matters: give a working-day afternoon, e.g. --now 2026-12-04T07:00:00Z).
 * Timing on the 2-vCPU development machine (2026-12-04, others' jobs running): 100,000 matters in
 * about 23 s on SQLite and 40 s on PostgreSQL; about 5 KB a matter on disk.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { formatPetitionNo, formatTicketNumber, gb11643CheckChar, queryCodeFromBytes } from '@hall/domain';
import { migrate, openDatabase } from '@hall/db';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { PiiCipher, loadKey } from '../packages/server/src/pii.ts';
import {
  sealAddress,
  sealIdNumber,
  sealName,
  sealPhone,
} from '../packages/server/src/modules/reception/personal-data.ts';
import { buildPrototypes, type Prototype } from './prototypes.ts';
import {
  OCCUPATIONS,
  PATHS,
  REGIONS,
  THEMES,
  VISITS_PER_PERSON,
  address,
  int,
  personName,
  phone,
  pick,
  prng,
  slots,
  type Rand,
} from './generate-data.ts';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** The matter's records, in an order that satisfies the foreign keys. */
const RECORD_TABLES = [
  'matter_unit',
  'matter_representative',
  'direct_reply',
  'document',
  'deadline',
  'assignment',
  'extension',
  'transfer',
  'matter_note',
  'mediation_meeting',
  'supervision_act',
  'opinion',
  'case_review',
  'higher_review',
  'satisfaction',
  'matter_event',
] as const;
/** Tables whose rows the prototypes must not have: the generator does not copy them. */
const NOT_COPIED = ['accountability', 'queue_ticket', 'hall_visit', 'disorder_incident', 'disorder_alert'] as const;
/** Numeric columns that point at a copied row. */
const REFS: Record<string, string> = {
  matter_id: 'matter',
  deadline_id: 'deadline',
  objection_deadline_id: 'deadline',
  document_id: 'document',
  letter_document_id: 'document',
};
/** Ids inside JSON text (`"assignmentId":16`) that point at a copied row. */
const JSON_REFS: Record<string, string> = {
  matterId: 'matter',
  assignmentId: 'assignment',
  documentId: 'document',
  deadlineId: 'deadline',
  extensionId: 'extension',
  meetingId: 'mediation_meeting',
  opinionId: 'opinion',
  noteId: 'matter_note',
  reviewId: 'case_review',
  transferId: 'transfer',
};

export interface GenerateOptions {
  /** A SQLite file or a postgres:// URL. */
  db: string;
  matters: number;
  /** The personal-data key (32 bytes); null: HALL_DATA_KEY, or for SQLite the key file beside the database. */
  key?: Buffer | null;
  seed?: number;
  years?: number;
  batch?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface GenerateReport {
  dialect: 'sqlite' | 'postgres';
  matters: number;
  petitioners: number;
  tickets: number;
  rows: number;
  seconds: number;
  /** Matters per state. */
  states: Record<string, number>;
  /** The key the rows are sealed under (base64), to start the server with. */
  key: string;
}

// ---------------------------------------------------------------------------------------------
// Templates of the prototype rows: each cell a constant, a new id, or text with tokens to replace.

type Tok =
  | string
  | { k: 'ts'; ms: number }
  | { k: 'date'; day: number }
  | { k: 'pno' }
  | { k: 'qc' }
  | { k: 'doc'; n: string }
  | { k: 'sealed' }
  | { k: 'summary' }
  | { k: 'demands' }
  | { k: 'ref'; table: string; index: number }
  | { k: 'category' }
  | { k: 'person' };
type Cell =
  | { k: 'const'; v: unknown }
  | { k: 'own'; index: number }
  | { k: 'ref'; table: string; index: number }
  | { k: 'person' }
  | { k: 'category' }
  | { k: 'qc' }
  | { k: 'visit' }
  | { k: 'text'; toks: Tok[] };

interface TableTemplate {
  table: string;
  columns: string[];
  rows: Cell[][];
}

interface Template {
  proto: Prototype;
  /** Rows per table (the matter first), each table's rows in id order. */
  tables: TableTemplate[];
  /** Copied rows per table, for the id counters. */
  counts: Record<string, number>;
  docs: { n: string; prefix: string; kind: string; ms: number }[];
  rowCount: number;
}

const TOKEN =
  /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)|(\d{4}-\d{2}-\d{2})|([A-Z]{1,4}-\d{4}-\d{6})|([A-Z]{1,4}[\u4e00-\u9fff]〔\d{4}〕\d+号)|(v2:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*)|(原型事项)|(原型诉求)|("(\w+Id)":)(\d+)|("queryCode":")([A-Z0-9]+)(?=")/g;

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

function tokenize(
  s: string,
  ctx: {
    pno: string;
    qc: string;
    docs: Set<string>;
    ids: Record<string, Map<number, number>>;
    categoryId: number;
    petitionerId: number;
  },
): Tok[] | null {
  const out: Tok[] = [];
  let last = 0;
  let any = false;
  for (const m of s.matchAll(TOKEN)) {
    let tok: Tok | Tok[] | null = null;
    if (m[1]) tok = { k: 'ts', ms: Date.parse(m[1]) };
    else if (m[2]) tok = { k: 'date', day: dayOf(m[2]) };
    else if (m[3]) tok = m[3] === ctx.pno ? { k: 'pno' } : null;
    else if (m[4]) tok = ctx.docs.has(m[4]) ? { k: 'doc', n: m[4] } : null;
    else if (m[5]) tok = { k: 'sealed' };
    else if (m[6]) tok = { k: 'summary' };
    else if (m[7]) tok = { k: 'demands' };
    else if (m[8]) {
      const key = m[9]!;
      const id = Number(m[10]);
      const table = JSON_REFS[key];
      if (key === 'categoryId' && id === ctx.categoryId) tok = [m[8], { k: 'category' }];
      else if (key === 'petitionerId' && id === ctx.petitionerId) tok = [m[8], { k: 'person' }];
      else if (table && ctx.ids[table]?.has(id)) tok = [m[8], { k: 'ref', table, index: ctx.ids[table]!.get(id)! }];
    } else if (m[11]) tok = m[12] === ctx.qc ? [m[11], { k: 'qc' }] : null;
    if (!tok) continue;
    any = true;
    if (m.index! > last) out.push(s.slice(last, m.index));
    if (Array.isArray(tok)) out.push(...tok);
    else out.push(tok);
    last = m.index! + m[0].length;
  }
  if (!any) return null;
  if (last < s.length) out.push(s.slice(last));
  return out;
}

async function loadTemplates(
  db: Awaited<ReturnType<typeof buildPrototypes>>['db'],
  protos: Prototype[],
): Promise<Template[]> {
  const ids = protos.map((p) => p.matterId);
  const byTable: Record<string, Record<string, unknown>[]> = {};
  for (const t of ['matter', ...RECORD_TABLES]) {
    const q = db.selectFrom(t as 'matter').selectAll();
    byTable[t] = (await (
      t === 'matter' ? q.where('id', 'in', ids) : q.where('matter_id' as 'id', 'in', ids)
    ).execute()) as Record<string, unknown>[];
  }
  for (const t of NOT_COPIED) {
    const n = await db.selectFrom(t).select('id').where('matter_id', 'in', ids).execute();
    if (n.length) throw new Error(`The prototypes wrote ${t} rows, which the generator does not copy`);
  }
  return protos.map((proto) => {
    const matter = byTable.matter!.find((m) => m.id === proto.matterId)!;
    const rowsOf = (t: string) =>
      byTable[t]!.filter((r) => (t === 'matter' ? r.id : r.matter_id) === proto.matterId).sort(
        (a, b) => Number(a.id ?? 0) - Number(b.id ?? 0),
      );
    const idMaps: Record<string, Map<number, number>> = {};
    for (const t of ['matter', ...RECORD_TABLES]) {
      const rows = rowsOf(t);
      if (rows.length && 'id' in rows[0]!) idMaps[t] = new Map(rows.map((r, i) => [Number(r.id), i]));
    }
    const documents = rowsOf('document');
    const ctx = {
      pno: String(matter.petition_no),
      qc: String(matter.query_code),
      docs: new Set(documents.map((d) => String(d.number))),
      ids: idMaps,
      categoryId: Number(matter.category_id),
      petitionerId: Number(matter.petitioner_id),
    };
    const tables: TableTemplate[] = [];
    const counts: Record<string, number> = {};
    let rowCount = 0;
    for (const t of ['matter', ...RECORD_TABLES]) {
      const rows = rowsOf(t);
      counts[t] = rows.length;
      if (!rows.length) continue;
      const columns = Object.keys(rows[0]!);
      tables.push({
        table: t,
        columns,
        rows: rows.map((r) =>
          columns.map((c): Cell => {
            const v = r[c];
            if (c === 'id') return { k: 'own', index: idMaps[t]!.get(Number(v))! };
            if (t === 'matter' && c === 'petitioner_id') return { k: 'person' };
            if (t === 'matter' && c === 'category_id') return { k: 'category' };
            if (t === 'matter' && c === 'query_code') return { k: 'qc' };
            if (t === 'matter' && (c === 'visit_kind' || c === 'proposed_visit_kind') && v === 'first')
              return { k: 'visit' };
            const target = REFS[c];
            if (target && v !== null) {
              const index = idMaps[target]?.get(Number(v));
              if (index === undefined) throw new Error(`${t}.${c} = ${v} points outside prototype ${proto.path}`);
              return { k: 'ref', table: target, index };
            }
            if (typeof v === 'string') {
              const toks = tokenize(v, ctx);
              return toks ? { k: 'text', toks } : { k: 'const', v };
            }
            return { k: 'const', v };
          }),
        ),
      });
      rowCount += rows.length;
    }
    const docs = documents.map((d) => {
      const n = String(d.number);
      return { n, prefix: n.slice(0, n.indexOf('〔')), kind: String(d.kind), ms: Date.parse(String(d.issued_at)) };
    });
    return { proto, tables, counts, docs, rowCount };
  });
}

// ---------------------------------------------------------------------------------------------
// Writers: one per database, the same three calls.

interface Writer {
  begin(): Promise<void>;
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  commit(): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(file: string): Writer & { raw: SQLite.Database } {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // A bulk load: a crash means generating again, so no fsync per batch.
  raw.pragma('synchronous = OFF');
  const statements = new Map<string, SQLite.Statement>();
  return {
    raw,
    async begin() {
      raw.exec('begin');
    },
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(',')})`;
      let st = statements.get(key);
      if (!st) {
        st = raw.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(key, st);
      }
      for (const r of rows) st.run(r);
    },
    async commit() {
      raw.exec('commit');
    },
    async close() {
      raw.close();
    },
  };
}

function pgWriter(client: pg.Client): Writer {
  // One parameter per column (an array of the batch's values), unnested into rows: far less to send,
  // parse and bind than a multi-row VALUES list.
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string) => {
    let t = types.get(table);
    if (!t) {
      const res = await client.query<{ column_name: string; t: string }>(
        `select attname as column_name, format_type(atttypid, atttypmod) as t from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
        [table],
      );
      types.set(table, (t = new Map(res.rows.map((r) => [r.column_name, r.t]))));
    }
    return t;
  };
  return {
    async begin() {
      await client.query('begin');
    },
    async insert(table, columns, rows) {
      const t = await typesOf(table);
      const arrays = columns.map((_, j) => rows.map((r) => r[j]));
      const casts = columns.map((c, j) => `$${j + 1}::${t.get(c)}[]`);
      await client.query(
        `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')})`,
        arrays,
      );
    },
    async commit() {
      await client.query('commit');
    },
    async close() {
      await client.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------

const isoDay = (() => {
  const cache = new Map<number, string>();
  return (day: number) => {
    let s = cache.get(day);
    if (!s) cache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
    return s;
  };
})();
const chinaDay = (ms: number) => Math.floor((ms + CHINA) / DAY);

function weighted<T>(r: Rand, items: readonly T[], weight: (t: T) => number): T {
  let total = 0;
  for (const it of items) total += weight(it);
  let x = r() * total;
  for (const it of items) {
    x -= weight(it);
    if (x < 0) return it;
  }
  return items[items.length - 1]!;
}

export async function generate(o: GenerateOptions): Promise<GenerateReport> {
  const log = o.log ?? ((s: string) => console.error(s));
  const started = performance.now();
  const isPg = /^postgres(ql)?:\/\//.test(o.db);
  const now = o.now ?? new Date();
  const years = o.years ?? 3;
  const batch = o.batch ?? 2000;
  const r = prng(o.seed ?? 1);
  const keyInfo = o.key
    ? { key: o.key }
    : loadKey(process.env.HALL_DATA_KEY ?? null, isPg ? '.' : path.dirname(path.resolve(o.db)), {
        requireConfigured: isPg,
      });
  const cipher = new PiiCipher(keyInfo.key);

  // 1. The target: migrated, with the demo organisation.
  const target = openDatabase(isPg ? { url: o.db, poolSize: 2 } : { sqliteFile: o.db });
  await migrate(target.db);
  if (await seedDemo(target.db, now)) log('loaded the demo organisation');
  const fingerprint = async (db: typeof target.db) =>
    JSON.stringify([
      await db.selectFrom('hall').select(['id', 'code']).orderBy('id').execute(),
      await db.selectFrom('unit').select(['id', 'name']).orderBy('id').execute(),
      await db.selectFrom('hall_window').select(['id', 'number']).orderBy('id').execute(),
      await db.selectFrom('staff_user').select(['id', 'username']).orderBy('id').execute(),
      await db.selectFrom('content_category').select(['id', 'code']).orderBy('id').execute(),
      await db.selectFrom('queue_service').select(['id', 'code']).orderBy('id').execute(),
    ]);

  // 2. The prototypes, on a scratch database with the same organisation and key.
  const t0 = performance.now();
  const protoSet = await buildPrototypes(keyInfo.key);
  if ((await fingerprint(protoSet.db)) !== (await fingerprint(target.db))) {
    await protoSet.close();
    await target.destroy();
    throw new Error('The database has another organisation than the demo seed: generate into a fresh database');
  }
  const templates = await loadTemplates(protoSet.db, protoSet.prototypes);
  await protoSet.close();
  log(`walked ${templates.length} prototypes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 3. What the target has already: ids, sequences, query codes.
  const db = target.db;
  const hall = await db.selectFrom('hall').select(['id', 'code']).where('code', '=', 'SZ').executeTakeFirstOrThrow();
  const nextId: Record<string, number> = {};
  for (const t of [
    'petitioner',
    'matter',
    'queue_ticket',
    'queue_event',
    ...RECORD_TABLES.filter((x) => x !== 'matter_unit'),
  ]) {
    const row = await sql<{ m: number | null }>`select max(id) as m from ${sql.table(t)}`.execute(db);
    nextId[t] = Number(row.rows[0]?.m ?? 0) + 1;
  }
  const petitionSeq = new Map<number, number>();
  for (const s of await db.selectFrom('petition_sequence').selectAll().where('hall_id', '=', hall.id).execute())
    petitionSeq.set(s.year, s.last_value);
  const documentSeq = new Map<string, number>();
  for (const s of await db.selectFrom('document_sequence').selectAll().where('hall_id', '=', hall.id).execute())
    documentSeq.set(`${s.kind}|${s.year}`, s.last_value);
  const queueSeq = new Map<string, number>();
  for (const s of await db.selectFrom('queue_sequence').selectAll().execute())
    queueSeq.set(`${s.service_id}|${s.day}`, s.last_value);
  const queryCodes = new Set(
    (await db.selectFrom('matter').select('query_code').where('hall_id', '=', hall.id).execute()).map(
      (m) => m.query_code,
    ),
  );
  const categories = Object.fromEntries(
    (await db.selectFrom('content_category').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );
  const services = await db
    .selectFrom('queue_service_window')
    .innerJoin('queue_service', 'queue_service.id', 'queue_service_window.service_id')
    .innerJoin('hall_window', 'hall_window.id', 'queue_service_window.window_id')
    .select(['queue_service.id', 'queue_service.prefix', 'queue_service.daily_max', 'hall_window.id as window_id'])
    .execute();
  const normal = await db
    .selectFrom('queue_priority')
    .select('weight')
    .where('hall_id', '=', hall.id)
    .where('code', '=', 'normal')
    .executeTakeFirstOrThrow();
  await target.destroy();

  // 4. The plan: registration instants (working days, 08:30–17:30 China time), people and their visits.
  const today = chinaDay(now.getTime());
  const days: { day: number; start: number; end: number }[] = [];
  for (let d = today - Math.round(years * 365); d <= today; d++) {
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday
    if (weekday === 0 || weekday === 6) continue;
    const start = d * DAY - CHINA + 8.5 * 3_600_000;
    const end = Math.min(start + 9 * 3_600_000, now.getTime() - 15 * 60_000);
    if (end - start >= 30 * 60_000) days.push({ day: d, start, end });
  }
  const N = o.matters;
  const at = new Float64Array(N);
  const dayIdx = new Int32Array(N);
  {
    const total = days.reduce((s, d) => s + (d.end - d.start), 0);
    let i = 0;
    let acc = 0;
    for (let k = 0; k < days.length && i < N; k++) {
      const d = days[k]!;
      acc += d.end - d.start;
      const upto = k === days.length - 1 ? N : Math.min(N, Math.round((N * acc) / total));
      const times: number[] = [];
      for (let j = i; j < upto; j++) times.push(d.start + r() * (d.end - d.start));
      times.sort((a, b) => a - b);
      for (const t of times) {
        at[i] = Math.floor(t / 1000) * 1000;
        dayIdx[i++] = d.day;
      }
    }
  }
  // People: visit counts drawn until they cover N matters; the visits dealt out over the timeline.
  const visitsOf: number[] = [];
  for (let sum = 0; sum < N;) {
    const c = Math.min(weighted(r, VISITS_PER_PERSON, (v) => v[1])[0], N - sum);
    visitsOf.push(c);
    sum += c;
  }
  const P = visitsOf.length;
  const personOf = new Int32Array(N);
  for (let p = 0, i = 0; p < P; p++) for (let c = 0; c < visitsOf[p]!; c++) personOf[i++] = p;
  for (let i = N - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const x = personOf[i]!;
    personOf[i] = personOf[j]!;
    personOf[j] = x;
  }
  const firstAt = new Float64Array(P).fill(Infinity);
  const lastAt = new Float64Array(P);
  for (let i = 0; i < N; i++) {
    const p = personOf[i]!;
    if (at[i]! < firstAt[p]!) firstAt[p] = at[i]!;
    if (at[i]! > lastAt[p]!) lastAt[p] = at[i]!;
  }
  const themeOf = new Int32Array(P);
  for (let p = 0; p < P; p++) themeOf[p] = THEMES.indexOf(weighted(r, THEMES, (t) => t.weight));

  // PostgreSQL: two connections, each writing every other batch, so that the server works on one
  // while the generator builds the next. SQLite: one writer (it has one anyway).
  const openPg = async () => {
    const c = new pg.Client({ connectionString: o.db });
    await c.connect();
    // A bulk load: a crash means generating again, so commits need not wait for the WAL flush.
    await c.query('set synchronous_commit = off');
    return pgWriter(c);
  };
  const writers: Writer[] = isPg ? [await openPg(), await openPg()] : [sqliteWriter(o.db)];
  const inflight: Promise<void>[] = writers.map(() => Promise.resolve());
  let turn = 0;
  let rows = 0;
  const flush = async (tables: Map<string, { columns: string[]; rows: unknown[][] }>, order: string[]) => {
    const k = turn++ % writers.length;
    const writer = writers[k]!;
    await inflight[k];
    inflight[k] = (async () => {
      await writer.begin();
      for (const t of order) {
        const x = tables.get(t);
        if (x?.rows.length) {
          await writer.insert(t, x.columns, x.rows);
          rows += x.rows.length;
        }
      }
      await writer.commit();
    })();
  };
  const drain = () => Promise.all(inflight);

  // 5. Petitioners, sealed as registration.service.ts seals them.
  const t1 = performance.now();
  const personBase = nextId.petitioner!;
  const nameEnc: string[] = new Array(P);
  const idHash: string[] = new Array(P);
  const PET_COLUMNS = [
    'id',
    'name_enc',
    'name_hash',
    'id_type',
    'id_hash',
    'id_enc',
    'id_masked',
    'sex',
    'birth_enc',
    'phone_enc',
    'phone_masked',
    'address_enc',
    'address_masked',
    'ethnicity',
    'workplace',
    'occupation',
    'created_at',
    'updated_at',
  ];
  const birthBase = dayOf('1950-01-01');
  for (let p0 = 0; p0 < P; p0 += 5000) {
    const out: unknown[][] = [];
    for (let p = p0; p < Math.min(P, p0 + 5000); p++) {
      // Unique by construction: the birth date and the sequence digits are the person's number.
      const k = personBase + p;
      const birthDay = birthBase + (k % 18_250);
      const birth = isoDay(birthDay);
      const serial = (Math.floor(k / 18_250) % 500) * 2 + (r() < 0.5 ? 1 : 0);
      const body17 = `${pick(r, REGIONS)}${birth.replaceAll('-', '')}${String(serial).padStart(3, '0')}`;
      const idNumber = body17 + gb11643CheckChar(body17);
      const name = sealName(cipher, personName(r));
      const id = sealIdNumber(cipher, 'resident', idNumber);
      nameEnc[p] = name.enc;
      idHash[p] = id.id_hash;
      const ph = sealPhone(cipher, phone(r));
      const ad = sealAddress(cipher, address(r));
      const occupation = pick(r, OCCUPATIONS);
      out.push([
        k,
        name.enc,
        name.hash,
        'resident',
        id.id_hash,
        id.id_enc,
        id.id_masked,
        serial % 2 === 1 ? 'male' : 'female',
        cipher.encrypt(birth),
        ph.phone_enc,
        ph.phone_masked,
        ad.address_enc,
        ad.address_masked,
        r() < 0.95 ? '汉族' : pick(r, ['回族', '满族', '苗族', '壮族']),
        occupation === '公司职员' || occupation === '工人' ? pick(r, ['苏州', '昆山', '吴江']) + '某公司' : null,
        occupation,
        new Date(firstAt[p]!).toISOString(),
        new Date(lastAt[p]!).toISOString(),
      ]);
    }
    await flush(new Map([['petitioner', { columns: PET_COLUMNS, rows: out }]]), ['petitioner']);
  }
  // Every petitioner committed before the first matter refers to one.
  await drain();
  log(`${P} petitioners in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  // 6. Matters, copied from the prototypes, and their visits' tickets.
  const t2 = performance.now();
  const byFamily = new Map<string, Template[]>();
  for (const t of templates) byFamily.set(t.proto.family, [...(byFamily.get(t.proto.family) ?? []), t]);
  const eligible = new Map<string, Template[]>();
  const eligibleAt = (family: string, age: number) => {
    const key = `${family}:${Math.min(age, 400)}`;
    let list = eligible.get(key);
    if (!list) {
      list = (byFamily.get(family) ?? []).filter((t) => {
        const conf = PATHS[t.proto.path];
        if (!conf) throw new Error(`No weight for the prototype path ${t.proto.path} (generate-data.ts PATHS)`);
        const reached = t.proto.span === 0 ? age >= 0 : age > t.proto.span;
        const stays = t.proto.final || age <= t.proto.span + (conf.openDays ?? 0);
        return reached && stays && conf.weight > 0;
      });
      eligible.set(key, list);
    }
    return list;
  };
  const protoStart = protoSet.startAt.getTime();
  const protoDay = chinaDay(protoStart);
  const serviceOf = new Map(services.map((s) => [s.window_id, s]));
  const visitNo = new Int32Array(P);
  const states: Record<string, number> = {};
  const TICKET_COLUMNS = [
    'id',
    'hall_id',
    'service_id',
    'current_service_id',
    'day',
    'seq',
    'number',
    'priority',
    'weight',
    'status',
    'issued_at',
    'issued_via',
    'issued_by',
    'petitioner_id',
    'id_hash',
    'matter_id',
    'visit_id',
    'target_window_id',
    'window_id',
    'called_by',
    'called_at',
    'first_called_at',
    'recall_count',
    'started_at',
    'ended_at',
    'parked_at',
    'transfer_count',
    'version',
  ];
  const EVENT_COLUMNS = [
    'id',
    'ticket_id',
    'hall_id',
    'at',
    'actor_id',
    'action',
    'from_status',
    'to_status',
    'window_id',
    'data',
  ];
  let tickets = 0;
  const order = ['matter', ...RECORD_TABLES, 'queue_ticket', 'queue_event'];
  const iso = (ms: number) => new Date(ms).toISOString();
  let reported = 0;

  for (let b0 = 0; b0 < N; b0 += batch) {
    const out = new Map<string, { columns: string[]; rows: unknown[][] }>();
    const put = (table: string, columns: string[], row: unknown[]) => {
      let x = out.get(table);
      if (!x) out.set(table, (x = { columns, rows: [] }));
      x.rows.push(row);
    };
    for (let i = b0; i < Math.min(N, b0 + batch); i++) {
      const p = personOf[i]!;
      const visit = visitNo[p]++;
      // Mostly the person's own subject, now and then another one.
      const theme = THEMES[r() < 0.8 ? themeOf[p]! : Math.floor(r() * THEMES.length)]!;
      const age = today - dayIdx[i]!;
      const list = eligibleAt(theme.family, age);
      if (!list.length) throw new Error(`No prototype of ${theme.family} fits a matter ${age} days old`);
      const tpl = weighted(r, list, (t) => PATHS[t.proto.path]!.weight);
      const regAt = at[i]!;
      const dms = regAt - protoStart;
      const dday = dayIdx[i]! - protoDay;
      const year = Number(isoDay(dayIdx[i]!).slice(0, 4));
      const seq = (petitionSeq.get(year) ?? 0) + 1;
      petitionSeq.set(year, seq);
      const pno = formatPetitionNo(hall.code, year, seq);
      let qc: string;
      do qc = queryCodeFromBytes(randomBytes(8));
      while (queryCodes.has(qc));
      queryCodes.add(qc);
      const docNumbers = new Map<string, string>();
      for (const d of tpl.docs) {
        const y = Number(isoDay(chinaDay(d.ms + dms)).slice(0, 4));
        const key = `${d.kind}|${y}`;
        const n = (documentSeq.get(key) ?? 0) + 1;
        documentSeq.set(key, n);
        docNumbers.set(d.n, `${d.prefix}〔${y}〕${n}号`);
      }
      const s = slots(r, year);
      const summary = pick(r, theme.summaries)(s);
      const demands = pick(r, theme.demands)(s);
      const base: Record<string, number> = {};
      for (const t of ['matter', ...RECORD_TABLES]) {
        if (t === 'matter_unit') continue;
        base[t] = nextId[t]!;
        nextId[t]! += tpl.counts[t] ?? 0;
      }
      const personId = personBase + p;
      const categoryId = categories[theme.category]!;
      const render = (toks: Tok[]) => {
        let str = '';
        for (const t of toks) {
          if (typeof t === 'string') str += t;
          else if (t.k === 'ts') str += iso(t.ms + dms);
          else if (t.k === 'date') str += isoDay(t.day + dday);
          else if (t.k === 'pno') str += pno;
          else if (t.k === 'qc') str += qc;
          else if (t.k === 'doc') str += docNumbers.get(t.n)!;
          else if (t.k === 'sealed') str += nameEnc[p]!;
          else if (t.k === 'summary') str += summary;
          else if (t.k === 'demands') str += demands;
          else if (t.k === 'ref') str += base[t.table]! + t.index;
          else if (t.k === 'category') str += categoryId;
          else str += personId;
        }
        return str;
      };
      for (const tt of tpl.tables) {
        for (const cells of tt.rows) {
          put(
            tt.table,
            tt.columns,
            cells.map((c) => {
              switch (c.k) {
                case 'const':
                  return c.v;
                case 'own':
                  return base[tt.table]! + c.index;
                case 'ref':
                  return base[c.table]! + c.index;
                case 'person':
                  return personId;
                case 'category':
                  return categoryId;
                case 'qc':
                  return qc;
                case 'visit':
                  return visit === 0 ? 'first' : 'repeat';
                case 'text':
                  return render(c.toks);
              }
            }),
          );
        }
      }
      states[tpl.proto.state] = (states[tpl.proto.state] ?? 0) + 1;

      // The visit's ticket for the routed window (R2.1): issued at the registration, served after.
      const m = tpl.tables[0]!;
      const col = (name: string) => m.rows[0]![m.columns.indexOf(name)] as { v: unknown };
      const windowId = Number(col('window_id').v);
      const receptionist = col('receptionist_id').v as number | null;
      const registrar = col('registered_by').v as number | null;
      const service = serviceOf.get(windowId);
      if (service) {
        const day = isoDay(dayIdx[i]!);
        const key = `${service.id}|${day}`;
        const n = (queueSeq.get(key) ?? 0) + 1;
        // Within the service's daily maximum; today only half of it, so that the floor can go on issuing.
        if (n <= (age === 0 ? Math.floor(service.daily_max / 2) : service.daily_max)) {
          queueSeq.set(key, n);
          const waiting = tpl.proto.state === 'registered';
          const id = nextId.queue_ticket!++;
          const called = regAt + int(r, 60, 480) * 1000;
          const startedAt = called + int(r, 20, 120) * 1000;
          const ended = startedAt + int(r, 4, 30) * 60_000;
          put('queue_ticket', TICKET_COLUMNS, [
            id,
            hall.id,
            service.id,
            service.id,
            day,
            n,
            formatTicketNumber(service.prefix, n),
            'normal',
            normal.weight,
            waiting ? 'waiting' : 'done',
            iso(regAt),
            'registration',
            registrar,
            personId,
            idHash[p],
            base.matter,
            null,
            windowId,
            waiting ? null : windowId,
            waiting ? null : receptionist,
            waiting ? null : iso(called),
            waiting ? null : iso(called),
            0,
            waiting ? null : iso(startedAt),
            waiting ? null : iso(ended),
            null,
            0,
            waiting ? 1 : 4,
          ]);
          put('queue_event', EVENT_COLUMNS, [
            nextId.queue_event!++,
            id,
            hall.id,
            iso(regAt),
            registrar,
            'issue',
            null,
            'waiting',
            null,
            '{"via":"registration","priority":"normal"}',
          ]);
          if (!waiting) {
            put('queue_event', EVENT_COLUMNS, [
              nextId.queue_event!++,
              id,
              hall.id,
              iso(called),
              receptionist,
              'call',
              'waiting',
              'called',
              windowId,
              null,
            ]);
            put('queue_event', EVENT_COLUMNS, [
              nextId.queue_event!++,
              id,
              hall.id,
              iso(startedAt),
              receptionist,
              'start',
              'called',
              'serving',
              windowId,
              null,
            ]);
            put('queue_event', EVENT_COLUMNS, [
              nextId.queue_event!++,
              id,
              hall.id,
              iso(ended),
              receptionist,
              'end',
              'serving',
              'done',
              windowId,
              null,
            ]);
          }
          tickets++;
        }
      }
    }
    await flush(out, order);
    if (b0 + batch >= N) await drain();
    if (b0 + batch >= reported + N / 10 || b0 + batch >= N) {
      reported = b0 + batch;
      log(`  ${Math.min(N, b0 + batch)} matters, ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    }
  }

  // 7. Sequences past every generated number; identity sequences (PostgreSQL); planner statistics.
  const seqRows = {
    petition: [...petitionSeq].map(([year, v]) => [hall.id, year, v]),
    document: [...documentSeq].map(([k, v]) => [hall.id, k.split('|')[0], Number(k.split('|')[1]), v]),
    queue: [...queueSeq].map(([k, v]) => [Number(k.split('|')[0]), k.split('|')[1], v]),
  };
  const upsert = async (table: string, columns: string[], keys: string[], list: unknown[][]) => {
    for (const row of list) {
      const params = row.map((_, j) => (isPg ? `$${j + 1}` : '?'));
      const text = `insert into ${table} (${columns.join(', ')}) values (${params.join(', ')}) on conflict (${keys.join(', ')}) do update set last_value = excluded.last_value where excluded.last_value > ${table}.last_value`;
      await rawExec(text, row);
    }
  };
  let rawExec: (text: string, values?: unknown[]) => Promise<void>;
  if (isPg) {
    const c = new pg.Client({ connectionString: o.db });
    await c.connect();
    rawExec = async (text, values) => void (await c.query(text, values));
    await rawExec('begin');
    await upsert('petition_sequence', ['hall_id', 'year', 'last_value'], ['hall_id', 'year'], seqRows.petition);
    await upsert(
      'document_sequence',
      ['hall_id', 'kind', 'year', 'last_value'],
      ['hall_id', 'kind', 'year'],
      seqRows.document,
    );
    await upsert('queue_sequence', ['service_id', 'day', 'last_value'], ['service_id', 'day'], seqRows.queue);
    for (const t of [
      'petitioner',
      'matter',
      'queue_ticket',
      'queue_event',
      ...RECORD_TABLES.filter((x) => x !== 'matter_unit'),
    ]) {
      await rawExec(`select setval(pg_get_serial_sequence('${t}', 'id'), greatest((select max(id) from ${t}), 1))`);
    }
    await rawExec('commit');
    await rawExec('analyze');
    await c.end();
    for (const w of writers) await w.close();
  } else {
    const raw = (writers[0] as ReturnType<typeof sqliteWriter>).raw;
    rawExec = async (text, values) => void raw.prepare(text).run(...(values ?? []));
    raw.exec('begin');
    await upsert('petition_sequence', ['hall_id', 'year', 'last_value'], ['hall_id', 'year'], seqRows.petition);
    await upsert(
      'document_sequence',
      ['hall_id', 'kind', 'year', 'last_value'],
      ['hall_id', 'kind', 'year'],
      seqRows.document,
    );
    await upsert('queue_sequence', ['service_id', 'day', 'last_value'], ['service_id', 'day'], seqRows.queue);
    raw.exec('commit');
    raw.exec('analyze');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    await writers[0]!.close();
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `${N} matters (${rows} rows) in ${((performance.now() - t2) / 1000).toFixed(1)} s; ${seconds.toFixed(1)} s in all`,
  );
  return {
    dialect: isPg ? 'postgres' : 'sqlite',
    matters: N,
    petitioners: P,
    tickets,
    rows,
    seconds,
    states,
    key: keyInfo.key.toString('base64'),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      matters: { type: 'string', default: '10000' },
      key: { type: 'string' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '3' },
      batch: { type: 'string', default: '2000' },
      now: { type: 'string' },
    },
  });
  if (!values.db) {
    console.error(
      'usage: npm run bench:generate -- --db <file.sqlite | postgres://…> [--matters 10000] [--key <base64 32 bytes>] [--seed 1] [--years 3] [--batch 2000] [--now <ISO>]',
    );
    process.exit(2);
  }
  const matters = Number(values.matters);
  if (!Number.isInteger(matters) || matters < 1) throw new Error('--matters must be a whole number ≥ 1');
  const key = values.key ? Buffer.from(values.key, 'base64') : null;
  if (key && key.length !== 32) throw new Error('--key must be base64 of 32 bytes');
  const report = await generate({
    db: values.db,
    matters,
    key,
    seed: Number(values.seed),
    years: Number(values.years),
    batch: Number(values.batch),
    now: values.now ? new Date(values.now) : undefined,
  });
  console.log(JSON.stringify({ ...report, key: undefined }, null, 2));
}
