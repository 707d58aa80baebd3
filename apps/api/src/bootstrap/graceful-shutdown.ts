import type { INestApplication } from '@nestjs/common';
import { Server as NetServer } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long requests in flight may take to finish after SIGTERM before they are cut. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Graceful stop of the HTTP process on SIGTERM/SIGINT, in the order that keeps promises:
 * first the server stops accepting connections and lets the requests in flight finish (their
 * clients get complete answers), and only then are the modules shut down (database pool,
 * Redis). Connections already accepted are not cut as "idle": one whose request is still being
 * read is idle to Node's `server.close()`, which resets it, so only the listening socket is
 * closed, and every answer from then on says `Connection: close` (keep-alive sockets end after
 * their answer, or at the keep-alive timeout). Nest's own `enableShutdownHooks` runs the
 * module hooks first and closes the server last, so a request in flight lost its database or
 * Redis connection and its client a reset (test/fault-processes.e2e-spec.ts, "SIGTERM under
 * load"). A second signal, or a drain past DRAIN_TIMEOUT_MS, cuts the remaining connections.
 */
export function closeGracefullyOnSignals(app: INestApplication, log: (m: string) => void): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    const server = app.getHttpServer() as Server;
    if (stopping) {
      server.closeAllConnections();
      return;
    }
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (!res.headersSent) res.setHeader('connection', 'close');
    });
    const cut = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
    // net.Server's close: stops listening and waits for the open connections to end.
    await new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    clearTimeout(cut);
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stop(signal).catch((err: unknown) => {
        console.error(`API failed to stop cleanly: ${(err as Error).message}`);
        process.exit(1);
      });
    });
  }
}
