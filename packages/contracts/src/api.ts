/**
 * The HTTP API, one line per route: method, path, request contract, response contract.
 * Server routes and the web client both follow this list. All JSON, under /api.
 * Errors: { error: code, message (in the request's language: Accept-Language zh-CN|en), fields?: [{path, message}] }.
 * Mutating requests may carry an `Idempotency-Key` header (registration honours it).
 *
 * GET    /api/health                          → Health
 * GET    /api/health/ready                    → Ready | 503 db.unavailable
 * GET    /api/public/environment              → Environment  (no sign-in: demo data or not)
 * POST   /api/auth/login        LoginRequest  → Me            (sets httpOnly cookie hall_session)
 * POST   /api/auth/logout                      → Ok
 * GET    /api/auth/me                          → Me
 * POST   /api/auth/password     ChangePasswordRequest → Ok
 * GET    /api/reference                        → Reference    (any signed-in user)
 *
 * GET    /api/admin/halls                      → Hall[]       (org:manage)
 * POST   /api/admin/halls       HallInput      → Hall
 * PUT    /api/admin/halls/:id   HallInput      → Hall
 * GET|POST /api/admin/windows, PUT /api/admin/windows/:id          (WindowInput → HallWindow)
 * GET|POST /api/admin/units, PUT /api/admin/units/:id              (UnitInput → Unit)
 * GET|POST /api/admin/divisions, PUT /api/admin/divisions/:code    (DivisionInput → Division)
 * GET|POST /api/admin/categories, PUT /api/admin/categories/:id    (CategoryInput → Category)
 * PUT    /api/admin/category-routes CategoryRouteInput → Ok
 * GET    /api/admin/staff                      → Staff[]
 * POST   /api/admin/staff       StaffCreate    → Staff
 * PUT    /api/admin/staff/:id   StaffUpdate    → Staff
 * GET    /api/audit?entity&entityId&limit&cursor → AuditPage { items, total, nextCursor } (audit:read; newest first)
 *
 * GET    /api/petitioners/lookup?idType&idNumber → LookupResult   (visitor:register)
 * POST   /api/petitioners/:id/reveal RevealRequest → RevealResult  (pii:reveal, audited)
 * POST   /api/registrations     RegistrationRequest → RegistrationResult (visitor:register; Idempotency-Key)
 *
 * GET    /api/matters?scope=today|open|all&windowId&q&limit&cursor → MatterPage { items, total, nextCursor }
 *        (keyset pages, newest first: limit 1–200, default 50; nextCursor goes back as cursor; null on the last page)
 * GET    /api/matters/:id                      → MatterDetail (403 auth.notYourWindow for another window)
 * PUT    /api/matters/:id/reception ReceptionUpdate → MatterDetail
 * POST   /api/matters/:id/actions/<action>  ACTION_INPUTS[action] → MatterDetail
 *        (one route per action of MATTER_ACTIONS: the workflow table decides; OpenAPI lists each)
 * GET    /api/matters/:id/notice               → Notice
 * Calendar (org:manage): GET /api/calendar/years, GET|PUT|DELETE /api/calendar/years/:year, GET /api/calendar/day/:date,
 *   GET /api/alerts — see calendar.ts
 * Work lists: GET /api/inbox, GET /api/supervision/due, GET /api/units/urges — see worklist.ts
 *
 * Accountability (R1.23–R1.25). Who sees: the director, deputies and the accountability office the whole
 * hall; a window's staff the inquiries about their window's matters; others 403.
 * GET    /api/accountability?state&matterId    → AccountabilitySummary[]
 * GET    /api/accountability/:id               → AccountabilityDetail (dossier: events, documents, allowedActions)
 * POST   /api/accountability AccountabilityProposeRequest → AccountabilityDetail
 *          (accountability:propose; trigger wrongHandling|dereliction; the matter must have an assigned unit;
 *           overdue|overdueNoExtension are opened by the scheduled sweep, HALL_SWEEP_SECONDS)
 * POST   /api/accountability/:id/actions/approve|reject|sendNotice|recordRectification|approveInvestigation|concludeInvestigation
 *          ACCOUNTABILITY_ACTION_INPUTS[action] (each with version) → AccountabilityDetail
 *          approve/reject: director or deputy; sendNotice {demands, rectifyDays|rectifyDue} issues the numbered
 *          self-inspection notice (SZ查〔2026〕1号); recordRectification {quality good|poor, note};
 *          approveInvestigation: the director only; concludeInvestigation {findings}
 * GET    /api/documents/:id                    → DocumentDetail (a numbered document for its print page; allowed
 *          to whoever may read its matter or its inquiry)
 *
 * The hall floor (issue 4, R2.1–R2.3, R4.1): the queue, the kiosk and the display board — see queue.ts; the
 * guide desk, the entry check, the disorder list and its alerts — see floor.ts. Public (no sign-in):
 * /api/public/halls/:hallCode/{kiosk,tickets,board,board/stream}.
 */
export const API_PREFIX = '/api';
export const SESSION_COOKIE = 'hall_session';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
