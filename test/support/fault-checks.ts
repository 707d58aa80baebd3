/**
 * The promises the fault suites hold the service to (DESIGN "What must never happen"),
 * checked with SQL against the database and against GET /stats/summary, plus a small HTTP
 * client for the spawned API (plain fetch: the API is another process here).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Money } from '@app/common';
import { NET_REIMBURSED_SQL } from './funds';
import { uniqueIban } from './cases';
import { ReportBody, validReportBody } from './reports';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** One HTTP call to the spawned API; throws on a network error (refused, reset, timeout). */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new Error(`incomplete or non-JSON answer (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

/** POST /reports; the reference when the API acknowledged it with 202, else the answer. */
export async function fileReport(
  baseUrl: string,
  body: ReportBody,
  idempotencyKey?: string,
): Promise<HttpAnswer> {
  return call(baseUrl, 'POST', '/reports', {
    body,
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });
}

/** Runs `task` over `items` with at most `width` at a time, in order of the items. */
export async function inParallel<T, R>(
  items: T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

/** A query against the deployment's database on a connection of its own. */
export async function query<T = Record<string, unknown>>(
  dbUrl: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Waits until every acknowledged reference is linked to a case; fails naming the rest. */
export async function waitUntilTriaged(
  dbUrl: string,
  references: string[],
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = references.length;
  while (Date.now() < deadline) {
    const [row] = await query<{ n: number }>(
      dbUrl,
      `SELECT count(*)::int AS n FROM unnest($1::text[]) AS r(reference)
        WHERE NOT EXISTS (SELECT 1 FROM reports p
                           WHERE p.reference = r.reference AND p.case_id IS NOT NULL)`,
      [references],
    );
    waiting = row.n;
    if (waiting === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${waiting} of ${references.length} reports untriaged\n${describe()}`);
}

/**
 * A bearer token of a new staff member created through the admin API by the bootstrap admin:
 * a national supervisor unless told otherwise.
 */
export async function staffToken(
  baseUrl: string,
  env: Record<string, string>,
  role: 'supervisor' | 'investigator' = 'supervisor',
  region: string | null = null,
): Promise<string> {
  const login = async (email: string, password: string): Promise<string> => {
    const res = await call(baseUrl, 'POST', '/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const admin = await login(env.BOOTSTRAP_ADMIN_EMAIL, env.BOOTSTRAP_ADMIN_PASSWORD);
  const email = `${role}.${randomBytes(4).toString('hex')}@police.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const res = await call(baseUrl, 'POST', '/admin/users', {
    headers: { authorization: `Bearer ${admin}` },
    body: { email, password, fullName: `Fault ${role}`, role, region },
  });
  if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(res.body)}`);
  return login(email, password);
}

/** A national supervisor's token: the caller of /stats/summary in brokenPromises. */
export const supervisorToken = (baseUrl: string, env: Record<string, string>) =>
  staffToken(baseUrl, env);

/**
 * Every promise of DESIGN's "never" list, from the raw rows:
 * - each acknowledged reference exists once and is linked to exactly one live case (its
 *   `case_id`, the reports lib's link; the case exists and was not merged away);
 * - no case is left without reports, and no identifier points at a merged case;
 * - every report has its outbox row (committed with it) and no unrelayed row is left;
 * - released ≤ frozen and released = the sum of its releases, per freeze; net reimbursed ≤
 *   loss, per report;
 * - GET /stats/summary (default period: the last 30 days, today included) equals the rows.
 * Returns the list of broken promises: empty when all hold.
 */
export async function brokenPromises(
  dbUrl: string,
  baseUrl: string,
  token: string,
  acknowledged: string[],
): Promise<string[]> {
  const broken: string[] = [];
  const [links] = await query<{ missing: string[]; unlinked: string[]; dead: string[] }>(
    dbUrl,
    `SELECT
       coalesce(array_agg(r.reference) FILTER (WHERE p.id IS NULL), '{}') AS missing,
       coalesce(array_agg(r.reference) FILTER (WHERE p.id IS NOT NULL AND p.case_id IS NULL), '{}')
         AS unlinked,
       coalesce(array_agg(r.reference) FILTER (
         WHERE p.case_id IS NOT NULL AND (c.id IS NULL OR c.merged_into_id IS NOT NULL)), '{}')
         AS dead
       FROM unnest($1::text[]) AS r(reference)
       LEFT JOIN reports p ON p.reference = r.reference
       LEFT JOIN cases c ON c.id = p.case_id`,
    [acknowledged],
  );
  if (links.missing.length) broken.push(`acknowledged but missing: ${links.missing.join(', ')}`);
  if (links.unlinked.length) broken.push(`not in a case: ${links.unlinked.join(', ')}`);
  if (links.dead.length) broken.push(`in a missing or merged case: ${links.dead.join(', ')}`);

  const rows = await query<{ problem: string; id: string }>(
    dbUrl,
    `SELECT 'duplicate reference' AS problem, reference AS id FROM reports
       GROUP BY reference HAVING count(*) > 1
     UNION ALL
     SELECT 'case without reports', c.id::text FROM cases c
      WHERE c.merged_into_id IS NULL AND NOT EXISTS (SELECT 1 FROM reports p WHERE p.case_id = c.id)
     UNION ALL
     SELECT 'identifier of a merged case', ci.value FROM case_identifiers ci
       JOIN cases c ON c.id = ci.case_id WHERE c.merged_into_id IS NOT NULL
     UNION ALL
     SELECT 'report without outbox row', p.reference FROM reports p
      WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.aggregate_id = p.id::text)
     UNION ALL
     SELECT 'outbox row never relayed', o.id::text FROM outbox o WHERE o.relayed_at IS NULL
     UNION ALL
     SELECT 'freeze released beyond its amount', f.id::text FROM freezes f
      WHERE f.released_tiyn > f.amount_tiyn OR f.released_tiyn <> (
        SELECT coalesce(sum(l.amount_tiyn), 0) FROM freeze_releases l WHERE l.freeze_id = f.id)
     UNION ALL
     SELECT 'reimbursed beyond the loss', p.reference FROM reports p
      WHERE ${NET_REIMBURSED_SQL} > p.loss_tiyn`,
  );
  for (const row of rows) broken.push(`${row.problem}: ${row.id}`);

  const [raw] = await query<Record<string, string>>(
    dbUrl,
    `SELECT (SELECT count(*) FROM reports)::text AS "reportsReceived",
            (SELECT coalesce(sum(loss_tiyn), 0) FROM reports)::text AS "damageReported",
            (SELECT count(*) FROM cases WHERE merged_into_id IS NULL)::text AS "casesOpened",
            (SELECT coalesce(sum(amount_tiyn), 0) FROM freezes)::text AS "frozenTotal",
            (SELECT coalesce(sum(amount_tiyn), 0) FROM freezes
              WHERE stage = 'withdrawal_abroad')::text AS "frozenAbroadTotal",
            (SELECT coalesce(sum(${NET_REIMBURSED_SQL}), 0) FROM reports p)::text
              AS "reimbursedTotal"`,
  );
  const summary = await call(baseUrl, 'GET', '/stats/summary', {
    headers: { authorization: `Bearer ${token}` },
  });
  if (summary.status !== 200) {
    broken.push(`/stats/summary answered ${summary.status}`);
    return broken;
  }
  const current = summary.body.current as Record<string, unknown>;
  const expected: Record<string, unknown> = {
    reportsReceived: Number(raw.reportsReceived),
    damageReported: Money.format(BigInt(raw.damageReported)),
    casesOpened: Number(raw.casesOpened),
    frozenTotal: Money.format(BigInt(raw.frozenTotal)),
    frozenAbroadTotal: Money.format(BigInt(raw.frozenAbroadTotal)),
    reimbursedTotal: Money.format(BigInt(raw.reimbursedTotal)),
  };
  for (const [figure, value] of Object.entries(expected)) {
    if (current[figure] !== value) {
      broken.push(`/stats/summary ${figure} = ${String(current[figure])}, rows say ${value}`);
    }
  }
  return broken;
}

/** A report naming the ring's phone, with a loss of 1,000.50 paid five days ago (P3). */
export function ringBody(ringPhone: string) {
  return validReportBody({
    transactions: [
      {
        paidAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        amount: '1000.50',
        method: 'bank_transfer',
        toAccount: uniqueIban(),
      },
    ],
    suspects: [{ type: 'phone', value: ringPhone }],
  });
}

/** Files `count` reports over `rings` rings; the references the API acknowledged with 202. */
export async function fileRings(
  baseUrl: string,
  rings: string[],
  count: number,
): Promise<string[]> {
  const answers = await inParallel(
    Array.from({ length: count }, (_, i) => rings[i % rings.length]),
    8,
    (ring) => fileReport(baseUrl, ringBody(ring)),
  );
  for (const a of answers) expect(a.status).toBe(202);
  return answers.map((a) => a.body.reference as string);
}

/** Cases per ring phone: one each, or a report sits in a second case. */
export async function casesPerRing(dbUrl: string, rings: string[]): Promise<number[]> {
  const rows = await query<{ n: number }>(
    dbUrl,
    `SELECT count(DISTINCT p.case_id)::int AS n
       FROM unnest($1::text[]) WITH ORDINALITY AS r(phone, i)
       JOIN report_identifiers ri ON ri.type = 'phone' AND ri.value = r.phone
       JOIN reports p ON p.id = ri.report_id
      GROUP BY r.i ORDER BY r.i`,
    [rings.map(e164)],
  );
  return rows.map((r) => r.n);
}

/** A KZ phone as report_identifiers stores it (E.164). */
export const e164 = (phone: string): string => `+7${phone.replace(/\D/g, '').slice(-10)}`;
