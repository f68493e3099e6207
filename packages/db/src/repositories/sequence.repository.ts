import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export interface SequenceRows {
  petition: { hall_id: number; year: number; last_value: number }[];
  document: { hall_id: number; kind: string; year: number; last_value: number }[];
  queue: { service_id: number; day: string; last_value: number }[];
}

/**
 * Every number sequence (petition numbers, official document numbers, queue tickets) as a whole:
 * for a restore (issue 8 §6), which must move each of them past every number issued before it.
 */
export class SequenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async all(): Promise<SequenceRows> {
    const [petition, document, queue] = await Promise.all([
      this.db
        .selectFrom('petition_sequence')
        .select(['hall_id', 'year', 'last_value'])
        .orderBy('hall_id')
        .orderBy('year')
        .execute(),
      this.db
        .selectFrom('document_sequence')
        .select(['hall_id', 'kind', 'year', 'last_value'])
        .orderBy('hall_id')
        .orderBy('kind')
        .orderBy('year')
        .execute(),
      this.db
        .selectFrom('queue_sequence')
        .select(['service_id', 'day', 'last_value'])
        .orderBy('service_id')
        .orderBy('day')
        .execute(),
    ]);
    return { petition, document, queue };
  }

  async hallIds(): Promise<number[]> {
    return (await this.db.selectFrom('hall').select('id').orderBy('id').execute()).map((h) => h.id);
  }

  async serviceIds(): Promise<number[]> {
    return (await this.db.selectFrom('queue_service').select('id').orderBy('id').execute()).map((s) => s.id);
  }

  async setPetition(hallId: number, year: number, lastValue: number) {
    await this.db
      .insertInto('petition_sequence')
      .values({ hall_id: hallId, year, last_value: lastValue })
      .onConflict((oc) => oc.columns(['hall_id', 'year']).doUpdateSet({ last_value: lastValue }))
      .execute();
  }

  async setDocument(hallId: number, kind: string, year: number, lastValue: number) {
    await this.db
      .insertInto('document_sequence')
      .values({ hall_id: hallId, kind, year, last_value: lastValue })
      .onConflict((oc) => oc.columns(['hall_id', 'kind', 'year']).doUpdateSet({ last_value: lastValue }))
      .execute();
  }

  async setQueue(serviceId: number, day: string, lastValue: number) {
    await this.db
      .insertInto('queue_sequence')
      .values({ service_id: serviceId, day, last_value: lastValue })
      .onConflict((oc) => oc.columns(['service_id', 'day']).doUpdateSet({ last_value: lastValue }))
      .execute();
  }
}
