import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BadRequestProblem,
  FraudMetrics,
  normalizeSuspectIdentifier,
  PiiService,
} from '@app/common';
import type { SuspectType } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryOne } from '@app/database';
import type { LookupAnswerDto } from './lookup.dto';
import { lastReportedMonth, LOOKUP_COUNT_CAP, lookupBucket } from './lookup-answer';

interface LookupRow {
  reports: number;
  last_month: string | null;
  blocked: boolean;
}

/** What a citizen typed for each type, in the 400's message (never the value itself). */
const TYPE_WORDS: Record<SuspectType, string> = {
  phone: 'a Kazakhstan phone number',
  card: 'a card number (13–19 digits that pass the Luhn check)',
  iban: 'a valid IBAN',
  url: 'a web address',
  messenger: 'a messenger handle or phone number',
  email: 'an e-mail address',
  crypto_wallet: 'a wallet address without spaces',
  social_profile: 'a profile link or handle',
};

/**
 * $1 type, $2 stored value, $3 time zone. At most LOOKUP_COUNT_CAP entries of the index
 * (type, value, reported_at), newest first: one row per report (unique report_id, type, value),
 * so their count is the distinct-report count up to the cap and the first is the latest. The
 * blocked flag reads ix_takedowns_identifier. test/lookup.e2e-spec.ts checks the plan.
 */
export const LOOKUP_SQL = `
  SELECT count(*)::int AS reports,
         to_char(max(t.reported_at) AT TIME ZONE $3, 'YYYY-MM') AS last_month,
         EXISTS (SELECT 1 FROM takedowns td
                  WHERE td.identifier_type = $1 AND td.identifier_value = $2
                    AND td.outcome = 'blocked') AS blocked
    FROM (SELECT ri.reported_at FROM report_identifiers ri
           WHERE ri.type = $1 AND ri.value = $2
           ORDER BY ri.reported_at DESC
           LIMIT ${LOOKUP_COUNT_CAP}) t`;

/**
 * The public "check before you pay" lookup (DESIGN "Citizen notices and the public lookup").
 * Reads report_identifiers and takedowns, writes nothing. The answer is a bucket, a month from
 * `several` on, and the blocked flag: nothing that tells one report, case or victim from another.
 */
@Injectable()
export class LookupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pii: PiiService,
    private readonly metrics: FraudMetrics,
  ) {}

  async lookup(type: SuspectType, value: string): Promise<LookupAnswerDto> {
    const normalized = normalizeSuspectIdentifier(type, value);
    if (normalized === null) {
      // Depends on the value's form only, never on what is stored.
      throw new BadRequestProblem('The value is not valid for its type', [
        { field: 'value', message: `must be ${TYPE_WORDS[type]}` },
      ]);
    }
    // Cards are stored as their keyed hash only, and are looked up the same way.
    const stored =
      normalized.type === 'card' ? this.pii.cardHash(normalized.value) : normalized.value;
    const row = await queryOne<LookupRow>(this.dataSource.manager, LOOKUP_SQL, [
      normalized.type,
      stored,
      this.config.reportingTimeZone,
    ]);
    const reports = lookupBucket(row?.reports ?? 0);
    this.metrics.lookupAnswered(normalized.type, reports);
    return {
      type: normalized.type,
      value: normalized.type === 'card' ? normalized.display : normalized.value,
      reports,
      lastReportedMonth: lastReportedMonth(reports, row?.last_month ?? null),
      blocked: row?.blocked ?? false,
    };
  }
}
