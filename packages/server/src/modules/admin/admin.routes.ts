import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditPage,
  AuditQuery,
  Category,
  CategoryInput,
  CategoryRouteInput,
  Division,
  DivisionInput,
  ErrorBody,
  Hall,
  HallInput,
  HallWindow,
  IdParam,
  Ok,
  Reference,
  Staff,
  StaffCreate,
  StaffUpdate,
  Unit,
  UnitInput,
  WindowInput,
} from '@hall/contracts';
import { Permission } from '@hall/domain';
import { fromJson, repositories } from '@hall/db';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { OrgService } from './org.service.ts';
import { decodeIdCursor, idPageOf } from '../../paging.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function adminRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const org = new OrgService(deps);
  const admin = { preValidation: requireAuth(Permission.orgManage) };
  const tags = ['admin'];

  r.get('/api/reference', { schema: { tags: ['reference'], response: { 200: Reference } }, preValidation: requireAuth() }, async (req) =>
    org.reference(ctxOf(req, deps)),
  );

  r.get('/api/admin/halls', { ...admin, schema: { tags, response: { 200: z.array(Hall) } } }, () => org.listHalls());
  r.post('/api/admin/halls', { ...admin, schema: { tags, body: HallInput, response: { 200: Hall, ...errors } } }, (req) =>
    org.createHall(ctxOf(req, deps), req.body),
  );
  r.put('/api/admin/halls/:id', { ...admin, schema: { tags, params: IdParam, body: HallInput, response: { 200: Hall, ...errors } } }, (req) =>
    org.updateHall(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get('/api/admin/windows', { ...admin, schema: { tags, response: { 200: z.array(HallWindow) } } }, () => org.listWindows());
  r.post('/api/admin/windows', { ...admin, schema: { tags, body: WindowInput, response: { 200: HallWindow, ...errors } } }, (req) =>
    org.createWindow(ctxOf(req, deps), req.body),
  );
  r.put(
    '/api/admin/windows/:id',
    { ...admin, schema: { tags, params: IdParam, body: WindowInput, response: { 200: HallWindow, ...errors } } },
    (req) => org.updateWindow(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get('/api/admin/units', { ...admin, schema: { tags, response: { 200: z.array(Unit) } } }, () => org.listUnits());
  r.post('/api/admin/units', { ...admin, schema: { tags, body: UnitInput, response: { 200: Unit, ...errors } } }, (req) =>
    org.createUnit(ctxOf(req, deps), req.body),
  );
  r.put('/api/admin/units/:id', { ...admin, schema: { tags, params: IdParam, body: UnitInput, response: { 200: Unit, ...errors } } }, (req) =>
    org.updateUnit(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get('/api/admin/divisions', { ...admin, schema: { tags, response: { 200: z.array(Division) } } }, () => org.listDivisions());
  r.post('/api/admin/divisions', { ...admin, schema: { tags, body: DivisionInput, response: { 200: Division, ...errors } } }, (req) =>
    org.createDivision(ctxOf(req, deps), req.body),
  );
  r.put(
    '/api/admin/divisions/:code',
    {
      ...admin,
      schema: { tags, params: z.object({ code: z.string().regex(/^\d{6}$/) }), body: DivisionInput, response: { 200: Division, ...errors } },
    },
    (req) => org.updateDivision(ctxOf(req, deps), req.params.code, req.body),
  );

  r.get('/api/admin/categories', { ...admin, schema: { tags, response: { 200: z.array(Category) } } }, (req) =>
    org.listCategories(ctxOf(req, deps)),
  );
  r.post('/api/admin/categories', { ...admin, schema: { tags, body: CategoryInput, response: { 200: Category, ...errors } } }, (req) =>
    org.createCategory(ctxOf(req, deps), req.body),
  );
  r.put(
    '/api/admin/categories/:id',
    { ...admin, schema: { tags, params: IdParam, body: CategoryInput, response: { 200: Category, ...errors } } },
    (req) => org.updateCategory(ctxOf(req, deps), req.params.id, req.body),
  );
  r.put('/api/admin/category-routes', { ...admin, schema: { tags, body: CategoryRouteInput, response: { 200: Ok, ...errors } } }, (req) =>
    org.setCategoryRoute(ctxOf(req, deps), req.body),
  );

  r.get('/api/admin/staff', { ...admin, schema: { tags, response: { 200: z.array(Staff) } } }, () => org.listStaff());
  r.post('/api/admin/staff', { ...admin, schema: { tags, body: StaffCreate, response: { 200: Staff, ...errors } } }, (req) =>
    org.createStaff(ctxOf(req, deps), req.body),
  );
  r.put('/api/admin/staff/:id', { ...admin, schema: { tags, params: IdParam, body: StaffUpdate, response: { 200: Staff, ...errors } } }, (req) =>
    org.updateStaff(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get(
    '/api/audit',
    { preValidation: requireAuth(Permission.auditRead), schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage, ...errors } } },
    async (req): Promise<AuditPage> => {
      // A page of the trail and its total (issue 9 §2: never cut silently at the limit).
      const { cursor, limit, ...filter } = req.query;
      const beforeId = cursor !== undefined ? decodeIdCursor(cursor) : undefined;
      const r = repositories(deps.database.db);
      const [rows, total] = await Promise.all([r.audit.list({ ...filter, beforeId, limit: limit + 1 }), r.audit.count(filter)]);
      const page = idPageOf(rows, limit);
      const items = page.rows.map((a) => ({
        id: a.id,
        at: a.at,
        actorId: a.actor_id,
        actorName: a.actor_name,
        requestId: a.request_id,
        entity: a.entity,
        entityId: a.entity_id,
        action: a.action,
        before: fromJson(a.before_data, null),
        after: fromJson(a.after_data, null),
        seq: a.seq,
        hallId: a.hall_id,
        hash: a.hash,
      }));
      return { items, total, nextCursor: page.nextCursor };
    },
  );
}
