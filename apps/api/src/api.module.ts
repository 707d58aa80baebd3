import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule, MetricsModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { HealthModule } from './health/health.module';
import { API_FEATURE_MODULES } from './feature-modules';

/** The HTTP app: infrastructure plus the API layer of each domain lib. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule,
        DatabaseModule.forRoot('api'),
        QueueModule,
        MetricsModule,
        HealthModule,
        ...API_FEATURE_MODULES,
      ],
    };
  }
}
