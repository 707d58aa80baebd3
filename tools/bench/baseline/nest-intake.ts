/**
 * The framework floor of the intake scenario: a bare NestJS app on Express (`NestFactory`
 * with its default JSON body parser, one controller, no global pipes, guards, interceptors,
 * middleware or logger) doing exactly what the raw baseline does per report
 * (intake-submit.ts: the same SQL, schema and crypto). Between the raw server and the API it
 * splits the gap in two: what NestJS and Express cost on their own, and what the API's
 * features add (validation, rate limit, logging, metrics, security headers, problem mapping).
 *
 * Run by the harness as `node dist/tools/bench/baseline/nest-intake.js` with the API's
 * environment. Not for production.
 */
import 'reflect-metadata';
import { BadRequestException, Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BadRequest, config, pool, shapeOf, submit } from './intake-submit';

@Controller()
class IntakeController {
  @Get('health/ready')
  async ready() {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  }

  @Post('api/v1/reports')
  @HttpCode(202)
  async submit(@Body() body: unknown) {
    try {
      return await submit(shapeOf(body));
    } catch (error) {
      if (error instanceof BadRequest) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

@Module({ controllers: [IntakeController] })
class FloorModule {}

async function main() {
  const app = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false });
  app.getHttpServer().keepAliveTimeout = config.http.keepAliveTimeoutMs;
  await app.listen(config.http.port, config.http.host);
  const stop = () => void app.close().finally(() => void pool.end().finally(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
