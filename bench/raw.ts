/**
 * Raw baselines (issue 9 §3): the writes and reads of Hall's registration and case detail done with
 * plain `pg` / `better-sqlite3` and the fewest sensible statements, to compare the app with what the
 * database itself can do on the same machine and data.
 *
 * - `rawRegistration(db, n, concurrency)`: one transaction each — the petitioner upserted by its ID
 *   lookup hash, the matter inserted with its petition number taken from the per-hall, per-year
 *   counter, its matter_unit rows, its `register` event, and one audit row appended to the hash chain
 *   (head locked last, as the app does). Personal data is sealed with the app's cipher.
 *   PostgreSQL: 4 statements (upsert; one statement with data-modifying CTEs for counter + matter +
 *   units + event; the chain head FOR UPDATE; audit insert + head update in one). SQLite has no
 *   data-modifying CTEs: 7 statements (counter, matter, units, event, head, audit, head).
 * - `rawDetail(db, n, concurrency, ids?)`: two queries — the matter joined with its petitioner and
 *   every name it shows (hall, window, receptionist, registrar, decider, category, locality, assigned
 *   unit); then all its records in one UNION ALL (units with names, timeline with actors, deadlines,
 *   assignments, extensions, transfers, notes, meetings, supervision, opinions, reviews, higher reviews,
 *   satisfaction, documents, direct replies, representatives), each row as JSON. The name and birth
 *   date are opened as the app's detail opens them. (The app's detail also writes its audited view
 *   of personal data; this baseline only reads.)
 *
 * SQLite is one connection, as in the app: operations run one after another whatever the concurrency,
 * so its latencies are per operation, without queueing. PostgreSQL runs `concurrency` clients.
 *
 * CLI: `npx tsx bench/raw.ts --db <file.sqlite | postgres://…> [--db …] [--n 1000] [--concurrency 20] [--key <base64> | env HALL_DATA_KEY]`
 * (the database is migrated, and the demo organisation loaded if it has none; a generated hall from
 * bench/generate.ts gives the detail reads realistic matters).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { chinaYear, formatPetitionNo, gb11643CheckChar, queryCodeFromBytes } from '@hall/domain';
import { type DB, auditRowHash, migrate, openDatabase, toJson } from '@hall/db';
import { seedDemo } from '../packages/server/src/demo/seed.ts';
import { PiiCipher } from '../packages/server/src/pii.ts';
import { type Measured, runPool } from './pool.ts';
import {
  sealAddress,
  sealIdNumber,
  sealName,
  sealPhone,
} from '../packages/server/src/modules/reception/personal-data.ts';

export type RawResult = Measured;

export interface RawDb {
  dialect: 'sqlite' | 'postgres';
  cipher: PiiCipher;
  sqlite: SQLite.Database | null;
  pool: pg.Pool | null;
  /** The demo organisation's ids used by the registrations. */
  org: {
    hallId: number;
    hallCode: string;
    windowId: number;
    receptionistId: number;
    registrarId: number;
    categoryId: number;
    unitId: number;
  };
  close(): Promise<void>;
}

/**
 * Opens a database for the baselines: a SQLite file, ':memory:' (a fresh one) or a postgres:// URL.
 * Migrates it and loads the demo organisation when it has no hall (both idempotent). `key`: the
 * personal-data key (default random: the baseline's rows need not be opened by a server).
 */
export async function openRaw(
  target: string,
  opts: { key?: Buffer; poolSize?: number; synchronous?: 'normal' | 'full' } = {},
): Promise<RawDb> {
  const cipher = new PiiCipher(opts.key ?? randomBytes(32));
  let sqlite: SQLite.Database | null = null;
  let pool: pg.Pool | null = null;
  if (/^postgres(ql)?:\/\//.test(target)) {
    const k = openDatabase({ url: target, poolSize: 1 });
    await migrate(k.db);
    await seedDemo(k.db, new Date());
    await k.destroy();
    pool = new pg.Pool({ connectionString: target, max: opts.poolSize ?? 20 });
  } else {
    sqlite = new SQLite(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // As the app opens it (packages/db/src/database.ts): full by default.
    sqlite.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    const k = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrate(k);
    await seedDemo(k, new Date());
    // Not k.destroy(): it would close the connection the baseline goes on using.
  }
  const one = async <T>(text: string, values: unknown[] = []): Promise<T> =>
    sqlite
      ? (sqlite.prepare(text.replace(/\$\d+/g, '?')).get(...values) as T)
      : ((await pool!.query(text, values)).rows[0] as T);
  const hall = await one<{ id: number; code: string }>(`select id, code from hall where code = 'SZ'`);
  const window = await one<{ id: number }>(`select id from hall_window where hall_id = $1 and number = 1`, [hall.id]);
  const staff = async (u: string) =>
    (await one<{ id: number }>(`select id from staff_user where username = $1`, [u])).id;
  const category = await one<{ id: number }>(`select id from content_category where code = '06.01'`);
  const unit = await one<{ id: number }>(`select id from unit where name = '市人力资源和社会保障局'`);
  return {
    dialect: sqlite ? 'sqlite' : 'postgres',
    cipher,
    sqlite,
    pool,
    org: {
      hallId: hall.id,
      hallCode: hall.code,
      windowId: window.id,
      receptionistId: await staff('reception1'),
      registrarId: await staff('registrar'),
      categoryId: category.id,
      unitId: unit.id,
    },
    async close() {
      sqlite?.close();
      await pool?.end();
    },
  };
}


// ---------------------------------------------------------------------------------------------
// Registration

/** A different, valid resident ID per operation (as bench/run.ts makes them), shifted by a run's base. */
function idNumber(i: number) {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const body17 = `320585${birth}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
  return body17 + gb11643CheckChar(body17);
}

const PET = [
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
  'created_at',
  'updated_at',
];
const PET_UPDATE = [
  'name_enc',
  'name_hash',
  'id_enc',
  'phone_enc',
  'phone_masked',
  'address_enc',
  'address_masked',
  'updated_at',
];
const MATTER = [
  'hall_id',
  'query_code',
  'petitioner_id',
  'form',
  'registered_at',
  'registered_by',
  'window_id',
  'receptionist_id',
  'state',
  'proposed_visit_kind',
  'purpose',
  'category_id',
  'summary',
  'demands',
  'locality_code',
  'people_count',
  'markers',
  'earlier_handling',
  'rules_acknowledged_at',
  'security_check',
];
const AUDIT = [
  'at',
  'actor_id',
  'request_id',
  'hall_id',
  'entity',
  'entity_id',
  'action',
  'before_data',
  'after_data',
  'seq',
  'prev_hash',
  'hash',
];
const MARKERS = JSON.stringify({
  collective: false,
  longStanding: false,
  litigationRelated: false,
  urgent: false,
  threat: false,
  foreign: false,
});

/** What one registration writes, sealed and ready (computed outside the timed transaction's statements). */
function registrationValues(db: RawDb, i: number, now: Date) {
  const { cipher, org } = db;
  const at = now.toISOString();
  const id = idNumber(i);
  const name = sealName(cipher, `来访人${i}`);
  const sealedId = sealIdNumber(cipher, 'resident', id);
  const ph = sealPhone(cipher, '13812345678');
  const ad = sealAddress(cipher, '苏州市吴中区东吴北路1号');
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const petitioner = [
    name.enc,
    name.hash,
    'resident',
    sealedId.id_hash,
    sealedId.id_enc,
    sealedId.id_masked,
    Number(id[16]) % 2 ? 'male' : 'female',
    cipher.encrypt(birth),
    ph.phone_enc,
    ph.phone_masked,
    ad.address_enc,
    ad.address_masked,
    at,
    at,
  ];
  const summary = '某公司拖欠工资三个月未付';
  const matter = [
    org.hallId,
    queryCodeFromBytes(randomBytes(8)),
    null,
    'visit',
    at,
    org.registrarId,
    org.windowId,
    org.receptionistId,
    'registered',
    'first',
    'demand',
    org.categoryId,
    summary,
    '要求公司支付拖欠的工资',
    '320500',
    1,
    MARKERS,
    '[]',
    at,
    'passed',
  ];
  return { at, year: chinaYear(now), petitioner, matter, summary };
}

function auditRow(
  db: RawDb,
  v: ReturnType<typeof registrationValues>,
  matterId: number,
  petitionNo: string,
  petitionerId: number,
  head: { seq: number; hash: string },
) {
  const facts = {
    petitionNo,
    windowId: db.org.windowId,
    receptionistId: db.org.receptionistId,
    categoryId: db.org.categoryId,
    peopleCount: 1,
    representatives: 0,
    securityCheck: 'passed',
    rulesAcknowledged: true,
    proposedVisitKind: 'first',
  };
  const content = {
    at: v.at,
    actor_id: db.org.registrarId,
    request_id: `raw-${randomBytes(6).toString('hex')}`,
    hall_id: db.org.hallId,
    entity: 'matter',
    entity_id: String(matterId),
    action: 'matter.register',
    before_data: null,
    after_data: toJson({ ...facts, petitionerId, summary: v.summary }),
  };
  const seq = Number(head.seq) + 1;
  const hash = auditRowHash(head.hash, { ...content, seq });
  return {
    facts,
    row: [
      content.at,
      content.actor_id,
      content.request_id,
      content.hall_id,
      content.entity,
      content.entity_id,
      content.action,
      content.before_data,
      content.after_data,
      seq,
      head.hash,
      hash,
    ],
    seq,
    hash,
  };
}

const ph = (from: number, count: number) => Array.from({ length: count }, (_, j) => `$${from + j}`).join(', ');

async function registerPg(db: RawDb, i: number) {
  const v = registrationValues(db, i, new Date());
  const c = await db.pool!.connect();
  try {
    await c.query('begin');
    const p = await c.query<{ id: number }>(
      `insert into petitioner (${PET.join(', ')}) values (${ph(1, PET.length)})
       on conflict (id_hash) do update set ${PET_UPDATE.map((x) => `${x} = excluded.${x}`).join(', ')} returning id`,
      v.petitioner,
    );
    const petitionerId = p.rows[0]!.id;
    v.matter[2] = petitionerId;
    const n = MATTER.length;
    const m = await c.query<{ id: number; petition_no: string }>(
      `with s as (
         insert into petition_sequence (hall_id, year, last_value) values ($1, $${n + 1}, 1)
         on conflict (hall_id, year) do update set last_value = petition_sequence.last_value + 1 returning last_value),
       m as (
         insert into matter (${MATTER.join(', ')}, petition_no)
         select ${ph(1, n)}, $${n + 2} || '-' || $${n + 1} || '-' || lpad(s.last_value::text, 6, '0') from s
         returning id, petition_no),
       u as (insert into matter_unit (matter_id, unit_id) select m.id, $${n + 3} from m),
       e as (
         insert into matter_event (matter_id, at, actor_id, action, from_state, to_state, data)
         select m.id, $5, $6, 'register', null, 'registered',
           json_build_object('petitionNo', m.petition_no, 'windowId', $7::int, 'receptionistId', $8::int, 'categoryId', $12::int,
             'peopleCount', 1, 'representatives', 0, 'securityCheck', 'passed', 'rulesAcknowledged', true, 'proposedVisitKind', 'first')::text
         from m)
       select id, petition_no from m`,
      [...v.matter, v.year, db.org.hallCode, db.org.unitId],
    );
    const { id, petition_no } = m.rows[0]!;
    // The chain head last, held only to the commit (as the app's deferred audit).
    const head = (
      await c.query<{ seq: number; hash: string }>('select seq, hash from audit_chain_head where id = 1 for update')
    ).rows[0]!;
    const a = auditRow(db, v, id, petition_no, petitionerId, head);
    await c.query(
      `with a as (insert into audit_log (${AUDIT.join(', ')}) values (${ph(1, AUDIT.length)}) returning seq, hash)
       update audit_chain_head h set seq = a.seq, hash = a.hash from a where h.id = 1`,
      a.row,
    );
    await c.query('commit');
    return id;
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
}

function sqliteRegistration(db: RawDb) {
  const s = db.sqlite!;
  const upsert = s.prepare(
    `insert into petitioner (${PET.join(', ')}) values (${PET.map(() => '?').join(', ')})
     on conflict (id_hash) do update set ${PET_UPDATE.map((x) => `${x} = excluded.${x}`).join(', ')} returning id`,
  );
  const counter = s.prepare(
    `insert into petition_sequence (hall_id, year, last_value) values (?, ?, 1)
     on conflict (hall_id, year) do update set last_value = last_value + 1 returning last_value`,
  );
  const matter = s.prepare(
    `insert into matter (${MATTER.join(', ')}, petition_no) values (${MATTER.map(() => '?').join(', ')}, ?) returning id`,
  );
  const unit = s.prepare('insert into matter_unit (matter_id, unit_id) values (?, ?)');
  const event = s.prepare(
    `insert into matter_event (matter_id, at, actor_id, action, from_state, to_state, data) values (?, ?, ?, 'register', null, 'registered', ?)`,
  );
  const head = s.prepare('select seq, hash from audit_chain_head where id = 1');
  const audit = s.prepare(`insert into audit_log (${AUDIT.join(', ')}) values (${AUDIT.map(() => '?').join(', ')})`);
  const moveHead = s.prepare('update audit_chain_head set seq = ?, hash = ? where id = 1');
  const tx = s.transaction((v: ReturnType<typeof registrationValues>) => {
    const petitionerId = (upsert.get(...v.petitioner) as { id: number }).id;
    v.matter[2] = petitionerId;
    const seq = (counter.get(db.org.hallId, v.year) as { last_value: number }).last_value;
    const petitionNo = formatPetitionNo(db.org.hallCode, v.year, seq);
    const id = (matter.get(...v.matter, petitionNo) as { id: number }).id;
    unit.run(id, db.org.unitId);
    const a = auditRow(db, v, id, petitionNo, petitionerId, head.get() as { seq: number; hash: string });
    event.run(id, v.at, db.org.registrarId, toJson(a.facts));
    audit.run(...a.row);
    moveHead.run(a.seq, a.hash);
    return id;
  }).immediate;
  return (i: number) => tx(registrationValues(db, i, new Date()));
}

/** `n` registrations, `concurrency` at a time (PostgreSQL; SQLite runs them one after another). Returns the new matters' ids too. */
export async function rawRegistration(
  db: RawDb,
  n: number,
  concurrency: number,
  opts: { base?: number } = {},
): Promise<RawResult & { ids: number[] }> {
  const ids: number[] = [];
  // Different people from run to run on the same database (the upsert would also take the same ones).
  const base = opts.base ?? Math.floor(Math.random() * 1_000_000);
  const reg = db.sqlite ? sqliteRegistration(db) : null;
  const result = await runPool(n, db.sqlite ? 1 : concurrency, async (i) => {
    ids.push(reg ? reg(base + i) : await registerPg(db, base + i));
  });
  return { ...result, ids };
}

// ---------------------------------------------------------------------------------------------
// Case detail

const DETAIL_MATTER = `
  select m.*, p.name_enc, p.id_type, p.id_masked, p.sex, p.birth_enc, p.phone_masked, p.address_masked, p.ethnicity, p.workplace,
    p.occupation, h.name as hall_name, w.name as window_name, rc.display_name as receptionist_name, rb.display_name as registered_by_name,
    dc.display_name as decided_by_name, c.name as category_name, d.name as locality_name, au.name as assigned_unit_name
  from matter m
  join petitioner p on p.id = m.petitioner_id
  join hall h on h.id = m.hall_id
  join hall_window w on w.id = m.window_id
  left join staff_user rc on rc.id = m.receptionist_id
  left join staff_user rb on rb.id = m.registered_by
  left join staff_user dc on dc.id = m.decided_by
  left join content_category c on c.id = m.category_id
  left join division d on d.code = m.locality_code
  left join unit au on au.id = m.assigned_unit_id
  where m.id = $1`;

/** Each record table of a matter, with the column whose name the detail shows (a unit or a staff member). */
const RECORDS: [table: string, name: [column: string, joined: 'unit' | 'staff_user'] | null][] = [
  ['matter_unit', ['unit_id', 'unit']],
  ['matter_event', ['actor_id', 'staff_user']],
  ['deadline', null],
  ['assignment', ['unit_id', 'unit']],
  ['extension', ['requested_by', 'staff_user']],
  ['transfer', ['unit_id', 'unit']],
  ['matter_note', ['by_id', 'staff_user']],
  ['mediation_meeting', ['by_id', 'staff_user']],
  ['supervision_act', ['by_id', 'staff_user']],
  ['opinion', ['issued_by', 'staff_user']],
  ['case_review', ['by_id', 'staff_user']],
  ['higher_review', ['by_id', 'staff_user']],
  ['satisfaction', ['by_id', 'staff_user']],
  ['document', ['issued_by', 'staff_user']],
  ['direct_reply', ['replied_by', 'staff_user']],
  ['matter_representative', null],
];

function recordsQuery(dialect: 'sqlite' | 'postgres', columnsOf: (table: string) => string[]): string {
  return RECORDS.map(([t, name]) => {
    const json =
      dialect === 'postgres'
        ? 'row_to_json(x)::text'
        : `json_object(${columnsOf(t)
            .map((c) => `'${c}', x.${c}`)
            .join(', ')})`;
    const n = name ? (name[1] === 'unit' ? 'n.name' : 'n.display_name') : 'null';
    const join = name ? ` left join ${name[1]} n on n.id = x.${name[0]}` : '';
    const id = t === 'matter_unit' ? 'x.unit_id' : 'x.id';
    return `select '${t}' as t, ${id} as id, ${json} as j, ${n} as n from ${t} x${join} where x.matter_id = $1`;
  })
    .join('\nunion all\n')
    .concat('\norder by t, id');
}

export function presentDetail(
  db: RawDb,
  m: Record<string, unknown>,
  records: { t: string; j: string; n: string | null }[],
) {
  const byTable: Record<string, unknown[]> = {};
  for (const r of records) (byTable[r.t] ??= []).push({ ...(JSON.parse(r.j) as object), name: r.n });
  const birth = db.cipher.decryptOpt(m.birth_enc as string | null);
  return {
    ...m,
    name_enc: undefined,
    birth_enc: undefined,
    petitionerName: db.cipher.decrypt(m.name_enc as string),
    birthYear: birth ? Number(birth.slice(0, 4)) : null,
    records: byTable,
  };
}

/** `n` case-detail reads over `ids` (default: up to 1000 matters spread over the table), `concurrency` at a time. */
export async function rawDetail(db: RawDb, n: number, concurrency: number, ids?: number[]): Promise<RawResult> {
  let list = ids;
  if (!list?.length) {
    const all = db.sqlite
      ? (db.sqlite.prepare('select id from matter order by id').all() as { id: number }[])
      : (await db.pool!.query<{ id: number }>('select id from matter order by id')).rows;
    const step = Math.max(1, Math.floor(all.length / 1000));
    list = all.filter((_, k) => k % step === 0).map((x) => x.id);
  }
  const targets = list;
  if (db.sqlite) {
    const s = db.sqlite;
    const columnsOf = (t: string) =>
      (s.prepare(`pragma table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    const matter = s.prepare(DETAIL_MATTER.replace('$1', '?'));
    const records = s.prepare(recordsQuery('sqlite', columnsOf).replaceAll('$1', '@id'));
    return runPool(n, 1, async (i) => {
      const id = targets[i % targets.length]!;
      const m = matter.get(id) as Record<string, unknown> | undefined;
      if (!m) throw new Error(`matter ${id} not found`);
      presentDetail(db, m, records.all({ id }) as { t: string; j: string; n: string | null }[]);
    });
  }
  const text = recordsQuery('postgres', () => []);
  return runPool(n, concurrency, async (i) => {
    const id = targets[i % targets.length]!;
    // Two round trips on one client, as a request would make them.
    const c = await db.pool!.connect();
    try {
      const m = (await c.query(DETAIL_MATTER, [id])).rows[0] as Record<string, unknown> | undefined;
      if (!m) throw new Error(`matter ${id} not found`);
      presentDetail(db, m, (await c.query(text, [id])).rows as { t: string; j: string; n: string | null }[]);
    } finally {
      c.release();
    }
  });
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', multiple: true },
      n: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '20' },
      key: { type: 'string' },
    },
  });
  if (!values.db?.length) {
    console.error(
      'usage: npx tsx bench/raw.ts --db <file.sqlite | postgres://…> [--db …] [--n 1000] [--concurrency 20] [--key <base64>]',
    );
    process.exit(2);
  }
  const n = Number(values.n);
  const concurrency = Number(values.concurrency);
  const lines: string[] = [];
  for (const target of values.db) {
    const key = values.key ?? process.env.HALL_DATA_KEY;
    const db = await openRaw(target, { key: key ? Buffer.from(key, 'base64') : undefined, poolSize: concurrency });
    try {
      const matters = db.sqlite
        ? (db.sqlite.prepare('select count(*) as c from matter').get() as { c: number }).c
        : Number((await db.pool!.query('select count(*) as c from matter')).rows[0].c);
      const f = (x: number) => x.toFixed(1);
      const row = (op: string, r: RawResult) =>
        `| ${db.dialect} (${matters} matters) | ${op} | ${f(r.perSecond)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} |`;
      const reg = await rawRegistration(db, n, concurrency);
      lines.push(row(`raw registration (${n})`, reg));
      const detail = await rawDetail(db, n, concurrency);
      lines.push(row(`raw case detail (${n})`, detail));
    } finally {
      await db.close();
    }
  }
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; concurrency ${concurrency} (SQLite: one connection, one after another)\n`,
  );
  console.log('| database | operation | ops/s | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|');
  console.log(lines.join('\n'));
}
