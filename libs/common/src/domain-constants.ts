/**
 * The closed vocabularies of the product contract (docs/contract.md). DTO validation and entity
 * CHECK constraints read these tuples. Migrations do not: they are history and spell the values
 * out, so changing a tuple needs a new migration that replaces the CHECKs (TypeORM compares
 * CHECKs by name only, so test/schema-drift would not notice a changed list).
 */
import { SUSPECT_IDENTIFIER_TYPES, SuspectIdentifierType } from './domain/identifiers';

export const REGIONS = [
  'astana',
  'almaty_city',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'jambyl',
  'jetisu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'north_kazakhstan',
  'pavlodar',
  'turkistan',
  'ulytau',
  'west_kazakhstan',
] as const;
export type Region = (typeof REGIONS)[number];

export const FRAUD_TYPES = [
  'online_purchase',
  'phishing',
  'investment_scam',
  'fake_loan',
  'impersonation',
  'romance',
  'job_offer',
  'rental',
  'prize_lottery',
  'other',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

export const CHANNELS = [
  'phone_call',
  'sms',
  'messenger',
  'social_media',
  'website',
  'marketplace',
  'email',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PAYMENT_METHODS = [
  'bank_transfer',
  'card',
  'mobile_transfer',
  'crypto',
  'cash',
  'other',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

// One list with the identifier normaliser, which owns the set of identifier kinds.
export const SUSPECT_TYPES = SUSPECT_IDENTIFIER_TYPES;
export type SuspectType = SuspectIdentifierType;

/** Kinds of a transaction's destination account (`AccountType` in the identifier normaliser). */
export const ACCOUNT_TYPES = ['iban', 'card', 'phone'] as const;

/** Where a report identifier came from: a named suspect or a transaction's destination. */
/**
 * What the public lookup says of the distinct reports naming an identifier: `few` 1–2,
 * `several` 3–9, `many` 10 or more.
 */
export const LOOKUP_BUCKETS = ['none', 'few', 'several', 'many'] as const;
export type LookupBucket = (typeof LOOKUP_BUCKETS)[number];

export const IDENTIFIER_SOURCES = ['suspect', 'transaction'] as const;
export type IdentifierSource = (typeof IDENTIFIER_SOURCES)[number];

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AGE_GROUPS = ['minor', 'adult', 'senior'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** How the reporter wants notices (docs/notices.md); default `email` with an email, else `none`. */
export const NOTIFY_CHOICES = ['email', 'sms', 'both', 'none'] as const;
export type NotifyChoice = (typeof NOTIFY_CHOICES)[number];

export const ROLES = ['investigator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = [
  'open',
  'in_review',
  'investigating',
  'solved',
  'closed',
  'referred',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A report mirrors its case's status once linked; before that it is `received`. */
export const REPORT_STATUSES = [
  'received',
  'in_review',
  'investigating',
  'solved',
  'closed',
  'referred',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CLOSE_REASONS = ['unfounded', 'duplicate', 'no_crime', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Who wrote a case timeline entry. */
export const ACTOR_KINDS = ['staff', 'system', 'citizen'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const FREEZE_STAGES = ['domestic', 'withdrawal_abroad'] as const;
export type FreezeStage = (typeof FREEZE_STAGES)[number];

export const REIMBURSEMENT_SOURCES = [
  'frozen_funds',
  'offender_voluntary',
  'bank_compensation',
  'court_order',
] as const;
export type ReimbursementSource = (typeof REIMBURSEMENT_SOURCES)[number];

/** Case flags (DESIGN "Takedowns, schemes and loans"): set once, withdrawn by a supervisor. */
export const CASE_FLAGS = ['financial_pyramid'] as const;
export type CaseFlagName = (typeof CASE_FLAGS)[number];

/** What a takedown asks a platform, operator or bank to block. */
export const TAKEDOWN_KINDS = [
  'messenger_chat',
  'website',
  'social_profile',
  'phone_number',
  'card',
  'other',
] as const;
export type TakedownKind = (typeof TAKEDOWN_KINDS)[number];

export const TAKEDOWN_OUTCOMES = ['blocked', 'refused'] as const;
export type TakedownOutcome = (typeof TAKEDOWN_OUTCOMES)[number];

export const LOAN_WRITEOFF_OUTCOMES = ['written_off', 'refused'] as const;
export type LoanWriteoffOutcome = (typeof LOAN_WRITEOFF_OUTCOMES)[number];

/**
 * `'a', 'b'` for a CHECK constraint's `IN (...)`. The tuples above are fixed identifiers, but
 * quotes are still escaped so a careless future value cannot break the DDL.
 */
export function sqlStringList(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
}
