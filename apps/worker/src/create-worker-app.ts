import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, loadConfig } from '@app/config';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(
  config: AppConfig = loadConfig(),
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM: BullMQ workers finish their current job, then connections close.
  app.enableShutdownHooks();
  return app;
}
