import type { Migration } from 'kysely';
import * as m20261129000000 from './20261129000000_initial.ts';
import * as m20261129010000 from './20261129010000_case_lifecycle.ts';
import * as m20261129020000 from './20261129020000_hall_floor.ts';
import * as m20261204000000 from './20261204000000_audit_chain.ts';
import * as m20261204010000 from './20261204010000_personal_data.ts';
import * as m20261204020000 from './20261204020000_web_security.ts';
import * as m20261205000000 from './20261205000000_case_indexes.ts';

/** Every migration, by its timestamp name. Add new ones at the end; never edit a shipped one. */
export const migrations: Record<string, Migration> = {
  '20261129000000_initial': m20261129000000,
  '20261129010000_case_lifecycle': m20261129010000,
  '20261129020000_hall_floor': m20261129020000,
  '20261204000000_audit_chain': m20261204000000,
  '20261204010000_personal_data': m20261204010000,
  '20261204020000_web_security': m20261204020000,
  '20261205000000_case_indexes': m20261205000000,
};
