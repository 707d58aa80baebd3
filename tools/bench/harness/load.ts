/**
 * HTTP load for scenarios: autocannon with a fresh body per request (so every request is a
 * new, valid report), plus the figures the report shows. Runs in the harness process.
 */
import autocannon from 'autocannon';
import { round } from './figures';

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  /** Seconds of load (ignored when `amount` is set). */
  seconds?: number;
  /** Stop after this many requests. */
  amount?: number;
  /** Requests per second over all connections (open loop at that rate); none: as fast as it goes. */
  overallRate?: number;
  body: () => string;
  onResponse?: (status: number) => void;
  /** Called about once a second with requests finished so far. */
  onTick?: (done: number) => void;
}

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  /** Responses with a 2xx status. */
  ok: number;
  /** Non-2xx responses plus errors and timeouts. */
  failed: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  statusCounts: Record<string, number>;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const statusCounts: Record<string, number> = {};
  let done = 0;
  const ticker = setInterval(() => options.onTick?.(done), 1000);
  let result: autocannon.Result;
  try {
    result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.url,
          connections: options.connections,
          pipelining: 1,
          duration: options.amount === undefined ? (options.seconds ?? 10) : undefined,
          amount: options.amount,
          overallRate: options.overallRate,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              path: options.path,
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => ({ ...request, body: options.body() }),
            },
          ],
        },
        (error: unknown, finished) =>
          error
            ? reject(error instanceof Error ? error : new Error(String(error)))
            : resolve(finished),
      );
      // autocannon emits (client, statusCode, …); its types leave out the client.
      (instance as unknown as NodeJS.EventEmitter).on(
        'response',
        (_client: unknown, statusCode: number) => {
          done += 1;
          statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
          options.onResponse?.(statusCode);
        },
      );
    });
  } finally {
    clearInterval(ticker);
  }
  const ok = result['2xx'];
  const requests = result.requests.total;
  return {
    connections: options.connections,
    seconds: round(result.duration, 1),
    requests,
    ok,
    failed: requests - ok + result.errors + result.timeouts,
    perSecond: round(ok / result.duration, 1),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    statusCounts,
  };
}
