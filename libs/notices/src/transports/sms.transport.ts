import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { isNoConnectionCode, SendFailure } from './send-failure';

/**
 * The JSON body POSTed to SMS_GATEWAY_URL (docs/notices.md): a small adapter in front of a
 * real provider maps it to that provider's API. `idempotencyKey` is stable per notice.
 */
export interface SmsGatewayRequest {
  to: string;
  text: string;
  idempotencyKey: string;
}

function causeCode(err: unknown): unknown {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code;
}

/** Citizen notice SMS through the HTTP gateway; `configured` false when SMS_GATEWAY_URL is unset. */
@Injectable()
export class SmsTransport {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.notices.smsGatewayUrl !== undefined;
  }

  /** Resolves on a 2xx answer; rejects with a SendFailure. */
  async send(body: SmsGatewayRequest): Promise<void> {
    const url = this.config.notices.smsGatewayUrl;
    if (url === undefined) throw new Error('SMS_GATEWAY_URL is not set');
    const token = this.config.secrets.smsGatewayToken;
    let status: number;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': body.idempotencyKey,
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.notices.sendTimeoutMs),
        redirect: 'error',
      });
      status = res.status;
      // The answer's body is the provider's business, and may echo the number: never read out.
      await res.body?.cancel();
    } catch (err) {
      const code = causeCode(err);
      if (isNoConnectionCode(code)) throw new SendFailure(`gateway ${String(code)}`, true);
      const name = err instanceof Error ? err.name : 'error';
      throw new SendFailure(`gateway ${typeof code === 'string' ? code : name}`, false);
    }
    if (status < 200 || status > 299) throw new SendFailure(`gateway HTTP ${status}`, true);
  }
}
