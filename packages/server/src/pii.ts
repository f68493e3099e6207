/**
 * Personal data at rest (ID numbers, phones, addresses): AES-256-GCM with a random IV per value,
 * stored as "v1:<iv>:<tag>:<ciphertext>" (base64). ID numbers are also kept as an HMAC-SHA256
 * under a key derived from the same secret, so a petitioner is found without decrypting anything.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(secret: Buffer) {
    if (secret.length !== 32) throw new Error('The personal-data key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'hall/pii/enc', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'hall/pii/mac', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [v, iv, tag, data] = stored.split(':');
    if (v !== 'v1') throw new Error('Unknown personal-data format');
    const d = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
  }

  encryptOpt(plain: string | null | undefined): string | null {
    return plain ? this.encrypt(plain) : null;
  }
  decryptOpt(stored: string | null | undefined): string | null {
    return stored ? this.decrypt(stored) : null;
  }

  /** Lookup hash of an already normalized identifier. */
  hash(normalized: string): string {
    return createHmac('sha256', this.macKey).update(normalized).digest('hex');
  }
}

/**
 * The key: from config, or for the embedded default a key file beside the database, created on
 * first start (and said so in the log: losing it loses the personal data).
 */
export function loadKey(configured: string | null, dataDir: string): { key: Buffer; createdFile: string | null; file: string | null } {
  if (configured) return { key: Buffer.from(configured, 'base64'), createdFile: null, file: null };
  const file = path.join(dataDir, 'hall.key');
  if (fs.existsSync(file)) {
    return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), createdFile: null, file };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  return { key, createdFile: file, file };
}
