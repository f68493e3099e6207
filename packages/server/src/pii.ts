/**
 * Personal data at rest (names, ID numbers, birth dates, phones, addresses): AES-256-GCM with a random
 * IV per value, stored as "v2:<kid>:<iv>:<tag>:<ciphertext>" (base64; kid = the key's id, derived
 * from the key). Values written before key ids ("v1:<iv>:<tag>:<ciphertext>") are still read: each
 * configured key is tried (GCM's tag tells the right one).
 *
 * Exact look-ups (ID number, full name) go through an HMAC-SHA256 under a key derived from the same
 * secret. A keyring holds the current key (writes) and previous keys (reads, and look-ups until
 * `npm run keys:rotate` has re-encrypted and re-hashed every row under the current key).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeName } from '@hall/domain';

interface Key {
  kid: string;
  enc: Buffer;
  mac: Buffer;
}

const derive = (secret: Buffer, info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));

/** The key's id: 8 hex characters derived from the key (not secret, not reversible). */
export function keyId(secret: Buffer): string {
  return derive(secret, 'hall/pii/kid').subarray(0, 4).toString('hex');
}

const SEALED =
  /^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$|^v2:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/;

/** True when the stored value is a ciphertext of this module (any version, any key). */
export const isSealed = (stored: string | null | undefined): boolean => !!stored && SEALED.test(stored);

export class PiiCipher {
  private readonly keys: Key[];

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const k of [current, ...previous]) {
      if (k.length !== 32) throw new Error('The personal-data key must be 32 bytes');
    }
    const seen = new Set<string>();
    this.keys = [current, ...previous]
      .map((s) => ({ kid: keyId(s), enc: derive(s, 'hall/pii/enc'), mac: derive(s, 'hall/pii/mac') }))
      .filter((k) => (seen.has(k.kid) ? false : (seen.add(k.kid), true)));
  }

  /** The id of the key new values are written under. */
  get currentKid(): string {
    return this.keys[0]!.kid;
  }
  get keyIds(): string[] {
    return this.keys.map((k) => k.kid);
  }

  encrypt(plain: string): string {
    const k = this.keys[0]!;
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', k.enc, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v2:${k.kid}:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  decrypt(stored: string): string {
    const parts = stored.split(':');
    if (parts[0] === 'v2' && parts.length === 5) {
      const k = this.keys.find((x) => x.kid === parts[1]);
      if (!k)
        throw new Error(
          `Personal data is sealed under key ${parts[1]}, which is not configured (HALL_DATA_KEY, HALL_DATA_KEYS_PREVIOUS)`,
        );
      return open(k, parts[2]!, parts[3]!, parts[4]!);
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      for (const k of this.keys) {
        try {
          return open(k, parts[1]!, parts[2]!, parts[3]!);
        } catch {
          // not this key
        }
      }
      throw new Error('Personal data (v1) cannot be opened with any configured key');
    }
    throw new Error('Unknown personal-data format');
  }

  encryptOpt(plain: string | null | undefined): string | null {
    return plain ? this.encrypt(plain) : null;
  }
  decryptOpt(stored: string | null | undefined): string | null {
    return stored ? this.decrypt(stored) : null;
  }

  /** Whether a stored value must be re-encrypted to be under the current key (v1 values always). */
  needsRotation(stored: string | null | undefined): boolean {
    return !!stored && !stored.startsWith(`v2:${this.currentKid}:`);
  }

  /** Lookup hash of an already normalized identifier, under the current key: what is written. */
  hash(normalized: string): string {
    return createHmac('sha256', this.keys[0]!.mac).update(normalized).digest('hex');
  }

  /** Lookup hashes under every configured key, current first: what a look-up matches. */
  hashes(normalized: string): string[] {
    return this.keys.map((k) => createHmac('sha256', k.mac).update(normalized).digest('hex'));
  }

  /** Lookup hash of a person's full name (NFC, trimmed, inner spaces collapsed). */
  nameHash(name: string): string {
    return this.hash(nameLookupKey(name));
  }
  nameHashes(name: string): string[] {
    return this.hashes(nameLookupKey(name));
  }
}

export const nameLookupKey = (name: string) => `name:${normalizeName(name)}`;

function open(k: Key, iv: string, tag: string, data: string): string {
  const d = createDecipheriv('aes-256-gcm', k.enc, Buffer.from(iv, 'base64'));
  d.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
}

/**
 * The key: from config, or for the embedded SQLite default a key file beside the database, created
 * on first start (and said so in the log: losing it loses the personal data). Never a generated
 * file for PostgreSQL (`requireConfigured`): config refuses to start without HALL_DATA_KEY there.
 */
export function loadKey(
  configured: string | null,
  dataDir: string,
  opts: { requireConfigured?: boolean } = {},
): { key: Buffer; createdFile: string | null; file: string | null } {
  if (configured) return { key: Buffer.from(configured, 'base64'), createdFile: null, file: null };
  if (opts.requireConfigured) throw new Error('HALL_DATA_KEY is required with HALL_DATABASE_URL (PostgreSQL)');
  const file = path.join(dataDir, 'hall.key');
  if (fs.existsSync(file)) {
    return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), createdFile: null, file };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return { key, createdFile: file, file };
}
