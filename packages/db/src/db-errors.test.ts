/** Which driver errors mean "the database is unavailable" (503) and which may be retried (issue 8 §1). */
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRetryableTransactionError } from './database.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    '57P01', // admin_shutdown (pg_terminate_backend)
    '57P02', // crash_shutdown
    '57P03', // cannot_connect_now
    '53300', // too_many_connections
    '08000',
    '08003',
    '08006', // connection exceptions
    '08P01',
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_IOERR',
    'SQLITE_IOERR_WRITE',
    'SQLITE_CANTOPEN',
  ])('%s → unavailable', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'timeout expired',
    'Client has encountered a connection error and is not queryable',
  ])('pg message without a code: %s → unavailable', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it('looks through a cause and an AggregateError (several addresses refused)', () => {
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'x'))).toBe(
      true,
    );
  });

  it.each(['23505', '23503', '22P02', '42P01', '40001', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR'])(
    '%s → a different error',
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    },
  );

  it('plain errors and non-errors are not database faults', () => {
    expect(isDatabaseUnavailable(new Error('Invalid time value'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('the connection to the kiosk was lost'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('57P01')).toBe(false);
  });
});

describe('isRetryableTransactionError', () => {
  it.each(['40001', '40P01', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED'])('%s → retried', (code) => {
    expect(isRetryableTransactionError(withCode(code))).toBe(true);
  });
  it.each(['57P01', '23505', 'SQLITE_FULL', 'SQLITE_READONLY'])('%s → not retried', (code) => {
    expect(isRetryableTransactionError(withCode(code))).toBe(false);
  });
});
