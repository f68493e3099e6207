/**
 * Web security (issue 8 §4), registered before every other hook and route:
 * - security headers on every response (@fastify/helmet): a Content-Security-Policy without inline
 *   script, frame-ancestors 'none', nosniff, Referrer-Policy, and HSTS when served over HTTPS;
 * - `Cache-Control: no-store` on every /api answer (the board's SSE stream, written by itself, keeps
 *   `no-cache`);
 * - an Origin check: a state-changing request whose Origin (or, lacking it, Referer) is not the app's
 *   own is refused with 403 auth.badOrigin before anything else runs. Requests with neither header
 *   (curl, scripts, server to server, the tests' inject) carry no browser's ambient credentials of a
 *   foreign page and are let through; the session cookie is SameSite=Strict besides.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@hall/domain';
import type { Config } from '../config.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One year; no includeSubDomains: other services of the same government domain are not ours to pin. */
const HSTS = 'max-age=31536000';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // antd (CSS-in-JS) writes <style> elements and style attributes at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Helmet's default would upgrade every request to https, which breaks a hall served over plain HTTP
  // on its LAN; HSTS does the job where HTTPS is configured.
  upgradeInsecureRequests: null,
};

/** The origin (scheme://host[:port], lower case) a header names, or null when it names none or is not a URL. */
function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from the app's own pages. Own = the configured public
 * origins (HALL_PUBLIC_ORIGIN, exact), or the same host and port as the request's Host header (over
 * https only when the deployment is HTTPS, HALL_SECURE_COOKIE=true).
 */
export function sameOrigin(req: FastifyRequest, config: Config): boolean {
  const originHeader = req.headers.origin;
  const refererHeader = req.headers.referer;
  if (originHeader === undefined && refererHeader === undefined) return true;
  // `Origin: null` (sandboxed frames, privacy redirects) is a header that names no origin of ours.
  const origin = originHeader !== undefined ? originOf(originHeader) : originOf(refererHeader);
  if (!origin) return false;
  if (config.publicOrigins.includes(origin)) return true;
  const host = req.headers.host?.toLowerCase();
  if (!host) return false;
  const u = new URL(origin);
  if (config.secureCookie && u.protocol !== 'https:') return false;
  return u.host === host;
}

export async function registerSecurity(app: FastifyInstance, config: Config) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Same-origin requests keep their Referer (and a real Origin on POST, which the check below reads);
    // nothing leaves for other sites. ('no-referrer' would make browsers send `Origin: null`.)
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Sent below, only over HTTPS.
    strictTransportSecurity: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    // Over HTTPS: declared by the operator (HALL_SECURE_COOKIE), or TLS seen by Fastify — which, with
    // HALL_TRUST_PROXY=true, includes a trusted proxy's X-Forwarded-Proto.
    if (config.secureCookie || req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (STATE_CHANGING.has(req.method) && !sameOrigin(req, config)) {
      req.log.warn(
        { origin: req.headers.origin, referer: req.headers.referer ? '(set)' : undefined },
        'foreign origin refused',
      );
      throw new DomainError('forbidden', 'auth.badOrigin');
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // Answers may carry personal data: no browser or proxy keeps them.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
