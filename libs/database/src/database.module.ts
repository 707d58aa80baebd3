import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/** Which process the connection serves: each has its own statement_timeout. */
export type DatabaseClient = 'api' | 'worker';

/** The app's connection; each domain lib registers its entities with TypeOrmModule.forFeature. */
@Module({})
export class DatabaseModule {
  static forRoot(client: DatabaseClient): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const options = dataSourceOptions(config.databaseUrl);
            return {
              ...options,
              // pg sends statement_timeout at connect, so it holds for every query of the pool
              // (a statement that needs longer sets its own with SET LOCAL).
              extra: { ...options.extra, statement_timeout: config.statementTimeoutMs[client] },
              autoLoadEntities: true,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
        }),
      ],
    };
  }
}
