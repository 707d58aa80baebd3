import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-year sequence behind `CY-YYYY-NNNNNN`; incremented with `INSERT ... ON CONFLICT`. */
@Entity({ name: 'case_counters' })
@Check('ck_case_counters_last_value', `"last_value" >= 0`)
export class CaseCounter {
  @PrimaryColumn({ name: 'year', type: 'integer', primaryKeyConstraintName: 'pk_case_counters' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer', default: 0 })
  lastValue!: number;
}
