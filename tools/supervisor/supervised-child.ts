import { ChildProcess, fork } from 'node:child_process';
import { createInterface } from 'node:readline';

/** First restart after 1 s, doubling up to 30 s; a child that ran 60 s starts over at 1 s. */
export const RESTART_BASE_MS = 1000;
export const RESTART_CAP_MS = 30_000;
export const RESTART_RESET_AFTER_MS = 60_000;

export function restartDelay(attempt: number): number {
  return Math.min(RESTART_CAP_MS, RESTART_BASE_MS * 2 ** attempt);
}

export interface ChildHooks {
  line(name: string, stream: 'stdout' | 'stderr', text: string): void;
  log(level: 'info' | 'warn' | 'error', msg: string): void;
  /** The child's pid changed (started or restarted). */
  spawned(): void;
  /** The child died before it was ever ready: a setup problem that restarts will not fix. */
  fatal(msg: string): void;
}

/**
 * One app (API or worker) run by the supervisor: forked with an IPC channel, over which the app
 * says when it is ready; restarted with exponential backoff when it dies after having been
 * ready; stopped with SIGTERM, then SIGKILL after a timeout.
 */
export class SupervisedChild {
  private proc?: ChildProcess;
  private attempt = 0;
  private startedAt = 0;
  private everReady = false;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private markReady!: () => void;
  /** Resolves when the child said it is ready for the first time. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly hooks: ChildHooks,
  ) {}

  get pid(): number | undefined {
    return this.proc?.exitCode === null && this.proc.signalCode === null
      ? this.proc.pid
      : undefined;
  }

  start(): void {
    this.startedAt = Date.now();
    const proc = fork(this.entry, [], { env: this.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.proc = proc;
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: proc[stream]! }).on('line', (l) =>
        this.hooks.line(this.name, stream, l),
      );
    }
    proc.on('message', (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      this.everReady = true;
      this.markReady();
    });
    proc.once('exit', (code, signal) => this.exited(code, signal));
    this.hooks.spawned();
  }

  private exited(code: number | null, signal: NodeJS.Signals | null) {
    this.hooks.spawned();
    if (this.stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!this.everReady) {
      this.hooks.fatal(`${this.name} ${how} before it was ready; stopping`);
      return;
    }
    const ranFor = Date.now() - this.startedAt;
    if (ranFor >= RESTART_RESET_AFTER_MS) this.attempt = 0;
    const delay = restartDelay(this.attempt++);
    this.hooks.log(
      'warn',
      `${this.name} ${how} after ${Math.round(ranFor / 1000)} s; restarting in ${delay / 1000} s`,
    );
    this.restartTimer = setTimeout(() => this.start(), delay);
  }

  /** No draining: the second Ctrl-C. */
  kill(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.proc?.kill('SIGKILL');
  }

  /** SIGTERM (the app drains: HTTP requests, running jobs), SIGKILL after timeoutMs. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.hooks.log('warn', `${this.name} did not stop within ${timeoutMs / 1000} s; killing it`);
      proc.kill('SIGKILL');
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
