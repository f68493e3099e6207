/**
 * The one error handler (HOUSE rule 9): stable codes → HTTP statuses, messages in the request's
 * language, field messages for forms. 5xx says only "internal" and is logged with the request.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind, fieldLabel, type Lang, pickLang, translate } from '@hall/domain';
import { isDatabaseUnavailable, isRetryableTransactionError } from '@hall/db';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  locked: 423,
  tooMany: 429,
};

export const langOf = (req: FastifyRequest): Lang => pickLang(req.headers['accept-language']);

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function issueCode(i: ZodIssueLike): { code: string; params: Record<string, string | number> } {
  const p = i.params;
  switch (i.keyword) {
    case 'invalid_type':
      return { code: /received undefined/.test(i.message ?? '') ? 'validation.required' : 'validation.invalidType', params: {} };
    case 'too_small':
      if (p.origin === 'string' && Number(p.minimum) === 1) return { code: 'validation.required', params: {} };
      return p.origin === 'string'
        ? { code: 'validation.tooShort', params: { min: Number(p.minimum) } }
        : { code: 'validation.tooSmall', params: { min: Number(p.minimum) } };
    case 'too_big':
      return p.origin === 'string' || p.origin === 'array'
        ? { code: 'validation.tooLong', params: { max: Number(p.maximum) } }
        : { code: 'validation.tooBig', params: { max: Number(p.maximum) } };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'validation.invalidOption', params: {} };
    case 'invalid_format':
      // The one date schema (contracts' IsoDate, IsoDateTime): an impossible day says so.
      if (p.format === 'date') return { code: 'validation.invalidDate', params: {} };
      if (p.format === 'datetime') return { code: 'validation.invalidDateTime', params: {} };
      return { code: 'validation.invalidFormat', params: {} };
    case 'unrecognized_keys':
      return { code: 'validation.unknownField', params: {} };
    default:
      // Custom refinements carry a message code of the catalog and its params (validation.badCharacter: {char}).
      return {
        code: i.message && i.message.includes('.') ? i.message : 'validation.invalidFormat',
        params: (p.params ?? {}) as Record<string, string | number>,
      };
  }
}

export function validationBody(issues: ZodIssueLike[], lang: Lang) {
  const fields = issues.map((i) => {
    const path = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const { code, params } = issueCode(i);
    const sep = lang === 'en' ? ': ' : '：';
    return { path, message: `${fieldLabel(path, lang)}${sep}${translate(code, lang, params)}` };
  });
  return {
    error: 'validation',
    message: translate('validation', lang, { details: fields.map((f) => f.message).join(lang === 'en' ? '; ' : '；') }),
    fields,
  };
}

export function domainErrorBody(err: DomainError, lang: Lang) {
  return {
    error: err.code,
    message: translate(err.code, lang, err.params),
    ...(err.fields.length
      ? {
          fields: err.fields.map((f) => ({
            path: f.path,
            message: translate(f.code, lang, f.params ?? err.params),
          })),
        }
      : {}),
  };
}

/** Seconds a client (or a load balancer) should wait before trying again after 503 db.unavailable. */
export const DB_RETRY_AFTER_SECONDS = 5;

export const dbUnavailableBody = (lang: Lang) => ({ error: 'db.unavailable', message: translate('db.unavailable', lang) });

/** Fastify's own request errors (issue 8 §5): what each is, never the raw English text nor the request echoed. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.badJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.emptyBody',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.tooLarge',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupportedType',
  FST_ERR_BAD_URL: 'request.badUrl',
  FST_ERR_MAX_PARAM_LENGTH: 'request.badUrl',
};

export function fastifyErrorBody(err: FastifyError, lang: Lang) {
  const code = FASTIFY_CODES[err.code] ?? 'request.invalid';
  return { error: code, message: translate(code, lang) };
}

/**
 * Fastify's `frameworkErrors` option: a bad URL (`%zz`) or a too long parameter is answered before
 * any route, so before the error handler; the same body, translated.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return reply.status(err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400).send(fastifyErrorBody(err, langOf(req)));
}

export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }) {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(req);
    if (err instanceof DomainError) {
      // 429: say when to come back (the limiter puts the seconds left in the window into params.seconds).
      if (err.kind === 'tooMany' && err.params.seconds !== undefined) {
        reply.header('retry-after', String(err.params.seconds));
      }
      return reply.status(STATUS[err.kind]).send(domainErrorBody(err, lang));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send(validationBody(err.validation as unknown as ZodIssueLike[], lang));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own 4xx (bad JSON, `__proto__` keys, body too large…): a stable code, in the user's language.
      return reply.status(err.statusCode).send(fastifyErrorBody(err, lang));
    }
    if (isDatabaseUnavailable(err) || isRetryableTransactionError(err)) {
      // Lost or unobtainable connection, SQLite busy/full/read-only, or a serialization failure / deadlock
      // that outlived transact()'s retries: the transaction rolled back; the client may try again later.
      req.log.warn({ err }, 'database unavailable');
      return reply.status(503).header('retry-after', String(DB_RETRY_AFTER_SECONDS)).send(dbUnavailableBody(lang));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: translate('internal', lang) });
  });

  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/matters/12, /admin/staff…) get the web app's page; /api paths stay 404.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: 'notFound.route', message: translate('notFound.route', langOf(req)) });
  });
}
