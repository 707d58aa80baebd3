import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LOOKUP_BUCKETS, PRIORITIES, SUSPECT_TYPES } from '../domain-constants';
import type { LookupBucket, Priority, SuspectType } from '../domain-constants';
import {
  HTTP_DURATION_BUCKETS,
  METRIC,
  NOTICE_CHANNELS,
  NOTICE_OUTCOMES,
  QueueJobState,
  TRIAGE_LAG_BUCKETS,
} from './metric-names';
import type { NoticeChannel, NoticeOutcome } from './metric-names';
import { ScrapeSample } from './scrape-sample';

export interface QueueJobCount {
  queue: string;
  state: QueueJobState;
  count: number;
}

/** A database or Redis read behind a gauge: at most 1 s per scrape, reused for 5 s. */
export const SCRAPE_READ_OPTIONS = { timeoutMs: 1000, ttlMs: 5000, abandonAfterMs: 15000 };

/**
 * The metrics of one process (API or worker), in a registry of its own: the process defaults
 * plus every `fraud_*` metric. Counters move where their event happens (after the commit that
 * makes it true); the gauges that read PostgreSQL or Redis are read when Prometheus scrapes,
 * from sources the owning libs register (`setQueueJobsSource`, `setOutboxBacklogSource`).
 */
@Injectable()
export class FraudMetrics {
  /** Own registry, not prom-client's global one: the e2e tests run API and worker in one process. */
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: METRIC.httpRequestDuration,
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly triageLag = new Histogram({
    name: METRIC.triageLag,
    help: 'Seconds from a report being submitted to triage linking it to a case',
    buckets: TRIAGE_LAG_BUCKETS,
    registers: [this.registry],
  });

  private readonly slaBreaches = new Counter({
    name: METRIC.slaBreaches,
    help: 'Cases whose SLA (case creation to first claim) was breached, by priority',
    labelNames: ['priority'] as const,
    registers: [this.registry],
  });

  private readonly reportsReceived = new Counter({
    name: METRIC.reportsReceived,
    help: 'Citizen reports committed by intake (idempotent replays not counted)',
    registers: [this.registry],
  });

  private readonly noticesSent = new Counter({
    name: METRIC.noticesSent,
    help: 'Citizen notices by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly lookups = new Counter({
    name: METRIC.lookups,
    help: 'Public identifier lookups answered, by identifier type and answered bucket (never the value)',
    labelNames: ['type', 'reports'] as const,
    registers: [this.registry],
  });

  private queueJobsSource: ScrapeSample<QueueJobCount[]> | undefined;
  private outboxBacklogSource: ScrapeSample<number> | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const queueJobs: Gauge<'queue' | 'state'> = new Gauge({
      name: METRIC.queueJobs,
      help: 'BullMQ jobs by queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        const counts = await this.queueJobsSource?.get();
        if (counts === undefined) return;
        queueJobs.reset();
        for (const c of counts) queueJobs.set({ queue: c.queue, state: c.state }, c.count);
      },
    });
    const outboxBacklog: Gauge = new Gauge({
      name: METRIC.outboxBacklog,
      help: 'Outbox rows not yet relayed to Redis, read from PostgreSQL at scrape time',
      registers: [this.registry],
      collect: async () => {
        const backlog = await this.outboxBacklogSource?.get();
        if (backlog !== undefined) outboxBacklog.set(backlog);
      },
    });
    // Known label values start at zero, so a rate() exists before the first event.
    for (const priority of PRIORITIES) this.slaBreaches.inc({ priority }, 0);
    for (const channel of NOTICE_CHANNELS) {
      for (const outcome of NOTICE_OUTCOMES) this.noticesSent.inc({ channel, outcome }, 0);
    }
    for (const type of SUSPECT_TYPES) {
      for (const reports of LOOKUP_BUCKETS) this.lookups.inc({ type, reports }, 0);
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text; never rejects because PostgreSQL or Redis is down. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  reportReceived(): void {
    this.reportsReceived.inc();
  }

  /** Triage linked a report to a case for the first time. */
  reportTriaged(submittedAt: Date, linkedAt: Date = new Date()): void {
    this.triageLag.observe(Math.max(0, (linkedAt.getTime() - submittedAt.getTime()) / 1000));
  }

  slaBreached(priority: Priority): void {
    this.slaBreaches.inc({ priority });
  }

  noticeSent(channel: NoticeChannel, outcome: NoticeOutcome): void {
    this.noticesSent.inc({ channel, outcome });
  }

  /** A public lookup was answered: its (normalised) type and bucket, never the value. */
  lookupAnswered(type: SuspectType, reports: LookupBucket): void {
    this.lookups.inc({ type, reports });
  }

  setQueueJobsSource(read: () => Promise<QueueJobCount[]>): void {
    this.queueJobsSource = new ScrapeSample(read, SCRAPE_READ_OPTIONS);
  }

  setOutboxBacklogSource(read: () => Promise<number>): void {
    this.outboxBacklogSource = new ScrapeSample(read, SCRAPE_READ_OPTIONS);
  }
}
