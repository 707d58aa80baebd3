/**
 * A scripted national year that yields exactly the figures a national unit reports (DESIGN
 * "Who uses it"): 2,500 cases solved, 962,000,000.00 reimbursed, 914 offenders detained,
 * 400,000,000.00 frozen at the stage of withdrawal abroad, 43 financial pyramids, 266 chats
 * closed — through the domain services, as the API and worker would do it. `npm run seed:demo`
 * runs it; test/stats-national-year.e2e-spec.ts checks the figures it yields.
 *
 * The services stamp "now"; to spread the year over its months, each new report (its case,
 * transactions and timeline) is moved to its own moment with a plain UPDATE right after
 * triage, and every later date given to a service (payments, freezes, detentions, outcomes) is
 * after that moment and before now. Flags and write-off requests are stamped now.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FRAUD_TYPES, REGIONS } from '@app/common';
import type { FraudType, Region } from '@app/common';
import type { StaffPrincipal } from '@app/identity';
import type { CreateReportDto } from '@app/reports';
import { CaseFlagsService } from '@app/cases';
import { LoanWriteoffsService } from '@app/loans';
import { TakedownsService } from '@app/takedowns';
import {
  CaseRecordsServiceRef,
  CaseWorkflowServiceRef,
  FreezesServiceRef,
  ReimbursementsServiceRef,
  ReportIntakeServiceRef,
  TriageService,
  UsersServiceRef,
} from './seed-demo.refs';

/** The national report the year reproduces (figures of GET /stats/summary). */
export const NATIONAL_YEAR = {
  casesSolved: 2500,
  reimbursedTotal: '962000000.00',
  offendersDetained: 914,
  frozenAbroadTotal: '400000000.00',
  pyramidsDetected: 43,
  chatsClosed: 266,
  linksBlocked: 120,
  numbersBlocked: 75,
  loansWrittenOffCount: 25,
  loansWrittenOffTotal: '8750000.00',
} as const;

const CASES = NATIONAL_YEAR.casesSolved;
/** Per solved case: 962,000,000.00 / 2,500. */
const REIMBURSED_PER_CASE = '384800.00';
/** 1,000 freezes abroad of 400,000.00; 500 domestic ones of 100,000.00 besides. */
const ABROAD_FREEZES = 1000;
const ABROAD_AMOUNT = '400000.00';
const DOMESTIC_FREEZES = 500;
/** 457 detentions of two people. */
const DETENTIONS = 457;
const DAY = 86_400_000;

export interface NationalYearOptions {
  /** Password of the demo staff it creates (investigator.<region>@demo.police.kz, …). */
  password: string;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Runs the year in the app's database; returns the instant it started from (1 January). */
export async function runNationalYear(
  app: INestApplicationContext,
  options: NationalYearOptions,
): Promise<{ yearStart: Date }> {
  const get = <T>(ref: abstract new (...args: never[]) => T): T => app.get(ref, { strict: false });
  const db = app.get(DataSource);
  const intake = get(ReportIntakeServiceRef);
  const triage = get(TriageService);
  const workflow = get(CaseWorkflowServiceRef);
  const records = get(CaseRecordsServiceRef);
  const freezes = get(FreezesServiceRef);
  const reimbursements = get(ReimbursementsServiceRef);
  const flags = get(CaseFlagsService);
  const takedowns = get(TakedownsService);
  const loans = get(LoanWriteoffsService);
  const investigators = await demoStaff(db, get(UsersServiceRef), options.password);

  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  // 1 January in Almaty (UTC+5): 31 December 19:00 UTC.
  const yearStart = new Date(Date.UTC(year - 1, 11, 31, 19, 0, 0));
  const span = Math.max(60_000, now - yearStart.getTime() - 2 * 3600_000);
  const before = (at: number) => new Date(Math.min(at, now - 60_000)).toISOString();

  // The case's history is moved back in time: the append-only trigger of case_events is
  // lifted for the seed only (nothing else writes history meanwhile).
  await db.query('ALTER TABLE case_events DISABLE TRIGGER tg_case_events_append_only');
  let next = 0;
  let done = 0;
  const one = async (i: number): Promise<void> => {
    const at = yearStart.getTime() + 60_000 + Math.floor((span * i) / CASES);
    const region: Region = REGIONS[i % REGIONS.length];
    const loan = i < NATIONAL_YEAR.loansWrittenOffCount;
    const fraudType: FraudType = loan ? 'fake_loan' : FRAUD_TYPES[i % FRAUD_TYPES.length];
    const dto = {
      reporter: {
        fullName: 'Demo Citizen',
        phone: `+7 701 ${String(1_000_000 + i).slice(-7)}`,
        region,
        language: i % 2 ? 'kk' : 'ru',
      },
      incident: {
        fraudType,
        channel: 'messenger',
        occurredAt: new Date(now - 12 * DAY).toISOString(),
        description: 'Scripted national year: money was sent to a fraudster who disappeared.',
      },
      transactions: [
        {
          paidAt: new Date(now - 11 * DAY).toISOString(),
          amount: '500000.00',
          method: 'mobile_transfer',
          fromBank: 'Kaspi Bank',
          toBank: 'Halyk Bank',
        },
      ],
      ...(loan
        ? {
            loan: {
              lender: 'МФО «Жылдам Ақша»',
              contractNumber: `ZA-${year}-${String(i).padStart(5, '0')}`,
              amount: '350000.00',
              issuedAt: new Date(now - 13 * DAY).toISOString(),
            },
          }
        : {}),
      suspects: [{ type: 'phone', value: `+7 702 ${String(2_000_000 + i).slice(-7)}` }],
      consent: true,
    } as unknown as CreateReportDto;
    const { reference } = (await intake.submit(dto, null)).body;
    const [report] = (await db.query('SELECT id FROM reports WHERE reference = $1', [
      reference,
    ])) as Array<{ id: string }>;
    await triage.triage(report.id);
    const [{ case_id: caseId }] = (await db.query('SELECT case_id FROM reports WHERE id = $1', [
      report.id,
    ])) as Array<{ case_id: string }>;
    const shift = `${Math.max(0, Math.round((now - at) / 1000))} seconds`;
    await db.query(
      `UPDATE reports SET submitted_at = submitted_at - $2::interval,
              occurred_at = occurred_at - $2::interval WHERE id = $1`,
      [report.id, shift],
    );
    await db.query(
      'UPDATE report_transactions SET paid_at = paid_at - $2::interval WHERE report_id = $1',
      [report.id, shift],
    );
    await db.query(
      `UPDATE cases SET created_at = created_at - $2::interval,
              sla_due_at = sla_due_at - $2::interval WHERE id = $1`,
      [caseId, shift],
    );
    await db.query('UPDATE case_events SET at = at - $2::interval WHERE case_id = $1', [
      caseId,
      shift,
    ]);
    const inv = investigators.get(region)!;
    const later = (hours: number) => before(at + hours * 3600_000);

    if (i < ABROAD_FREEZES + DOMESTIC_FREEZES) {
      const abroad = i < ABROAD_FREEZES;
      await freezes.create(
        caseId,
        {
          bank: 'Halyk Bank',
          account: `+7 707 ${String(3_000_000 + i).slice(-7)}`,
          amount: abroad ? ABROAD_AMOUNT : '100000.00',
          frozenAt: later(2),
          stage: abroad ? 'withdrawal_abroad' : 'domestic',
          reportId: report.id,
        },
        inv,
      );
    }
    await reimbursements.create(
      caseId,
      {
        reportId: report.id,
        amount: REIMBURSED_PER_CASE,
        source: i % 3 === 0 ? 'frozen_funds' : 'bank_compensation',
        paidAt: later(30),
      },
      inv,
    );
    await workflow.claim(inv, caseId);
    await workflow.transition(inv, caseId, { to: 'investigating' });
    if (i < DETENTIONS) {
      await records.recordOffenders(inv, caseId, { count: 2, detainedAt: later(20) });
    }
    if (i < NATIONAL_YEAR.pyramidsDetected) await flags.set(inv, caseId, 'financial_pyramid');
    const takedown = async (kind: string, type: string, value: string, outcome: string) => {
      const created = await takedowns.create(inv, caseId, {
        kind,
        identifier: { type, value },
        platform: kind === 'phone_number' ? 'Kcell' : 'Telegram',
        requestedAt: later(3),
      } as never);
      await takedowns.recordOutcome(inv, created.id, { outcome, at: later(10) } as never);
    };
    if (i < NATIONAL_YEAR.chatsClosed) {
      await takedown('messenger_chat', 'url', `t.me/joinchat/scheme-${i}`, 'blocked');
    }
    if (i < NATIONAL_YEAR.linksBlocked) {
      await takedown(
        i % 2 ? 'website' : 'social_profile',
        i % 2 ? 'url' : 'social_profile',
        i % 2 ? `https://scheme-${i}.kz/` : `instagram.com/scheme.${i}`,
        'blocked',
      );
    }
    if (i < NATIONAL_YEAR.numbersBlocked) {
      await takedown(
        'phone_number',
        'phone',
        `+7 702 ${String(2_000_000 + i).slice(-7)}`,
        'blocked',
      );
    }
    if (i >= CASES - 30) {
      // Refused requests count nowhere.
      await takedown('messenger_chat', 'url', `t.me/joinchat/refused-${i}`, 'refused');
    }
    if (loan) {
      const w = await loans.create(inv, reference, {});
      await loans.recordOutcome(inv, w.id, {
        outcome: 'written_off',
        at: new Date().toISOString(),
        amount: '350000.00',
      } as never);
    }
    await workflow.transition(inv, caseId, { to: 'solved' });
    // Claims and transitions happened "now": move them into the case's own time line.
    await db.query(
      `UPDATE case_events SET at = $2 WHERE case_id = $1
          AND type IN ('case.claimed', 'case.transitioned') AND at > now() - interval '1 hour'`,
      [caseId, later(40)],
    );
  };
  try {
    await Promise.all(
      Array.from({ length: options.concurrency ?? 4 }, async () => {
        for (let i = next++; i < CASES; i = next++) {
          await one(i);
          options.onProgress?.(++done, CASES);
        }
      }),
    );
  } finally {
    await db.query('ALTER TABLE case_events ENABLE TRIGGER tg_case_events_append_only');
  }
  return { yearStart };
}

/** One investigator per region and a national supervisor (kept across re-runs). */
async function demoStaff(
  db: DataSource,
  users: InstanceType<typeof UsersServiceRef>,
  password: string,
): Promise<Map<Region, StaffPrincipal>> {
  const [adminRow] = (await db.query(
    `SELECT id, email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`,
  )) as Array<{ id: string; email: string }>;
  const actor: StaffPrincipal = {
    id: adminRow.id,
    email: adminRow.email,
    role: 'admin',
    region: null,
  };
  const ensure = async (
    email: string,
    role: 'investigator' | 'supervisor',
    region: Region | null,
  ): Promise<string> => {
    const [found] = (await db.query('SELECT id FROM users WHERE email = $1', [email])) as Array<{
      id: string;
    }>;
    if (found) return found.id;
    const fullName = region ? `Investigator ${region}` : 'National Supervisor';
    const user = await users.create(
      { email, password, fullName, role, region },
      { actor, route: 'seed-demo', ip: null },
    );
    return user.id;
  };
  const investigators = new Map<Region, StaffPrincipal>();
  for (const region of REGIONS) {
    const email = `investigator.${region}@demo.police.kz`;
    const id = await ensure(email, 'investigator', region);
    investigators.set(region, { id, email, role: 'investigator', region });
  }
  await ensure('supervisor.national@demo.police.kz', 'supervisor', null);
  return investigators;
}
