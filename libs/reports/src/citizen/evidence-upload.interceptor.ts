import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { from, lastValueFrom, Observable } from 'rxjs';
import { BadRequestProblem, DomainException } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { MAX_EVIDENCE_BYTES } from './evidence-limits';
import { removeQuietly, StreamingEvidenceStorage, tempPathsOf } from './evidence-storage';
import { RetryLaterProblem, UploadBudget } from './upload-budget';

/** Multipart framing around one file: boundaries and part headers, generously. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_RESERVATION = MAX_EVIDENCE_BYTES + MULTIPART_OVERHEAD;

class PayloadTooLargeProblem extends DomainException {
  constructor() {
    super(
      'payload-too-large',
      HttpStatus.PAYLOAD_TOO_LARGE,
      'Payload Too Large',
      `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`,
    );
  }
}

class StorageFullProblem extends RetryLaterProblem {
  constructor() {
    super(
      'unavailable',
      HttpStatus.SERVICE_UNAVAILABLE,
      'Service Unavailable',
      'Evidence cannot be stored right now; try again later',
      300,
    );
  }
}

/** The client hung up mid-upload: its fault, not a 500 to log. */
const CLIENT_GONE = ['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ECONNABORTED'];

/** multer's and busboy's failures as problems: all of them are the upload's fault but a full disk. */
function uploadProblem(error: unknown): unknown {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeProblem();
    return new BadRequestProblem('Send one file in the multipart field "file" and nothing else', [
      { field: error.field ?? 'file', message: error.message },
    ]);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageFullProblem();
  const clientGone = typeof code === 'string' && CLIENT_GONE.includes(code);
  if (
    error instanceof Error &&
    !(error instanceof DomainException) &&
    (code === undefined || clientGone)
  ) {
    // busboy: "Unexpected end of form", "Malformed part header", "Boundary not found", …
    return new BadRequestProblem('The multipart body is malformed', [
      { field: 'file', message: error.message },
    ]);
  }
  return error;
}

function declaredBytes(req: Request): number {
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length > 0
    ? Math.min(length, MAX_RESERVATION)
    : MAX_RESERVATION;
}

/**
 * Receives `POST /reports/{reference}/evidence` after the guards (rate limits, access code):
 * reserves the client IP's hourly byte budget, streams the one file to a temporary file
 * (StreamingEvidenceStorage: no upload is ever held in memory), runs the handler, and then,
 * whatever happened, removes the temporary file and gives back the budget not stored. The
 * response is sent only after that clean-up, so no answer leaves an orphan behind.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor, OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceUploadInterceptor.name);
  private readonly storage: StreamingEvidenceStorage;
  private readonly receive: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(
    private readonly budget: UploadBudget,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.storage = new StreamingEvidenceStorage(config.evidenceDir);
    this.receive = multer({
      storage: this.storage,
      limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0, parts: 1 },
      // Browsers send file names as raw UTF-8; busboy's default (latin1) garbled Cyrillic.
      defParamCharset: 'utf8',
    }).single('file');
  }

  async onApplicationBootstrap(): Promise<void> {
    const removed = await this.storage.removeStale();
    if (removed > 0) this.logger.warn({ removed }, 'removed stale temporary evidence files');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return from(this.run(http.getRequest<Request>(), http.getResponse<Response>(), next));
  }

  private async run(req: Request, res: Response, next: CallHandler): Promise<unknown> {
    try {
      const reservation = await this.budget.reserve(req.ip ?? 'unknown', declaredBytes(req));
      let stored = 0;
      try {
        await new Promise<void>((resolve, reject) =>
          this.receive(req, res, (error: unknown) => (error ? reject(error) : resolve())),
        ).catch((error: unknown) => {
          throw uploadProblem(error);
        });
        const result = await lastValueFrom(next.handle());
        stored = (result as { size?: number } | undefined)?.size ?? 0;
        return result;
      } finally {
        await Promise.all(tempPathsOf(req).map(removeQuietly));
        await this.budget.settle(reservation, stored);
      }
    } catch (error) {
      if (error instanceof RetryLaterProblem) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }
}
