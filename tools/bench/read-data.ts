/**
 * The rows the read scenarios need on top of bench-data.ts (run inside its `beforeRollups`,
 * triggers off): one suspect identifier per report, about 0.7 reports per distinct value, each
 * value owned by the case of its first report, and one pyramid case of `bigCase` reports, each
 * naming the ring's phone and an IBAN of its own, with a timeline of a `report.linked` entry per
 * report plus reprioritisations. Reports are found by their generated reference (`FR-2025-NNNNNNNN`), so each
 * batch is an index range, not a scan of the table.
 */
import { Client } from 'pg';

export interface ReadDataSize {
  reports: number;
  bigCase: number;
}

/** The pyramid case and one identifier value that exists, for the scenarios to ask for. */
export interface ReadDataHandles {
  bigCaseId: string;
  ringPhone: string;
  distinctPhones: number;
}

export const RING_PHONE = '+77009990000';

/** A phone of the generated set: `+7705` and seven digits below `distinct`. */
export const benchPhone = (n: number): string => `+7705${String(n).padStart(7, '0')}`;

export async function addReadData(
  client: Client,
  size: ReadDataSize,
  log: (step: string, done: number, total: number) => void,
): Promise<ReadDataHandles> {
  const distinctPhones = Math.max(1, Math.floor(size.reports * 0.7));
  const batch = 250_000;
  for (let start = 1; start <= size.reports; start += batch) {
    const end = Math.min(size.reports, start + batch - 1);
    await client.query(
      `INSERT INTO report_identifiers (report_id, type, value, display, source)
       SELECT r.id, 'phone', '+7705' || lpad(((g::bigint * 104729) % $3)::text, 7, '0'),
              '+7 705 *** ** ' || lpad(((g::bigint * 104729) % 100)::text, 2, '0'), 'suspect'
         FROM generate_series($1::int, $2::int) g
         JOIN reports r ON r.reference = 'FR-2025-' || lpad(g::text, 8, '0')`,
      [start, end, distinctPhones],
    );
    log('identifiers', end, size.reports);
  }
  // The owner of each value: the case of its earliest report (what triage would have kept).
  await client.query(`
    INSERT INTO case_identifiers (type, value, case_id)
    SELECT DISTINCT ON (ri.type, ri.value) ri.type, ri.value, r.case_id
      FROM report_identifiers ri JOIN reports r ON r.id = ri.report_id
     ORDER BY ri.type, ri.value, r.submitted_at, r.id`);
  log('case identifiers', 1, 1);

  const [{ id: bigCaseId }] = (
    await client.query<{ id: string }>(
      `INSERT INTO cases (id, number, region, fraud_type, status, priority, sla_due_at,
                          first_claimed_at, created_at)
       VALUES (md5('bench-pyramid')::uuid, 'CY-2025-9999999', 'almaty_city', 'investment_scam',
               'investigating', 'P2', now() - interval '300 days',
               now() - interval '299 days', now() - interval '300 days')
       RETURNING id`,
    )
  ).rows;
  await client.query(
    `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                          reporter_phone_enc, reporter_phone_bidx, region, fraud_type, channel,
                          occurred_at, description, loss_tiyn, case_id, priority, triaged_at)
     SELECT 'FR-2024-' || lpad(g::text, 7, '0'), 'x', s.at, 'Bench Pyramid Victim', 'x',
            md5('pyramid' || g), 'almaty_city', 'investment_scam', 'messenger',
            s.at - interval '3 days', 'generated for the benchmark: a financial pyramid',
            (1 + g % 5000)::bigint * 10000, $1, 'P2', s.at
       FROM generate_series(1, $2::int) g
      CROSS JOIN LATERAL (SELECT now() - interval '300 days'
                                 + (g::float8 / $2) * interval '299 days' AS at) s`,
    [bigCaseId, size.bigCase],
  );
  log('pyramid reports', size.bigCase, size.bigCase);
  await client.query(
    `INSERT INTO report_identifiers (report_id, type, value, display, source)
     SELECT r.id, 'phone', $2, '+7 700 *** ** 00', 'suspect'
       FROM reports r WHERE r.case_id = $1
     UNION ALL
     SELECT r.id, 'iban', 'KZ00BENCH' || substr(r.reference, 9), 'KZ00BENCH' || substr(r.reference, 9),
            'transaction'
       FROM reports r WHERE r.case_id = $1`,
    [bigCaseId, RING_PHONE],
  );
  await client.query(
    `INSERT INTO case_identifiers (type, value, case_id)
     SELECT DISTINCT ri.type, ri.value, $1::uuid
       FROM report_identifiers ri JOIN reports r ON r.id = ri.report_id WHERE r.case_id = $1
     ON CONFLICT DO NOTHING`,
    [bigCaseId],
  );
  await client.query(
    `INSERT INTO case_events (case_id, at, actor_kind, type, public, data)
     SELECT $1, r.submitted_at + interval '1 minute', 'system', 'report.linked', true,
            jsonb_build_object('reportId', r.id, 'reference', r.reference)
       FROM reports r WHERE r.case_id = $1
     UNION ALL
     SELECT $1, now() - interval '300 days' + g * interval '1 day', 'system', 'case.reprioritised',
            false, jsonb_build_object('from', 'P3', 'to', 'P2', 'reportCount', g)
       FROM generate_series(1, 299) g`,
    [bigCaseId],
  );
  log('pyramid identifiers and timeline', 1, 1);
  return { bigCaseId, ringPhone: RING_PHONE, distinctPhones };
}
