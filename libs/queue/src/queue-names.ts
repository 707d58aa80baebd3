/**
 * Queue names. NEVER rename a value: jobs already stored in Redis under the old name would be
 * stranded. Add a new name and drain the old queue instead.
 */
export enum QueueName {
  ReportTriage = 'report-triage',
  CaseSla = 'case-sla',
  /** The minutely backstop that re-enqueues reports whose triage job was lost or failed. */
  TriageSweep = 'report-triage-sweep',
  /** One job per citizen notice (docs/notices.md); its retries are the notice settings. */
  CitizenNotices = 'citizen-notices',
}

/** Retries, backoff and retention for every queue, in one place. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
