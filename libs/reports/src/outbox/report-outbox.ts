import type { EntityManager } from 'typeorm';
import { TRIAGE_JOB } from '@app/queue';
import type { TriageJobData } from '@app/queue';

/** Outbox topics; the relay turns each into a `triage` job on the report-triage queue. */
export const OUTBOX_TOPICS = {
  reportSubmitted: 'report.submitted',
  statementAdded: 'report.statement-added',
} as const;

/**
 * The Postgres channel a committed outbox row is announced on (`pg_notify` in the writing
 * statement, delivered at commit). The relay LISTENs and relays at once instead of waiting for
 * its next poll; the poll stays, so a lost notice only delays a row until then.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'report_outbox';

/** The triage job data, plus its BullMQ job id: relaying a row twice cannot enqueue twice. */
export interface TriageOutboxPayload extends TriageJobData {
  jobId: string;
}

export function triageOutboxPayload(reportId: string, statementId?: string): TriageOutboxPayload {
  const data: TriageJobData = statementId === undefined ? { reportId } : { reportId, statementId };
  return { ...data, jobId: TRIAGE_JOB.jobId(data) };
}

/** Writes the outbox row inside the caller's transaction, so it commits with the report. */
export async function writeTriageOutbox(
  em: EntityManager,
  topic: string,
  reportId: string,
  statementId?: string,
): Promise<void> {
  await em.query(
    `WITH o AS (INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3) RETURNING 1)
     SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '') FROM o`,
    [topic, reportId, JSON.stringify(triageOutboxPayload(reportId, statementId))],
  );
}
