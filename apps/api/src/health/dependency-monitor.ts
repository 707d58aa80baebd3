import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPENDENCIES, Dependency, OutageReporter, outageReason } from '@app/common';
import { RedisClient } from '@app/queue';

export type DependencyState = 'up' | 'down';
export type DependencyChecks = Record<Dependency, DependencyState>;

/** A probe that has not answered by then counts as down: readiness must answer promptly. */
const PROBE_TIMEOUT_MS = 1500;
/** While a dependency is down, it is probed this often to notice (and log) its return. */
const RECOVERY_PROBE_MS = 1000;

interface Outage {
  since: number;
  failedRequests: number;
  timer: NodeJS.Timeout;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Knows whether PostgreSQL and Redis answer. The readiness probe asks it; the error filter tells
 * it when a request failed for want of one. An outage is logged twice, as one warn line when it
 * starts and one when the dependency answers again (found by probing every second meanwhile),
 * whatever the number of probes and failed requests in between.
 */
@Injectable()
export class DependencyMonitor implements OutageReporter, OnModuleDestroy {
  private readonly logger = new Logger('Dependencies');
  private readonly outages = new Map<Dependency, Outage>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly redisClient: RedisClient,
  ) {}

  /** Probes both now and records what it found. */
  async check(): Promise<DependencyChecks> {
    const states = await Promise.all(DEPENDENCIES.map((d) => this.probeAndRecord(d)));
    return Object.fromEntries(DEPENDENCIES.map((d, i) => [d, states[i]])) as DependencyChecks;
  }

  reportDown(dependency: Dependency, error: unknown): void {
    const outage = this.outages.get(dependency);
    if (outage !== undefined) {
      outage.failedRequests += 1;
      return;
    }
    this.markDown(dependency, outageReason(error), 1);
  }

  onModuleDestroy(): void {
    for (const outage of this.outages.values()) clearInterval(outage.timer);
    this.outages.clear();
  }

  private async probeAndRecord(dependency: Dependency): Promise<DependencyState> {
    try {
      await within(this.probe(dependency), PROBE_TIMEOUT_MS);
      this.markUp(dependency);
      return 'up';
    } catch (error) {
      if (!this.outages.has(dependency)) this.markDown(dependency, outageReason(error), 0);
      return 'down';
    }
  }

  private async probe(dependency: Dependency): Promise<void> {
    if (dependency === 'postgres') {
      await this.dataSource.query('SELECT 1');
      return;
    }
    const pong = await this.redisClient.redis.ping();
    if (pong !== 'PONG') throw new Error('unexpected reply to PING');
  }

  private markDown(dependency: Dependency, reason: string, failedRequests: number): void {
    const timer = setInterval(() => void this.probeAndRecord(dependency), RECOVERY_PROBE_MS);
    timer.unref();
    this.outages.set(dependency, { since: Date.now(), failedRequests, timer });
    this.logger.warn(`${dependency} is unavailable (${reason}); requests that need it get 503`);
  }

  private markUp(dependency: Dependency): void {
    const outage = this.outages.get(dependency);
    if (outage === undefined) return;
    clearInterval(outage.timer);
    this.outages.delete(dependency);
    const seconds = Math.round((Date.now() - outage.since) / 1000);
    this.logger.warn(
      `${dependency} is available again after ${seconds} s (${outage.failedRequests} requests got 503)`,
    );
  }
}
