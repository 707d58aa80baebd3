import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { BadRequestProblem, DomainException, NotFoundProblem } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryOne } from '@app/database';
import { ReportsConflict } from '../reports.errors';
import { lockReport } from '../report-links';
import type { EvidenceCreatedDto } from '../dtos/report-responses.dto';
import { Evidence } from '../entities/evidence.entity';
import { safeOriginalName } from './evidence-file-name';
import type { ReceivedEvidence } from './evidence-storage';
import { sniffFileType } from './file-signature';

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

/** 413: the file would take the report past its byte quota (EVIDENCE_REPORT_QUOTA_MB). */
export class EvidenceQuotaProblem extends DomainException {
  constructor(quotaBytes: number, usedBytes: number) {
    super(
      'evidence-quota-exceeded',
      HttpStatus.PAYLOAD_TOO_LARGE,
      'Payload Too Large',
      `A report holds at most ${Math.floor(quotaBytes / 1024 / 1024)} MB of evidence`,
      { quotaBytes, usedBytes },
    );
  }
}

/**
 * Records citizen evidence. The bytes are already on disk in a temporary file (the upload
 * interceptor streamed and hashed them); here the type is sniffed, the report's limits are
 * checked under its row lock, the row is committed, and only then is the file moved to
 * `EVIDENCE_DIR/<id>`. Any failure leaves neither a row nor a file.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async store(reportId: string, file: ReceivedEvidence | undefined): Promise<EvidenceCreatedDto> {
    if (!file || file.size === 0) {
      throw new BadRequestProblem('Send one non-empty file in the multipart field "file"', [
        { field: 'file', message: 'file is required' },
      ]);
    }
    const type = sniffFileType(file.head);
    if (type === null) throw new UnsupportedMediaTypeProblem();
    const id = randomUUID();
    const fileName = safeOriginalName(file.originalname);
    await this.dataSource.transaction(async (manager) => {
      await this.checkLimits(manager, reportId, file.size);
      await manager.getRepository(Evidence).insert({
        id,
        reportId,
        originalName: fileName,
        mimeType: type.mimeType,
        sizeBytes: file.size,
        sha256: file.sha256,
        storagePath: id,
      });
    });
    try {
      // Same filesystem (.incoming is inside EVIDENCE_DIR): an atomic rename, never a copy.
      await rename(file.tempPath, join(this.config.evidenceDir, id));
    } catch (error) {
      await this.dataSource.getRepository(Evidence).delete({ id });
      throw error;
    }
    this.logger.log({ reportId, evidenceId: id, size: file.size }, 'evidence stored');
    return { id, sha256: file.sha256, size: file.size, mimeType: type.mimeType, fileName };
  }

  /**
   * Count and bytes are read under the report's row lock, so parallel uploads to one report
   * are checked one after another against what the earlier ones committed.
   */
  private async checkLimits(manager: EntityManager, reportId: string, size: number) {
    if (!(await lockReport(manager, reportId))) throw new NotFoundProblem('Report');
    const { filesPerReport, bytesPerReport } = this.config.evidenceLimits;
    const held = await queryOne<{ files: number; bytes: string }>(
      manager,
      `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::text AS bytes
         FROM evidence WHERE report_id = $1`,
      [reportId],
    );
    const files = held?.files ?? 0;
    const bytes = Number(held?.bytes ?? 0);
    if (files >= filesPerReport) {
      throw new ReportsConflict(
        'evidence-limit',
        `A report holds at most ${filesPerReport} files`,
        { limit: filesPerReport },
      );
    }
    if (bytes + size > bytesPerReport) throw new EvidenceQuotaProblem(bytesPerReport, bytes);
  }
}
