/** Encrypts, masks and hashes personal data on its way in: the only place plaintext turns into columns. */
import { IdType, maskAddress, maskIdNumber, maskName, maskPhone, normalizeName } from '@hall/domain';
import type { PiiCipher } from '../../pii.ts';

/** The lookup hash covers the document type's family, so the same digits under two types are two people. */
export const idLookupKey = (type: IdType, normalized: string) =>
  `${type === 'resident15' ? 'resident' : type}:${normalized}`;

/** The ID's lookup hashes under every configured key (current first), for look-ups during a key rotation. */
export const idLookupHashes = (cipher: PiiCipher, type: IdType, normalized: string) =>
  cipher.hashes(idLookupKey(type, normalized));

/** A search text taken as a whole ID number of any document type: its lookup hashes (for the list's search box). */
export function wholeIdHashes(cipher: PiiCipher, q: string): string[] {
  const n = q.replace(/\s+/g, '').toUpperCase();
  if (n.length < 5 || n.length > 30) return [];
  return [...new Set(Object.values(IdType).flatMap((type) => idLookupHashes(cipher, type, n)))];
}

export function sealIdNumber(cipher: PiiCipher, type: IdType, normalized: string) {
  return {
    id_hash: cipher.hash(idLookupKey(type, normalized)),
    id_enc: cipher.encrypt(normalized),
    id_masked: maskIdNumber(normalized),
  };
}

export function sealPhone(cipher: PiiCipher, phone: string | null | undefined) {
  const v = phone?.replace(/\s+/g, '') || null;
  return { phone_enc: cipher.encryptOpt(v), phone_masked: v ? maskPhone(v) : null };
}

export function sealAddress(cipher: PiiCipher, address: string | null | undefined) {
  const v = address?.trim() || null;
  return { address_enc: cipher.encryptOpt(v), address_masked: v ? maskAddress(v) : null };
}

/** A person's name: encrypted as written (normalised), and its keyed hash for the exact look-up. */
export function sealName(cipher: PiiCipher, name: string) {
  const v = normalizeName(name);
  return { enc: cipher.encrypt(v), hash: cipher.nameHash(v) };
}

/** A sealed value for a view (null stays null). Presenters call this; nothing else decrypts. */
export const openPii = (cipher: PiiCipher, stored: string | null | undefined) => cipher.decryptOpt(stored);

/**
 * A sealed name as every LIST shows it ('张**', issue 8 §3: masked in lists). The full name only in a
 * single-record view, whose view is audited (view-audit.ts).
 */
export const openMaskedName = (cipher: PiiCipher, stored: string | null | undefined) =>
  maskName(openPii(cipher, stored));
