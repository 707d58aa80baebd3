import type { EntityManager } from 'typeorm';
import type { NoticeKind } from '@app/common';

/** Which reports a case event tells: every report of the case, or the listed ones. */
export type NoticeAudience =
  | { caseId: string }
  | {
      reportIds: readonly string[];
      /** Skip a report already told this kind on that channel (a merge into a reviewed case). */
      onlyUntold?: boolean;
    };

export interface NoticeCause {
  /** The case_events row that caused the notices: the idempotency key is derived from it. */
  caseEventId: string;
  kind: NoticeKind;
  audience: NoticeAudience;
}

/**
 * Writes the notices of one case event in the caller's transaction (the outbox of
 * docs/notices.md): one row per (report, channel) the reporter chose, `email` only when the
 * report holds an email. The key `<event>-<report>-<channel>` is unique, so writing the same
 * cause twice adds nothing. One statement, however many reports the case holds.
 */
export async function queueCitizenNotices(
  manager: EntityManager,
  cause: NoticeCause,
): Promise<number> {
  const byCase = 'caseId' in cause.audience;
  const caseId = 'caseId' in cause.audience ? cause.audience.caseId : null;
  const reportIds = 'reportIds' in cause.audience ? [...cause.audience.reportIds] : [];
  const onlyUntold = 'reportIds' in cause.audience && cause.audience.onlyUntold === true;
  if (!byCase && reportIds.length === 0) return 0;
  const rows: unknown[] = await manager.query(
    `INSERT INTO citizen_notices (key, case_event_id, report_id, kind, channel)
     SELECT $1::text || '-' || r.id || '-' || ch.channel, $1::bigint, r.id, $2, ch.channel
       FROM reports r
      CROSS JOIN (VALUES ('email'), ('sms')) AS ch (channel)
      WHERE (CASE WHEN $3::uuid IS NULL THEN r.id = ANY($4::uuid[]) ELSE r.case_id = $3::uuid END)
        AND ((ch.channel = 'email' AND r.notify IN ('email', 'both')
              AND r.reporter_email_enc IS NOT NULL)
          OR (ch.channel = 'sms' AND r.notify IN ('sms', 'both')))
        AND NOT ($5::boolean AND EXISTS (
              SELECT 1 FROM citizen_notices told
               WHERE told.report_id = r.id AND told.kind = $2 AND told.channel = ch.channel))
     ON CONFLICT (key) DO NOTHING
     RETURNING id`,
    [cause.caseEventId, cause.kind, caseId, reportIds, onlyUntold],
  );
  return rows.length;
}
