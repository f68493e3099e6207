/**
 * R2.3: the disorder list informs, it never blocks. When a person on the list (approved, not past
 * its expiry date) takes a ticket, registers or comes to the guide desk, an alert is recorded for the
 * guide and the window, in the caller's transaction, and audited. Service goes on either way.
 */
import { type IdType, checkIdentity, chinaDate, disorderActive, invalid } from '@hall/domain';
import type { DisorderAlertRow, Repositories } from '@hall/db';
import type { PiiCipher } from '../../pii.ts';
import { idLookupHashes, sealIdNumber } from '../reception/personal-data.ts';
import { auditAs } from '../../audit.ts';

export type AlertSource = 'registration' | 'kiosk' | 'guideDesk' | 'staffTicket';

export async function checkDisorder(
  r: Repositories,
  a: {
    hallId: number;
    /** The lookup hashes of the person's document, one per configured key: `idLookupHashes(cipher, type, normalized)`. */
    idHash: string | readonly string[] | null;
    now: Date;
    actorId: number | null;
    requestId: string | null;
    source: AlertSource;
    ticketId?: number | null;
    matterId?: number | null;
    visitId?: number | null;
    windowId?: number | null;
    /** The person's entries when the caller read them already (registration reads them with its references). */
    entries?: readonly { id: number; status: string; expires_on: string | null }[];
  },
): Promise<DisorderAlertRow | null> {
  if (!a.idHash || a.idHash.length === 0) return null;
  const today = chinaDate(a.now);
  const entry = (a.entries ?? (await r.floor.entriesByIdHash(a.hallId, a.idHash))).find((e) =>
    disorderActive({ status: e.status, expiresOn: e.expires_on }, today),
  );
  if (!entry) return null;
  const at = a.now.toISOString();
  const alert = await r.floor.insertAlert({
    entry_id: entry.id,
    hall_id: a.hallId,
    at,
    source: a.source,
    ticket_id: a.ticketId ?? null,
    matter_id: a.matterId ?? null,
    visit_id: a.visitId ?? null,
    window_id: a.windowId ?? null,
    acknowledged_at: null,
    acknowledged_by: null,
  });
  await auditAs(r, { actorId: a.actorId, at, requestId: a.requestId }, {
    entity: 'disorder_entry',
    entityId: entry.id,
    action: 'disorder.alert',
    after: {
      alertId: alert.id,
      source: a.source,
      ticketId: alert.ticket_id,
      matterId: alert.matter_id,
      visitId: alert.visit_id,
      windowId: alert.window_id,
    },
  });
  return alert;
}

/**
 * An optional ID number given at the guide desk or with an incident: checked like registration's,
 * then sealed like the petitioner's (encrypted, masked, and the same lookup hash, so the list
 * recognises the person at registration and at the kiosk). Nothing given: all null.
 */
export function sealOptionalId(
  cipher: PiiCipher,
  idType: IdType | null | undefined,
  idNumber: string | null | undefined,
  now: Date,
  field = 'idNumber',
) {
  const raw = idNumber?.trim();
  if (!raw) return { id_type: null, id_hash: null, id_enc: null, id_masked: null, normalized: null, lookupHashes: null };
  const type = idType ?? 'resident';
  const checked = checkIdentity(type, raw, chinaDate(now));
  if (!checked.ok) throw invalid(checked.code, {}, field);
  return {
    id_type: type,
    ...sealIdNumber(cipher, type, checked.info.normalized),
    normalized: checked.info.normalized,
    /** For look-ups: the hash under every configured key (a rotation may be under way). */
    lookupHashes: idLookupHashes(cipher, type, checked.info.normalized),
  };
}
