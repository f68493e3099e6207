/**
 * The Fastify app: plugins (cookies, OpenAPI, errors, sessions), the modules' routes, and the built
 * web app with a single-page fallback. One port serves both.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '@hall/db';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { accountabilityRoutes } from './modules/accountability/accountability.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { floorRoutes } from './modules/floor/floor.routes.ts';
import { boardRoutes } from './modules/queue/board.routes.ts';
import { queueRoutes } from './modules/queue/queue.routes.ts';
import { caseRoutes } from './modules/cases/case.routes.ts';
import { documentRoutes } from './modules/documents/document.routes.ts';
import { receptionRoutes } from './modules/reception/reception.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { worklistRoutes } from './modules/worklist/worklist.routes.ts';
import { createFloorBus } from './floor-bus.ts';
import { registerAuth } from './plugins/auth.ts';
import { frameworkErrorHandler, registerErrorHandler } from './plugins/errors.ts';
import { registerSecurity } from './plugins/security.ts';
import { PiiCipher } from './pii.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  key: Buffer;
  /** Earlier personal-data keys, read until `npm run keys:rotate` has moved every row to `key`. */
  previousKeys?: readonly Buffer[];
  clock?: () => Date;
}

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(opts: AppOptions): Promise<{ app: FastifyInstance; deps: Deps }> {
  const bus = createFloorBus(opts.database, (err) => console.warn(`floor bus: ${err.message}`));
  await bus.ready();
  const deps: Deps = {
    bus,
    config: opts.config,
    database: opts.database,
    cipher: new PiiCipher(opts.key, opts.previousKeys ?? []),
    clock: opts.clock ?? (() => new Date()),
    randomBytes: (n) => randomBytes(n),
  };
  const app = Fastify({
    logger:
      opts.config.logLevel === 'silent'
        ? false
        : {
            level: opts.config.logLevel,
            // No personal data in logs: bodies are never logged, and these headers are dropped.
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            // Query strings carry personal data (a look-up's ID number, a name searched for): logged without them.
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
                method: req.method,
                url: req.url.split('?')[0],
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
          },
    genReqId: () => randomBytes(8).toString('hex'),
    bodyLimit: 1024 * 1024,
    // A bad URL or a too long parameter, answered before any route: translated like every other error.
    frameworkErrors: frameworkErrorHandler,
    // Behind a reverse proxy (HALL_TRUST_PROXY): the client's address and protocol from X-Forwarded-*.
    trustProxy: opts.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First: headers on every response, no-store on /api, and the Origin check before any other hook.
  await registerSecurity(app, opts.config);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { info: { title: 'Hall API', version: '0.1.0', description: '联合接访大厅 API' } },
    transform: jsonSchemaTransform,
  });
  const webDist = opts.config.webDist ?? defaultWebDist;
  const serveWeb = fs.existsSync(path.join(webDist, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true });
  registerErrorHandler(app, { spaFallback: serveWeb });
  app.addHook('onClose', () => bus.close());
  registerAuth(app, deps);

  systemRoutes(app, deps);
  authRoutes(app, deps);
  adminRoutes(app, deps);
  auditRoutes(app, deps);
  receptionRoutes(app, deps);
  caseRoutes(app, deps);
  documentRoutes(app, deps);
  accountabilityRoutes(app, deps);
  calendarRoutes(app, deps);
  worklistRoutes(app, deps);
  queueRoutes(app, deps);
  boardRoutes(app, deps);
  floorRoutes(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return { app, deps };
}
