import type { Kysely } from 'kysely';
import { AccountabilityRepository } from './repositories/accountability.repository.ts';
import { AuditRepository } from './repositories/audit.repository.ts';
import { BoardRepository } from './repositories/board.repository.ts';
import { CalendarRepository } from './repositories/calendar.repository.ts';
import { CaseRepository } from './repositories/case.repository.ts';
import { CaseBundleRepository } from './repositories/case-bundle.repository.ts';
import { DocumentRepository } from './repositories/document.repository.ts';
import { FloorRepository } from './repositories/floor.repository.ts';
import { IdempotencyRepository } from './repositories/idempotency.repository.ts';
import { MatterRepository } from './repositories/matter.repository.ts';
import { OrgRepository } from './repositories/org.repository.ts';
import { PetitionerRepository } from './repositories/petitioner.repository.ts';
import { PersonalDataRepository } from './repositories/personal-data.repository.ts';
import { QueueRepository } from './repositories/queue.repository.ts';
import { RateLimitRepository, SettingRepository } from './repositories/rate-limit.repository.ts';
import { SequenceRepository } from './repositories/sequence.repository.ts';
import { StaffRepository } from './repositories/staff.repository.ts';
import { WorklistRepository } from './repositories/worklist.repository.ts';
import type { DB } from './schema.ts';

/** All repositories over one executor: the database, or a transaction so that audit rows commit with the change. */
export function repositories(db: Kysely<DB>) {
  return {
    org: new OrgRepository(db),
    staff: new StaffRepository(db),
    petitioners: new PetitionerRepository(db),
    personalData: new PersonalDataRepository(db),
    matters: new MatterRepository(db),
    audit: new AuditRepository(db),
    idempotency: new IdempotencyRepository(db),
    cases: new CaseRepository(db),
    caseBundles: new CaseBundleRepository(db),
    documents: new DocumentRepository(db),
    calendar: new CalendarRepository(db),
    worklist: new WorklistRepository(db),
    accountability: new AccountabilityRepository(db),
    board: new BoardRepository(db),
    queue: new QueueRepository(db),
    floor: new FloorRepository(db),
    sequences: new SequenceRepository(db),
    rateLimits: new RateLimitRepository(db),
    settings: new SettingRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositories>;
