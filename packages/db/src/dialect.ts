/**
 * What differs between SQLite and PostgreSQL in the repositories' SQL, in one place (house rule 5):
 * which database a Kysely instance speaks to, and the JSON aggregation helpers of each (correlated
 * arrays and objects of a subquery's rows). SQLite hands the JSON over as text, PostgreSQL parsed:
 * `jsonValue` reads either.
 */
import { type Kysely, PostgresAdapter } from 'kysely';
import { jsonArrayFrom as pgArray, jsonObjectFrom as pgObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArray, jsonObjectFrom as sqliteObject } from 'kysely/helpers/sqlite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgresDb = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A correlated JSON array of a subquery's rows, in its order, on the database's dialect (the same signature on both). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jsonArrayOf = (db: Kysely<any>): typeof pgArray => (isPostgresDb(db) ? pgArray : (sqliteArray as typeof pgArray));

/** A correlated JSON object of a subquery's first row, on the database's dialect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const jsonObjectOf = (db: Kysely<any>): typeof pgObject => (isPostgresDb(db) ? pgObject : (sqliteObject as typeof pgObject));

/** A JSON value as the driver handed it over: text (SQLite, and nested arrays there) or parsed (PostgreSQL). */
export const jsonValue = <T>(v: T | string | null | undefined): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : (v ?? null));
