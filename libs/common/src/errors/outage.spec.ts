import { dependencyOutage, outageReason } from './outage';
import { ProblemDetailsFilter } from './problem-details.filter';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('dependencyOutage', () => {
  it('reads PostgreSQL connection SQLSTATEs, bare or wrapped by TypeORM', () => {
    for (const code of ['08006', '08001', '08P01', '57P01', '57P02', '57P03', '53300']) {
      expect(dependencyOutage({ code })).toBe('postgres');
      expect(dependencyOutage({ driverError: { code } })).toBe('postgres');
    }
    expect(dependencyOutage({ code: '23505' })).toBeNull();
    expect(dependencyOutage({ code: '57014' })).toBeNull();
  });

  it('reads pg, pg-pool and socket failures as PostgreSQL', () => {
    expect(dependencyOutage(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(
      'postgres',
    );
    expect(dependencyOutage(new Error('Connection terminated unexpectedly'))).toBe('postgres');
    expect(dependencyOutage(new Error('timeout exceeded when trying to connect'))).toBe('postgres');
    expect(dependencyOutage({ driverError: new Error('Connection terminated') })).toBe('postgres');
    const aggregate = new AggregateError([withCode('connect ECONNREFUSED ::1', 'ECONNREFUSED')]);
    expect(dependencyOutage(aggregate)).toBe('postgres');
  });

  it("reads TypeORM's released query runner (its connection died mid-transaction) as PostgreSQL", () => {
    // What the next query or the COMMIT of a transaction throws once the server went away
    // under it (test/fault-postgres.e2e-spec.ts): a 503, not a 500.
    const released = Object.assign(
      new Error('Query runner already released. Cannot run queries anymore.'),
      { name: 'QueryRunnerAlreadyReleasedError' },
    );
    expect(dependencyOutage(released)).toBe('postgres');
  });

  it('reads ioredis failures as Redis', () => {
    expect(dependencyOutage(new Error('Connection is closed.'))).toBe('redis');
    expect(
      dependencyOutage(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe('redis');
    const retries = Object.assign(new Error('Reached the max retries per request limit'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(dependencyOutage(retries)).toBe('redis');
  });

  it('leaves every other error alone', () => {
    expect(dependencyOutage(new Error('boom'))).toBeNull();
    expect(dependencyOutage('ECONNREFUSED')).toBeNull();
    expect(dependencyOutage(null)).toBeNull();
  });

  it('gives a short reason without the rest of the message', () => {
    expect(
      outageReason(withCode('connect ECONNREFUSED 127.0.0.1:5432\nmore', 'ECONNREFUSED')),
    ).toBe('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:5432');
  });
});

describe('ProblemDetailsFilter and outages', () => {
  it('answers an outage 503 with a retry hint and tells the reporter once per error', () => {
    const seen: string[] = [];
    const filter = new ProblemDetailsFilter({ reportDown: (dep) => void seen.push(dep) });
    const body = filter.toProblem(new Error('Connection terminated unexpectedly'));
    expect(body).toMatchObject({ status: 503, type: '/problems/unavailable', retryAfter: 5 });
    expect(body.errorId).toBeUndefined();
    expect(filter.toProblem({ code: '57014' }).status).toBe(503);
    expect(filter.toProblem(new Error('Connection is closed.')).status).toBe(503);
    expect(seen).toEqual(['postgres', 'redis']);
  });
});
