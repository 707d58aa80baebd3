/**
 * The raw baseline of the intake scenario: `node:http` + `pg`, no framework, doing what
 * `POST /api/v1/reports` does to the database with the same SQL on the same schema and the
 * same crypto (PiiService from the same config, the same row builders as
 * ReportIntakeService): one autocommit statement for the reference, then the API's own single
 * statement for the report, its transactions, its identifiers and the outbox row. It skips what a framework
 * and a public API add on top (DTO validation, rate limiting, metrics, request logging,
 * security headers, problem mapping): the gap to it is what those cost.
 *
 * Run by the harness as `node dist/tools/bench/baseline/raw-intake.js` with the API's
 * environment (PORT, DATABASE_URL, PII_ENCRYPTION_KEY, …). Not for production.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreateReportDto } from '../../../libs/reports/src/dtos/create-report.dto';
import { BadRequest, config, pool, shapeOf, submit } from './intake-submit';

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/health/ready') {
    await pool.query('SELECT 1');
    return send(res, 200, { status: 'ok' });
  }
  if (req.method !== 'POST' || req.url !== '/api/v1/reports') return send(res, 404, {});
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let dto: CreateReportDto;
  try {
    dto = shapeOf(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    send(res, 202, await submit(dto));
  } catch (error) {
    if (error instanceof BadRequest || error instanceof SyntaxError) {
      return send(res, 400, { title: 'Bad request' });
    }
    throw error;
  }
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, { title: 'Internal error' });
    else res.destroy();
  });
});
server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
server.listen(config.http.port, config.http.host);

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
