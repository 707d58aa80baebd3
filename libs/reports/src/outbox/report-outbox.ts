import type { EntityManager } from 'typeorm';

/** Outbox topics; the relay turns each into a `triage` job on the report-triage queue. */
export const OUTBOX_TOPICS = {
  reportSubmitted: 'report.submitted',
  statementAdded: 'report.statement-added',
} as const;

export interface TriageOutboxPayload {
  reportId: string;
  /** BullMQ job id: relaying the same row twice cannot enqueue twice. */
  jobId: string;
  [key: string]: unknown;
}

export function reportTriageJobId(reportId: string, statementId?: string): string {
  return statementId === undefined ? `report-${reportId}` : `report-${reportId}-s${statementId}`;
}

/** Writes the outbox row inside the caller's transaction, so it commits with the report. */
export async function writeTriageOutbox(
  em: EntityManager,
  topic: string,
  reportId: string,
  statementId?: string,
): Promise<void> {
  const payload: TriageOutboxPayload = {
    reportId,
    jobId: reportTriageJobId(reportId, statementId),
    ...(statementId === undefined ? {} : { statementId }),
  };
  await em.query('INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, $3)', [
    topic,
    reportId,
    JSON.stringify(payload),
  ]);
}
