import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ContractProcessor } from './contract-processor';
import { JOB_CONTRACTS, JobContract } from './job-contracts';

/** A contract no processor handles, or a handler bound to a processor of another queue. */
export function jobHandlerProblems(
  processors: ReadonlyArray<{ queue: string; contracts: readonly JobContract<object, never>[] }>,
  contracts: readonly JobContract<object, never>[] = JOB_CONTRACTS,
): string[] {
  const problems: string[] = [];
  for (const p of processors) {
    for (const c of p.contracts) {
      if (c.queue !== p.queue) {
        problems.push(`job ${c.queue}/${c.name} is handled by a processor of queue ${p.queue}`);
      }
    }
  }
  const handled = new Set(
    processors.flatMap((p) => p.contracts.map((c) => `${c.queue}/${c.name}`)),
  );
  for (const c of contracts) {
    if (!handled.has(`${c.queue}/${c.name}`))
      problems.push(`job ${c.queue}/${c.name} has no handler`);
  }
  return problems;
}

/**
 * Worker start-up check: every job the service enqueues has a handler in this process, on the
 * right queue. Without it a renamed or forgotten job would sit in Redis unprocessed, unnoticed.
 */
@Injectable()
export class JobHandlersCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is ContractProcessor => instance instanceof ContractProcessor)
      .map((p) => ({ queue: p.worker.name, contracts: p.handlers.map((h) => h.contract) }));
    const problems = jobHandlerProblems(processors);
    if (problems.length > 0) {
      throw new Error(`the worker cannot start: ${problems.join('; ')}`);
    }
  }
}
