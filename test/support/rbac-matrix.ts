/**
 * RBAC matrix: who may call which staff endpoint. test/identity-rbac.e2e-spec.ts calls every row
 * as anonymous (expects 401) and as each actor below (expects 403 unless allowed), and fails
 * when a mounted non-public route has no row. ADD A ROW WITH EVERY NEW STAFF ROUTE.
 *
 * Row shape:
 *   {
 *     method: 'POST',
 *     path: '/cases/{id}/claim',       // relative to /api/v1, OpenAPI-style {params}
 *     allow: ['investigator:own'],      // actors that must NOT get 401/403
 *     setup?: async (ctx, actor) => ({ params: { id: await ctx.caseId('own') }, body?, query? }),
 *     body?: {...}, query?: {...},      // static alternatives to what setup returns
 *     expect?: [200, 409],              // optional: exact statuses an allowed actor may get
 *   }
 *
 * Actors: staff of the OWN region (the region of the record the row targets), staff of the
 * OTHER region, a national supervisor and an admin. For a row without a regional target
 * (lists, /me, admin API) "own" and "other" are simply two regional accounts.
 * - An allowed actor passes with any status but 401, 403 and 5xx (a 404 for a random id is
 *   fine), unless `expect` lists the statuses.
 * - A denied actor must get 403 (problem details) and leave an `access.denied` audit row.
 * - Region denials need a real record of the OWN region: use the `ctx` fixtures in `setup`.
 *   Without setup every `{param}` is a random UUID (`{reference}`: an unknown reference), which
 *   checks the role gate only.
 * - `setup` runs before every call (it gets the actor), so a state-changing row can build a
 *   fresh record per call; share records between calls or rows with `ctx.once(key, make)`.
 * - Rows for routes that are not mounted yet are reported and skipped, not failed.
 */
import { randomBytes, randomInt } from 'node:crypto';
import {
  Actor,
  ALL_STAFF,
  ALL_SUPERVISORS_AND_ADMIN,
  OWN_REGION,
  OWN_REGION_CASEWORKERS,
  OWN_REGION_STAFF,
  SUPERVISORS_OWN,
} from './rbac-actors';
import type { RbacContext } from './rbac-context';
import { caseOf } from './cases';
import { submitReport, validReportBody } from './reports';

export interface RbacRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RbacRow {
  method: HttpMethod;
  path: string;
  allow: readonly Actor[];
  setup?: (ctx: RbacContext, actor: Actor) => Promise<RbacRequest> | RbacRequest;
  body?: unknown;
  query?: Record<string, string>;
  expect?: readonly number[];
}

/** Routes anyone may call (citizen endpoints with their own access-code guard, ops, sign-in). */
export const PUBLIC_ROUTES: readonly string[] = [
  'POST /reports',
  'GET /reports/{reference}/status',
  'POST /reports/{reference}/evidence',
  'POST /reports/{reference}/statements',
  'GET /lookup',
  'POST /auth/login',
  // The console session routes: sign-in is public; the others are guarded by the cookie itself
  // (401 without a live one), not by @Auth(), so a bearer token does not open them either
  // (test/identity-sessions.e2e-spec.ts).
  'POST /auth/session',
  'GET /auth/session',
  'POST /auth/session/refresh',
  'DELETE /auth/session',
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
];
/** Served outside /api/v1 and public: the OpenAPI UI and document. */
export const PUBLIC_PREFIXES: readonly string[] = ['/api/docs'];

const now = () => new Date().toISOString();
const uniqueEmail = () => `rbac.${randomBytes(5).toString('hex')}@police.test`;

async function freezeOf(ctx: RbacContext): Promise<string> {
  const caseId = await ctx.caseId('own');
  const res = await ctx.as('investigator:own').post(`/cases/${caseId}/freezes`, {
    bank: 'Halyk Bank',
    account: `+7 707 ${randomInt(1_000_000, 9_999_999)}`,
    amount: '1000.00',
    frozenAt: now(),
    stage: 'domestic',
  });
  if (res.status !== 201)
    throw new Error(`freeze fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

async function reimbursementOf(ctx: RbacContext): Promise<string> {
  const { caseId, report } = await ctx.newCase('own');
  const res = await ctx.as('investigator:own').post(`/cases/${caseId}/reimbursements`, {
    reportId: report.id,
    amount: '10.00',
    source: 'bank_compensation',
    paidAt: now(),
  });
  if (res.status !== 201) {
    throw new Error(`reimbursement fixture: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return String(res.body.id);
}

/** A takedown requested on the OWN region's shared case. */
const takedownOf = async (ctx: RbacContext): Promise<string> => {
  const res = await ctx
    .as('investigator:own')
    .post(`/cases/${await ctx.caseId('own')}/takedowns`, {
      kind: 'website',
      identifier: { type: 'url', value: `https://rbac-${randomBytes(4).toString('hex')}.kz/` },
      platform: 'PS.kz',
    })
    .expect(201);
  return (res.body as { id: string }).id;
};

/** A loan write-off requested for a fresh fake_loan report of the OWN region. */
const writeoffOf = async (ctx: RbacContext): Promise<string> => {
  const report = await submitReport(
    ctx.d,
    validReportBody({
      reporter: { region: OWN_REGION },
      incident: { fraudType: 'fake_loan' },
      suspects: [{ type: 'url', value: `https://loan-${randomBytes(4).toString('hex')}.kz/` }],
      loan: {
        lender: 'МФО',
        contractNumber: 'L-1',
        amount: '1000.00',
        issuedAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
    }),
  );
  await caseOf(ctx.d, report.id);
  const res = await ctx
    .as('investigator:own')
    .post(`/reports/${report.reference}/loan-writeoffs`, {})
    .expect(201);
  return (res.body as { id: string }).id;
};

const ownCase = async (ctx: RbacContext): Promise<RbacRequest> => ({
  params: { id: await ctx.caseId('own') },
});

export const RBAC_MATRIX: RbacRow[] = [
  // identity
  { method: 'GET', path: '/me', allow: ALL_STAFF, expect: [200] },
  // An invalid body (400 from validation) after the guard: the role gate without a password
  // check, so no actor's sign-in counters move.
  {
    method: 'POST',
    path: '/me/password',
    allow: ALL_STAFF,
    expect: [400],
    body: { currentPassword: '', newPassword: 'short' },
  },
  { method: 'GET', path: '/admin/users', allow: ['admin'], expect: [200] },
  {
    method: 'POST',
    path: '/admin/users',
    allow: ['admin'],
    expect: [201],
    setup: () => ({
      body: {
        email: uniqueEmail(),
        password: 'rbac-password-123',
        fullName: 'RBAC probe',
        role: 'investigator',
        region: OWN_REGION,
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/admin/users/{id}',
    allow: ['admin'],
    expect: [200],
    setup: async (ctx) => ({
      params: {
        id: await ctx.once('patch-target', async () => ctx.staff['investigator:other'].id),
      },
      body: { fullName: 'Renamed by RBAC test' },
    }),
  },
  // national staff only: a regional supervisor is a 403 (region), audited
  { method: 'GET', path: '/admin/queues', allow: ['supervisor:national', 'admin'], expect: [200] },
  // citizen notices not delivered (docs/notices.md): admins only
  { method: 'GET', path: '/admin/notices', allow: ['admin'], expect: [200] },

  // Prefilled from the "who" column of docs/contract.md's HTTP API table; owners: adjust allow lists and fixtures.
  // cases
  { method: 'GET', path: '/cases', allow: ALL_STAFF },
  { method: 'GET', path: '/cases/{id}', allow: OWN_REGION_STAFF, setup: ownCase },
  {
    method: 'POST',
    path: '/cases/{id}/claim',
    allow: ['investigator:own'],
    setup: async (ctx) => ({ params: { id: (await ctx.newCase('own')).caseId } }),
  },
  { method: 'POST', path: '/cases/next/claim', allow: ['investigator:own', 'investigator:other'] },
  {
    method: 'POST',
    path: '/cases/{id}/assign',
    allow: SUPERVISORS_OWN,
    setup: async (ctx) => ({
      params: { id: (await ctx.newCase('own')).caseId },
      body: { assigneeId: ctx.staff['investigator:own'].id },
    }),
  },
  {
    // Admins do not work cases. Investigators move only cases they hold (claimed in setup);
    // open -> closed is a supervisor's transition (libs/cases CASE_TRANSITIONS).
    method: 'POST',
    path: '/cases/{id}/transition',
    allow: ['investigator:own', 'supervisor:own', 'supervisor:national'],
    expect: [200],
    setup: async (ctx, actor) => {
      const { caseId } = await ctx.newCase('own');
      if (!actor.startsWith('investigator')) {
        return { params: { id: caseId }, body: { to: 'closed', reason: 'duplicate' } };
      }
      await ctx.as('investigator:own').post(`/cases/${caseId}/claim`);
      return { params: { id: caseId }, body: { to: 'investigating' } };
    },
  },
  {
    method: 'POST',
    // Admins manage accounts and see the queue dashboard; they do not work cases.
    path: '/cases/{id}/notes',
    allow: OWN_REGION_CASEWORKERS,
    expect: [201],
    setup: async (ctx) => ({ ...(await ownCase(ctx)), body: { text: 'RBAC probe note' } }),
  },
  { method: 'GET', path: '/cases/{id}/timeline', allow: OWN_REGION_STAFF, setup: ownCase },
  { method: 'GET', path: '/cases/{id}/reports', allow: OWN_REGION_STAFF, setup: ownCase },
  {
    method: 'POST',
    path: '/cases/{id}/offenders',
    allow: ['investigator:own'],
    setup: async (ctx) => ({ ...(await ownCase(ctx)), body: { count: 1, detainedAt: now() } }),
  },
  {
    method: 'POST',
    path: '/cases/{id}/merge',
    allow: SUPERVISORS_OWN,
    setup: async (ctx) => ({
      params: { id: (await ctx.newCase('own')).caseId },
      body: { sourceCaseId: (await ctx.newCase('own')).caseId },
    }),
  },
  {
    method: 'GET',
    path: '/reports/{reference}',
    allow: OWN_REGION_STAFF,
    setup: async (ctx) => ({
      params: { reference: (await ctx.once('report-own', () => ctx.report('own'))).reference },
    }),
  },
  { method: 'GET', path: '/identifiers', allow: ALL_STAFF, query: { value: '+77055550000' } },
  { method: 'GET', path: '/identifiers/top', allow: ALL_STAFF },
  // Region scoping filters the list (docs/review.md, "Victim search"): every role may search.
  { method: 'GET', path: '/victims', allow: ALL_STAFF, query: { phone: '+77015550000' } },

  // funds: reads for all staff, writes for investigators and supervisors (not admins)
  { method: 'GET', path: '/freeze-requests', allow: ALL_STAFF },
  {
    method: 'POST',
    path: '/cases/{id}/freezes',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      ...(await ownCase(ctx)),
      body: {
        bank: 'Halyk Bank',
        account: 'KZ86125KZT5004100100',
        amount: '100.00',
        frozenAt: now(),
        stage: 'domestic',
      },
    }),
  },
  {
    method: 'POST',
    path: '/freezes/{id}/releases',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await ctx.once('freeze-own', () => freezeOf(ctx)) },
      body: { amount: '1.00', to: 'holder' },
    }),
  },
  {
    method: 'POST',
    path: '/cases/{id}/reimbursements',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => {
      const { caseId, report } = await ctx.once('reimburse-case', () => ctx.newCase('own'));
      return {
        params: { id: caseId },
        body: { reportId: report.id, amount: '1.00', source: 'court_order', paidAt: now() },
      };
    },
  },
  {
    method: 'POST',
    path: '/reimbursements/{id}/reverse',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await reimbursementOf(ctx) },
      body: { reason: 'RBAC probe' },
    }),
  },
  { method: 'GET', path: '/cases/{id}/funds', allow: OWN_REGION_STAFF, setup: ownCase },
  { method: 'GET', path: '/freezes', allow: ALL_STAFF },
  {
    method: 'POST',
    path: '/freezes/{id}/extend',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await freezeOf(ctx) },
      body: { sanctionRef: 'RBAC-SANCTION-1' },
    }),
  },
  {
    method: 'POST',
    path: '/freeze-requests/{id}/dismiss',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await ctx.freezeRequestId('own') },
      body: { reason: 'RBAC probe' },
    }),
  },

  // flags, takedowns, loan write-offs: case work (not admins); withdrawing a flag: supervisors
  {
    method: 'POST',
    path: '/cases/{id}/flags',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: (await ctx.newCase('own')).caseId },
      body: { flag: 'financial_pyramid' },
    }),
    expect: [201],
  },
  {
    method: 'DELETE',
    path: '/cases/{id}/flags/{flag}',
    allow: SUPERVISORS_OWN,
    setup: async (ctx) => ({
      params: { ...(await ownCase(ctx)).params, flag: 'financial_pyramid' },
    }),
    expect: [204, 404],
  },
  {
    method: 'POST',
    path: '/cases/{id}/takedowns',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      ...(await ownCase(ctx)),
      body: {
        kind: 'messenger_chat',
        identifier: { type: 'url', value: `t.me/rbac-${randomBytes(4).toString('hex')}` },
        platform: 'Telegram',
      },
    }),
    expect: [201],
  },
  {
    method: 'POST',
    path: '/takedowns/{id}/outcome',
    allow: OWN_REGION_CASEWORKERS,
    // A fresh takedown per call: the first allowed caller's outcome would close a shared one.
    setup: async (ctx) => ({
      params: { id: await takedownOf(ctx) },
      body: { outcome: 'blocked', at: now() },
    }),
    expect: [200],
  },
  { method: 'GET', path: '/takedowns', allow: ALL_STAFF },
  {
    method: 'POST',
    path: '/reports/{reference}/loan-writeoffs',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: {
        reference: (await ctx.once('case-report-own', () => ctx.newCase('own'))).report.reference,
      },
    }),
    // Not a fake_loan report: past the role and region gates, the service says 409.
    expect: [409],
  },
  {
    method: 'POST',
    path: '/loan-writeoffs/{id}/outcome',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await writeoffOf(ctx) },
      body: { outcome: 'refused', at: now() },
    }),
    expect: [200],
  },
  { method: 'GET', path: '/loan-writeoffs', allow: ALL_STAFF },
  {
    method: 'GET',
    path: '/loan-writeoffs/{id}/letter.pdf',
    allow: OWN_REGION_CASEWORKERS,
    setup: async (ctx) => ({
      params: { id: await ctx.once('writeoff-own', () => writeoffOf(ctx)) },
    }),
    expect: [200],
  },

  // stats
  {
    method: 'GET',
    path: '/stats/summary',
    allow: ['supervisor:own', 'supervisor:national', 'admin'],
    query: { from: '2024-01-01', to: '2025-01-01', region: OWN_REGION },
  },
  {
    method: 'GET',
    path: '/stats/breakdown',
    allow: ALL_SUPERVISORS_AND_ADMIN,
    query: { from: '2024-01-01', to: '2025-01-01', by: 'region' },
  },
  {
    method: 'GET',
    path: '/stats/export',
    allow: ALL_SUPERVISORS_AND_ADMIN,
    query: { from: '2024-01-01', to: '2025-01-01', format: 'csv' },
  },
  { method: 'GET', path: '/stats/queues', allow: ALL_SUPERVISORS_AND_ADMIN },
];
