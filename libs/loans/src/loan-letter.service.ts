import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { Money, PiiService } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { queryOne } from '@app/database';
import type { StaffPrincipal } from '@app/identity';
import { LetterLanguage, maskIin, renderLoanLetter } from './loan-letter';
import { LoanWriteoffsService } from './loan-writeoffs.service';

export interface RenderedLetter {
  pdf: Buffer;
  fileName: string;
}

/**
 * The police letter to the lender (DESIGN): in Kazakh for a report filed in Kazakh, else in
 * Russian, unless `lang` says otherwise. It names the victim, so rendering it is audited like
 * opening the report; the IIN is printed masked.
 */
@Injectable()
export class LoanLetterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writeoffs: LoanWriteoffsService,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
  ) {}

  async render(user: StaffPrincipal, id: string, lang?: LetterLanguage): Promise<RenderedLetter> {
    const m = this.dataSource.manager;
    const w = await this.writeoffs.loadInScope(m, user, id);
    const victim = await queryOne<{ full_name: string; iin_enc: string | null; language: string }>(
      m,
      `SELECT reporter_full_name AS full_name, reporter_iin_enc AS iin_enc, language
         FROM reports WHERE id = $1`,
      [w.report_id],
    );
    const language: LetterLanguage = lang ?? (victim!.language === 'kk' ? 'kk' : 'ru');
    const date = new Intl.DateTimeFormat('ru-RU', {
      timeZone: this.config.reportingTimeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    const pdf = await renderLoanLetter({
      language,
      unit: this.config.letterUnitName,
      date,
      lender: w.lender,
      contractNumber: w.contract_number,
      amount: Money.format(Money.fromDb(w.requested_tiyn)),
      reference: w.reference,
      caseNumber: w.case_number,
      victimName: victim!.full_name,
      victimIinMasked: victim!.iin_enc === null ? null : maskIin(this.pii.decrypt(victim!.iin_enc)),
    });
    await this.audit.record({
      actorId: user.id,
      actorRole: user.role,
      action: 'loan_writeoff.letter_rendered',
      route: 'GET /api/v1/loan-writeoffs/:id/letter.pdf',
      targetType: 'loan_writeoff',
      targetId: w.id,
    });
    return { pdf, fileName: `letter-${w.reference}.pdf` };
  }
}
