import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { WORKER_FEATURE_MODULES } from './feature-modules';

/** The worker: the same domain libs as the API, minus the HTTP layer, plus the processors. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        DatabaseModule.forRoot('worker'),
        QueueModule,
        ...WORKER_FEATURE_MODULES,
      ],
    };
  }
}
