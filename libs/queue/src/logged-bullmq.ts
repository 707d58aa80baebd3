import { BullModule } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { ThrottledErrorLog } from '@app/common';

/** At most one line per queue or worker this often while Redis is unreachable. */
export const QUEUE_ERROR_LOG_INTERVAL_MS = 30_000;

const logger = new Logger('Queue');

interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Without an `error` listener BullMQ prints every failed reconnect to stderr (several a second
 * during a Redis outage); this one logs through the Nest logger, throttled per source.
 */
function logErrors(emitter: ErrorEmitter, source: string): void {
  const log = new ThrottledErrorLog((m) => logger.warn(m), QUEUE_ERROR_LOG_INTERVAL_MS);
  emitter.on('error', (error) => log.record(source, error));
}

/** A BullMQ Queue with the throttled error log attached in its constructor. */
export class LoggedQueue extends Queue {
  constructor(...args: ConstructorParameters<typeof Queue>) {
    super(...args);
    logErrors(this, `queue ${this.name}`);
  }
}

/** A BullMQ Worker with the throttled error log attached in its constructor. */
export class LoggedWorker extends Worker {
  constructor(...args: ConstructorParameters<typeof Worker>) {
    super(...args);
    logErrors(this, `worker ${this.name}`);
  }
}

/**
 * Makes `@nestjs/bullmq` build every registered queue and every `@Processor` worker from the
 * classes above (its documented hook for custom classes). The listener is then in place before
 * the first connection attempt: a provider attaching it at module init would miss the errors
 * of a connection refused while the rest of the app was still being created.
 */
export function useLoggedBullClasses(): void {
  BullModule.queueClass = LoggedQueue;
  BullModule.workerClass = LoggedWorker;
}
