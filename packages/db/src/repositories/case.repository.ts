/**
 * The records of a case's lifecycle (issue 3). Inserts return the row; lists are per matter in
 * the order they happened. Only this file builds these queries.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  AccountabilityEventTable,
  AccountabilityTable,
  AssignmentTable,
  CaseReviewTable,
  DB,
  DeadlineTable,
  ExtensionTable,
  HigherReviewTable,
  MatterNoteTable,
  MediationMeetingTable,
  OpinionTable,
  SatisfactionTable,
  SupervisionActTable,
  TransferTable,
} from '../schema.ts';

export class CaseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insertTransfer(v: Insertable<TransferTable>) {
    return this.db.insertInto('transfer').values(v).returningAll().executeTakeFirstOrThrow();
  }
  transfers(matterId: number) {
    return this.db.selectFrom('transfer').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertNote(v: Insertable<MatterNoteTable>) {
    return this.db.insertInto('matter_note').values(v).returningAll().executeTakeFirstOrThrow();
  }
  notes(matterId: number) {
    return this.db.selectFrom('matter_note').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }
  /** Urges per unit (R1.7: counted in the unit's record). */
  urgeCounts(unitIds?: readonly number[]) {
    let q = this.db
      .selectFrom('matter_note')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('kind', '=', 'urge')
      .where('unit_id', 'is not', null);
    if (unitIds?.length) q = q.where('unit_id', 'in', unitIds);
    return q.groupBy('unit_id').execute();
  }

  insertMeeting(v: Insertable<MediationMeetingTable>) {
    return this.db.insertInto('mediation_meeting').values(v).returningAll().executeTakeFirstOrThrow();
  }
  meetings(matterId: number) {
    return this.db.selectFrom('mediation_meeting').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }
  updateMeeting(id: number, v: Updateable<MediationMeetingTable>) {
    return this.db.updateTable('mediation_meeting').set(v).where('id', '=', id).execute();
  }

  insertDeadline(v: Insertable<DeadlineTable>) {
    return this.db.insertInto('deadline').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateDeadline(id: number, v: Updateable<DeadlineTable>) {
    return this.db.updateTable('deadline').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  deadlines(matterId: number) {
    return this.db.selectFrom('deadline').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }
  /** Closes a case's active deadlines of the given kinds in one statement (met, cancelled…). */
  closeActiveDeadlines(matterId: number, kinds: readonly string[], status: string, at: string) {
    if (kinds.length === 0) return Promise.resolve();
    return this.db
      .updateTable('deadline')
      .set({ status, updated_at: at })
      .where('matter_id', '=', matterId)
      .where('status', '=', 'active')
      .where('kind', 'in', kinds)
      .execute()
      .then(() => undefined);
  }
  getDeadline(id: number) {
    return this.db.selectFrom('deadline').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Active deadlines whose due day is before `today` (the accountability sweep). */
  activeDeadlinesDueBefore(today: string, kinds: readonly string[]) {
    return this.db
      .selectFrom('deadline')
      .selectAll()
      .where('status', '=', 'active')
      .where('due', '<', today)
      .where('kind', 'in', kinds)
      .orderBy('id')
      .execute();
  }
  activeDeadlines() {
    return this.db.selectFrom('deadline').selectAll().where('status', '=', 'active').orderBy('id').execute();
  }
  provisionalActiveDeadlines() {
    return this.db.selectFrom('deadline').selectAll().where('status', '=', 'active').where('provisional', '=', 1).execute();
  }

  insertAssignment(v: Insertable<AssignmentTable>) {
    return this.db.insertInto('assignment').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateAssignment(id: number, v: Updateable<AssignmentTable>) {
    return this.db.updateTable('assignment').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  assignments(matterId: number) {
    return this.db.selectFrom('assignment').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertExtension(v: Insertable<ExtensionTable>) {
    return this.db.insertInto('extension').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateExtension(id: number, v: Updateable<ExtensionTable>) {
    return this.db.updateTable('extension').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  extensions(matterId: number) {
    return this.db.selectFrom('extension').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertSupervision(v: Insertable<SupervisionActTable>) {
    return this.db.insertInto('supervision_act').values(v).returningAll().executeTakeFirstOrThrow();
  }
  supervisionActs(matterIds: readonly number[]) {
    if (matterIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('supervision_act').selectAll().where('matter_id', 'in', matterIds).orderBy('id').execute();
  }

  insertOpinion(v: Insertable<OpinionTable>) {
    return this.db.insertInto('opinion').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateOpinion(id: number, v: Updateable<OpinionTable>) {
    return this.db.updateTable('opinion').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
  opinions(matterId: number) {
    return this.db.selectFrom('opinion').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertReview(v: Insertable<CaseReviewTable>) {
    return this.db.insertInto('case_review').values(v).returningAll().executeTakeFirstOrThrow();
  }
  reviews(matterId: number) {
    return this.db.selectFrom('case_review').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertHigherReview(v: Insertable<HigherReviewTable>) {
    return this.db.insertInto('higher_review').values(v).returningAll().executeTakeFirstOrThrow();
  }
  updateHigherReview(id: number, v: Updateable<HigherReviewTable>) {
    return this.db.updateTable('higher_review').set(v).where('id', '=', id).execute();
  }
  higherReviews(matterId: number) {
    return this.db.selectFrom('higher_review').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertSatisfaction(v: Insertable<SatisfactionTable>) {
    return this.db.insertInto('satisfaction').values(v).execute();
  }
  satisfaction(matterId: number) {
    return this.db.selectFrom('satisfaction').selectAll().where('matter_id', '=', matterId).orderBy('id').execute();
  }

  insertAccountability(v: Insertable<AccountabilityTable>) {
    return this.db.insertInto('accountability').values(v).returningAll().executeTakeFirstOrThrow();
  }
  /** Inserts a system-detected proposal unless one with the same key exists; returns it or undefined. */
  insertAccountabilityOnce(v: Insertable<AccountabilityTable> & { source_key: string }) {
    return this.db
      .insertInto('accountability')
      .values(v)
      .onConflict((oc) => oc.column('source_key').doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  updateAccountability(id: number, version: number, v: Updateable<AccountabilityTable>) {
    return this.db
      .updateTable('accountability')
      .set({ ...v, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }
  getAccountability(id: number) {
    return this.db.selectFrom('accountability').selectAll().where('id', '=', id).executeTakeFirst();
  }
  listAccountability(f: { hallId: number; states?: readonly string[]; matterId?: number; unitId?: number }) {
    let q = this.db.selectFrom('accountability').selectAll().where('hall_id', '=', f.hallId);
    if (f.states?.length) q = q.where('state', 'in', f.states);
    if (f.matterId !== undefined) q = q.where('matter_id', '=', f.matterId);
    if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
    return q.orderBy('id', 'desc').execute();
  }
  insertAccountabilityEvent(v: Insertable<AccountabilityEventTable>) {
    return this.db.insertInto('accountability_event').values(v).execute();
  }
  accountabilityEvents(id: number) {
    return this.db
      .selectFrom('accountability_event')
      .leftJoin('staff_user', 'staff_user.id', 'accountability_event.actor_id')
      .selectAll('accountability_event')
      .select('staff_user.display_name as actor_name')
      .where('accountability_id', '=', id)
      .orderBy('accountability_event.id')
      .execute();
  }
}
