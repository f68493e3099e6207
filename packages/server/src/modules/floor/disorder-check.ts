/**
 * R2.3: the disorder list informs, it never blocks. When a person on the list (approved, not past
 * its expiry date) takes a ticket, registers or comes to the guide desk, an alert is recorded for the
 * guide and the window, in the caller's transaction, and audited. Service goes on either way.
 */
import { chinaDate, disorderActive } from '@hall/domain';
import type { DisorderAlertRow, Repositories } from '@hall/db';

export type AlertSource = 'registration' | 'kiosk' | 'guideDesk' | 'staffTicket';

export async function checkDisorder(
  r: Repositories,
  a: {
    hallId: number;
    /** The lookup hash of the person's document: `cipher.hash(idLookupKey(type, normalized))`. */
    idHash: string | null;
    now: Date;
    actorId: number | null;
    requestId: string | null;
    source: AlertSource;
    ticketId?: number | null;
    matterId?: number | null;
    visitId?: number | null;
    windowId?: number | null;
  },
): Promise<DisorderAlertRow | null> {
  if (!a.idHash) return null;
  const today = chinaDate(a.now);
  const entry = (await r.floor.entriesByIdHash(a.hallId, a.idHash)).find((e) =>
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
  await r.audit.insert({
    at,
    actorId: a.actorId,
    requestId: a.requestId,
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
