/**
 * Errors with stable codes. The server maps `kind` to an HTTP status and translates `code`
 * (see messages.ts) into the request's language; `params` fill the message's placeholders.
 */
export const ErrorKind = {
  invalid: 'invalid',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'notFound',
  conflict: 'conflict',
  locked: 'locked',
  /** Too many requests from one address in a short time (the public kiosk). */
  tooMany: 'tooMany',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    /** Field paths the error is about, for forms. */
    readonly fields: { path: string; code: string; params?: Record<string, string | number> }[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, params?: Record<string, string | number>, field?: string) =>
  new DomainError('invalid', code, params, field ? [{ path: field, code, params }] : []);
export const forbidden = (code = 'auth.forbidden', params?: Record<string, string | number>) =>
  new DomainError('forbidden', code, params);
export const notFound = (code: string, params?: Record<string, string | number>) =>
  new DomainError('notFound', code, params);
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new DomainError('conflict', code, params);
