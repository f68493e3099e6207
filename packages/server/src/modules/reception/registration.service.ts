/**
 * Registration at the desk (R1.1): identity check, the visitor rules (R4.1, R4.4, R4.5), routing to a
 * window and receptionist, the petition number and query code; the disorder-list check (R2.3) and,
 * when asked, the queue ticket for the routed window (R2.1). One transaction, audited.
 */
import { createHash } from 'node:crypto';
import type { LookupResult, RegistrationData, RegistrationResult } from '@hall/contracts';
import {
  DomainError,
  type IdType,
  checkIdentity,
  checkRegistration,
  chinaDate,
  chinaYear,
  conflict,
  petitionNoParts,
  invalid,
  maskName,
  needsDocumentReason,
  proposeVisitKind,
  queryCodeFromBytes,
} from '@hall/domain';
import { type HallWindowRow, type Repositories, isUniqueViolation, repositories, toJson } from '@hall/db';
import type { Ctx, Deps } from '../../context.ts';
import { transact } from '../../transact.ts';
import { checkDisorder } from '../floor/disorder-check.ts';
import { issueTicket } from '../queue/ticket-issue.ts';
import { presentPetitioner, presentSummary } from '../cases/matter.presenter.ts';
import { idLookupHashes, openPii, sealAddress, sealIdNumber, sealName, sealPhone } from './personal-data.ts';
import type { PiiCipher } from '../../pii.ts';
import { audit } from '../../audit.ts';
import { checkEarlierHandlingUnits } from './reception.service.ts';

class IdempotentReplay extends Error {}

export class RegistrationService {
  constructor(private readonly deps: Deps) {}

  private checkId(type: IdType, raw: string, now: Date, field: string) {
    const r = checkIdentity(type, raw, chinaDate(now));
    if (!r.ok) throw invalid(r.code, {}, field);
    return r.info;
  }

  /** R1.1: find the petitioner by ID; an existing one is prefilled and his or her earlier visits shown. */
  async lookup(ctx: Ctx, idType: IdType, idNumber: string): Promise<LookupResult> {
    const info = this.checkId(idType, idNumber, ctx.now, 'idNumber');
    const { db } = this.deps.database;
    const r = repositories(db);
    const p = await r.petitioners.findByIdHash(idLookupHashes(this.deps.cipher, idType, info.normalized));
    const derived = { birthDate: info.birthDate ?? null, sex: info.sex ?? null, detectedType: info.type };
    if (!p) return { derived, petitioner: null, earlierMatters: [] };
    const earlier = await r.matters.list({ hallId: ctx.actor.hallId, petitionerId: p.id, limit: 50 });
    // A GET has no transaction: the audit row is appended in one of its own (the chain's head is
    // read and advanced atomically), like every view of personal data (view-audit.ts).
    await transact(this.deps, (tr) =>
      audit(tr, ctx, {
        entity: 'petitioner',
        entityId: p.id,
        action: 'petitioner.lookup',
      }),
    );
    // The prefill of an earlier petitioner: masked like every view (birth year and age, not the date).
    // `derived` comes from the number the registrar has just typed, so it tells nothing new.
    return {
      derived,
      petitioner: presentPetitioner(p, this.deps.cipher, chinaDate(ctx.now)),
      earlierMatters: earlier.map((x) => presentSummary(x, this.deps.cipher)),
    };
  }

  async register(ctx: Ctx, data: RegistrationData, idempotencyKey?: string): Promise<RegistrationResult> {
    const pet = data.petitioner;
    const info = this.checkId(pet.idType, pet.idNumber, ctx.now, 'petitioner.idNumber');
    if (needsDocumentReason(pet.idType) && !pet.otherDocReason?.trim()) {
      throw invalid('registration.otherDocReasonRequired', {}, 'petitioner.otherDocReason');
    }
    const reps = data.representatives.map((rep, i) => ({
      ...rep,
      normalized: rep.idNumber?.trim()
        ? this.checkId(rep.idType ?? 'resident', rep.idNumber, ctx.now, `representatives.${i}.idNumber`).normalized
        : null,
    }));
    checkRegistration({
      peopleCount: data.peopleCount,
      representativeCount: reps.length,
      rulesAcknowledged: data.rulesAcknowledged,
      securityCheck: data.securityCheck,
    });

    const requestHash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    // Two desks registering the same new person at once: the second insert of the petitioner hits
    // the unique lookup hash; running again finds the first one's record.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(ctx, data, info, reps, requestHash, idempotencyKey);
      } catch (err) {
        if (attempt >= 3 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  private async attempt(
    ctx: Ctx,
    data: RegistrationData,
    info: { normalized: string; birthDate?: string; sex?: string },
    reps: (RegistrationData['representatives'][number] & { normalized: string | null })[],
    requestHash: string,
    idempotencyKey: string | undefined,
  ): Promise<RegistrationResult> {
    try {
      const committed = await transact(this.deps, async (r) => {
        if (idempotencyKey) {
          try {
            await r.idempotency.claim({
              staff_id: ctx.actor.id,
              key: idempotencyKey,
              scope: 'registration',
              request_hash: requestHash,
              created_at: ctx.now.toISOString(),
            });
          } catch (err) {
            if (isUniqueViolation(err)) throw new IdempotentReplay();
            throw err;
          }
        }
        const result = await this.insert(ctx, r, data, info.normalized, info.birthDate ?? null, info.sex ?? null, reps);
        if (idempotencyKey) await r.idempotency.complete(ctx.actor.id, idempotencyKey, result);
        return result;
      });
      // Display boards and desks learn of the new ticket once it is committed (not on a replay).
      if (committed.ticket) {
        const event = { hallId: ctx.actor.hallId, ticketId: committed.ticket.id, at: ctx.now.toISOString() };
        await this.deps.bus.publish({ ...event, kind: 'ticket', action: 'issue' });
      }
      return committed;
    } catch (err) {
      if (!(err instanceof IdempotentReplay)) throw err;
      const stored = await repositories(this.deps.database.db).idempotency.find(ctx.actor.id, idempotencyKey!);
      if (!stored || stored.request_hash !== requestHash || !stored.response) {
        throw conflict('registration.idempotencyMismatch');
      }
      return JSON.parse(stored.response) as RegistrationResult;
    }
  }

  private async insert(
    ctx: Ctx,
    r: Repositories,
    data: RegistrationData,
    idNormalized: string,
    birthDate: string | null,
    sex: string | null,
    reps: (RegistrationData['representatives'][number] & { normalized: string | null })[],
  ): Promise<RegistrationResult> {
    const { cipher } = this.deps;
    // Every reference the registration checks, in one read before any write (issue 9 §3).
    const idHashes = idLookupHashes(cipher, data.petitioner.idType, idNormalized);
    const refs = await r.org.registrationRefs({
      hallId: ctx.actor.hallId,
      windowId: data.windowId,
      receptionistId: data.receptionistId ?? null,
      categoryId: data.categoryId,
      localityCode: data.localityCode,
      unitIds: data.unitIds,
      idHashes: typeof idHashes === 'string' ? [idHashes] : idHashes,
    });
    const hall = refs?.hall;
    const window = refs?.window;
    if (!refs || !hall || !window || window.hall_id !== hall.id || !window.active) {
      throw new DomainError('notFound', 'registration.windowNotFound', {}, [{ path: 'windowId', code: 'registration.windowNotFound' }]);
    }
    if (data.receptionistId) {
      const rec = refs.receptionist;
      if (!rec || !rec.active || rec.window_id !== window.id || !rec.roles.includes('receptionist')) {
        throw invalid('registration.receptionistNotAtWindow', {}, 'receptionistId');
      }
    }
    if (!refs.category) throw invalid('registration.categoryNotFound', {}, 'categoryId');
    const locality = refs.locality;
    if (!locality) throw invalid('registration.divisionNotFound', {}, 'localityCode');
    if (refs.units.length !== new Set(data.unitIds).size) throw invalid('registration.unitNotFound', {}, 'unitIds');
    await checkEarlierHandlingUnits(r, data.earlierHandling);

    // The petitioner: one record per document, updated with what the visitor says today.
    const pet = data.petitioner;
    const sealedId = sealIdNumber(cipher, pet.idType, idNormalized);
    const existing = await r.petitioners.findByIdHash(idHashes);
    const now = ctx.now.toISOString();
    const name = sealName(cipher, pet.name);
    const personal = {
      name_enc: name.enc,
      name_hash: name.hash,
      // Under the current key (a rotation may be under way: this row is then done).
      ...sealedId,
      ...(pet.phone ? sealPhone(cipher, pet.phone) : {}),
      ...(pet.address ? sealAddress(cipher, pet.address) : {}),
      ethnicity: pet.ethnicity ?? existing?.ethnicity ?? null,
      workplace: pet.workplace ?? existing?.workplace ?? null,
      occupation: pet.occupation ?? existing?.occupation ?? null,
      updated_at: now,
    };
    const petitioner = existing
      ? await r.petitioners.update(existing.id, personal)
      : await r.petitioners.insert({
          ...sealPhone(cipher, null),
          ...sealAddress(cipher, null),
          ...personal,
          id_type: pet.idType,
          sex,
          birth_enc: cipher.encryptOpt(birthDate),
          created_at: now,
        });
    if (existing) {
      await audit(r, ctx, {
        entity: 'petitioner',
        entityId: existing.id,
        action: 'petitioner.update',
        before: maskedView(existing, cipher),
        after: maskedView(petitioner, cipher),
      });
    }

    // R1.5a: propose the visit kind from the records (the person's earlier matters with their units, one query).
    const earlier = existing ? await r.caseBundles.earlier({ hallId: hall.id, petitionerId: petitioner.id, limit: 200 }) : [];
    const proposal = proposeVisitKind({
      categoryId: data.categoryId,
      localityCode: data.localityCode,
      unitIds: data.unitIds,
      localityIsCounty: locality.level === 'county',
      countyUnitIds: locality.level === 'county' ? refs.localityUnits.map((u) => u.id) : [],
      earlierHandlingUnitIds: data.earlierHandling.flatMap((e) => (e.unitId ? [e.unitId] : [])),
      earlierMatters: earlier.map((m) => ({
        id: m.id,
        petitionNo: m.petition_no,
        categoryId: m.category_id,
        localityCode: m.locality_code,
        unitIds: m.unit_ids,
      })),
    });

    const year = chinaYear(ctx.now);
    const queryCode = queryCodeFromBytes(this.deps.randomBytes(8));
    // The petition number is taken in the matter's own insert, in the domain's shape (petitionNoParts).
    const matter = await r.matters.insertNumbered({
      hall_id: hall.id,
      query_code: queryCode,
      petitioner_id: petitioner.id,
      form: 'visit',
      registered_at: now,
      registered_by: ctx.actor.id,
      window_id: window.id,
      receptionist_id: data.receptionistId ?? null,
      state: 'registered',
      visit_kind: null,
      proposed_visit_kind: proposal.kind,
      purpose: data.purpose,
      category_id: data.categoryId,
      summary: data.summary,
      demands: data.demands,
      locality_code: data.localityCode,
      people_count: data.peopleCount,
      markers: JSON.stringify(data.markers),
      earlier_handling: JSON.stringify(data.earlierHandling),
      other_doc_reason: pet.otherDocReason ?? null,
      rules_acknowledged_at: now,
      security_check: data.securityCheck,
      security_note: data.securityNote ?? null,
      acceptance: null,
      decision_reason: null,
      decision_channel: null,
      decided_at: null,
      decided_by: null,
      closed_at: null,
    }, { hallId: hall.id, year, ...petitionNoParts(hall.code, year) });
    const petitionNo = matter.petition_no;
    await r.matters.insertUnits(matter.id, data.unitIds);
    await r.matters.insertRepresentatives(
      reps.map((rep) => ({
        matter_id: matter.id,
        name_enc: sealName(cipher, rep.name).enc,
        id_type: rep.normalized ? (rep.idType ?? 'resident') : null,
        id_enc: rep.normalized ? cipher.encrypt(rep.normalized) : null,
        id_masked: rep.normalized ? sealIdNumber(cipher, rep.idType ?? 'resident', rep.normalized).id_masked : null,
        ...sealPhone(cipher, rep.phone),
      })),
    );
    const facts = {
      petitionNo,
      windowId: window.id,
      receptionistId: data.receptionistId ?? null,
      categoryId: data.categoryId,
      peopleCount: data.peopleCount,
      representatives: reps.length,
      securityCheck: data.securityCheck,
      rulesAcknowledged: true,
      proposedVisitKind: proposal.kind,
    };
    await r.matters.insertEvent({
      matter_id: matter.id,
      at: now,
      actor_id: ctx.actor.id,
      action: 'register',
      from_state: null,
      to_state: 'registered',
      note: null,
      data: toJson(facts),
    });
    await audit(r, ctx, {
      entity: 'matter',
      entityId: matter.id,
      action: 'matter.register',
      after: { ...facts, petitionerId: petitioner.id, summary: data.summary },
    });

    // R2.1: the ticket for the routed window, so the visitor is one thread from the door to the case.
    const ticket = data.issueTicket
      ? await issueTicket(r, this.deps, {
          hallId: hall.id,
          now: ctx.now,
          actorId: ctx.actor.id,
          requestId: ctx.requestId,
          lang: ctx.lang,
          via: 'registration',
          serviceId: await this.serviceForWindow(r, window),
          priority: 'normal',
          idType: pet.idType,
          idNumber: idNormalized,
          petitionerId: petitioner.id,
          targetWindowId: window.id,
          matterId: matter.id,
          // Checked once below, with the matter, the window and the ticket linked.
          skipDisorderCheck: true,
        })
      : null;
    // R2.3: a person on the disorder list: the guide and the routed window are alerted (never blocked).
    const alert = await checkDisorder(r, {
      hallId: hall.id,
      idHash: idHashes,
      entries: refs.disorderEntries,
      now: ctx.now,
      actorId: ctx.actor.id,
      requestId: ctx.requestId,
      source: 'registration',
      matterId: matter.id,
      windowId: window.id,
      ticketId: ticket?.row.id ?? null,
    });
    return {
      matterId: matter.id,
      petitionNo,
      queryCode,
      windowId: window.id,
      receptionistId: data.receptionistId ?? null,
      ticket: ticket?.print ?? null,
      disorderAlert: alert !== null,
    };
  }

  /**
   * The queue service a ticket for this window is issued for: one the window calls, the department's
   * business at a department window, petition registration elsewhere (then any it calls).
   */
  private async serviceForWindow(r: Repositories, window: HallWindowRow): Promise<number> {
    const services = await r.queue.servicesOfWindow(window.id);
    const kinds = ['departmentWindow', 'petitionRegistration'];
    const preferred = window.kind === 'department' ? kinds : kinds.toReversed();
    const pick = preferred.map((k) => services.find((x) => x.kind === k)).find((x) => x !== undefined) ?? services[0];
    if (!pick) throw invalid('registration.noServiceForWindow', { window: window.number }, 'issueTicket');
    return pick.id;
  }
}

/** What the audit trail keeps of a petitioner: never plaintext personal data (the name masked too, issue 8 §3). */
export const maskedView = (
  p: { name_enc: string; id_masked: string; phone_masked: string | null; address_masked: string | null },
  cipher: PiiCipher,
) => ({
  name: maskName(openPii(cipher, p.name_enc)),
  idNumber: p.id_masked,
  phone: p.phone_masked,
  address: p.address_masked,
});
