import { DynamicModule, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { HealthModule } from './health/health.module';
import { MetricsController } from './health/metrics.controller';
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
        DatabaseModule,
        QueueModule,
        PrometheusModule.register({
          path: '/metrics',
          controller: MetricsController,
          defaultMetrics: { enabled: true },
        }),
        HealthModule,
        ...API_FEATURE_MODULES,
      ],
    };
  }
}
