import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  codeForStatus,
  FraudMetrics,
  problem,
  PROBLEM_CONTENT_TYPE,
  UNMATCHED_ROUTE,
} from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { RedisClient } from '@app/queue';

const CHECK_TIMEOUT_MS = 1500;
const RETRY_AFTER_SECONDS = 5;
const ROUTES = ['/metrics', '/health/live', '/health/ready'] as const;
type Route = (typeof ROUTES)[number];

interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * The worker's only HTTP surface, on `WORKER_METRICS_PORT`: `/metrics` for Prometheus and
 * `/health/live`, `/health/ready` for the container healthcheck. Plain node:http, so the worker
 * loads no controller and no HTTP framework.
 */
@Injectable()
export class WorkerOpsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: FraudMetrics,
    private readonly dataSource: DataSource,
    private readonly redisClient: RedisClient,
  ) {}

  /** The bound port: the configured one, or the one the OS picked for `0`. */
  get port(): number {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the worker ops server is not listening');
    return address.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    const port = this.config.workerMetricsPort;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new Error(`WORKER_METRICS_PORT ${port} is in use: choose another port`)
            : err,
        ),
      );
      server.listen(port, this.config.http.host, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0];
    const route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : undefined;
    let reply: Reply;
    try {
      reply = await this.reply(req.method ?? 'GET', route);
    } catch {
      // render() and the checks do not reject; this is a guard so a scrape never gets a 500.
      reply = problemReply(503, 'The worker could not answer');
    }
    res.writeHead(reply.status, { 'Content-Type': reply.type, ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    this.metrics.observeHttpRequest(
      req.method ?? 'GET',
      route ?? UNMATCHED_ROUTE,
      reply.status,
      seconds,
    );
  }

  private async reply(method: string, route: Route | undefined): Promise<Reply> {
    if (!route) return problemReply(404, 'Not found');
    if (method !== 'GET' && method !== 'HEAD') {
      return { ...problemReply(405, `Only GET ${route}`), headers: { Allow: 'GET, HEAD' } };
    }
    if (route === '/metrics') {
      return { status: 200, type: this.metrics.contentType, body: await this.metrics.render() };
    }
    if (route === '/health/live') return json(200, { status: 'ok' });
    return this.readiness();
  }

  /** PostgreSQL and Redis, like the API's readiness; a `503` problem when either is down. */
  private async readiness(): Promise<Reply> {
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(async () => {
        if ((await this.redisClient.redis.ping()) !== 'PONG') throw new Error('unexpected reply');
      }),
    ]);
    const info = { postgres, redis };
    if (postgres.status === 'up' && redis.status === 'up') {
      return json(200, { status: 'ok', info });
    }
    const down = Object.entries(info)
      .filter(([, v]) => v.status === 'down')
      .map(([k]) => k);
    return {
      ...problemReply(503, `Not ready: ${down.join(' and ')} down`, { info }),
      headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    };
  }
}

async function check(probe: () => Promise<unknown>): Promise<{ status: 'up' | 'down' }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { status: 'up' };
  } catch {
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}

function json(status: number, body: unknown): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}

function problemReply(status: number, detail: string, extras: Record<string, unknown> = {}) {
  return {
    status,
    type: PROBLEM_CONTENT_TYPE,
    body: JSON.stringify(problem(status, codeForStatus(status), detail, extras)),
  };
}
