import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ACTOR_KINDS, sqlStringList } from '@app/common';
import type { ActorKind } from '@app/common';
import type { User } from '@app/identity';
import { Case } from './case.entity';

/** Append-only timeline and audit trail of a case. */
@Entity({ name: 'case_events' })
@Index('ix_case_events_case_at_id', ['caseId', 'at', 'id'])
@Index('ix_case_events_type_at', ['type', 'at'])
@Check('ck_case_events_actor_kind', `"actor_kind" IN (${sqlStringList(ACTOR_KINDS)})`)
@Check('ck_case_events_staff_actor', `"actor_kind" <> 'staff' OR "actor_id" IS NOT NULL`)
export class CaseEvent {
  /** bigint comes back from pg as a string; it also orders events within one instant. */
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_case_events',
  })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => Case, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_events_case' })
  case?: Case;

  @Column({ name: 'at', type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_case_events_actor' })
  actor?: User | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: ActorKind;

  /** e.g. `case.created`, `case.claimed`, `case.transitioned`, `note.added`, `sla.breached`. */
  @Column({ name: 'type', type: 'text' })
  type!: string;

  /** Shown on the citizen's status page; internal notes are not. */
  @Column({ name: 'public', type: 'boolean', default: false })
  public!: boolean;

  @Column({ name: 'data', type: 'jsonb', default: {} })
  data!: Record<string, unknown>;
}
