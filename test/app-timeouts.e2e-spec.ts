import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { startDeployment, TestDeployment } from '@app/testing';

interface RawReply {
  text: string;
  afterMs: number;
  closed: boolean;
}

/**
 * Bounded requests: a client that trickles its body or headers is answered 408 (problem
 * details) and disconnected after HTTP_REQUEST_TIMEOUT_MS / HTTP_HEADERS_TIMEOUT_MS, instead of
 * holding the connection open for minutes; no query of the API runs past statement_timeout.
 */
describe('app: request and statement timeouts', () => {
  let d: TestDeployment;
  let port: number;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'timeouts',
      env: {
        HTTP_REQUEST_TIMEOUT_MS: '2000',
        HTTP_HEADERS_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '1000',
      },
    });
    const server = d.api.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => d?.close());

  /** Sends `head`, then one byte of `drip` every 200 ms, until the server answers or 8 s pass. */
  function trickle(head: string, drip: string): Promise<RawReply> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let i = 0;
      const timer = setInterval(() => {
        if (socket.writable) socket.write(drip[i++ % drip.length]);
      }, 200);
      const done = (closed: boolean) => {
        clearInterval(timer);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ text, afterMs: Date.now() - started, closed });
      };
      const giveUp = setTimeout(() => done(false), 8000);
      socket.on('data', (chunk) => void (text += chunk.toString('utf8')));
      socket.on('close', () => done(true));
      socket.on('error', () => undefined);
      socket.write(head);
    });
  }

  it('cuts a trickled body with 408 after the request timeout', async () => {
    const reply = await trickle(
      'POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":"',
      'x',
    );
    expect(reply.closed).toBe(true);
    expect(reply.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply.text).toContain('application/problem+json');
    expect(reply.text).toContain('"type":"/problems/request-timeout"');
    expect(reply.afterMs).toBeGreaterThanOrEqual(1900);
    expect(reply.afterMs).toBeLessThan(5000);
  });

  it('cuts trickled headers with 408 after the headers timeout', async () => {
    const reply = await trickle('GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 'y');
    expect(reply.closed).toBe(true);
    expect(reply.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply.afterMs).toBeLessThan(4000);
  });

  it('still answers ordinary requests', async () => {
    await d.http().get('/health/live').expect(200);
    await d.http().get('/health/ready').expect(200);
  });

  it('runs every API query under statement_timeout', async () => {
    const db = d.api.get(DataSource);
    const [{ statement_timeout: setting }] = (await db.query('SHOW statement_timeout')) as Array<{
      statement_timeout: string;
    }>;
    expect(setting).toBe('1s');
    const started = Date.now();
    await expect(db.query('SELECT pg_sleep(5)')).rejects.toMatchObject({
      driverError: { code: '57014' },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
