import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-year sequence behind `FR-YYYY-NNNNNN`; incremented with `UPDATE ... RETURNING`. */
@Entity({ name: 'reference_counters' })
@Check('ck_reference_counters_last_value', `"last_value" >= 0`)
export class ReferenceCounter {
  @PrimaryColumn({
    name: 'year',
    type: 'integer',
    primaryKeyConstraintName: 'pk_reference_counters',
  })
  year!: number;

  @Column({ name: 'last_value', type: 'integer', default: 0 })
  lastValue!: number;
}
