/**
 * The bench data set, generated in SQL (generate_series) straight into a migrated database:
 * cases first, then reports spread over them, then timeline, offenders and ledger rows. The
 * rollup triggers are off during the load (session_replication_role = replica, which also
 * skips FK checks) and the rollups are rebuilt once at the end with `stats_rebuild()`, the
 * same function that repairs them after a time-zone change (and `case_rollups_rebuild()`).
 */
import { Client } from 'pg';
import { FRAUD_TYPES, REGIONS, sqlStringList } from '@app/common';

export interface BenchSize {
  reports: number;
  cases: number;
  /** Days back from today over which records are spread. */
  days: number;
}

const regionsArray = `ARRAY[${sqlStringList(REGIONS)}]::text[]`;
const typesArray = `ARRAY[${sqlStringList(FRAUD_TYPES)}]::text[]`;

export async function generate(
  client: Client,
  size: BenchSize,
  log: (step: string, done: number, total: number) => void,
  /** More rows of a scenario's own, loaded like these (triggers off) before the rollups. */
  beforeRollups?: () => Promise<void>,
): Promise<void> {
  await client.query('SET session_replication_role = replica');
  await client.query(`
    INSERT INTO users (email, password_hash, full_name, role, region)
    SELECT 'bench.inv' || g || '@police.test', 'x', 'Bench Investigator ' || g, 'investigator',
           (${regionsArray})[1 + g % ${REGIONS.length}]
      FROM generate_series(1, 60) g`);

  const caseBatch = 100_000;
  for (let start = 1; start <= size.cases; start += caseBatch) {
    const end = Math.min(size.cases, start + caseBatch - 1);
    // Skewed regions and types: a few big cities and common frauds dominate, as in life.
    await client.query(
      `INSERT INTO cases (id, number, region, fraud_type, status, priority, assignee_id,
                          first_claimed_at, sla_due_at, solved_at, close_reason, created_at)
       SELECT md5('case' || g)::uuid, 'CY-2025-' || lpad(g::text, 7, '0'),
              (${regionsArray})[1 + floor(power(random(), 2) * ${REGIONS.length})::int],
              (${typesArray})[1 + floor(power(random(), 1.5) * ${FRAUD_TYPES.length})::int],
              s.status, 'P' || (1 + g % 4), NULL,
              CASE WHEN s.status <> 'open' THEN c.at + interval '3 hours' END,
              c.at + interval '1 day',
              CASE WHEN s.status = 'solved' THEN c.at + interval '20 days' END,
              CASE WHEN s.status = 'closed' THEN 'other' END,
              c.at
         FROM generate_series($1::int, $2::int) g
        -- "+ g * 0" ties the subquery to the row: uncorrelated, it would run once per batch.
        CROSS JOIN LATERAL (SELECT now() - (random() + g * 0) * make_interval(days => $3) AS at) c
        CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 3 THEN 'solved'
                                        WHEN g % 10 < 5 THEN 'closed'
                                        WHEN g % 10 < 7 THEN 'investigating'
                                        ELSE 'open' END AS status) s`,
      [start, end, size.days],
    );
    log('cases', end, size.cases);
  }

  const reportBatch = 100_000;
  for (let start = 1; start <= size.reports; start += reportBatch) {
    const end = Math.min(size.reports, start + reportBatch - 1);
    await client.query(
      `INSERT INTO reports (reference, access_code_hash, submitted_at, reporter_full_name,
                            reporter_phone_enc, reporter_phone_bidx, region, fraud_type, channel,
                            occurred_at, description, loss_tiyn, case_id, priority, triaged_at)
       SELECT 'FR-2025-' || lpad(g::text, 8, '0'), 'x', s.at, 'Bench Reporter',
              'x', md5('phone' || g),
              CASE WHEN g % 10 = 0 THEN (${regionsArray})[1 + g % ${REGIONS.length}] ELSE k.region END,
              k.fraud_type, 'messenger', s.at - interval '1 day', 'generated for the benchmark',
              (1 + floor(random() * 500000)::bigint) * 100, k.id, k.priority, s.at
         FROM generate_series($1::int, $2::int) g
         JOIN cases k ON k.id = md5('case' || (1 + (g::bigint * 7919) % $3))::uuid
        CROSS JOIN LATERAL (SELECT least(now(), k.created_at + (random() + g * 0) * interval '10 days') AS at) s`,
      [start, end, size.cases],
    );
    log('reports', end, size.reports);
  }

  await client.query(`
    INSERT INTO case_events (case_id, at, actor_kind, type, public, data)
    SELECT id, solved_at, 'system', 'case.transitioned', true,
           jsonb_build_object('from', 'investigating', 'to', 'solved')
      FROM cases WHERE status = 'solved'`);
  log('timeline', 1, 1);
  await client.query(`
    INSERT INTO offender_records (case_id, count, detained_at, created_by)
    SELECT c.id, 1 + (hashtext(c.id::text) & 3), c.created_at + interval '15 days',
           (SELECT id FROM users LIMIT 1)
      FROM cases c WHERE hashtext(c.id::text) % 20 = 0`);
  log('offenders', 1, 1);
  await client.query(`
    INSERT INTO freezes (case_id, report_id, bank, account_masked, amount_tiyn, released_tiyn,
                         frozen_at, stage, expires_at, created_by)
    SELECT p.case_id, p.id, 'Bench Bank', '****0000', p.loss_tiyn / 2, 0,
           p.submitted_at + interval '2 hours',
           CASE WHEN hashtext(p.id::text) % 3 = 0 THEN 'withdrawal_abroad' ELSE 'domestic' END,
           p.submitted_at + interval '7 days', (SELECT id FROM users LIMIT 1)
      FROM reports p WHERE hashtext(p.id::text) % 10 = 0`);
  log('freezes', 1, 1);
  await client.query(`
    INSERT INTO reimbursements (case_id, report_id, amount_tiyn, source, paid_at, created_by)
    SELECT p.case_id, p.id, greatest(1, p.loss_tiyn / 3), 'bank_compensation',
           least(now(), p.submitted_at + interval '20 days'), (SELECT id FROM users LIMIT 1)
      FROM reports p WHERE hashtext(p.id::text) % 12 = 1`);
  log('reimbursements', 1, 1);
  if (beforeRollups) await beforeRollups();
  await client.query('SET session_replication_role = origin');
  await client.query('SELECT stats_rebuild()');
  // The per-case rollups (migration CaseRollups) are trigger-kept too: recount them once.
  await client.query('SELECT case_rollups_rebuild()');
  log('rollups', 1, 1);
  await client.query('VACUUM ANALYZE');
  log('vacuum', 1, 1);
}
