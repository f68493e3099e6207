/**
 * The display board's routes (issue 4, capability 4): public by hall code, no sign-in (a TV in the
 * hall; it shows numbers and windows only). See contracts/queue.ts for the list.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BoardSnapshot, ErrorBody, HallCodeParam } from '@hall/contracts';
import type { Deps } from '../../context.ts';
import { BoardHub, BoardService } from './board.service.ts';

const errors = { 400: ErrorBody, 404: ErrorBody };

export function boardRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const board = new BoardService(deps);
  const hub = new BoardHub(deps, board, app.log.child({ module: 'board' }));
  // preClose: before the server waits for open connections, which a stream never ends by itself.
  app.addHook('preClose', async () => hub.close());
  const tags = ['board'];

  r.get(
    '/api/public/halls/:hallCode/board',
    { schema: { tags, params: HallCodeParam, response: { 200: BoardSnapshot, ...errors } } },
    (req) => board.snapshotByCode(req.params.hallCode),
  );

  r.get(
    '/api/public/halls/:hallCode/board/stream',
    {
      schema: {
        tags,
        description:
          'text/event-stream: `snapshot` (BoardSnapshot) at connect and after every change, `call` (BoardCall) per call or recall, a comment every 15 s',
        params: HallCodeParam,
        response: errors,
      },
    },
    async (req, reply) => {
      // An unknown hall is an ordinary 404 (JSON, translated) before the stream starts.
      const hall = await board.hall(req.params.hallCode);
      reply.hijack();
      reply.raw.writeHead(200, {
        // The security headers set so far (plugins/security.ts) go out on the stream too.
        ...(reply.getHeaders() as Record<string, string | string[] | number>),
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // nginx and similar proxies would otherwise buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      // The browser's EventSource reconnects by itself, after this delay.
      reply.raw.write('retry: 2000\n\n');
      hub.attach(hall, reply.raw);
    },
  );
}
