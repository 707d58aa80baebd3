/**
 * Every metric the API and the worker expose, named once so the two processes, the Grafana
 * dashboard and the alert rules (deploy/) cannot drift apart. Never rename a value: dashboards
 * and alerts query these names. docs/metrics.md lists them with their labels and alerts.
 */
export const METRIC = {
  httpRequestDuration: 'http_request_duration_seconds',
  queueJobs: 'fraud_queue_jobs',
  outboxBacklog: 'fraud_outbox_backlog',
  triageLag: 'fraud_triage_lag_seconds',
  slaBreaches: 'fraud_sla_breaches_total',
  reportsReceived: 'fraud_reports_received_total',
  noticesSent: 'fraud_notices_sent_total',
  lookups: 'fraud_lookups_total',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** BullMQ job states reported by `fraud_queue_jobs` (BullMQ's `JobState`; v6 has no paused list). */
export const QUEUE_JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'failed',
  'completed',
] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

/** Channels and outcomes of citizen notices, exported at zero before the first notice. */
export const NOTICE_CHANNELS = ['email', 'sms'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
/** `logged`: no transport is configured, so the notice went to the log (without personal data). */
export const NOTICE_OUTCOMES = ['sent', 'failed', 'logged'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** Label of a request that matched no route (static files, 404s): never the raw URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Seconds. Requests: 5 ms to 10 s. Triage lag: 1 s (relay + job) to 6 h (Redis was down). */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
export const TRIAGE_LAG_BUCKETS = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21600];
