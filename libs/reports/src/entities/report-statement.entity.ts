import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Report } from './report.entity';

/** Information the citizen added after filing. */
@Entity({ name: 'report_statements' })
@Index('ix_report_statements_report_id', ['reportId'])
export class ReportStatement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_report_statements' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_statements_report' })
  report?: Report;

  @Column({ name: 'text', type: 'text' })
  text!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
