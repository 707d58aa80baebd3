/**
 * Real receivers for the notice suites: an SMTP server (smtp-server) and an HTTP listener
 * standing in for the SMS gateway, both on port 0. Each records what it accepted, decoded.
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

/** `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words of a header (RFC 2047). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_w, _charset: string, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQp(data.replace(/_/g, ' ')),
    );
}

function decodeQp(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHeaders(part: string): { headers: Map<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = at < 0 ? part : part.slice(0, at);
  const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const enc = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQp(body);
  return body;
}

/** Text and HTML parts of a (possibly multipart/alternative) message; enough for nodemailer's. */
export function parseEmail(raw: string, to: string[]): ReceivedEmail {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1)
    : [
        `content-type: ${type}\r\ncontent-transfer-encoding: ${headers.get('content-transfer-encoding') ?? '7bit'}\r\n\r\n${body}`,
      ];
  for (const part of parts) {
    const p = splitHeaders(part.replace(/^\r?\n/, ''));
    const partType = p.headers.get('content-type') ?? '';
    if (partType.startsWith('text/plain')) text = decodeBody(p.headers, p.body);
    if (partType.startsWith('text/html')) html = decodeBody(p.headers, p.body);
  }
  return {
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text,
    html,
    raw,
  };
}

export type SmtpMode = { kind: 'accept' } | { kind: 'reply'; code: number; times: number };

export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  /** DATA commands answered with an error so far. */
  rejected = 0;
  mode: SmtpMode = { kind: 'accept' };
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.mode.kind === 'reply' && this.mode.times > 0) {
            this.mode.times -= 1;
            this.rejected += 1;
            const err = Object.assign(new Error('try again later'), {
              responseCode: this.mode.code,
            });
            return callback(err);
          }
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.received.push(parseEmail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening: new connections are refused until start(port) again. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

export interface ReceivedSms {
  to: string;
  text: string;
  idempotencyKey: string;
  authorization: string | undefined;
}

/** `ok`: 200; `fail`: 503; `hangup`: reads the request, then drops the connection unanswered. */
export type SmsMode = 'ok' | 'fail' | 'hangup';

export class SmsGatewaySink {
  /** Every request that reached the gateway, answered or not. */
  readonly received: ReceivedSms[] = [];
  mode: SmsMode = 'ok';
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
          ReceivedSms,
          'authorization'
        >;
        this.received.push({ ...body, authorization: req.headers.authorization });
        if (this.mode === 'hangup') return req.socket.destroy();
        res.statusCode = this.mode === 'ok' ? 200 : 503;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ accepted: this.mode === 'ok' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  to(phone: string): ReceivedSms[] {
    return this.received.filter((m) => m.to === phone);
  }
}
