import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import type { JobContract } from './job-contracts';
import { parseJobData } from './job-data';

/** One job name of a queue bound to the function that does its work. */
export interface JobHandler {
  readonly contract: JobContract<object, never>;
  run(job: Job, token?: string): Promise<unknown>;
}

/** Binds a contract to its work; the payload is validated against the contract's class first. */
export function handleJob<TData extends object, TKey>(
  contract: JobContract<TData, TKey>,
  work: (data: TData, job: Job, token?: string) => Promise<unknown>,
): JobHandler {
  return {
    contract: contract as unknown as JobContract<object, never>,
    run: (job, token) => {
      const data = contract.data ? parseJobData(contract.data, job.data) : ({} as TData);
      return work(data, job, token);
    },
  };
}

/**
 * Base of every processor: it lists the contracts it handles, and `process` dispatches on the
 * job name. A name it does not know fails for good instead of burning retries; the worker's
 * start-up check (JobHandlersCheck) makes sure every contract has a handler somewhere.
 */
export abstract class ContractProcessor extends WorkerHost {
  abstract readonly handlers: readonly JobHandler[];

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.find((h) => h.contract.name === job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler.run(job, token);
  }
}
