import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import type { OpenAPIObject } from '@nestjs/swagger';
import { checkedAgent, ResponseContract, startDeployment, TestDeployment } from '@app/testing';

/**
 * The committed document is what the API serves (the console generates its client from it),
 * and the response-contract check every e2e suite runs fails on what it must.
 */
describe('OpenAPI contract', () => {
  describe('docs/openapi.json', () => {
    let d: TestDeployment;

    beforeAll(async () => {
      d = await startDeployment({ label: 'openapi-doc' });
    });

    afterAll(async () => {
      await d?.close();
    });

    it('is the document the API serves (regenerate with `npm run openapi`)', async () => {
      const served = await d.http().get('/api/docs-json').expect(200);
      const committed: unknown = JSON.parse(
        readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8'),
      );
      expect(served.body).toEqual(committed);
    });
  });

  describe('the response check', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/v1/things/{id}': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'amount'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              amount: { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$' },
              note: { type: 'string', nullable: true },
            },
          },
        },
      },
    } as unknown as OpenAPIObject;

    const id = '0b7f3f5e-8d0c-4a55-9a43-5d1f0c2b7e11';
    let answer: { status: number; body: unknown; type?: string };
    let server: Server;
    let contract: ResponseContract;

    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.statusCode = answer.status;
        res.setHeader('Content-Type', answer.type ?? 'application/json');
        res.end(JSON.stringify(answer.body));
      });
      // Never deferred (CONTRACT_DEFER): these tests are about the per-request failure.
      contract = new ResponseContract(doc, 'openapi-self-test', false);
      contract.install(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    const get = () => checkedAgent(request(server), contract).get(`/api/v1/things/${id}`);

    it('passes a declared answer', async () => {
      answer = { status: 200, body: { id, amount: '12.50', note: null } };
      await get().expect(200);
    });

    it.each([
      [
        'an undeclared status',
        { status: 404, body: { type: '/problems/not-found' } },
        /status 404/,
      ],
      [
        'an undeclared field',
        { status: 200, body: { id, amount: '1.00', pin: '1234' } },
        /additional/,
      ],
      ['a wrong type', { status: 200, body: { id, amount: 12.5 } }, /amount must be string/],
      ['a wrong format', { status: 200, body: { id: 'x', amount: '1.00' } }, /format "uuid"/],
      [
        'an undeclared media type',
        { status: 200, body: { id, amount: '1.00' }, type: 'text/html' },
        /media type text\/html/,
      ],
    ])('fails the request that got %s', async (_what, reply, message) => {
      answer = reply;
      await expect(get()).rejects.toThrow(message);
    });
  });
});
