import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Report } from './report.entity';

/** A file the citizen uploaded; the bytes live at `storage_path`, not in the database. */
@Entity({ name: 'evidence' })
@Index('ix_evidence_report_id', ['reportId'])
@Check('ck_evidence_size_bytes', `"size_bytes" >= 0`)
@Check('ck_evidence_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class Evidence {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evidence' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_evidence_report' })
  report?: Report;

  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** Lower-case hex. */
  @Column({ name: 'sha256', type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_path', type: 'text' })
  storagePath!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
