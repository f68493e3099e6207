/** Presents numbered documents (their frozen content) for the case, the dossier and the print page. */
import type { DocumentDetail, DocumentView } from '@hall/contracts';
import { type DocumentRow, fromJson } from '@hall/db';
import { type PiiCipher, isSealed } from '../../pii.ts';

/** Frozen content keeps the personal values it carries sealed (issue 8 §3); the view opens them. */
export function presentDocument(d: DocumentRow, names: Map<number, string>, cipher: PiiCipher): DocumentView {
  const content = fromJson<Record<string, unknown>>(d.content, {});
  if (typeof content.petitionerName === 'string' && isSealed(content.petitionerName)) {
    content.petitionerName = cipher.decrypt(content.petitionerName);
  }
  return {
    id: d.id,
    kind: d.kind,
    number: d.number,
    issuedAt: d.issued_at,
    issuedByName: d.issued_by ? (names.get(d.issued_by) ?? null) : null,
    content,
  };
}

/** Whether a document's frozen content carries personal data (its view is then audited). */
export const documentCarriesPii = (d: DocumentRow) => d.content.includes('"petitionerName":"');

export function presentDocumentDetail(
  d: DocumentRow,
  names: Map<number, string>,
  petitionNo: string | null,
  cipher: PiiCipher,
): DocumentDetail {
  return { ...presentDocument(d, names, cipher), matterId: d.matter_id, accountabilityId: d.accountability_id, petitionNo };
}
