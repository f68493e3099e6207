/**
 * Issue 8 §3 (PIPL: identity numbers are sensitive personal information), on every dialect:
 * - petitioners (with representatives, phones, addresses, a group), a guide-desk visit, a disorder
 *   entry, a direct reply signed by name and a notice addressed to the petitioner, all through the
 *   HTTP API; then the raw SQLite file (WAL checkpointed) and a pg_dump of the PostgreSQL database
 *   hold none of the plain values (names, ID numbers in their 18- and 15-digit forms, phones,
 *   addresses, birth dates as YYYY-MM-DD and YYYYMMDD);
 * - masked views show the birth year and age, never the date; reveal returns the full value and is
 *   audited; look-up by ID number and by full name (keyed hashes, normalised names) still work;
 * - the start-up step seals plaintext left by an earlier version, idempotently;
 * - a key rotation A → B, interrupted and resumed: everything decrypts and looks up under B alone.
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEALED_COLUMNS, type SealedTable, migrate, repositories } from '@hall/db';
import { createTestDatabase, testDialects } from '@hall/db/testing';
import { gb11643CheckChar, maskName } from '@hall/domain';
import { parseConfig } from '../../config.ts';
import { LEGACY_SEALED_SETTING, rotatePersonalData, sealLegacyPersonalData, sealLegacyPersonalDataOnce } from '../../personal-data-keys.ts';
import { PiiCipher, isSealed, keyId } from '../../pii.ts';
import { createTestApp, demoRegistration, json, type TestApp } from '../../testing.ts';

const id18 = (body17: string) => body17 + gb11643CheckChar(body17);
/** The old 15-digit form of an 18-digit number: no century, no check character. */
const to15 = (n18: string) => n18.slice(0, 6) + n18.slice(8, 17);

// Distinctive values, so that a hit in the raw database can only be a leak.
const P1 = {
  name: '欧阳明月',
  id: id18('32050819610317123'),
  birth: '1961-03-17',
  phone: '13962581234',
  address: '苏州市姑苏区十全街八十八号三幢',
};
const P2 = {
  name: '阿依古丽 买买提',
  id: id18('32050719720824246'),
  birth: '1972-08-24',
  phone: '13861234907',
  address: '昆山市玉山镇前进西路七七号',
};
const P15 = {
  name: '司马相如',
  id15: '320502580606031',
  birth: '1958-06-06',
  phone: '13771112222',
  address: '吴中区木渎镇山塘街十一号',
};
const REP1 = { name: '诸葛青云', id: id18('32058319830219017'), birth: '1983-02-19', phone: '15062223344' };
const REP2 = { name: '上官飞燕', id: id18('32050619900512352'), birth: '1990-05-12', phone: '18912345670' };
const VISITOR = { name: '令狐冲霄', id: id18('32050919790909151'), birth: '1979-09-09' };
const DISORDERLY = { name: '东方不败', id: id18('32050219660704283'), birth: '1966-07-04' };
const SIGNER = '欧阳明月签';

const plainValues = (): string[] => {
  const out = new Set<string>();
  const dates = (d: string) => [d, d.replaceAll('-', '')];
  for (const p of [P1, P2])
    [p.name, p.id, to15(p.id), p.phone, p.address, ...dates(p.birth)].forEach((v) => out.add(v));
  [P15.name, P15.id15, P15.phone, P15.address, ...dates(P15.birth)].forEach((v) => out.add(v));
  for (const p of [REP1, REP2]) [p.name, p.id, to15(p.id), p.phone, ...dates(p.birth)].forEach((v) => out.add(v));
  for (const p of [VISITOR, DISORDERLY]) [p.name, p.id, to15(p.id), ...dates(p.birth)].forEach((v) => out.add(v));
  out.add(SIGNER);
  return [...out];
};

describe.each(testDialects())('personal data at rest on %s', (dialect) => {
  let t: TestApp;
  let dir: string;
  let sqliteFile: string;
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const cookies: Record<string, string> = {};
  const matters: Record<string, number> = {};
  const petitioners: Record<string, number> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hall-pii-'));
    sqliteFile = path.join(dir, 'hall.sqlite');
    t = await createTestApp(dialect, { sqliteFile, key: keyA });
    for (const u of ['registrar', 'reception1', 'guide', 'director']) cookies[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const inject = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] }, payload });
  async function ok(method: 'GET' | 'POST', url: string, who: string, payload?: object) {
    const res = await inject(method, url, who, payload);
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return json(res);
  }
  const version = async (id: number) => (await ok('GET', `/api/matters/${id}`, 'reception1')).version as number;
  const act = async (id: number, action: string, body: object = {}) =>
    ok('POST', `/api/matters/${id}/actions/${action}`, 'reception1', { ...body, version: await version(id) });

  /** Every byte the database keeps: the SQLite file and its WAL, or a pg_dump. */
  async function rawDatabase(): Promise<Buffer> {
    if (dialect === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.database.db);
      const parts = [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-journal`].filter((f) => fs.existsSync(f));
      return Buffer.concat(parts.map((f) => fs.readFileSync(f)));
    }
    const res = await sql<{ db: string }>`select current_database() as db`.execute(t.database.db);
    const url = new URL(process.env.HALL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${res.rows[0]!.db}`;
    return execFileSync('pg_dump', ['--no-owner', url.toString()], { maxBuffer: 256 * 1024 * 1024 });
  }
  const leaks = (raw: Buffer, values: readonly string[]) => values.filter((v) => raw.includes(Buffer.from(v, 'utf8')));

  it('registers petitioners, representatives, a group, a guide-desk visit, a disorder entry, a signed reply and a notice through the API', async () => {
    const base = await demoRegistration(t);
    const reg = async (key: string, petitioner: object, more: object = {}) => {
      const body = await ok('POST', '/api/registrations', 'registrar', {
        ...base,
        petitioner: { ...base.petitioner, ...petitioner },
        ...more,
      });
      matters[key] = body.matterId;
    };
    await reg(
      'p1',
      { name: P1.name, idType: 'resident', idNumber: P1.id, phone: P1.phone, address: P1.address },
      {
        // A group of 12 with two representatives (R4.4), each with an ID and a phone.
        peopleCount: 12,
        markers: { collective: true },
        representatives: [
          { name: REP1.name, idType: 'resident', idNumber: REP1.id, phone: REP1.phone },
          { name: REP2.name, idType: 'resident', idNumber: REP2.id, phone: REP2.phone },
        ],
      },
    );
    await reg('p2', { name: P2.name, idType: 'resident', idNumber: P2.id, phone: P2.phone, address: P2.address });
    await reg('p15', {
      name: P15.name,
      idType: 'resident15',
      idNumber: P15.id15,
      phone: P15.phone,
      address: P15.address,
    });
    for (const k of ['p1', 'p2', 'p15']) {
      petitioners[k] = (await ok('GET', `/api/matters/${matters[k]}`, 'reception1')).petitioner.id;
    }

    // The guide desk (R2.2) and the disorder list (R2.3), each with a name and an ID.
    await ok('POST', '/api/floor/visits', 'guide', {
      personName: VISITOR.name,
      idType: 'resident',
      idNumber: VISITOR.id,
      purpose: '咨询信访程序',
      outcome: 'legalAnswered',
      legalQuestion: '如何查询办理进度',
      legalAnswer: '凭查询码查询',
    });
    await ok('POST', '/api/floor/disorder/incidents', 'guide', {
      personName: DISORDERLY.name,
      idType: 'resident',
      idNumber: DISORDERLY.id,
      occurredAt: '2026-11-30T01:30:00Z',
      kind: 'blockingWindow',
      description: '堵塞窗口，拒绝离开',
      informed: ['dutyBailiff'],
    });

    // A direct reply signed by name (R1.6) and a notice addressed to the petitioner (R1.13).
    await act(matters.p2!, 'accept');
    const replied = await act(matters.p2!, 'directReply', {
      reply: '当场答复政策依据',
      agrees: true,
      ceases: true,
      signedName: SIGNER,
    });
    expect(replied.directReplies[0].signedName).toBe(SIGNER);
    await act(matters.p1!, 'accept');
    await act(matters.p1!, 'startMediation');
    const notified = await act(matters.p1!, 'notifyAcceptance', { note: '请留意办理期限' });
    const notice = notified.case.documents.find((d: { kind: string }) => d.kind === 'acceptanceNotice');
    expect(notice.content.petitionerName).toBe(P1.name);
    // The print page shows the full name; the view is audited.
    const printed = await ok('GET', `/api/documents/${notice.id}`, 'reception1');
    expect(printed.content.petitionerName).toBe(P1.name);
    const views = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'document.view')
      .execute();
    expect(views).toHaveLength(1);
  });

  it('the raw database (SQLite file with its WAL, or pg_dump) holds none of the plain values', async () => {
    const raw = await rawDatabase();
    expect(raw.length).toBeGreaterThan(10_000);
    // The probe works: a value that is stored in clear (the demo hall's name) is found.
    expect(leaks(raw, ['苏州市联合接访大厅'])).toEqual(['苏州市联合接访大厅']);
    expect(leaks(raw, plainValues())).toEqual([]);
  });

  it('every sealed column holds a ciphertext under the current key, and the lookup hashes are filled', async () => {
    for (const table of Object.keys(SEALED_COLUMNS) as SealedTable[]) {
      const rows = (await t.database.db.selectFrom(table).selectAll().execute()) as unknown as Record<
        string,
        string | null
      >[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        for (const col of SEALED_COLUMNS[table]) {
          if (row[col] !== null) expect(row[col]!.startsWith(`v2:${keyId(keyA)}:`), `${table}.${col}`).toBe(true);
        }
      }
    }
    const p = await t.database.db.selectFrom('petitioner').select(['name_hash', 'id_hash']).execute();
    expect(p.every((x) => /^[0-9a-f]{64}$/.test(x.name_hash ?? '') && /^[0-9a-f]{64}$/.test(x.id_hash))).toBe(true);
  });

  it('list, detail and the registration prefill show the birth year and age, never the birth date; no audit row names anyone', async () => {
    const dates = [P1.birth, P1.birth.replaceAll('-', ''), P2.birth, P15.birth];
    const list = await inject('GET', '/api/matters?scope=all', 'director');
    const detail = await inject('GET', `/api/matters/${matters.p1}`, 'reception1');
    const prefill = await inject('GET', `/api/petitioners/lookup?idType=resident&idNumber=${P1.id}`, 'registrar');
    for (const res of [list, detail, prefill]) expect(res.statusCode).toBe(200);
    // The prefill's `derived` part is what the registrar's own typed number says (below); the record is masked.
    const { derived: _derived, ...record } = json(prefill);
    for (const body of [list.body, detail.body, JSON.stringify(record)]) {
      for (const d of dates) expect(body).not.toContain(d);
    }
    expect(json(detail).petitioner).toMatchObject({
      name: P1.name,
      birthYear: 1961,
      age: 65,
      idNumberMasked: '3205**********' + P1.id.slice(-4),
    });
    expect(json(detail).petitioner).not.toHaveProperty('birthDate');
    expect(json(detail).representatives.map((r: { name: string }) => r.name)).toEqual([REP1.name, REP2.name]);
    expect(json(prefill).petitioner).toMatchObject({ name: P1.name, birthYear: 1961, age: 65 });
    // The derived birth date comes from the number the registrar has just typed: nothing new.
    expect(json(prefill).derived.birthDate).toBe(P1.birth);

    const audit = await t.database.db.selectFrom('audit_log').select(['before_data', 'after_data']).execute();
    const text = JSON.stringify(audit);
    for (const v of plainValues()) expect(text).not.toContain(v);
  });

  it('reveal returns the full value (also the birth date) and writes an audit row for each view', async () => {
    const reveal = (field: string) => ok('POST', `/api/petitioners/${petitioners.p1}/reveal`, 'reception1', { field });
    expect((await reveal('birthDate')).value).toBe(P1.birth);
    expect((await reveal('idNumber')).value).toBe(P1.id);
    expect((await reveal('phone')).value).toBe(P1.phone);
    expect((await reveal('address')).value).toBe(P1.address);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pii.reveal')
      .where('entity_id', '=', String(petitioners.p1))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => JSON.parse(r.after_data!).field)).toEqual(['birthDate', 'idNumber', 'phone', 'address']);
    expect(rows.every((r) => r.actor_id !== null && r.request_id)).toBe(true);
    // Someone without the permission gets nothing (and no row).
    expect(
      (await inject('POST', `/api/petitioners/${petitioners.p1}/reveal`, 'guide', { field: 'birthDate' })).statusCode,
    ).toBe(403);
  });

  it('looks up by ID number (18 and 15 digits) and by the full name, normalised, through keyed hashes', async () => {
    const byId = await ok(
      'GET',
      `/api/petitioners/lookup?idType=resident&idNumber=${P2.id.toLowerCase()}`,
      'registrar',
    );
    expect(byId.petitioner).toMatchObject({ id: petitioners.p2, name: P2.name });
    const by15 = await ok('GET', `/api/petitioners/lookup?idType=resident15&idNumber=${P15.id15}`, 'registrar');
    expect(by15.petitioner).toMatchObject({ id: petitioners.p15, name: P15.name });

    const byName = async (q: string) =>
      (await ok('GET', `/api/matters?scope=all&q=${encodeURIComponent(q)}`, 'director')).items.map(
        (m: { id: number }) => m.id,
      );
    expect(await byName(P1.name)).toEqual([matters.p1]);
    // NFC, trimmed, inner white space (also the ideographic space) collapsed.
    expect(await byName('阿依古丽\u3000 买买提')).toEqual([matters.p2]);
    // A name is matched whole (its hash), never by a part: 欧阳 alone finds nobody.
    expect(await byName('欧阳')).toEqual([]);
    // The search box also takes a whole ID number (its hash), never a part of one.
    expect(await byName(P1.id.toLowerCase())).toEqual([matters.p1]);
    expect(await byName(P15.id15)).toEqual([matters.p15]);
    expect(await byName(P1.id.slice(0, 12))).toEqual([]);
  });

  it('the start-up step seals plaintext left by an earlier version, once, and none of it stays in the file', async () => {
    const legacy = { name: '慕容复古', birth: '1955-01-23', id: id18('32050519550123107') };
    const cipher = t.deps.cipher;
    const [row] = await t.database.db
      .insertInto('petitioner')
      .values({
        // What migration 20261204010000 leaves of a row written before it: the plain name and date, renamed.
        name_enc: legacy.name,
        name_hash: null,
        id_type: 'resident',
        id_hash: 'legacy-hash-to-be-replaced',
        id_enc: cipher.encrypt(legacy.id),
        id_masked: '3205**********' + legacy.id.slice(-4),
        sex: 'male',
        birth_enc: legacy.birth,
        phone_enc: null,
        phone_masked: null,
        address_enc: null,
        address_masked: null,
        ethnicity: null,
        workplace: null,
        occupation: null,
        created_at: t.clock.now.toISOString(),
        updated_at: t.clock.now.toISOString(),
      })
      .returning('id')
      .execute();
    await t.database.db
      .insertInto('hall_visit')
      .values({ hall_id: 1, at: t.clock.now.toISOString(), person_name_enc: legacy.name })
      .execute();

    const first = await sealLegacyPersonalData(t.database, cipher);
    expect(first.rows).toBe(2);
    const sealed = await t.database.db
      .selectFrom('petitioner')
      .selectAll()
      .where('id', '=', row!.id)
      .executeTakeFirstOrThrow();
    expect(isSealed(sealed.name_enc) && isSealed(sealed.birth_enc)).toBe(true);
    expect(cipher.decrypt(sealed.name_enc)).toBe(legacy.name);
    expect(sealed.name_hash).toBe(cipher.nameHash(legacy.name));
    expect(sealed.id_hash).toBe(cipher.hash(`resident:${legacy.id}`));
    expect(await sealLegacyPersonalData(t.database, cipher)).toEqual({ rows: 0, documents: 0, events: 0 });
    // The start-up step runs once per database: the app's start recorded it; a later start skips the scan.
    expect(await t.database.db.selectFrom('app_setting').select('value').where('key', '=', LEGACY_SEALED_SETTING).executeTakeFirst()).toBeTruthy();
    expect(await sealLegacyPersonalDataOnce(t.database, cipher, t.clock.now)).toMatchObject({ skipped: true, rows: 0 });

    const found = await ok('GET', `/api/petitioners/lookup?idType=resident&idNumber=${legacy.id}`, 'registrar');
    expect(found.petitioner).toMatchObject({ name: legacy.name, birthYear: 1955 });
    // SQLite: VACUUM after sealing, so no freed page keeps the plaintext.
    expect(leaks(await rawDatabase(), [legacy.name, legacy.birth])).toEqual([]);
  });

  it('a re-encryption never overwrites a row the app changed after it was read', async () => {
    const r = repositories(t.database.db);
    const [row] = await r.personalData.rowsToReseal('petitioner', [], 0, 1);
    const same = { name_enc: row!.name_enc as string };
    expect(
      await r.personalData.update('petitioner', row!.id, same, {
        ...row,
        phone_enc: t.deps.cipher.encrypt('13000000000'),
      }),
    ).toBe(false);
    expect(await r.personalData.update('petitioner', row!.id, same, row!)).toBe(true);
  });

  it('rotates A → B: interrupted half-way and run again it finishes, audited; then key B alone reads and finds everything', async () => {
    const kidA = keyId(keyA);
    const kidB = keyId(keyB);
    const both = new PiiCipher(keyB, [keyA]);
    const underA = async () => {
      let n = 0;
      for (const table of Object.keys(SEALED_COLUMNS) as SealedTable[]) {
        const rows = (await t.database.db.selectFrom(table).selectAll().execute()) as unknown as Record<
          string,
          string | null
        >[];
        for (const row of rows) for (const c of SEALED_COLUMNS[table]) if (row[c]?.startsWith(`v2:${kidA}:`)) n++;
      }
      return n;
    };
    const before = await underA();
    expect(before).toBeGreaterThan(10);

    // Interrupted after the second batch (as a crash or Ctrl-C would).
    let batches = 0;
    await expect(
      rotatePersonalData(t.database, both, {
        batchSize: 2,
        onBatch: () => {
          if (++batches === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const halfway = await underA();
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(before);

    // Half-way, the app on the keyring (B current, A previous) still reads and finds everyone.
    t.deps.cipher = both;
    for (const p of [P1, P2]) {
      expect(
        (await ok('GET', `/api/petitioners/lookup?idType=resident&idNumber=${p.id}`, 'registrar')).petitioner.name,
      ).toBe(p.name);
    }

    // Run again: finishes, skipping what is done.
    const rest = await rotatePersonalData(t.database, both, { batchSize: 2 });
    expect(rest.rows).toBeGreaterThan(0);
    expect(rest.rows).toBeLessThan(before);
    expect(await underA()).toBe(0);
    const again = await rotatePersonalData(t.database, both);
    expect(again).toEqual({ rows: 0, documents: 0, events: 0 });
    const doc = await t.database.db
      .selectFrom('document')
      .select('content')
      .where('kind', '=', 'acceptanceNotice')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(doc.content).petitionerName.startsWith(`v2:${kidB}:`)).toBe(true);

    // Audited at start and end of each run (the interrupted one has no end).
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_data'])
      .where('entity', '=', 'personalData')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'keys.rotate.start',
      'keys.rotate.start',
      'keys.rotate.end',
      'keys.rotate.start',
      'keys.rotate.end',
    ]);
    expect(JSON.parse(audit[0]!.after_data!)).toMatchObject({ toKey: kidB, fromKeys: [kidA] });

    // The old key is no longer needed: B alone decrypts, reveals and looks up everything.
    t.deps.cipher = new PiiCipher(keyB);
    const detail = await ok('GET', `/api/matters/${matters.p1}`, 'reception1');
    expect(detail.petitioner).toMatchObject({ name: P1.name, birthYear: 1961 });
    expect(detail.representatives.map((r: { name: string }) => r.name)).toEqual([REP1.name, REP2.name]);
    expect(detail.case.documents[0].content.petitionerName).toBe(P1.name);
    expect((await ok('GET', `/api/matters/${matters.p2}`, 'reception1')).directReplies[0].signedName).toBe(SIGNER);
    expect(
      (await ok('POST', `/api/petitioners/${petitioners.p1}/reveal`, 'reception1', { field: 'idNumber' })).value,
    ).toBe(P1.id);
    expect(
      (await ok('GET', `/api/petitioners/lookup?idType=resident15&idNumber=${P15.id15}`, 'registrar')).petitioner.name,
    ).toBe(P15.name);
    expect(
      (await ok('GET', `/api/matters?scope=all&q=${encodeURIComponent(P2.name)}`, 'director')).items.map(
        (m: { id: number }) => m.id,
      ),
    ).toEqual([matters.p2]);
    const visits = await ok('GET', '/api/floor/visits', 'guide');
    // Lists show names masked (issue 8 §3): key B opened them.
    expect(visits.map((v: { personName: string }) => v.personName)).toContain(maskName(VISITOR.name));
    const disorder = await ok('GET', '/api/floor/disorder', 'guide');
    expect(disorder.map((e: { personName: string }) => e.personName)).toContain(maskName(DISORDERLY.name));
    // The disorder list still recognises the person by the re-hashed ID (R2.3): a second incident joins the entry.
    const joined = await ok('POST', '/api/floor/disorder/incidents', 'guide', {
      personName: DISORDERLY.name,
      idType: 'resident',
      idNumber: DISORDERLY.id,
      occurredAt: '2026-11-30T01:40:00Z',
      kind: 'blockingWindow',
      description: '再次堵塞窗口',
      informed: ['dutyBailiff'],
    });
    expect(joined.incidents).toBe(2);
    // Still nothing in clear.
    expect(leaks(await rawDatabase(), plainValues())).toEqual([]);
  });
});

describe.each(testDialects())('upgrade from a database with names and birth dates in clear, on %s', (dialect) => {
  it('migration 20261204010000 keeps the values, and the start-up step seals them before serving', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hall-pii-up-'));
    const file = path.join(dir, 'hall.sqlite');
    const database = await createTestDatabase(dialect, { sqliteFile: file, migrateTo: '20261129020000_hall_floor' });
    try {
      const cipher = new PiiCipher(randomBytes(32));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before migration 20261204010000
      const old = database.db as unknown as Kysely<any>;
      const at = '2026-11-01T02:00:00.000Z';
      const legacy = {
        name: '独孤求败',
        birth: '1944-10-10',
        id: id18('32050119441010131'),
        visitor: '西门吹雪',
        listed: '花满楼阁',
      };
      // Rows as the previous version wrote them: names and the birth date in clear (varchar(50)/varchar(10)).
      const hall = await old
        .insertInto('hall')
        .values({ code: 'UP', name: '升级测试大厅', kind: 'joint', active: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await old
        .insertInto('petitioner')
        .values({
          name: legacy.name,
          id_type: 'resident',
          id_hash: cipher.hash(`resident:${legacy.id}`),
          id_enc: cipher.encrypt(legacy.id),
          id_masked: '3205**********' + legacy.id.slice(-4),
          birth_date: legacy.birth,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await old.insertInto('hall_visit').values({ hall_id: hall.id, at, person_name: legacy.visitor }).execute();
      await old
        .insertInto('disorder_entry')
        .values({ hall_id: hall.id, person_name: legacy.listed, status: 'proposed', created_at: at })
        .execute();

      await migrate(database.db);
      const counts = await sealLegacyPersonalData(database, cipher);
      expect(counts.rows).toBe(3);
      const p = await database.db.selectFrom('petitioner').selectAll().executeTakeFirstOrThrow();
      expect(cipher.decrypt(p.name_enc)).toBe(legacy.name);
      expect(cipher.decrypt(p.birth_enc!)).toBe(legacy.birth);
      expect(p.name_hash).toBe(cipher.nameHash(legacy.name));
      const v = await database.db.selectFrom('hall_visit').selectAll().executeTakeFirstOrThrow();
      expect(cipher.decrypt(v.person_name_enc!)).toBe(legacy.visitor);
      const e = await database.db.selectFrom('disorder_entry').selectAll().executeTakeFirstOrThrow();
      expect(cipher.decrypt(e.person_name_enc)).toBe(legacy.listed);
      expect(e.person_name_hash).toBe(cipher.nameHash(legacy.listed));
      expect(await sealLegacyPersonalData(database, cipher)).toEqual({ rows: 0, documents: 0, events: 0 });

      // Nothing in clear is left in the file (VACUUM) or the dump.
      let raw: Buffer;
      if (dialect === 'sqlite') {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
        raw = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      } else {
        raw = execFileSync('pg_dump', ['--no-owner', database.url!], { maxBuffer: 256 * 1024 * 1024 });
      }
      expect(raw.includes(Buffer.from('升级测试大厅'))).toBe(true);
      for (const plain of [
        legacy.name,
        legacy.birth,
        legacy.birth.replaceAll('-', ''),
        legacy.visitor,
        legacy.listed,
      ]) {
        expect(raw.includes(Buffer.from(plain)), plain).toBe(false);
      }
    } finally {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('personal-data key configuration', () => {
  const key = randomBytes(32).toString('base64');
  it('refuses to start on PostgreSQL without HALL_DATA_KEY, with a clear message', () => {
    expect(() => parseConfig({ HALL_DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /HALL_DATA_KEY: required with HALL_DATABASE_URL/,
    );
    expect(parseConfig({ HALL_DATABASE_URL: 'postgres://u@h/db', HALL_DATA_KEY: key }).dataKey).toBe(key);
    // The embedded SQLite may keep a generated key file.
    expect(parseConfig({}).dataKey).toBeNull();
  });
  it('reads the previous keys of a rotation and refuses bad ones', () => {
    const old = randomBytes(32).toString('base64');
    expect(parseConfig({ HALL_DATA_KEY: key, HALL_DATA_KEYS_PREVIOUS: ` ${old} ,` }).dataKeysPrevious).toEqual([old]);
    expect(() => parseConfig({ HALL_DATA_KEY: key, HALL_DATA_KEYS_PREVIOUS: 'c2hvcnQ=' })).toThrow(
      /HALL_DATA_KEYS_PREVIOUS/,
    );
  });
  it('reads v1 values written before key ids, and tells which key a value needs', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    // The format before key ids: v1:<iv>:<tag>:<data> under HKDF(a, 'hall/pii/enc').
    const iv = randomBytes(12);
    const c = createCipheriv(
      'aes-256-gcm',
      Buffer.from(hkdfSync('sha256', a, Buffer.alloc(0), 'hall/pii/enc', 32)),
      iv,
    );
    const data = Buffer.concat([c.update('李四', 'utf8'), c.final()]);
    const v1 = `v1:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    expect(isSealed(v1)).toBe(true);
    expect(new PiiCipher(b, [a]).decrypt(v1)).toBe('李四');
    expect(new PiiCipher(b, [a]).needsRotation(v1)).toBe(true);
    expect(() => new PiiCipher(b).decrypt(v1)).toThrow(/any configured key/);
    const v2a = new PiiCipher(a).encrypt('张三');
    expect(() => new PiiCipher(b).decrypt(v2a)).toThrow(/not configured/);
    expect(new PiiCipher(b, [a]).decrypt(v2a)).toBe('张三');
    expect(new PiiCipher(b, [a]).needsRotation(v2a)).toBe(true);
    expect(new PiiCipher(b, [a]).hashes('x')).toEqual([new PiiCipher(b).hash('x'), new PiiCipher(a).hash('x')]);
  });
});
