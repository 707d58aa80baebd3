import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { FraudMetrics, PiiService } from '@app/common';
import type { Language, NoticeChannel, NoticeKind } from '@app/common';
import { EmailTransport } from '../transports/email.transport';
import { SendFailure } from '../transports/send-failure';
import { SmsTransport } from '../transports/sms.transport';
import { renderNotice } from './notice-message';

interface ClaimedNotice {
  id: string;
  key: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  attempts: number;
  reference: string;
  language: Language;
  email_enc: string | null;
  phone_enc: string;
}

export type DeliveryOutcome = 'sent' | 'logged' | 'skipped';

/**
 * Sends one notice at most once (docs/notices.md). The row is claimed (`sending`) in its own
 * committed transaction before anything leaves the process; a second job for the same notice
 * (a relay run twice, a redelivered or retried job, another worker) finds it claimed and sends
 * nothing. A definite failure releases the claim (`failed`) and throws, so BullMQ retries with
 * backoff; an unknown outcome keeps it `sending` and fails the job for good, for an admin.
 * Contact data is decrypted here, at send time, and is never logged or stored elsewhere.
 */
@Injectable()
export class NoticeDeliveryService {
  private readonly logger = new Logger('CitizenNotices');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly email: EmailTransport,
    private readonly sms: SmsTransport,
    private readonly metrics: FraudMetrics,
  ) {}

  async deliver(noticeId: string): Promise<DeliveryOutcome> {
    const notice = await this.claim(noticeId);
    if (notice === null) return 'skipped';
    const message = renderNotice(notice.kind, notice.language, notice.reference);
    const transport = notice.channel === 'email' ? this.email : this.sms;
    try {
      if (!transport.configured) {
        // No transport: the log gets the fact, never the address, number, name or text.
        this.logger.log(
          {
            noticeId: notice.id,
            reference: notice.reference,
            kind: notice.kind,
            channel: notice.channel,
            language: notice.language,
          },
          'citizen notice (no transport configured: logged, not sent)',
        );
        await this.finish(notice.id, 'sent', null);
        this.metrics.noticeSent(notice.channel, 'logged');
        return 'logged';
      }
      const to = this.recipient(notice);
      if (notice.channel === 'email') {
        await this.email.send({
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<notice-${notice.key}@fraud-intake>`,
        });
      } else {
        await this.sms.send({ to, text: message.sms, idempotencyKey: `notice-${notice.key}` });
      }
    } catch (err) {
      const failure =
        err instanceof SendFailure ? err : new SendFailure(`error ${errorName(err)}`, false);
      return this.failed(notice, failure);
    }
    await this.finish(notice.id, 'sent', null);
    this.metrics.noticeSent(notice.channel, 'sent');
    return 'sent';
  }

  /** Claims a pending or released notice; null when it is sending or sent already. */
  private async claim(noticeId: string): Promise<ClaimedNotice | null> {
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE citizen_notices
            SET status = 'sending', attempts = attempts + 1, claimed_at = now()
          WHERE id = $1 AND status IN ('pending', 'failed')
          RETURNING id, key, kind, channel, attempts, report_id)
       SELECT c.id, c.key, c.kind, c.channel, c.attempts, r.reference, r.language,
              r.reporter_email_enc AS email_enc, r.reporter_phone_enc AS phone_enc
         FROM claimed c JOIN reports r ON r.id = c.report_id`,
      [noticeId],
    )) as ClaimedNotice[];
    if (rows.length === 0) {
      this.logger.debug({ noticeId }, 'citizen notice already claimed or sent: not sent again');
      return null;
    }
    return rows[0];
  }

  /** The decrypted address or number; nothing has been sent yet, so a failure is definite. */
  private recipient(notice: ClaimedNotice): string {
    const token = notice.channel === 'email' ? notice.email_enc : notice.phone_enc;
    if (token === null) throw new SendFailure('report has no email', true);
    try {
      return this.pii.decrypt(token);
    } catch {
      throw new SendFailure('contact cannot be decrypted', true);
    }
  }

  private async failed(notice: ClaimedNotice, failure: SendFailure): Promise<never> {
    this.metrics.noticeSent(notice.channel, 'failed');
    const context = {
      noticeId: notice.id,
      reference: notice.reference,
      channel: notice.channel,
      attempt: notice.attempts,
      reason: failure.reason,
    };
    if (failure.definite) {
      await this.finish(notice.id, 'failed', failure.reason);
      this.logger.warn(context, 'citizen notice not accepted; released for a retry');
      throw failure;
    }
    // Unknown outcome: it may have arrived. Stays `sending`; never sent again automatically.
    await this.finish(notice.id, 'sending', failure.reason);
    this.logger.error(context, 'citizen notice outcome unknown; left for an admin, not resent');
    throw new UnrecoverableError(`outcome unknown: ${failure.reason}`);
  }

  private async finish(
    noticeId: string,
    status: 'sent' | 'failed' | 'sending',
    reason: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE citizen_notices
          SET status = $2, last_error = $3,
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
        WHERE id = $1 AND status = 'sending'`,
      [noticeId, status, reason],
    );
  }
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
