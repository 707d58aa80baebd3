import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { sqlStringList, SUSPECT_TYPES } from '@app/common';
import type { SuspectType } from '@app/common';
import { Case } from './case.entity';

/**
 * Which case owns an identifier. The primary key on (type, value) is what makes two cases for
 * one ring impossible: a second case cannot claim an identifier that is already owned.
 */
@Entity({ name: 'case_identifiers' })
@Index('ix_case_identifiers_case_id', ['caseId'])
@Check('ck_case_identifiers_type', `"type" IN (${sqlStringList(SUSPECT_TYPES)})`)
export class CaseIdentifier {
  @PrimaryColumn({ name: 'type', type: 'text', primaryKeyConstraintName: 'pk_case_identifiers' })
  type!: SuspectType;

  /** Normalised, as in `report_identifiers.value`. */
  @PrimaryColumn({ name: 'value', type: 'text', primaryKeyConstraintName: 'pk_case_identifiers' })
  value!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_identifiers_case' })
  case?: Case;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
