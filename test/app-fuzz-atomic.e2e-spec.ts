import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  clip,
  DatabaseFingerprint,
  FuzzFixtures,
  fuzzBody,
  isWrite,
  json,
  Probe,
  rawJson,
  Route,
  RouteProber,
  routesOf,
  startDeployment,
  TestDeployment,
} from '@app/testing';

/**
 * Every public and staff write route of the OpenAPI document, driven by fast-check bodies from
 * every caller: no answer is a 5xx, and a rejected request (any 4xx) leaves every table as it
 * was — no partial rows, no counter moved, no ledger row half-written. The worker is stopped
 * after the fixtures are made, so that only the requests can change the database.
 *
 * CI replays FUZZ_SEED with FUZZ_ATOMIC_RUNS bodies per route and caller kind (default 12,
 * ~1,500 requests); the nightly-sized run is `npm run fuzz:nightly` (≥ 10,000 requests).
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_ATOMIC_RUNS ?? 12);

interface Changed {
  probe: string;
  status: number;
  tables: string[];
}

describe('fuzz: a rejected write changes nothing (OpenAPI-driven, fast-check)', () => {
  let d: TestDeployment;
  let routes: Route[];
  let fx: FuzzFixtures;
  let prober: RouteProber;
  let fingerprint: DatabaseFingerprint;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'fuzzatomic',
      worker: true,
      env: {
        RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '1000000',
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_IP_MAX_FAILURES: '1000000',
      },
    });
    fx = await FuzzFixtures.create(d);
    prober = new RouteProber(d, fx, SEED);
    routes = routesOf(SwaggerModule.createDocument(d.api, new DocumentBuilder().build())).filter(
      isWrite,
    );
    // Learn which callers get past authorisation, then stop the background work.
    await prober.run(
      routes.flatMap((route) =>
        fx.callers.map((caller): Probe => ({
          route,
          caller,
          url: fx.urlOf(route),
          payload: json(fx.plausibleBody(route)),
          label: 'plausible',
        })),
      ),
    );
    await d.stopWorker();
    fingerprint = await DatabaseFingerprint.of(d.api.get(DataSource));
  }, 180_000);

  afterAll(async () => {
    await d?.close();
  });

  it('fingerprints every table', () => {
    expect(fingerprint.tables).toEqual(
      expect.arrayContaining(['reports', 'outbox', 'cases', 'case_events', 'freezes', 'users']),
    );
    expect(routes.length).toBeGreaterThan(15);
  });

  it('leaves the database unchanged after every rejected write, with no 5xx', async () => {
    const changed: Changed[] = [];
    let rejected = 0;
    let acceptedWrites = 0;
    for (const route of routes) {
      const callers = prober.reachers(route);
      await fc.assert(
        fc.asyncProperty(fuzzBody(route, fx), fc.constantFrom(...callers), async (text, caller) => {
          const before = await fingerprint.read();
          const url = fx.urlOf(route);
          const status = await prober.send({
            route,
            caller,
            url,
            payload: rawJson(text),
            label: 'atomic',
          });
          const tables = DatabaseFingerprint.changed(before, await fingerprint.read());
          if (status < 400) {
            if (tables.length) acceptedWrites++;
            return;
          }
          rejected++;
          if (tables.length) {
            changed.push({
              probe: `${caller.name} ${route.key} ${clip(text, 200)}`,
              status,
              tables,
            });
          }
        }),
        { numRuns: RUNS * callers.length, seed: SEED },
      );
    }
    prober.assertClean();
    expect(changed.slice(0, 10)).toEqual([]);
    // Most fast-check bodies are refused: a run that refused none would prove nothing.
    expect(rejected).toBeGreaterThan(prober.total / 3);
    // And the fingerprint sees a write when one happens.
    expect(acceptedWrites).toBeGreaterThan(0);
    console.info(
      `fuzz-atomic: ${prober.total} requests, ${rejected} rejected, database unchanged by each (FUZZ_SEED=${SEED})`,
    );
  }, 1_800_000);
});
