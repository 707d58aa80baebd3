import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueModule } from '@app/queue';
import { MetricsController } from '../metrics/metrics.controller';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

/** The ops endpoints: liveness, readiness and Prometheus metrics. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), QueueModule],
  controllers: [HealthController, MetricsController],
  providers: [RedisHealthIndicator],
})
export class HealthModule {}
