import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@app/config';
import { ApiModule } from '../api.module';
import { configureApp } from './configure-app';

export async function createApiApp(
  config: AppConfig = loadConfig(),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApp(app, config);
  return app;
}
