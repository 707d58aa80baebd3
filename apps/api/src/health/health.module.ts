import { Module } from '@nestjs/common';
import { QueueModule } from '@app/queue';
import { MetricsController } from '../metrics/metrics.controller';
import { DependencyMonitor } from './dependency-monitor';
import { HealthController } from './health.controller';

/** The ops endpoints: liveness, readiness and Prometheus metrics. */
@Module({
  imports: [QueueModule],
  controllers: [HealthController, MetricsController],
  providers: [DependencyMonitor],
  exports: [DependencyMonitor],
})
export class HealthModule {}
