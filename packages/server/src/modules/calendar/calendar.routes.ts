/** The working-day calendar and the administrator alerts (R1.19): see contracts/calendar.ts for the list. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertList,
  CalendarDateParam,
  CalendarDay,
  CalendarSaveResult,
  CalendarYear,
  CalendarYearDetail,
  CalendarYearInput,
  CalendarYearParam,
  ErrorBody,
} from '@hall/contracts';
import { Permission } from '@hall/domain';
import type { Deps } from '../../context.ts';
import { ctxOf, requireAuth } from '../../plugins/auth.ts';
import { CalendarService } from './calendar.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const calendar = new CalendarService(deps);
  const admin = { preValidation: requireAuth(Permission.orgManage) };
  const tags = ['calendar'];

  r.get(
    '/api/calendar/years',
    { ...admin, schema: { tags, response: { 200: z.array(CalendarYear), ...errors } } },
    (req) => calendar.listYears(ctxOf(req, deps)),
  );
  r.get(
    '/api/calendar/years/:year',
    { ...admin, schema: { tags, params: CalendarYearParam, response: { 200: CalendarYearDetail, ...errors } } },
    (req) => calendar.yearDetail(ctxOf(req, deps), req.params.year),
  );
  r.put(
    '/api/calendar/years/:year',
    {
      ...admin,
      schema: {
        tags,
        params: CalendarYearParam,
        body: CalendarYearInput,
        response: { 200: CalendarSaveResult, ...errors },
      },
    },
    (req) => calendar.saveYear(ctxOf(req, deps), req.params.year, req.body),
  );
  r.delete(
    '/api/calendar/years/:year',
    { ...admin, schema: { tags, params: CalendarYearParam, response: { 200: CalendarSaveResult, ...errors } } },
    (req) => calendar.deleteYear(ctxOf(req, deps), req.params.year),
  );
  r.get(
    '/api/calendar/day/:date',
    {
      preValidation: requireAuth(),
      schema: { tags, params: CalendarDateParam, response: { 200: CalendarDay, ...errors } },
    },
    (req) => calendar.day(ctxOf(req, deps), req.params.date),
  );
  // The administrator and the leadership (checked in the service: roles, not one permission).
  r.get(
    '/api/alerts',
    { preValidation: requireAuth(), schema: { tags: ['alerts'], response: { 200: AlertList, ...errors } } },
    (req) => calendar.alerts(ctxOf(req, deps)),
  );
}
