/**
 * A value read from PostgreSQL or Redis when Prometheus scrapes, so the scrape stays fast when
 * they are slow or down: a read younger than `ttlMs` is reused; a scrape waits at most
 * `timeoutMs` for a fresh one and otherwise answers with the last value it has (or none). A
 * read that never settles (BullMQ queues commands while Redis is down) is abandoned after
 * `abandonAfterMs`, so the next scrape tries again instead of waiting on it forever.
 */
export class ScrapeSample<T> {
  private value: T | undefined;
  private readAt = 0;
  private inflight: { promise: Promise<void>; startedAt: number } | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: { timeoutMs: number; ttlMs: number; abandonAfterMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<T | undefined> {
    if (this.value !== undefined && this.now() - this.readAt < this.options.ttlMs) {
      return this.value;
    }
    const current = this.inflight;
    const flight =
      current && this.now() - current.startedAt < this.options.abandonAfterMs
        ? current
        : this.start();
    await waitAtMost(flight.promise, this.options.timeoutMs);
    return this.value;
  }

  private start(): { promise: Promise<void>; startedAt: number } {
    const flight = {
      startedAt: this.now(),
      promise: this.read().then(
        (value) => {
          this.value = value;
          this.readAt = this.now();
        },
        // A failed read keeps the last value: the scrape still answers with what it has.
        () => undefined,
      ),
    };
    this.inflight = flight;
    void flight.promise.finally(() => {
      if (this.inflight === flight) this.inflight = undefined;
    });
    return flight;
  }
}

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
