import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import type { SlaTimer } from '../shared/case-rows';

export const SLA_DUE_JOB = 'due';
export const SLA_SWEEP_JOB = 'sweep';
const SWEEP_EVERY_MS = 60_000;

export interface SlaJobData {
  caseId: string;
}

/** `sla-<caseId>-<priority>`: re-arming the same timer twice enqueues it once. */
export function slaJobId(timer: Pick<SlaTimer, 'caseId' | 'priority'>): string {
  return `sla-${timer.caseId}-${timer.priority}`;
}

/**
 * Arms SLA timers as delayed BullMQ jobs. Called after the transaction that set `sla_due_at`
 * commits; a lost timer is caught by the periodic sweep, so Redis never decides a breach alone.
 */
@Injectable()
export class SlaTimersService {
  constructor(@InjectQueue(QueueName.CaseSla) private readonly queue: Queue) {}

  async arm(timer: SlaTimer): Promise<void> {
    const data: SlaJobData = { caseId: timer.caseId };
    await this.queue.add(SLA_DUE_JOB, data, {
      jobId: slaJobId(timer),
      delay: Math.max(0, timer.dueAt.getTime() - Date.now()),
    });
  }

  /** The minutely sweep; an upsert, so every worker replica may call it and one results. */
  async scheduleSweep(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SLA_SWEEP_JOB,
      { every: SWEEP_EVERY_MS },
      { name: SLA_SWEEP_JOB, data: {} },
    );
  }
}
