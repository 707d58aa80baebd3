import type { EntityManager } from 'typeorm';
import { TRIAGE_JOB } from '@app/queue';
import type { TriageJobData } from '@app/queue';

/** Outbox topics; the relay turns each into a `triage` job on the report-triage queue. */
export const OUTBOX_TOPICS = {
  reportSubmitted: 'report.submitted',
  statementAdded: 'report.statement-added',
} as const;

/** The triage job data, plus its BullMQ job id: relaying a row twice cannot enqueue twice. */
export interface TriageOutboxPayload extends TriageJobData {
  jobId: string;
}

/** Writes the outbox row inside the caller's transaction, so it commits with the report. */
export async function writeTriageOutbox(
  em: EntityManager,
  topic: string,
  reportId: string,
  statementId?: string,
): Promise<void> {
  const data: TriageJobData = statementId === undefined ? { reportId } : { reportId, statementId };
  const payload: TriageOutboxPayload = { ...data, jobId: TRIAGE_JOB.jobId(data) };
  await em.query('INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3)', [
    topic,
    reportId,
    JSON.stringify(payload),
  ]);
}
