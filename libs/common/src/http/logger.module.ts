import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { LogUrlPolicy } from './log-url';
import { REDACT_PATHS } from './redact-paths';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our own id for every request, sent back as `X-Request-Id`. A client's `X-Request-Id` is
 * never the id (it is whatever the client typed: a phone would land in every line of the
 * request); it is logged as `clientRequestId` only when it is a UUID.
 */
function requestId(_req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

function clientRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['x-request-id'];
  return typeof value === 'string' && UUID.test(value) ? value : undefined;
}

@Module({ providers: [LogUrlPolicy], exports: [LogUrlPolicy] })
class LogUrlPolicyModule {}

/**
 * Structured JSON logs (pino) with personal data paths redacted. The request URL is logged
 * through LogUrlPolicy (fixed route parts, known parameters), and nothing else of the request.
 */
@Module({
  imports: [
    LogUrlPolicyModule,
    PinoLoggerModule.forRootAsync({
      imports: [LogUrlPolicyModule],
      inject: [APP_CONFIG, LogUrlPolicy],
      useFactory: (config: AppConfig, urls: LogUrlPolicy) => ({
        // PinoLogger.assign reaches the "request completed" line too (intake names the report
        // on it instead of logging a second line).
        assignResponse: true,
        pinoHttp: {
          level: config.logLevel,
          // Unset: stdout. Tests set config.logDestination to capture the log.
          stream: config.logDestination,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          genReqId: requestId,
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
          // Only method, URL (as the policy allows) and status: bodies and most headers may
          // carry personal data.
          serializers: {
            req: (req: { id: string; method: string; url: string; raw: IncomingMessage }) => ({
              id: req.id,
              method: req.method,
              ...urls.render(req.url),
              clientRequestId: clientRequestId(req.raw),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
  exports: [LogUrlPolicyModule],
})
export class LoggerModule {}
