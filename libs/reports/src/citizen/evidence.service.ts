import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { BadRequestProblem, DomainException, maskCardNumbersInText } from '@app/common';
import { ReportsConflict } from '../reports.errors';
import { APP_CONFIG, AppConfig } from '@app/config';
import type { EvidenceCreatedDto } from '../dtos/report-responses.dto';
import { Evidence } from '../entities/evidence.entity';
import { sniffFileType } from './file-signature';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES_PER_REPORT = 100;

export class UnsupportedMediaTypeProblem extends DomainException {
  constructor() {
    super(
      'unsupported-media-type',
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'Unsupported Media Type',
      'Evidence must be an image (JPEG, PNG, GIF, WebP, HEIC) or a PDF',
    );
  }
}

/** The part of a multer file this service reads. */
export interface UploadedEvidence {
  originalname: string;
  size: number;
  buffer: Buffer;
}

// File names come from the citizen's device: keep them readable, never executable or hidden.
function safeOriginalName(name: string): string {
  // A scan named after the card ("4400 4301 2345 6789.jpg") keeps only its last four digits.
  const cleaned = maskCardNumbersInText(name)
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_')
    .trim()
    .slice(0, 255);
  return cleaned === '' ? 'upload' : cleaned;
}

/**
 * Stores citizen evidence on local disk under EVIDENCE_DIR, named by a random id (never by
 * the client's name), with its SHA-256 in the database.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async store(reportId: string, file: UploadedEvidence | undefined): Promise<EvidenceCreatedDto> {
    if (!file || file.size === 0) {
      throw new BadRequestProblem('Send one non-empty file in the multipart field "file"', [
        { field: 'file', message: 'file is required' },
      ]);
    }
    const type = sniffFileType(file.buffer);
    if (type === null) throw new UnsupportedMediaTypeProblem();
    const count = await this.dataSource.getRepository(Evidence).countBy({ reportId });
    if (count >= MAX_EVIDENCE_FILES_PER_REPORT) {
      throw new ReportsConflict(
        'evidence-limit',
        `A report holds at most ${MAX_EVIDENCE_FILES_PER_REPORT} files`,
      );
    }
    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await mkdir(this.config.evidenceDir, { recursive: true, mode: 0o700 });
    const path = join(this.config.evidenceDir, id);
    await writeFile(path, file.buffer, { flag: 'wx', mode: 0o600 });
    try {
      await this.dataSource.getRepository(Evidence).insert({
        id,
        reportId,
        originalName: safeOriginalName(file.originalname),
        mimeType: type.mimeType,
        sizeBytes: file.size,
        sha256,
        storagePath: id,
      });
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    this.logger.log({ reportId, evidenceId: id, size: file.size }, 'evidence stored');
    return { id, sha256, size: file.size, mimeType: type.mimeType };
  }
}
