/** Numbered documents: one document for its print page. Thin: contract, auth, one service call. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DocumentDetail, ErrorBody, IdParam } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { DocumentService } from './document.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function documentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const documents = new DocumentService(deps);
  r.get(
    '/api/documents/:id',
    { schema: { tags: ['documents'], params: IdParam, response: { 200: DocumentDetail, ...errors } }, preValidation: requireAuth() },
    async (req) => documents.get(ctxOf(req, deps), req.params.id),
  );
}
