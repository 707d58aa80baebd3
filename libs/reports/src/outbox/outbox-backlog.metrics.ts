import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FraudMetrics } from '@app/common';
import { queryOne } from '@app/database';

/** Feeds `fraud_outbox_backlog`: outbox rows not yet relayed, read from PostgreSQL on scrape. */
@Injectable()
export class OutboxBacklogMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: FraudMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.setOutboxBacklogSource(async () => {
      // The partial index ix_outbox_unrelayed holds exactly these rows: the count stays cheap.
      const row = await queryOne<{ n: number }>(
        this.dataSource.manager,
        'SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL',
      );
      return row?.n ?? 0;
    });
  }
}
