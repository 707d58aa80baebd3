/**
 * Sends fuzz probes and keeps the score: status codes and time per route, the callers that got
 * past authorisation with a plausible request, and every bad answer (a 5xx, or a 4xx that is
 * not RFC 9457 problem details).
 */
import { randomInt } from 'node:crypto';
import type { Caller, FuzzFixtures } from './fuzz-fixtures';
import { clip, Payload } from './fuzz-junk';
import type { Route } from './openapi-routes';
import type { TestDeployment } from './test-app';

export interface Probe {
  route: Route;
  caller: Caller;
  url: string;
  payload: Payload;
  headers?: Record<string, string>;
  label: string;
}

export interface Failure {
  probe: string;
  status: number;
  contentType: string;
  body: string;
  why: string;
}

export class RouteProber {
  readonly codes = new Map<string, Map<number, number>>();
  readonly failures: Failure[] = [];
  /** Callers that got past authorisation with a plausible request, per route. */
  private readonly reached = new Map<string, Set<string>>();
  private readonly spent = new Map<string, number>();
  total = 0;

  constructor(
    private readonly d: TestDeployment,
    private readonly fixtures: FuzzFixtures,
    /** Shown with the failures, to replay the run. */
    private readonly seed: number,
  ) {}

  /** Sends one probe, scores it and returns its status. */
  async send(probe: Probe): Promise<number> {
    const { route, caller, payload } = probe;
    // A fresh client address per request (the suite trusts the loopback proxy): the sign-in
    // tarpit (up to 2 s per failure and address) would otherwise dominate the run time.
    const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    let req = this.d.http()[route.method](probe.url).set('X-Forwarded-For', ip);
    if (caller.token) req = req.set('Authorization', `Bearer ${caller.token}`);
    else if (route.pathParams.includes('reference')) {
      req = req.set('X-Access-Code', this.fixtures.reports[0].accessCode);
    }
    for (const [k, v] of Object.entries(probe.headers ?? {})) req = req.set(k, v);
    if (payload.kind === 'raw') {
      req = req.set('Content-Type', payload.contentType).send(payload.text);
    }
    if (payload.kind === 'multipart') {
      req = req.attach(payload.field, payload.data, {
        filename: payload.filename,
        contentType: payload.contentType,
      });
    }
    const started = Date.now();
    const res = await req;
    this.total++;
    this.spent.set(route.key, (this.spent.get(route.key) ?? 0) + Date.now() - started);
    const byStatus = this.codes.get(route.key) ?? new Map<number, number>();
    byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    this.codes.set(route.key, byStatus);
    if (probe.label === 'plausible' && res.status !== 401 && res.status !== 403) {
      const set = this.reached.get(route.key) ?? new Set<string>();
      set.add(caller.name);
      this.reached.set(route.key, set);
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const why = this.verdict(res.status, contentType, res.body);
    if (why) {
      const shown =
        payload.kind === 'raw'
          ? payload.text
          : payload.kind === 'multipart'
            ? payload.filename
            : '';
      this.failures.push({
        probe:
          `${caller.name} ${route.method.toUpperCase()} ${clip(probe.url, 120)} ` +
          `[${probe.label}] ${clip(shown, 200)}`,
        status: res.status,
        contentType,
        body: clip(res.text ?? '', 300),
        why,
      });
    }
    return res.status;
  }

  private verdict(status: number, contentType: string, body: unknown): string | null {
    if (status >= 500) return '5xx';
    if (status < 400) return null;
    if (!contentType.startsWith('application/problem+json')) return 'not problem+json';
    const b = body as { type?: unknown; title?: unknown; status?: unknown } | null;
    if (typeof b?.type !== 'string' || typeof b.title !== 'string' || b.status !== status) {
      return 'problem lacks type/title/status';
    }
    return null;
  }

  async run(probes: Probe[]): Promise<void> {
    // Reads run a few at a time; writes one by one, so that a 503 (a retryable collision of
    // concurrent writes) never passes for a fault of the input.
    const queue = probes.filter((p) => p.route.method === 'get');
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await this.send(p);
      }),
    );
    for (const p of probes.filter((x) => x.route.method !== 'get')) await this.send(p);
  }

  summary(): string {
    const lines = [...this.codes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, byStatus]) => {
        const counts = [...byStatus.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ');
        return `  ${key.padEnd(38)} ${counts}  (${((this.spent.get(key) ?? 0) / 1000).toFixed(1)} s)`;
      });
    const shown = this.failures
      .slice(0, 40)
      .map((f) => `  ${f.why} ${f.status} ${f.contentType} ← ${f.probe}\n      ${f.body}`);
    return [
      `${this.failures.length} bad answer(s) of ${this.total} requests (FUZZ_SEED=${this.seed}).`,
      'Status codes per route:',
      ...lines,
      ...(this.failures.length ? ['First failures:', ...shown] : []),
    ].join('\n');
  }

  assertClean(): void {
    if (this.failures.length) throw new Error(this.summary());
  }

  /** Callers that got past authorisation on the route (all of them when none did). */
  reachers(route: Route): Caller[] {
    const { callers } = this.fixtures;
    const found = callers.filter((c) => this.reached.get(route.key)?.has(c.name));
    return found.length ? found : callers;
  }
}
