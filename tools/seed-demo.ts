/**
 * `npm run seed:demo`: a national demo year (SEED_REPORTS reports, default 20,000) created
 * through the domain services, as the API and worker would: intake, triage, claims and
 * transitions, offenders, freezes from P1 freeze requests, releases and reimbursements.
 *
 * The services stamp "now"; to spread the year, each new report (and its case, transactions
 * and timeline) is then moved to its intended moment with a plain UPDATE of the timestamps.
 * Amounts and every ledger row come from the services; money dates are passed to them.
 * DATABASE_URL must point at a migrated database (`npm start` or `npm run migration:run`).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { FRAUD_TYPES, REGIONS } from '@app/common';
import type { FraudType, Region } from '@app/common';
import { loadConfig } from '@app/config';
import { runMigrations } from '@app/database';
import type { StaffPrincipal } from '@app/identity';
import type { CreateReportDto } from '@app/reports';
import { TriageService, CaseWorkflowServiceRef, CaseRecordsServiceRef } from './seed-demo.refs';
import {
  FreezeRequestsService,
  FreezesServiceRef,
  ReimbursementsServiceRef,
  ReleasesServiceRef,
  ReportIntakeServiceRef,
  UsersServiceRef,
} from './seed-demo.refs';
import { createApiApp } from '../apps/api/src/bootstrap/create-api-app';
import { resolveDatabase } from './embedded-postgres';

const REPORTS = Number(process.env.SEED_REPORTS ?? 20_000);
const CONCURRENCY = Number(process.env.SEED_CONCURRENCY ?? 6);
const DAY = 86_400_000;
const YEAR_START = Date.now() - 365 * DAY;
const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? 'demo-password-2026';

const pick = <T>(values: readonly T[]): T => values[randomInt(values.length)];
/** Weighted towards the front of the list: big cities and common frauds dominate. */
const skewed = <T>(values: readonly T[]): T =>
  values[Math.floor(Math.random() ** 2 * values.length)];
const chance = (p: number) => Math.random() < p;
const phone = () => `+7 70${randomInt(0, 8)} ${randomInt(100, 999)} ${randomInt(1000, 9999)}`;
const money = (kzt: number) => `${kzt}.00`;
const past = (at: number) => new Date(Math.min(at, Date.now() - 60_000)).toISOString();

async function main(): Promise<void> {
  // Without DATABASE_URL, seed the embedded PostgreSQL of `npm start` (started if needed).
  const db0 = await resolveDatabase((m) => console.log(m));
  process.env.DATABASE_URL = db0.url;
  const config = loadConfig();
  await runMigrations(config.databaseUrl, (m) => console.log(m));
  const app = await createApiApp(config);
  await app.init();
  const get = <T>(ref: abstract new (...args: never[]) => T): T => app.get(ref, { strict: false });
  const db = app.get(DataSource);
  const intake = get(ReportIntakeServiceRef);
  const triage = get(TriageService);
  const workflow = get(CaseWorkflowServiceRef);
  const records = get(CaseRecordsServiceRef);
  const requests = get(FreezeRequestsService);
  const freezes = get(FreezesServiceRef);
  const releases = get(ReleasesServiceRef);
  const reimbursements = get(ReimbursementsServiceRef);
  const users = get(UsersServiceRef);

  // Staff: one investigator per region and a national supervisor (kept across re-runs).
  const [adminRow] = (await db.query(
    `SELECT id, email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`,
  )) as Array<{ id: string; email: string }>;
  const actor: StaffPrincipal = adminRow
    ? { id: adminRow.id, email: adminRow.email, role: 'admin', region: null }
    : { id: randomUUID(), email: 'seed@demo.local', role: 'admin', region: null };
  const investigators = new Map<Region, StaffPrincipal>();
  for (const region of REGIONS) {
    const email = `investigator.${region}@demo.police.kz`;
    const [found] = (await db.query('SELECT id FROM users WHERE email = $1', [email])) as Array<{
      id: string;
    }>;
    const id =
      found?.id ??
      (
        await users.create(
          {
            email,
            password: DEMO_PASSWORD,
            fullName: `Investigator ${region}`,
            role: 'investigator',
            region,
          },
          { actor, route: 'seed-demo', ip: null },
        )
      ).id;
    investigators.set(region, { id, email, role: 'investigator', region });
  }
  const supervisorEmail = 'supervisor.national@demo.police.kz';
  const [sup] = (await db.query('SELECT id FROM users WHERE email = $1', [
    supervisorEmail,
  ])) as Array<{
    id: string;
  }>;
  if (!sup) {
    await users.create(
      {
        email: supervisorEmail,
        password: DEMO_PASSWORD,
        fullName: 'National Supervisor',
        role: 'supervisor',
        region: null,
      },
      { actor, route: 'seed-demo', ip: null },
    );
  }

  const rings: string[] = [];
  const seenCases = new Set<string>();
  const bar = new SingleBar(
    {
      format:
        'seed-demo [{bar}] {percentage}% | {value}/{total} reports | {cases} cases | {eta_formatted} left',
    },
    Presets.shades_classic,
  );
  bar.start(REPORTS, 0, { cases: 0 });

  async function one(): Promise<void> {
    const at = YEAR_START + Math.random() * 364 * DAY;
    const region = skewed(REGIONS);
    const fraudType: FraudType = skewed(FRAUD_TYPES);
    // A third of the reports name a phone already reported: rings, i.e. multi-report cases.
    const suspect = rings.length > 50 && chance(0.33) ? pick(rings) : phone();
    if (rings.length < 5000) rings.push(suspect);
    const amounts = Array.from({ length: 1 + (chance(0.3) ? 1 : 0) }, () =>
      Math.round(5_000 + Math.random() ** 3 * 2_000_000),
    );
    const hoursAgo = chance(0.35) ? randomInt(1, 60) : randomInt(80, 400);
    const dto = {
      reporter: {
        fullName: 'Demo Citizen',
        phone: phone(),
        region,
        language: pick(['ru', 'kk'] as const),
        ageGroup: chance(0.15) ? 'senior' : 'adult',
      },
      incident: {
        fraudType,
        channel: pick([
          'phone_call',
          'messenger',
          'social_media',
          'website',
          'marketplace',
        ] as const),
        occurredAt: new Date(Date.now() - (hoursAgo + 2) * 3600_000).toISOString(),
        description: 'Demo report: money was transferred to a fraudster who then disappeared.',
      },
      transactions: amounts.map((kzt) => ({
        paidAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
        amount: money(kzt),
        method: 'mobile_transfer',
        fromBank: 'Kaspi Bank',
        toBank: pick(['Halyk Bank', 'Freedom Bank', 'Jusan Bank', 'Kaspi Bank']),
        toAccount: phone(),
      })),
      suspects: [{ type: 'phone', value: suspect }],
      consent: true,
    } as unknown as CreateReportDto;
    const { reference } = (await intake.submit(dto, null)).body;
    const [report] = (await db.query('SELECT id FROM reports WHERE reference = $1', [
      reference,
    ])) as Array<{
      id: string;
    }>;
    await triage.triage(report.id);
    const [row] = (await db.query(
      'SELECT r.case_id, r.loss_tiyn::text AS loss, c.region FROM reports r JOIN cases c ON c.id = r.case_id WHERE r.id = $1',
      [report.id],
    )) as Array<{ case_id: string; loss: string; region: Region }>;
    const shift = `${Math.round((Date.now() - at) / 1000)} seconds`;
    await db.query(
      `UPDATE reports SET submitted_at = submitted_at - $2::interval, occurred_at = occurred_at - $2::interval
        WHERE id = $1`,
      [report.id, shift],
    );
    await db.query(
      `UPDATE report_transactions SET paid_at = paid_at - $2::interval WHERE report_id = $1`,
      [report.id, shift],
    );
    // Triage copied the payment time into the freeze requests; a freeze is bounded by it.
    await db.query(
      `UPDATE freeze_requests SET paid_at = paid_at - $2::interval WHERE report_id = $1`,
      [report.id, shift],
    );
    if (seenCases.has(row.case_id)) return;
    seenCases.add(row.case_id);
    await db.query(
      'UPDATE cases SET created_at = created_at - $2::interval, sla_due_at = sla_due_at - $2::interval WHERE id = $1',
      [row.case_id, shift],
    );
    await db.query('UPDATE case_events SET at = at - $2::interval WHERE case_id = $1', [
      row.case_id,
      shift,
    ]);
    const inv = investigators.get(row.region)!;
    const loss = Number(BigInt(row.loss) / 100n);

    // Money first (a solved case takes no more records), dated after the report.
    const { items } = await requests.list({ caseId: row.case_id }, inv);
    for (const request of items) {
      if (chance(0.6)) {
        const amount = Math.max(
          1,
          Math.round(Number(request.amount.split('.')[0]) * (0.3 + Math.random() * 0.7)),
        );
        const freeze = await freezes.create(
          row.case_id,
          {
            amount: money(amount),
            frozenAt: past(at + randomInt(1, 48) * 3600_000),
            stage: chance(0.25) ? 'withdrawal_abroad' : 'domestic',
            freezeRequestId: request.id,
          },
          inv,
        );
        if (chance(0.3)) {
          await releases.release(
            freeze.id,
            { amount: money(Math.max(1, Math.floor(amount / 4))), to: 'holder' },
            inv,
          );
        }
      } else if (chance(0.5)) {
        await requests.dismiss(request.id, 'The account was already empty', inv);
      }
    }
    if (chance(0.12)) {
      await reimbursements.create(
        row.case_id,
        {
          reportId: report.id,
          amount: money(Math.max(1, Math.floor(loss / 3))),
          source: pick([
            'bank_compensation',
            'offender_voluntary',
            'court_order',
            'frozen_funds',
          ] as const),
          paidAt: past(at + randomInt(5, 60) * DAY),
        },
        inv,
      );
    }
    if (!chance(0.75)) return;
    await workflow.claim(inv, row.case_id);
    if (!chance(0.6)) return;
    await workflow.transition(inv, row.case_id, { to: 'investigating' });
    if (chance(0.15)) {
      await records.recordOffenders(inv, row.case_id, {
        count: 1 + randomInt(3),
        detainedAt: past(at + randomInt(3, 90) * DAY),
      });
    }
    if (chance(0.55)) await workflow.transition(inv, row.case_id, { to: 'solved' });
    // Claims and transitions happened "now": move them into the case's own time line.
    await db.query(
      `UPDATE case_events SET at = $2 WHERE case_id = $1 AND type IN ('case.claimed', 'case.transitioned')
          AND at > now() - interval '1 hour'`,
      [row.case_id, past(at + randomInt(1, 30) * DAY)],
    );
  }

  let done = 0;
  const worker = async (): Promise<void> => {
    while (done < REPORTS) {
      done += 1;
      await one();
      bar.update(done, { cases: seenCases.size });
    }
  };
  // The demo back-dates each case's history: the append-only trigger on case_events is lifted
  // for the seed only (a fresh demo database, nothing else writing history meanwhile).
  await db.query('ALTER TABLE case_events DISABLE TRIGGER tg_case_events_append_only');
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await db.query('ALTER TABLE case_events ENABLE TRIGGER tg_case_events_append_only');
  }
  bar.stop();
  console.log(
    `seeded ${REPORTS} reports in ${seenCases.size} cases; staff password for ` +
      `investigator.<region>@demo.police.kz and ${supervisorEmail}: ${DEMO_PASSWORD}`,
  );
  await app.close();
  await db0.stop();
}

main().catch((err: unknown) => {
  console.error(`seed-demo failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
