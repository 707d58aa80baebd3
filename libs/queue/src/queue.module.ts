import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';
import { redisConnectionOptions } from './redis';
import { RedisClient } from './redis-client.provider';

/** Redis connection and every queue, registered once for both apps. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redis.url),
        prefix: config.redis.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [RedisClient],
  exports: [BullModule, RedisClient],
})
export class QueueModule {}
