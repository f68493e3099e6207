/**
 * Frozen: web security (issue 8, section 4). Fixed-window counters that every app instance shares
 * (sign-in per address and per username, the public kiosk per address), and a small key/value table
 * for facts about the installation (whether demo data was loaded).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('bucket', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('window_start', 'varchar(30)', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_expires_idx').on('rate_limit').column('expires_at').execute();

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'varchar(50)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // An installation seeded with the demo before this migration is a demo installation: keep its banner.
  const demoHall = await db
    .selectFrom('hall')
    .select('id')
    .where('code', '=', 'SZ')
    .where('name', '=', '苏州市联合接访大厅')
    .executeTakeFirst();
  if (demoHall) {
    await db
      .insertInto('app_setting')
      .values({ key: 'demo', value: 'true', updated_at: new Date().toISOString() })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_setting').execute();
  await db.schema.dropTable('rate_limit').execute();
}
