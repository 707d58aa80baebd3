import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { REDACT_PATHS, redactQueryString } from './redact-paths';

/** Structured JSON logs (pino) with personal data paths redacted. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // Unset: stdout. Tests set config.logDestination to capture the log.
          stream: config.logDestination,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
          autoLogging: { ignore: (req) => /^\/(api\/v1\/)?(health|metrics)/.test(req.url ?? '') },
          // A 5xx request line would carry a made-up Error ("failed with status code 503") and
          // its stack; the filter already logs an unexpected error with its id, and a 503 is an
          // outage logged once by the DependencyMonitor. So: no err, and 503 at info.
          customLogLevel: (_req, res, err) =>
            (res.statusCode >= 500 && res.statusCode !== 503) || err !== undefined
              ? 'error'
              : 'info',
          customErrorObject: (_req, _res, _err, value: Record<string, unknown>) => ({
            res: value.res,
            responseTime: value.responseTime,
          }),
          // Only method, path and status: bodies and most headers may carry personal data.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: redactQueryString(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggerModule {}
