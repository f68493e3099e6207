/** Encrypts, masks and hashes personal data on its way in: the only place plaintext turns into columns. */
import { type IdType, maskAddress, maskIdNumber, maskPhone } from '@hall/domain';
import type { PiiCipher } from '../../pii.ts';

/** The lookup hash covers the document type's family, so the same digits under two types are two people. */
export const idLookupKey = (type: IdType, normalized: string) => `${type === 'resident15' ? 'resident' : type}:${normalized}`;

export function sealIdNumber(cipher: PiiCipher, type: IdType, normalized: string) {
  return { id_hash: cipher.hash(idLookupKey(type, normalized)), id_enc: cipher.encrypt(normalized), id_masked: maskIdNumber(normalized) };
}

export function sealPhone(cipher: PiiCipher, phone: string | null | undefined) {
  const v = phone?.replace(/\s+/g, '') || null;
  return { phone_enc: cipher.encryptOpt(v), phone_masked: v ? maskPhone(v) : null };
}

export function sealAddress(cipher: PiiCipher, address: string | null | undefined) {
  const v = address?.trim() || null;
  return { address_enc: cipher.encryptOpt(v), address_masked: v ? maskAddress(v) : null };
}
