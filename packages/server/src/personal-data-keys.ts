/**
 * Personal data at rest, in bulk (issue 8 §3):
 *
 * - `sealLegacyPersonalData`: the start-up step (main.ts and the test app, before serving). Values
 *   still in clear from before migration 20261204010000_personal_data (names, birth dates; any
 *   plaintext in a sealed column) are encrypted and their lookup hashes filled; timeline events that
 *   named a direct reply's signer drop the name; frozen documents' petitioner names are sealed.
 *   Idempotent (a ciphertext is told by its format), batched, each batch one transaction.
 * - `rotatePersonalData` (`npm run keys:rotate`): every sealed value not under the current key is
 *   re-encrypted under it and every lookup hash recomputed; resumable (rows already under the current
 *   key are skipped, each batch commits), audited at start and at end.
 */
import { type Database, type Repositories, SEALED_COLUMNS, type SealedTable, fromJson, repositories } from '@hall/db';
import type { IdType } from '@hall/domain';
import { auditAs } from './audit.ts';
import { idLookupKey } from './modules/reception/personal-data.ts';
import { type PiiCipher, isSealed } from './pii.ts';
import { transact } from './transact.ts';

export interface ResealCounts {
  rows: number;
  documents: number;
  events: number;
}

export interface ResealOptions {
  /** Re-encrypt values under previous keys too (rotation); otherwise only plaintext is sealed. */
  rotate: boolean;
  batchSize?: number;
  /** Called after each committed batch (progress; a test interrupts the run here). */
  onBatch?: (what: string, counts: ResealCounts) => void | Promise<void>;
}

const TABLES = Object.keys(SEALED_COLUMNS) as SealedTable[];

/** The new column values of one row, or null when nothing in it needs work. */
function resealRow(cipher: PiiCipher, table: SealedTable, row: Record<string, unknown>, rotate: boolean) {
  const out: Record<string, string | null> = {};
  const plain: Record<string, string> = {};
  for (const col of SEALED_COLUMNS[table]) {
    const v = row[col];
    if (typeof v !== 'string' || v === '') continue;
    const sealed = isSealed(v);
    plain[col] = sealed ? cipher.decrypt(v) : v;
    if (!sealed || (rotate && cipher.needsRotation(v))) out[col] = cipher.encrypt(plain[col]);
  }
  if (Object.keys(out).length === 0) return null;
  const idHash = () => (plain.id_enc ? cipher.hash(idLookupKey(row.id_type as IdType, plain.id_enc)) : null);
  if (table === 'petitioner') {
    out.id_hash = idHash();
    out.name_hash = plain.name_enc ? cipher.nameHash(plain.name_enc) : null;
  } else if (table === 'hall_visit') {
    out.id_hash = idHash();
  } else if (table === 'disorder_entry') {
    out.id_hash = idHash();
    out.person_name_hash = plain.person_name_enc ? cipher.nameHash(plain.person_name_enc) : null;
  }
  return out;
}

export async function resealPersonalData(
  database: Database,
  cipher: PiiCipher,
  opts: ResealOptions,
): Promise<ResealCounts> {
  const batchSize = opts.batchSize ?? 200;
  // A value is done when it is under the current key (rotation) or sealed at all (start-up).
  const ok = opts.rotate ? [`v2:${cipher.currentKid}:%`] : ['v1:%', 'v2:%'];
  const counts: ResealCounts = { rows: 0, documents: 0, events: 0 };
  const batch = (fn: (r: Repositories) => Promise<number | null>) => transact({ database }, fn);

  for (const table of TABLES) {
    // A row the app changed between our read and our write is skipped and read again in one more pass.
    for (let pass = 1; ; pass++) {
      let changedMeanwhile = 0;
      let after = 0;
      for (;;) {
        const last = await batch(async (r) => {
          const rows = await r.personalData.rowsToReseal(table, ok, after, batchSize);
          for (const row of rows) {
            const values = resealRow(cipher, table, row, opts.rotate);
            if (!values) continue;
            if (await r.personalData.update(table, row.id, values, row)) counts.rows++;
            else changedMeanwhile++;
          }
          return rows.length ? rows[rows.length - 1]!.id : null;
        });
        if (last === null) break;
        after = last;
        await opts.onBatch?.(table, counts);
      }
      if (changedMeanwhile === 0) break;
      if (pass >= 5) throw new Error(`${table}: rows keep changing while being re-encrypted; run again`);
    }
  }

  // Frozen documents: the petitioner's name (a notice is addressed to him or her) is sealed in the content.
  let after = 0;
  for (;;) {
    const last = await batch(async (r) => {
      const docs = await r.personalData.documentsToReseal(ok, after, batchSize);
      for (const d of docs) {
        const content = fromJson<Record<string, unknown>>(d.content, {});
        const v = content.petitionerName;
        if (typeof v === 'string' && v && (!isSealed(v) || (opts.rotate && cipher.needsRotation(v)))) {
          content.petitionerName = cipher.encrypt(isSealed(v) ? cipher.decrypt(v) : v);
          await r.personalData.updateDocumentContent(d.id, JSON.stringify(content));
          counts.documents++;
        }
      }
      return docs.length ? docs[docs.length - 1]!.id : null;
    });
    if (last === null) break;
    after = last;
    await opts.onBatch?.('document', counts);
  }

  // Timeline events of direct replies once carried the signer's name; the reply row keeps it, sealed.
  after = 0;
  for (;;) {
    const last = await batch(async (r) => {
      const events = await r.personalData.replyEventsWithSignedName(after, batchSize);
      for (const e of events) {
        const { signedName, ...rest } = fromJson<Record<string, unknown>>(e.data, {});
        await r.personalData.updateEventData(e.id, JSON.stringify({ ...rest, signed: !!signedName }));
        counts.events++;
      }
      return events.length ? events[events.length - 1]!.id : null;
    });
    if (last === null) break;
    after = last;
  }

  if (opts.rotate) await batch(async (r) => (await r.personalData.rehashTickets(), null));
  // Plaintext or old ciphertexts must not linger in free pages or the WAL of the SQLite file.
  if (counts.rows + counts.documents + counts.events > 0) await repositories(database.db).personalData.compact();
  return counts;
}

/** The start-up step: seals whatever is still in clear. Fast when there is nothing to do (one indexed query per table). */
export function sealLegacyPersonalData(database: Database, cipher: PiiCipher) {
  return resealPersonalData(database, cipher, { rotate: false });
}

/** The setting that records that the start-up step has sealed everything once. */
export const LEGACY_SEALED_SETTING = 'pii.legacySealedAt';

/**
 * The start-up step, once per database (issue 9 §3: a million rows are not scanned at every start).
 * Since migration 20261204010000 the app writes only sealed values, so after one complete pass
 * nothing new can need it; the pass's end is recorded, and later starts skip it. A database restored
 * from an older backup has no such record, so the pass runs again there.
 */
export async function sealLegacyPersonalDataOnce(database: Database, cipher: PiiCipher, now: Date): Promise<ResealCounts & { skipped: boolean }> {
  const settings = repositories(database.db).settings;
  if (await settings.get(LEGACY_SEALED_SETTING)) return { rows: 0, documents: 0, events: 0, skipped: true };
  const counts = await sealLegacyPersonalData(database, cipher);
  await settings.set(LEGACY_SEALED_SETTING, now.toISOString(), now.toISOString());
  return { ...counts, skipped: false };
}

/**
 * Key rotation: everything under the current key, audited at start and at end. Run again after an
 * interruption, it carries on where it stopped.
 */
export async function rotatePersonalData(
  database: Database,
  cipher: PiiCipher,
  opts: Omit<ResealOptions, 'rotate'> & { now?: () => Date } = {},
): Promise<ResealCounts> {
  const now = opts.now ?? (() => new Date());
  const jobId = `keys-rotate:${now().toISOString()}`;
  const keys = { toKey: cipher.currentKid, fromKeys: cipher.keyIds.slice(1) };
  await transact({ database }, (r) =>
    auditAs(
      r,
      { actorId: null, at: now(), requestId: jobId },
      {
        entity: 'personalData',
        entityId: 'keys',
        action: 'keys.rotate.start',
        after: keys,
      },
    ),
  );
  const counts = await resealPersonalData(database, cipher, { ...opts, rotate: true });
  await transact({ database }, (r) =>
    auditAs(
      r,
      { actorId: null, at: now(), requestId: jobId },
      {
        entity: 'personalData',
        entityId: 'keys',
        action: 'keys.rotate.end',
        after: { ...keys, ...counts },
      },
    ),
  );
  return counts;
}
