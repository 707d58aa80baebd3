import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { APP_CONFIG, AppConfig } from '@app/config';
import { isNoConnectionCode, SendFailure } from './send-failure';

/**
 * The JSON body POSTed to SMS_GATEWAY_URL (docs/notices.md): a small adapter in front of a
 * real provider maps it to that provider's API. `idempotencyKey` is stable per notice (also
 * sent as the `Idempotency-Key` header).
 */
export interface SmsGatewayRequest {
  to: string;
  text: string;
  idempotencyKey: string;
}

/** Citizen notice SMS through the HTTP gateway; `configured` false when SMS_GATEWAY_URL is unset. */
@Injectable()
export class SmsTransport {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.notices.smsGatewayUrl !== undefined;
  }

  /**
   * Resolves on a 2xx answer; rejects with a SendFailure. A fresh connection per message (no
   * keep-alive agent): a pooled socket the gateway already closed would fail mid-request and
   * make a message that never left look like one whose outcome is unknown.
   */
  send(body: SmsGatewayRequest): Promise<void> {
    const target = this.config.notices.smsGatewayUrl;
    if (target === undefined) return Promise.reject(new Error('SMS_GATEWAY_URL is not set'));
    const url = new URL(target);
    const token = this.config.secrets.smsGatewayToken;
    const payload = Buffer.from(JSON.stringify(body));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<void>((resolve, reject) => {
      let connected = false;
      const req = request(url, {
        method: 'POST',
        agent: false,
        timeout: this.config.notices.sendTimeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          'idempotency-key': body.idempotencyKey,
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
      });
      req.on('socket', (socket) => socket.once('connect', () => (connected = true)));
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? err.name;
        // Refused or unreachable before connecting: nothing was sent.
        const definite = !connected && (isNoConnectionCode(code) || code === 'ETIMEDOUT');
        reject(new SendFailure(`gateway ${code}`, definite));
      });
      req.on('response', (res) => {
        // The answer's body is the provider's business, and may echo the number: never read.
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status <= 299) resolve();
        else reject(new SendFailure(`gateway HTTP ${status}`, true));
      });
      req.end(payload);
    });
  }
}
