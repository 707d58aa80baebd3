/** Where throttled lines go: the Nest logger in the apps, a spy in the unit test. */
export type ErrorLogSink = (message: string) => void;

interface SourceState {
  lastLoggedAt: number;
  suppressed: number;
}

/**
 * One log line per source at most every `intervalMs`: e.g. during a Redis outage every BullMQ queue
 * and worker emits an `error` per reconnect attempt, which would otherwise flood the log (or,
 * without any listener, stderr). The line names the source and how many errors it stood for.
 */
export class ThrottledErrorLog {
  private readonly sources = new Map<string, SourceState>();

  constructor(
    private readonly sink: ErrorLogSink,
    private readonly intervalMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(source: string, error: unknown): void {
    const at = this.now();
    const state = this.sources.get(source);
    if (state !== undefined && at - state.lastLoggedAt < this.intervalMs) {
      state.suppressed += 1;
      return;
    }
    const suppressed = state?.suppressed ?? 0;
    this.sources.set(source, { lastLoggedAt: at, suppressed: 0 });
    const message = error instanceof Error ? error.message : String(error);
    const more = suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
    this.sink(`${source}: ${message.slice(0, 300)}${more}`);
  }
}
