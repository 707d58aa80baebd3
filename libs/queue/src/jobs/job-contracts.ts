import { IsNumberString, IsOptional, IsUUID } from 'class-validator';
import type { Priority } from '@app/common';
import { QueueName } from '../queue-names';

type Constructor<T> = new () => T;

/**
 * Everything producers and consumers of one job share: its queue, its name (NEVER renamed: jobs
 * stored under the old name would be stranded), its payload class, validated like HTTP input
 * on the way in, and how its job id is derived, so a second add of the same work is a no-op.
 */
export interface JobContract<TData extends object, TKey = TData> {
  readonly queue: QueueName;
  readonly name: string;
  /** Absent for jobs that carry no data (repeatable sweeps). */
  readonly data?: Constructor<TData>;
  readonly jobId?: (key: TKey) => string;
}

/** A contract whose job id comes from its key: producers always pass the id. */
export type KeyedJobContract<TData extends object, TKey = TData> = JobContract<TData, TKey> & {
  readonly jobId: (key: TKey) => string;
};

/** Job data of `report-triage`, written by the reports outbox relay, read by cases' triage. */
export class TriageJobData {
  @IsUUID()
  reportId!: string;

  /** Set when a citizen statement caused the re-triage; recorded on the case timeline. */
  @IsOptional()
  @IsUUID()
  statementId?: string;
}

export const TRIAGE_JOB: KeyedJobContract<TriageJobData> = {
  queue: QueueName.ReportTriage,
  name: 'triage',
  data: TriageJobData,
  jobId: ({ reportId, statementId }) =>
    statementId === undefined ? `report-${reportId}` : `report-${reportId}-s${statementId}`,
};

/** The minutely backstop for triage jobs lost with Redis or failed for good. */
export const TRIAGE_SWEEP_JOB: JobContract<object> = {
  queue: QueueName.TriageSweep,
  name: 'sweep',
};

export class SlaDueJobData {
  @IsUUID()
  caseId!: string;
}

/** One timer per case and priority: re-arming the same timer twice enqueues it once. */
export const SLA_DUE_JOB: KeyedJobContract<SlaDueJobData, { caseId: string; priority: Priority }> =
  {
    queue: QueueName.CaseSla,
    name: 'due',
    data: SlaDueJobData,
    jobId: ({ caseId, priority }) => `sla-${caseId}-${priority}`,
  };

/** The minutely backstop for SLA timers lost with Redis. */
export const SLA_SWEEP_JOB: JobContract<object> = {
  queue: QueueName.CaseSla,
  name: 'sweep',
};

/** Job data of `citizen-notices`: the notice row; everything else is read at send time. */
export class CitizenNoticeJobData {
  @IsNumberString({ no_symbols: true })
  noticeId!: string;
}

/** One job per notice row: the id comes from the row's idempotency key (docs/notices.md). */
export const CITIZEN_NOTICE_JOB: KeyedJobContract<CitizenNoticeJobData, { key: string }> = {
  queue: QueueName.CitizenNotices,
  name: 'send',
  data: CitizenNoticeJobData,
  jobId: ({ key }) => `notice-${key}`,
};

/** Every job the service enqueues; the worker refuses to start unless each has a handler. */
export const JOB_CONTRACTS: readonly JobContract<object, never>[] = [
  TRIAGE_JOB,
  TRIAGE_SWEEP_JOB,
  SLA_DUE_JOB,
  SLA_SWEEP_JOB,
  CITIZEN_NOTICE_JOB,
];
