import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/config';
import { smtpFailure } from './send-failure';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notice: a receiving system that sees it twice can tell. */
  messageId: string;
}

/** Citizen notice email over SMTP_URL (nodemailer); `configured` false when it is unset. */
@Injectable()
export class EmailTransport implements BeforeApplicationShutdown {
  private transporter: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.secrets.smtpUrl !== undefined;
  }

  /** Resolves once the server accepted the message; rejects with a SendFailure. */
  async send(message: EmailMessage): Promise<void> {
    try {
      await this.client().sendMail({
        from: this.config.notices.smtpFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      });
    } catch (err) {
      throw smtpFailure(err);
    }
  }

  beforeApplicationShutdown(): void {
    this.transporter?.close();
  }

  private client(): Transporter {
    const url = this.config.secrets.smtpUrl;
    if (url === undefined) throw new Error('SMTP_URL is not set');
    const timeout = this.config.notices.sendTimeoutMs;
    // One connection per message: a notice is rare, and a pooled connection gone stale would
    // turn a definite failure into an unknown one.
    this.transporter ??= createTransport({
      url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return this.transporter;
  }
}
