import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE } from '@app/common';
import { AppConfig } from '@app/config';

/** How often Node looks for requests past their timeouts (its default, 30 s, is too coarse). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

function rawProblem(status: number, code: string, detail: string): string {
  const body = JSON.stringify(problem(status, code, detail));
  const reason = status === 408 ? 'Request Timeout' : 'Bad Request';
  return (
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
    body
  );
}

/**
 * Node's errors from before a request reaches express (request or headers too slow, malformed
 * HTTP) answered as problem details, like every other error; Node's default is a bare status
 * line. A socket already answering, or reset by the client, is just closed.
 */
function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
    ?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || answering === true) {
    socket.destroy();
    return;
  }
  const reply =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? rawProblem(408, 'request-timeout', 'The request did not arrive in time')
      : rawProblem(400, 'bad-request', 'The request is not valid HTTP');
  socket.end(reply);
}

/**
 * Bounds how long a client may take to send a request, so a trickled body or header cannot hold
 * a connection (and a request slot) open: past HTTP_REQUEST_TIMEOUT_MS (or
 * HTTP_HEADERS_TIMEOUT_MS for the headers) the client gets 408 and the connection is closed.
 * Set before listen(): Node reads the check interval when the server starts listening.
 */
export function applyServerTimeouts(server: Server, http: AppConfig['http']): void {
  server.requestTimeout = http.requestTimeoutMs;
  server.headersTimeout = http.headersTimeoutMs;
  server.keepAliveTimeout = http.keepAliveTimeoutMs;
  // A documented createServer option that @types/node does not list as a property.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    TIMEOUT_CHECK_INTERVAL_MS;
  server.on('clientError', onClientError);
}
