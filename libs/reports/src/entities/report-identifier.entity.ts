import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { IDENTIFIER_SOURCES, sqlStringList, SUSPECT_TYPES } from '@app/common';
import type { IdentifierSource, SuspectType } from '@app/common';
import { Report } from './report.entity';

/** A normalised suspect identifier of a report: what links reports into cases. */
@Entity({ name: 'report_identifiers' })
@Unique('uq_report_identifiers_report_id_type_value', ['reportId', 'type', 'value'])
// The public lookup's index: at most ten entries answer its count and its latest month.
@Index('ix_report_identifiers_type_value_reported_at', ['type', 'value', 'reportedAt'])
@Check('ck_report_identifiers_type', `"type" IN (${sqlStringList(SUSPECT_TYPES)})`)
@Check('ck_report_identifiers_source', `"source" IN (${sqlStringList(IDENTIFIER_SOURCES)})`)
export class ReportIdentifier {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_report_identifiers' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_identifiers_report' })
  report?: Report;

  @Column({ name: 'type', type: 'text' })
  type!: SuspectType;

  /** Normalised; for cards the keyed hash, never the number. */
  @Column({ name: 'value', type: 'text' })
  value!: string;

  /** Masked for cards and phones. */
  @Column({ name: 'display', type: 'text' })
  display!: string;

  @Column({ name: 'source', type: 'text' })
  source!: IdentifierSource;

  /**
   * When it was reported: the report's `submittedAt` at intake; a statement's insert leaves the
   * default, its transaction's time (the statement's `created_at`).
   */
  @Column({ name: 'reported_at', type: 'timestamptz', default: () => 'now()' })
  reportedAt!: Date;
}
