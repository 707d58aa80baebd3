import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * One dedicated Postgres connection that LISTENs on a channel and calls `onNotice` for every
 * notice. It only makes the relay faster: when the connection drops it reconnects with backoff
 * (one warning per outage, not per attempt), and meanwhile the relay's poll relays everything.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = MIN_RETRY_MS;
  private stopped = false;
  private warned = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly onNotice: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5_000,
      application_name: `${process.env.APP_NAME ?? 'fraud-intake'}-outbox-listen`,
    });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      this.retry(err);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.onNotice());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      onLost(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.warned) this.logger.log('outbox listener reconnected');
    this.warned = false;
    this.retryMs = MIN_RETRY_MS;
    // Rows committed while the listener was away are not announced again: relay them now.
    this.onNotice();
  }

  private retry(err?: Error): void {
    if (this.stopped) return;
    if (!this.warned) {
      this.warned = true;
      this.logger.warn(
        { err: err?.message },
        'outbox listener lost its connection; relaying by poll until it is back',
      );
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
