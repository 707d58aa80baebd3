import { Module } from '@nestjs/common';
import { QueueModule } from '@app/queue';
import { DependencyMonitor } from './dependency-monitor';
import { HealthController } from './health.controller';

@Module({
  imports: [QueueModule],
  controllers: [HealthController],
  providers: [DependencyMonitor],
  exports: [DependencyMonitor],
})
export class HealthModule {}
